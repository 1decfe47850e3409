using StarkGpu.Fields;
using StarkGpu.Fields.Poseidon2;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Isa;

namespace StarkGpu.Rv32im.Tests.Support;

/// <summary>
/// Replays the events of a recorded run and checks the contract chip authors rely on: the cpu events chain pc to
/// next pc with clk = 4 i, every access names the true previous access, the local and global memory events
/// agree with the accesses, every ALU event is a = b op c for an ALU instruction, and every Poseidon2 call is an
/// ECALL whose 16 accesses (at its memory timestamp) permute the words with <c>poseidon2Layer</c>.
/// </summary>
internal static class RecordChecker
{
    private readonly record struct State(uint Shard, uint Timestamp, uint Value);

    public static void Check(
        Program program, ExecutionResult result, int shardSize, Poseidon2InternalLayerKind poseidon2Layer = Poseidon2InternalLayerKind.Sp1)
    {
        var shards = result.Shards;
        Assert.That(shards, Has.Count.EqualTo(result.ShardCount));
        Assert.That(shards.Sum(s => (long)s.Cycles), Is.EqualTo((long)result.Cycles), "cpu events add up to the cycles");
        var last = shards[^1];
        var initial = new Dictionary<uint, uint>();
        foreach (var init in last.MemoryInitialize.Span)
        {
            initial.Add(init.Address, init.Value);
        }

        var states = new Dictionary<uint, State>();
        State Current(uint address) => states.TryGetValue(address, out var s) ? s
            : new State(0, 0, program.TryGetImageWord(address, out uint v) ? v : initial.GetValueOrDefault(address));

        uint expectedPc = program.EntryPc;
        for (int k = 0; k < shards.Count; k++)
        {
            var record = shards[k];
            uint shard = (uint)k + 1;
            Assert.That(record.Shard, Is.EqualTo(shard));
            Assert.That(record.PublicValues.StartPc, Is.EqualTo(expectedPc));
            if (k < shards.Count - 1)
            {
                Assert.That(record.Cycles, Is.EqualTo(shardSize), "every shard but the last is full");
            }

            var before = new Dictionary<uint, State>();
            void Touch(uint address, uint timestamp, in MemoryAccessRecord access, bool isWrite, EventName what)
            {
                var prev = Current(address);
                before.TryAdd(address, prev);
                Ensure(access.PrevShard == prev.Shard && access.PrevTimestamp == prev.Timestamp && access.PrevValue == prev.Value, what,
                    $"previous access ({access.PrevShard}, {access.PrevTimestamp}, {access.PrevValue}), expected {prev}");
                Ensure(prev.Shard < shard || (prev.Shard == shard && prev.Timestamp < timestamp), what, "timestamps not increasing");
                Ensure(isWrite || access.Value == access.PrevValue, what, "a read changed the value");

                states[address] = new State(shard, timestamp, access.Value);
            }

            var cpu = record.Cpu.Span;
            var poseidon2 = record.Poseidon2.Span;
            var poseidon2Memory = record.Poseidon2Memory.Span;
            Assert.That(poseidon2Memory.Length, Is.EqualTo(16 * poseidon2.Length), $"shard {shard}: 16 accesses per Poseidon2 call");
            int poseidon2Calls = 0;
            int aluEvents = 0;
            for (int i = 0; i < cpu.Length; i++)
            {
                ref readonly var e = ref cpu[i];
                var at = new EventName(shard, i, e.Pc);
                Ensure(e.Shard == shard && e.Clk == 4u * (uint)i && e.Pc == expectedPc, at, "shard, clk or pc out of sequence");
                Ensure(e.Instruction == program.Instructions[(int)((e.Pc - program.CodeBase) / 4)], at, "instruction differs from the program");
                if (e.HasMemoryRecord)
                {
                    Touch(e.MemoryAddress & ~3u, e.Clk, e.MemoryRecord, OpcodeClass.IsStore(e.Opcode), at);
                }

                if (poseidon2Calls < poseidon2.Length && poseidon2[poseidon2Calls].Clk == e.Clk)
                {
                    ref readonly var call = ref poseidon2[poseidon2Calls];
                    Ensure(e.Opcode == Opcode.Ecall && e.A == SyscallCode.Poseidon2Permute && e.B == call.Pointer && call.Shard == shard, at,
                        "a Poseidon2 call that is not this ECALL");
                    var accesses = poseidon2Memory.Slice(16 * poseidon2Calls, 16);
                    var state = new KoalaBear[16];
                    for (int w = 0; w < 16; w++)
                    {
                        Touch(call.Pointer + (4u * (uint)w), e.Clk, accesses[w], true, at);
                        state[w] = KoalaBear.FromCanonical(accesses[w].PrevValue);
                    }

                    Poseidon2KoalaBear16.PermuteAll(state, poseidon2Layer);
                    for (int w = 0; w < 16; w++)
                    {
                        Ensure(accesses[w].Value == state[w].Canonical, at, $"Poseidon2 output word {w} is not the permutation's");
                    }

                    poseidon2Calls++;
                }

                if (e.HasCRecord)
                {
                    Touch(e.OpC, e.Clk + 1, e.CRecord, false, at);
                    Ensure(e.C == e.CRecord.Value, at, "c differs from its record");
                }
                else
                {
                    Ensure(e.C == e.OpC, at, "c differs from the immediate");
                }

                if (e.HasBRecord)
                {
                    Touch(e.OpB, e.Clk + 2, e.BRecord, false, at);
                    Ensure(e.B == e.BRecord.Value, at, "b differs from its record");
                }
                else
                {
                    Ensure(e.B == e.OpB, at, "b differs from the immediate");
                }

                Touch(e.OpA, e.Clk + 3, e.ARecord, e.WritesA, at);
                Ensure(e.A == e.ARecord.Value, at, "a differs from its record");
                Ensure(e.OpA != 0 || e.A == 0, at, "x0 written with a nonzero value");

                if (OpcodeClass.IsAlu(e.Opcode) && e.OpA != 0)
                {
                    aluEvents++;
                }

                aluEvents += ControlFlowEvents(e);

                expectedPc = e.NextPc;
            }

            Assert.That(record.PublicValues.NextPc, Is.EqualTo(expectedPc));
            Assert.That(poseidon2Calls, Is.EqualTo(poseidon2.Length), $"shard {shard}: every Poseidon2 call matches an ECALL");
            CheckAlu(record, aluEvents);
            var locals = record.MemoryLocal.Span;
            Assert.That(locals.Length, Is.EqualTo(before.Count), $"shard {shard}: one local event per touched address");
            for (int i = 0; i < locals.Length; i++)
            {
                ref readonly var local = ref locals[i];
                var first = before[local.Address];
                var final = states[local.Address];
                if ((i > 0 && locals[i - 1].Address >= local.Address)
                    || local.Initial.Shard != first.Shard || local.Initial.Timestamp != first.Timestamp || local.Initial.Value != first.Value
                    || local.Final.Shard != final.Shard || local.Final.Timestamp != final.Timestamp || local.Final.Value != final.Value)
                {
                    Assert.Fail($"shard {shard}: local event for 0x{local.Address:x} is ({local.Initial.Shard}, {local.Initial.Timestamp}, {local.Initial.Value})/({local.Final.Shard}, {local.Final.Timestamp}, {local.Final.Value}), expected {first}/{final} (sorted)");
                }
            }
        }

        Assert.That(expectedPc, Is.Zero, "the run ends halted");
        CheckBoundary(program, last, states, initial);
    }

