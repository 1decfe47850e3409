using StarkGpu.Rv32im.Isa;

namespace StarkGpu.Rv32im.Execution;

/// <summary>
/// ENTER_UNCONSTRAINED: runs the guest's unconstrained block (t0 = 1) with no events until
/// EXIT_UNCONSTRAINED, then undoes its memory writes, registers and commits. Its only lasting effects are the
/// hints it WRITEs to fd 4 and its output; the constrained trace sees ENTER_UNCONSTRAINED return 0.
/// </summary>
internal static class UnconstrainedBlock
{
    public static void Run(MachineState s, uint resumePc)
    {
        var registers = (uint[])s.Registers.Clone();
        var committed = s.CommittedValueDigest;
        var deferred = s.DeferredProofsDigest;
        var undoLog = new List<(uint WordIndex, uint Previous)>();
        ulong stepsBefore = s.Steps;

        s.Unconstrained = true;
        s.Registers[Register.T0] = 1;
        s.Pc = resumePc;
        new Interpreter<UnconstrainedTracer>(s, new UnconstrainedTracer(undoLog)).Run();

        for (int i = undoLog.Count - 1; i >= 0; i--)
        {
            s.Memory.GetRef(undoLog[i].WordIndex) = undoLog[i].Previous;
        }

        registers.CopyTo(s.Registers, 0);
        s.CommittedValueDigest = committed;
        s.DeferredProofsDigest = deferred;
        s.Unconstrained = false;
        s.UnconstrainedSteps += s.Steps - stepsBefore;
    }
}
