using StarkGpu.Rv32im.Chips;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Chips.Cpu;
using StarkGpu.Rv32im.Chips.Syscall;
using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Tests.Soundness.Support;
using Op = StarkGpu.Rv32im.Isa.Opcode;

namespace StarkGpu.Rv32im.Tests.Soundness;

/// <summary>
/// An ECALL's result and next pc (<c>SyscallControl</c>, over the syscall bus): a WRITE that changes t0, and a WRITE
/// that ends the execution as if it halted. The forged event is edited in the Cpu record and in the Syscall record
/// alike, so the syscall bus balances; the memory bus is left open (t0's next access would see the forged value, which
/// a full forgery rewrites: that bus does not prove these facts).
/// </summary>
public sealed class EcallTests
{
    private const string Guest = "fibonacci";

    [Test]
    public void AWriteThatChangesT0IsCaught()
    {
        using var run = CheatingRun.Of(Guest);
        var (position, row) = run.FindCpuRow(e => e.Opcode == Op.Ecall && e.ARecord.PrevValue == SyscallCode.Write);
        var record = run.Records[position];
        ref var e = ref record.Cpu.WritableSpan[row];
        e.A += 1;
        Syscall(run, position, e.Clk).Result = e.A;
        Regenerate(run, position);
        run.AssertCaughtWithBusOpen(Rv32imBuses.Memory, SyscallChip.ChipName, "ecall: t0 keeps the syscall id");
    }

    [Test]
    public void AWriteThatEndsTheExecutionIsCaught()
    {
        // next_pc 0 as after HALT: the rows after it would be another execution's (the Cpu's transition is what a
        // full forgery rewrites; ignored with it).
        using var run = CheatingRun.Of(Guest);
        var (position, row) = run.FindCpuRow(e => e.Opcode == Op.Ecall && e.ARecord.PrevValue == SyscallCode.Write);
        ref var e = ref run.Records[position].Cpu.WritableSpan[row];
        e.NextPc = 0;
        Syscall(run, position, e.Clk).NextPc = 0;
        Regenerate(run, position);
        run.AssertCaughtWithBusOpen(Rv32imBuses.Memory, SyscallChip.ChipName, "ecall: next_pc = pc + 4 (but after halt)", "transition: next pc is next_pc");
    }

    private static ref Events.SyscallEvent Syscall(CheatingRun run, int position, uint clk)
    {
        var syscalls = run.Records[position].Syscalls.WritableSpan;
        for (var i = 0; i < syscalls.Length; i++)
        {
            if (syscalls[i].Clk == clk)
            {
                return ref syscalls[i];
            }
        }

        throw new AssertionException($"no syscall event at clk {clk}");
    }

    private static void Regenerate(CheatingRun run, int position)
    {
        run.Regenerate(position, CpuChip.ChipName);
        run.Regenerate(position, SyscallChip.ChipName);
        run.Regenerate(position, ByteLookupChip.ChipName);
    }
}
