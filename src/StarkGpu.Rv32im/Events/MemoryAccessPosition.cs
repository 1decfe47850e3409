namespace StarkGpu.Rv32im.Events;

/// <summary>
/// Timestamp offsets of the accesses within one cycle (SP1's convention). A cycle at clock <c>clk</c> accesses
/// memory at <c>clk + Memory</c>, register c at <c>clk + C</c>, b at <c>clk + B</c>, a at <c>clk + A</c>;
/// the clock advances by <see cref="CyclesPerInstruction"/>, so timestamps of one address strictly increase.
/// </summary>
public static class MemoryAccessPosition
{
    /// <summary>The load or store's data access.</summary>
    public const uint Memory = 0;

    /// <summary>Register operand c.</summary>
    public const uint C = 1;

    /// <summary>Register operand b.</summary>
    public const uint B = 2;

    /// <summary>Register operand a (read for stores and branches, written otherwise).</summary>
    public const uint A = 3;

    /// <summary>How far <c>clk</c> advances per instruction.</summary>
    public const uint CyclesPerInstruction = 4;
}
