using StarkGpu.Fields;
using StarkGpu.Fields.Poseidon2;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Tests.Support;

namespace StarkGpu.Rv32im.Tests.Execution;

/// <summary>
/// The Poseidon2 precompile (syscall 0x133): it permutes the 16 words at a0 in place with the configured internal
/// layer, records one access per word, undoes its writes at the end of an unconstrained block, and rejects a word
/// that is not a field element, naming the pc.
/// </summary>
public class Poseidon2SyscallTests
{
    private const uint Base = TestElf.CodeBase;

    /// <summary>Pc of the Poseidon2 ECALL in <see cref="PermuteThenPrint"/>.</summary>
    private const uint EcallPc = Base + 12;

    /// <summary>t1 = the data segment's address (lui, since it is 4 KiB-aligned).</summary>
    private static readonly uint LoadDataAddress = Asm.Lui(6, TestElf.DataBase >> 12);

    /// <summary>POSEIDON2(a0 = data + offset), then WRITE(stdout, data, 64 + offset), then HALT(0).</summary>
    private static uint[] PermuteThenPrint(int offset = 0) =>
    [
        LoadDataAddress, Asm.Addi(10, 6, offset), Asm.Addi(5, 0, (int)SyscallCode.Poseidon2Permute), Asm.Ecall,
        Asm.Addi(5, 0, 2), Asm.Addi(10, 0, 1), Asm.Addi(11, 6, 0), Asm.Addi(12, 0, 64 + offset), Asm.Ecall,
        .. Asm.Halt(0),
    ];

    [TestCase(Poseidon2InternalLayerKind.Sp1, ExecutionMode.Fast)]
    [TestCase(Poseidon2InternalLayerKind.Sp1, ExecutionMode.Recording)]
    [TestCase(Poseidon2InternalLayerKind.Plonky3, ExecutionMode.Fast)]
    [TestCase(Poseidon2InternalLayerKind.Plonky3, ExecutionMode.Recording)]
    public void PermutesTheWordsInPlace(Poseidon2InternalLayerKind layer, ExecutionMode mode)
    {
        var input = RandomWords(new Random(7), 16);
        var program = ElfLoader.Load(TestElf.FromCode(PermuteThenPrint(), Bytes(input), 4096));
        using var result = Executor.Execute(program, new ExecutionOptions { Mode = mode, Poseidon2Layer = layer, ShardSize = 1024 });

        var expected = Permuted(input, layer);
        Assert.That(Words(result.Stdout), Is.EqualTo(expected));
        Assert.That(result.ExitCode, Is.Zero);
        if (mode == ExecutionMode.Recording)
        {
            RecordChecker.Check(program, result, 1024, layer);
            var shard = result.Shards[0];
            Assert.That(shard.Poseidon2.Count, Is.EqualTo(1));
            var call = shard.Poseidon2[0];
            Assert.That((call.Shard, call.Clk, call.Pointer), Is.EqualTo((1u, 12u, TestElf.DataBase)));
            var accesses = shard.Poseidon2Memory.ToArray();
            Assert.That(accesses.Select(a => a.PrevValue), Is.EqualTo(input));
            Assert.That(accesses.Select(a => a.Value), Is.EqualTo(expected));
            Assert.That(accesses.Select(a => (a.PrevShard, a.PrevTimestamp)), Is.All.EqualTo((0u, 0u)), "first accesses: the image");
            Assert.That(shard.Syscalls.ToArray().Select(s => s.SyscallId), Does.Contain(SyscallCode.Poseidon2Permute));
            for (var k = 0u; k < 16; k++)
            {
                var local = shard.MemoryLocal.ToArray().Single(l => l.Address == TestElf.DataBase + (4 * k));
                Assert.That((local.Initial.Value, local.Final.Value, local.Final.Timestamp), Is.EqualTo((input[k], expected[k], 12u)));
            }
        }
    }

    [Test]
    public void CallsInLaterShards_NameTheirPreviousAccess()
    {
        // Two calls on the same words, in different shards (4 cycles each): the second call's accesses name the first's.
        uint[] code =
        [
            LoadDataAddress, Asm.Addi(10, 6, 0), Asm.Addi(5, 0, (int)SyscallCode.Poseidon2Permute), Asm.Ecall,
            Asm.Addi(10, 6, 0), Asm.Addi(5, 0, (int)SyscallCode.Poseidon2Permute), Asm.Ecall,
            .. Asm.Halt(0),
        ];
        var input = RandomWords(new Random(8), 16);
        var program = ElfLoader.Load(TestElf.FromCode(code, Bytes(input), 4096));
        using var result = Executor.Execute(program, new ExecutionOptions { Mode = ExecutionMode.Recording, ShardSize = 4 });

        RecordChecker.Check(program, result, 4);
        Assert.That(result.Shards.Sum(s => s.Poseidon2.Count), Is.EqualTo(2));
        var second = result.Shards[1].Poseidon2Memory.ToArray();
        Assert.That(second.Select(a => (a.PrevShard, a.PrevTimestamp)), Is.All.EqualTo((1u, 12u)));
        Assert.That(second.Select(a => a.PrevValue), Is.EqualTo(Permuted(input, Poseidon2InternalLayerKind.Sp1)));
    }

