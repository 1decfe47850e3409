namespace StarkGpu.PtxCheck.SelfCheck;

/// <summary>The event of <see cref="SelfCheckRow"/>: two operands and a kind, like a small ALU event.</summary>
public struct SelfCheckEvent
{
    public uint A;
    public uint B;
    public uint Kind;
}
