using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Tests.Support;

namespace StarkGpu.Rv32im.Tests.Execution;

public class ExecutorErrorTests
{
    private const uint Base = TestElf.CodeBase;

    /// <summary>t1 = the data segment's address (lui, since it is 4 KiB-aligned).</summary>
    private static readonly uint LoadDataAddress = Asm.Lui(6, TestElf.DataBase >> 12);

    private static void AssertNames(ExecutionException error, ExecutionErrorKind kind, uint pc, string instruction, string detail)
    {
        Assert.That(error.Kind, Is.EqualTo(kind));
        Assert.That(error.Pc, Is.EqualTo(pc));
        Assert.That(error.Message, Does.Contain($"pc 0x{pc:x8}"));
        Assert.That(error.Message, Does.Contain(instruction));
        Assert.That(error.Message, Does.Contain(detail));
    }

    [Test]
    public void MisalignedLoad()
    {
        var error = Run.Failing([LoadDataAddress, Asm.Lw(10, 6, 2), .. Asm.Halt(0)], data: [1, 2, 3, 4]);
        AssertNames(error, ExecutionErrorKind.MisalignedAccess, Base + 4, "lw a0, 2(t1)", "4-byte access at 0x00300002");
        Assert.That(error.Cycles, Is.EqualTo(1));
    }

    [Test]
    public void MisalignedHalfWordStoreAndOutOfRangeAccess()
    {
        var error = Run.Failing([Asm.Lh(10, 0, 1), .. Asm.Halt(0)]);
        AssertNames(error, ExecutionErrorKind.MisalignedAccess, Base, "lh a0, 1(zero)", "2-byte access");
        error = Run.Failing([Asm.Lw(10, 0, 16), .. Asm.Halt(0)]);
        AssertNames(error, ExecutionErrorKind.AddressOutOfRange, Base, "lw a0, 16(zero)", "outside");
    }

    [Test]
    public void UnknownSyscall()
    {
        var error = Run.Failing([.. Asm.Syscall(0x77, 0), .. Asm.Halt(0)]);
        AssertNames(error, ExecutionErrorKind.UnknownSyscall, Base + 8, "ecall", "unknown syscall id 0x77");
    }

    [Test]
    public void InvalidInstructionAndBreakpoint()
    {
        var error = Run.Failing([Asm.Addi(1, 0, 1), 0x30002573u, .. Asm.Halt(0)]);
        AssertNames(error, ExecutionErrorKind.InvalidInstruction, Base + 4, "<invalid> (0x30002573)", "0x30002573 is not an RV32IM instruction");
        error = Run.Failing([Asm.Ebreak, .. Asm.Halt(0)]);
        AssertNames(error, ExecutionErrorKind.Breakpoint, Base, "ebreak", "EBREAK");
    }

    [Test]
    public void CycleLimit()
    {
        var error = Run.Failing([Asm.Addi(1, 1, 1), Asm.Jal(0, -4)], maxCycles: 1001);
        AssertNames(error, ExecutionErrorKind.CycleLimit, Base + 4, "jal zero, -4", "cycle limit 1001");
        Assert.That(error.Cycles, Is.EqualTo(1001));
    }

    [Test]
    public void JumpsOutOfTheCodeOrMisaligned()
    {
        var error = Run.Failing([Asm.Jal(0, 64)]);
        AssertNames(error, ExecutionErrorKind.PcOutOfRange, Base + 64, "<no instruction>", "outside the program's code");
        error = Run.Failing([Asm.Jal(0, 6), .. Asm.Halt(0)]);
        AssertNames(error, ExecutionErrorKind.MisalignedJump, Base, "jal zero, 6", "jump target 0x00200806");
    }

    [Test]
    public void HintReadPastTheHintsOrWithTheWrongLength()
    {
        // HINT_READ(a0 = data, a1 = 8) with one 4-byte hint: a length mismatch.
        uint[] read8 = [LoadDataAddress, Asm.Addi(10, 6, 0), Asm.Addi(11, 0, 8), Asm.Addi(5, 0, 0xF1), Asm.Ecall, .. Asm.Halt(0)];
        var error = Run.Failing(read8, data: [], hints: [[1, 2, 3, 4]]);
        AssertNames(error, ExecutionErrorKind.InvalidSyscallArgument, Base + 16, "ecall", "HINT_READ length 8 differs from the next hint's length 4");

        error = Run.Failing(read8, data: []);
        AssertNames(error, ExecutionErrorKind.InvalidSyscallArgument, Base + 16, "ecall", "HINT_READ: no hint left");

        error = Run.Failing([.. Asm.Syscall(0xF0, 0), .. Asm.Halt(0)]);
        AssertNames(error, ExecutionErrorKind.InvalidSyscallArgument, Base + 8, "ecall", "HINT_LEN: no hint left");
    }

    [Test]
    public void WriteToAnUnknownDescriptorAndCommitOutOfRange()
    {
        var error = Run.Failing([.. Asm.Syscall(2, 9), .. Asm.Halt(0)]);
        AssertNames(error, ExecutionErrorKind.InvalidSyscallArgument, Base + 8, "ecall", "WRITE to unsupported fd 9");
        error = Run.Failing([.. Asm.Syscall(0x10, 8), .. Asm.Halt(0)]);
        AssertNames(error, ExecutionErrorKind.InvalidSyscallArgument, Base + 8, "ecall", "COMMIT index 8");
    }

    [Test]
    public void HaltInsideAnUnconstrainedBlock()
    {
        var error = Run.Failing([.. Asm.Syscall(3, 0), .. Asm.Halt(1)]);
        AssertNames(error, ExecutionErrorKind.UnconstrainedMisuse, Base + 20, "ecall", "HALT inside an unconstrained block");
    }

    [Test]
    public void X0StaysZeroAndExitCodeComesFromA0()
    {
        using var result = Run.Code([Asm.Addi(0, 0, 5), Asm.Add(10, 0, 0), Asm.Addi(10, 10, 42), Asm.Addi(5, 0, 0), Asm.Ecall]);
        Assert.That(result.ExitCode, Is.EqualTo(42));
        Assert.That(result.Cycles, Is.EqualTo(5));
    }
}