    [Test]
    public void AWordAtOrAboveP_IsAnErrorNamingThePc()
    {
        var input = RandomWords(new Random(9), 16);
        input[5] = KoalaBear.Modulus;
        var error = Run.Failing(PermuteThenPrint(), Bytes(input));
        Assert.That(error.Kind, Is.EqualTo(ExecutionErrorKind.InvalidSyscallArgument));
        Assert.That(error.Pc, Is.EqualTo(EcallPc));
        Assert.That(error.Message, Does.Contain($"pc 0x{EcallPc:x8}").And.Contain("ecall"));
        Assert.That(error.Message, Does.Contain($"POSEIDON2 word 5 at 0x{TestElf.DataBase + 20:x8} is 2130706433, not a field element"));

        input[5] = 0;
        input[15] = uint.MaxValue;
        error = Run.Failing(PermuteThenPrint(), Bytes(input));
        Assert.That(error.Message, Does.Contain("POSEIDON2 word 15").And.Contain("is 4294967295"));
    }

    [Test]
    public void AMisalignedOrOutOfRangePointer_IsAnError()
    {
        var input = RandomWords(new Random(10), 17);
        var error = Run.Failing(PermuteThenPrint(offset: 2), Bytes(input));
        Assert.That((error.Kind, error.Pc), Is.EqualTo((ExecutionErrorKind.InvalidSyscallArgument, EcallPc)));
        Assert.That(error.Message, Does.Contain($"POSEIDON2 pointer 0x{TestElf.DataBase + 2:x8} is not 4-aligned"));

        error = Run.Failing([.. Asm.Syscall(SyscallCode.Poseidon2Permute, 16), .. Asm.Halt(0)]);
        Assert.That((error.Kind, error.Pc), Is.EqualTo((ExecutionErrorKind.AddressOutOfRange, Base + 8)));
        Assert.That(error.Message, Does.Contain("POSEIDON2 buffer [0x00000010, +64) is outside the guest address range"));
    }

    [TestCase(ExecutionMode.Fast)]
    [TestCase(ExecutionMode.Recording)]
    public void AnUnconstrainedBlock_UndoesThePermutation(ExecutionMode mode)
    {
        // if (ENTER_UNCONSTRAINED()) { POSEIDON2(data); EXIT_UNCONSTRAINED(); } WRITE(stdout, data, 64); HALT(0)
        uint[] code =
        [
            LoadDataAddress, .. Asm.Syscall(SyscallCode.EnterUnconstrained, 0), Asm.Beq(5, 0, 28),
            Asm.Addi(10, 6, 0), Asm.Addi(5, 0, (int)SyscallCode.Poseidon2Permute), Asm.Ecall,
            .. Asm.Syscall(SyscallCode.ExitUnconstrained, 0),
            Asm.Addi(5, 0, 2), Asm.Addi(10, 0, 1), Asm.Addi(11, 6, 0), Asm.Addi(12, 0, 64), Asm.Ecall,
            .. Asm.Halt(0),
        ];
        var input = RandomWords(new Random(11), 16);
        var program = ElfLoader.Load(TestElf.FromCode(code, Bytes(input), 4096));
        using var result = Executor.Execute(program, new ExecutionOptions { Mode = mode, ShardSize = 1024 });

        Assert.That(Words(result.Stdout), Is.EqualTo(input));
        if (mode == ExecutionMode.Recording)
        {
            Assert.That(result.Shards.Sum(s => s.Poseidon2.Count), Is.Zero, "the unconstrained block records nothing");
            RecordChecker.Check(program, result, 1024);
        }
    }

    [Test]
    public void AnUnknownLayer_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Run.Code(
            [.. Asm.Halt(0)], options: new ExecutionOptions { Poseidon2Layer = (Poseidon2InternalLayerKind)5 }).Dispose());

    private static uint[] Permuted(uint[] input, Poseidon2InternalLayerKind layer)
    {
        var state = input.Select(KoalaBear.FromCanonical).ToArray();
        Poseidon2KoalaBear16.PermuteAll(state, layer);
        return state.Select(e => e.Canonical).ToArray();
    }

    private static uint[] RandomWords(Random random, int count) =>
        Enumerable.Range(0, count).Select(_ => (uint)random.NextInt64(KoalaBear.Modulus)).ToArray();

    private static byte[] Bytes(uint[] words) => words.SelectMany(BitConverter.GetBytes).ToArray();

    private static uint[] Words(IReadOnlyList<byte> bytes) =>
        Enumerable.Range(0, bytes.Count / 4).Select(i => BitConverter.ToUInt32([bytes[4 * i], bytes[(4 * i) + 1], bytes[(4 * i) + 2], bytes[(4 * i) + 3]])).ToArray();
}
