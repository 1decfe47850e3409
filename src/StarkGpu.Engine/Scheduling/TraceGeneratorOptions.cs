namespace StarkGpu.Engine.Scheduling;

/// <summary>How a <see cref="TraceGenerator{TRecord, TProgram}"/> runs.</summary>
public sealed record TraceGeneratorOptions
{
    /// <summary>Every trace is padded to 2^MaxLogRowCount rows; a taller trace is an error.</summary>
    public int MaxLogRowCount { get; init; } = 22;

    public TraceBackend Backend { get; init; } = TraceBackend.Cpu;
}
