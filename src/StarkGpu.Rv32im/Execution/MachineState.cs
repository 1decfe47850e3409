using StarkGpu.Fields.Poseidon2;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Execution;

/// <summary>The architectural state of a run and its side outputs, shared by the constrained and unconstrained interpreters.</summary>
internal sealed class MachineState
{
    public MachineState(Program program, ExecutionOptions options)
    {
        Program = program;
        MaxCycles = options.MaxCycles;
        Poseidon2Layer = options.Poseidon2Layer;
        foreach (var word in program.Image)
        {
            Memory.GetRef(word.Address >> 2) = word.Value;
        }

        foreach (var hint in options.Hints)
        {
            Hints.Enqueue(hint);
        }

        Pc = program.EntryPc;
    }

    public Program Program { get; }

    public ulong MaxCycles { get; }

    /// <summary>The internal layer of the Poseidon2 precompile.</summary>
    public Poseidon2InternalLayerKind Poseidon2Layer { get; }

    /// <summary>x0..x31; x0 is never written.</summary>
    public uint[] Registers { get; } = new uint[32];

    /// <summary>Word values by word index.</summary>
    public PagedTable<uint> Memory { get; } = new();

    public uint Pc { get; set; }

    /// <summary>Instructions executed in any mode (what the cycle limit bounds).</summary>
    public ulong Steps { get; set; }

    /// <summary>Instructions executed inside unconstrained blocks.</summary>
    public ulong UnconstrainedSteps { get; set; }

    /// <summary>Instructions retired in constrained mode (what shards and qemu count).</summary>
    public ulong Cycles => Steps - UnconstrainedSteps;

    public bool Halted { get; set; }

    public uint ExitCode { get; set; }

    public bool Unconstrained { get; set; }

    public Queue<byte[]> Hints { get; } = new();

    public List<byte> Stdout { get; } = [];

    public List<byte> Stderr { get; } = [];

    public List<byte> PublicValuesStream { get; } = [];

    public DigestWords CommittedValueDigest;

    public DigestWords DeferredProofsDigest;

    /// <summary>An error at <paramref name="pc"/>, naming the instruction there when there is one.</summary>
    public ExecutionException Error(ExecutionErrorKind kind, uint pc, string detail) =>
        new(kind, pc, Program.ContainsPc(pc) ? Program.InstructionWordAt(pc) : null, Cycles, detail);
}