    private readonly record struct EventName(uint Shard, int Index, uint Pc)
    {
        public override string ToString() => $"shard {Shard} event {Index} pc 0x{Pc:x8}";
    }

    private static void Ensure(bool condition, EventName at, string problem)
    {
        if (!condition)
        {
            Assert.Fail($"{at}: {problem}");
        }
    }

    /// <summary>
    /// The ALU events the Cpu chip sends for a control-flow row: SLT/SLTU for BLT..BGEU, ADD for a taken branch's
    /// target, JAL's and JALR's targets, their links and AUIPC's sum unless rd is x0.
    /// </summary>
    private static int ControlFlowEvents(in CpuEvent e)
    {
        var writes = e.OpA != 0 ? 1 : 0;
        return e.Opcode switch
        {
            Opcode.Beq => e.A == e.B ? 1 : 0,
            Opcode.Bne => e.A != e.B ? 1 : 0,
            Opcode.Blt => 1 + ((int)e.A < (int)e.B ? 1 : 0),
            Opcode.Bge => 1 + ((int)e.A >= (int)e.B ? 1 : 0),
            Opcode.Bltu => 1 + (e.A < e.B ? 1 : 0),
            Opcode.Bgeu => 1 + (e.A >= e.B ? 1 : 0),
            Opcode.Jal or Opcode.Jalr => 1 + writes,
            Opcode.Auipc => writes,
            _ => 0,
        };
    }

    private static void CheckAlu(ExecutionRecord record, int expectedCount)
    {
        var lists = new (EventList<AluEvent> List, Func<Opcode, bool> Belongs)[]
        {
            (record.AddSub, OpcodeClass.IsAddSub), (record.Bitwise, OpcodeClass.IsBitwise), (record.Lt, OpcodeClass.IsLt),
            (record.ShiftLeft, op => op == Opcode.Sll), (record.ShiftRight, OpcodeClass.IsShiftRight),
            (record.Mul, OpcodeClass.IsMul), (record.DivRem, OpcodeClass.IsDivRem),
        };
        int total = 0;
        foreach (var (list, belongs) in lists)
        {
            foreach (var alu in list.Span)
            {
                if (!belongs(alu.Opcode) || alu.A != Reference.Alu(alu.Opcode, alu.B, alu.C))
                {
                    Assert.Fail($"ALU event {alu.Opcode} a={alu.A:x} b={alu.B:x} c={alu.C:x} wrong or in the wrong chip");
                }

                total++;
            }
        }

        Assert.That(total, Is.EqualTo(expectedCount), "one ALU event per ALU instruction writing a register, and those of control flow");
    }

    private static void CheckBoundary(Program program, ExecutionRecord last, Dictionary<uint, State> states, Dictionary<uint, uint> initial)
    {
        var expected = states.Keys.Concat(program.Image.ToArray().Select(w => w.Address)).Distinct().Order().ToArray();
        var finals = last.MemoryFinalize.ToArray();
        Assert.That(finals.Select(f => f.Address), Is.EqualTo(expected));
        foreach (var f in finals)
        {
            var s = states.TryGetValue(f.Address, out var st) ? st : new State(0, 0, program.TryGetImageWord(f.Address, out uint v) ? v : 0);
            if (f.Shard != s.Shard || f.Timestamp != s.Timestamp || f.Value != s.Value)
            {
                Assert.Fail($"finalize 0x{f.Address:x} is ({f.Shard}, {f.Timestamp}, {f.Value}), expected {s}");
            }
        }

        var expectedInit = states.Keys.Where(a => a < 32 || !program.TryGetImageWord(a, out _)).Order().ToArray();
        Assert.That(initial.Keys.Order().ToArray(), Is.SupersetOf(expectedInit));
    }
}
