using System.Buffers.Binary;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Isa;
using StarkGpu.Rv32im.Tests.Support;

namespace StarkGpu.Rv32im.Tests.Chips.Support;

/// <summary>Cpu-chip inputs: guest programs run in several shards, a hand-written program, and synthetic events.</summary>
public static class CpuRecords
{
    /// <summary>Guests whose every shard the trace-equality tests use (tests/programs).</summary>
    public static readonly string[] Guests = ["fibonacci", "sha256", "insn_test", "memory", "hints"];

    /// <summary>Every guest, for the checks run on a sample of shards (<see cref="SampleShards"/>).</summary>
    public static readonly string[] AllGuests = [.. Guests, "sort", "keccak", "bigmul"];

    /// <summary>Small shards, so every guest has several and shard boundaries are crossed.</summary>
    public const int ShardSize = 1 << 12;

    // insn_test and hints run a few hundred cycles.
    private const int SmallGuestShardSize = 1 << 7;

    private static readonly byte[][] Hints = [Words(1, 2, 3), Words(100, 200, 300, 400, 5)];

    /// <summary>The loaded guest <paramref name="name"/>.</summary>
    public static Program Guest(string name) => ElfLoader.LoadFile(RepoPaths.GuestElf(name));

    /// <summary>Runs <paramref name="program"/> recording shards of <paramref name="shardSize"/> cycles (hints for the hints guest).</summary>
    public static ExecutionResult Run(Program program, int shardSize = ShardSize) =>
        Executor.Execute(program, new ExecutionOptions { Mode = ExecutionMode.Recording, ShardSize = shardSize, Hints = Hints });

    /// <summary>Runs guest <paramref name="name"/> in shards small enough that it has several.</summary>
    public static ExecutionResult RunGuest(string name) =>
        Run(Guest(name), name is "insn_test" or "hints" ? SmallGuestShardSize : ShardSize);

    /// <summary>
    /// The first two, a middle and the last shard: the expensive checks (a 2^16-row ByteLookup per shard) run on
    /// these; what is special happens at the start, at the end (HALT) and across a shard boundary.
    /// </summary>
    public static IEnumerable<ExecutionRecord> SampleShards(ExecutionResult result)
    {
        var shards = result.Shards;
        return new[] { 0, 1, shards.Count / 2, shards.Count - 1 }.Where(i => i < shards.Count).Distinct().Select(i => shards[i]);
    }

    /// <summary>
    /// A hand-written program for the cases compiled guests rarely have: loads into x0, stores of x0, ALU results
    /// into x0 (no alu event), a taken branch on x0, JAL and JALR with and without a link, AUIPC, LUI, immediates
    /// above p, sub-word loads and stores, a negative offset (the address sum overflows), and syscalls (WRITE, HALT).
    /// </summary>
    public static Program HandWritten()
    {
        const uint data = TestElf.DataBase;
        uint[] code =
        [
            Asm.Lui(1, data >> 12),          // x1 = data (ADD with both operands immediate)
            Asm.Addi(2, 0, -5),              // x2 = 0xfffffffb: an immediate above p
            Asm.Sw(2, 1, 0),                 // SW
            Asm.Lw(0, 1, 0),                 // LW into x0: a = 0, not the word
            Asm.Lw(3, 1, 0),                 // LW
            Asm.Lh(4, 1, 2),                 // LH of the upper half
            Asm.S(5, 2, 1, 0, 0x23),         // SB at data + 5
            Asm.I(5, 1, 4, 6, 0x03),         // LBU x6, 5(x1)
            Asm.Sw(0, 1, 8),                 // SW of x0
            Asm.Add(0, 2, 2),                // ALU into x0: no alu event
            Asm.Beq(0, 0, 8),                // taken, skips the next
            Asm.Addi(7, 0, 99),
            Asm.Jal(0, 8),                   // JAL x0 skips the next
            Asm.Addi(7, 0, 98),
            (0u << 12) | (8u << 7) | 0x17,   // AUIPC x8, 0
            Asm.Jalr(9, 8, 12),              // JALR x9, 12(x8): skips the next
            Asm.Addi(7, 0, 97),
            Asm.Jal(10, 8),                  // JAL with a link
            Asm.Addi(7, 0, 96),
            Asm.Add(11, 3, 4),
            Asm.Addi(13, 1, 8),
            Asm.Lw(12, 13, -4),              // b + c overflows 2^32: a carry out of every byte
            Asm.Addi(5, 0, 2),               // WRITE(fd 1, data, 1)
            Asm.Addi(10, 0, 1),
            Asm.Addi(11, 1, 0),
            Asm.Addi(12, 0, 1),
            Asm.Ecall,
            .. Asm.Halt(0),
        ];
        return ElfLoader.Load(TestElf.FromCode(code, data: [0x41, 0, 0, 0], dataMemorySize: 4096));
    }

    /// <summary>
    /// A record of <paramref name="count"/> events with random (not executable) values over every executable opcode:
    /// random registers (x0 often), immediates up to 2^32 - 1, and junk in the records a row must ignore (b/c
    /// records of immediates, the memory record of non-memory instructions) to prove both paths ignore them.
    /// </summary>
    public static ExecutionRecord Synthetic(int seed, int count)
    {
        var random = new Random(seed);
        var opcodes = Enum.GetValues<Opcode>().Where(o => o is not (Opcode.Unimp or Opcode.Ebreak)).ToArray();
        uint[] edges = [0, 1, 0x7f00_0000, 0x7f00_0001, 0x7fff_ffff, 0x8000_0000, 0xffff_fffb, 0xffff_ffff];
        uint Word() => random.Next(3) == 0 ? edges[random.Next(edges.Length)] : (uint)random.NextInt64(1L << 32);
        MemoryAccessRecord Access() => new() { Value = Word(), PrevValue = Word(), PrevShard = Word(), PrevTimestamp = Word() };

        var record = new ExecutionRecord(7, count);
        for (var i = 0; i < count; i++)
        {
            var opcode = opcodes[i < opcodes.Length ? i : random.Next(opcodes.Length)];
            var immB = random.Next(2) == 0;
            var immC = random.Next(2) == 0;
            record.Cpu.Add(new CpuEvent
            {
                Shard = Word(),
                Clk = Word(),
                Pc = Word(),
                NextPc = Word(),
                Opcode = opcode,
                OpA = (byte)(random.Next(3) == 0 ? 0 : random.Next(32)),
                ImmB = immB,
                ImmC = immC,
                OpB = immB ? Word() : (uint)random.Next(32),
                OpC = immC ? Word() : (uint)random.Next(32),
                A = Word(),
                B = Word(),
                C = Word(),
                MemoryAddress = Word(),
                ARecord = Access(),
                BRecord = Access(),
                CRecord = Access(),
                MemoryRecord = Access(),
            });
        }

        return record;
    }

    private static byte[] Words(params uint[] words)
    {
        var bytes = new byte[4 * words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 * i), words[i]);
        }

        return bytes;
    }
}
