using StarkGpu.Engine.Air;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Execution;
using static StarkGpu.Rv32im.Chips.Syscall.SyscallColumns;

namespace StarkGpu.Rv32im.Chips.Syscall;

/// <summary>
/// What an ECALL does to control flow and to t0, on the Syscall chip's row (the Cpu sends its pc, next_pc and t0
/// after the call on the syscall bus): execution goes on at pc + 4, except after HALT, where next_pc is 0 (so no
/// other syscall can end an execution); t0 keeps the id, except HINT_LEN's result (the hint's length, the prover's
/// input as in SP1) and ENTER_UNCONSTRAINED's and EXIT_UNCONSTRAINED's 0.
/// </summary>
internal static class SyscallControl
{
    public static void Eval<TExpr>(IAirBuilder<TExpr> builder, TExpr isReal, TExpr syscallId)
        where TExpr : IAirExpression<TExpr>
    {
        var isHalt = builder.Local(IsHalt); // proven by SyscallPublicValues
        var isHintLen = SyscallIdTest.Eval(builder, "is_hint_len", isReal, syscallId, SyscallCode.HintLen, IsHintLen, HintLenInverse);
        var isEnter = SyscallIdTest.Eval(builder, "is_enter_unconstrained", isReal, syscallId, SyscallCode.EnterUnconstrained, IsEnterUnconstrained, EnterUnconstrainedInverse);
        var isExit = SyscallIdTest.Eval(builder, "is_exit_unconstrained", isReal, syscallId, SyscallCode.ExitUnconstrained, IsExitUnconstrained, ExitUnconstrainedInverse);
        var pc = builder.Local(Pc);
        var nextPc = builder.Local(NextPc);
        var result = builder.Local(Result);
        builder.When(isReal - isHalt).AssertEqual("ecall: next_pc = pc + 4 (but after halt)", nextPc, pc + TExpr.FromInt(MemoryAccessPosition.CyclesPerInstruction));
        builder.When(isHalt).AssertZero("halt: next_pc is 0", nextPc);
        builder.When(isReal - isHintLen - isEnter - isExit).AssertEqual("ecall: t0 keeps the syscall id", result, syscallId);
        builder.When(isEnter + isExit).AssertZero("enter/exit_unconstrained: t0 is 0", result);
    }

    /// <summary>Writes the id tests above for a row whose bus tuple and is_real are written.</summary>
    public static void Write(Span<KoalaBear> row)
    {
        var id = row[SyscallId];
        SyscallIdTest.Write(row, id, SyscallCode.HintLen, IsHintLen, HintLenInverse);
        SyscallIdTest.Write(row, id, SyscallCode.EnterUnconstrained, IsEnterUnconstrained, EnterUnconstrainedInverse);
        SyscallIdTest.Write(row, id, SyscallCode.ExitUnconstrained, IsExitUnconstrained, ExitUnconstrainedInverse);
    }
}
