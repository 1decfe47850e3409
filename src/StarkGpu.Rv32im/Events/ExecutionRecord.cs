using StarkGpu.Engine.Chips;

namespace StarkGpu.Rv32im.Events;

/// <summary>
/// The events of one shard: what every chip's trace generation reads. Lists hold pooled arrays:
/// <see cref="Dispose"/> returns them.
/// </summary>
public sealed partial class ExecutionRecord : IDisposable
{
    /// <summary>Creates an empty record for shard <paramref name="shard"/>, sized for <paramref name="cycles"/> cycles.</summary>
    public ExecutionRecord(uint shard, int cycles)
    {
        Shard = shard;
        Cpu = new EventList<CpuEvent>(cycles);
        PublicValues.Shard = shard;
    }

    /// <summary>Shard number, 1-based.</summary>
    public uint Shard { get; }

    /// <summary>One event per instruction, in execution order (clk = 4 * index).</summary>
    public EventList<CpuEvent> Cpu { get; }

    /// <summary>ADD, SUB.</summary>
    public EventList<AluEvent> AddSub { get; } = new();

    /// <summary>XOR, OR, AND.</summary>
    public EventList<AluEvent> Bitwise { get; } = new();

    /// <summary>SLT, SLTU.</summary>
    public EventList<AluEvent> Lt { get; } = new();

    /// <summary>SLL.</summary>
    public EventList<AluEvent> ShiftLeft { get; } = new();

    /// <summary>SRL, SRA.</summary>
    public EventList<AluEvent> ShiftRight { get; } = new();

    /// <summary>MUL, MULH, MULHU, MULHSU.</summary>
    public EventList<AluEvent> Mul { get; } = new();

    /// <summary>DIV, DIVU, REM, REMU.</summary>
    public EventList<AluEvent> DivRem { get; } = new();

    /// <summary>Every address touched in this shard, sorted by address.</summary>
    public EventList<MemoryLocalEvent> MemoryLocal { get; } = new();

    /// <summary>Every constrained ECALL of this shard, in order.</summary>
    public EventList<SyscallEvent> Syscalls { get; } = new();

    /// <summary>Every constrained Poseidon2 precompile call of this shard, in order.</summary>
    public EventList<Poseidon2Event> Poseidon2 { get; } = new();

    /// <summary>
    /// The memory accesses of the Poseidon2 calls: 16 per call, call i's at [16 i, 16 i + 16), word k of its state
    /// (at pointer + 4 k) at 16 i + k; PrevValue is the input word, Value the output word.
    /// </summary>
    public EventList<MemoryAccessRecord> Poseidon2Memory { get; } = new();

    /// <summary>Initial values of touched non-image addresses: only in the last shard.</summary>
    public EventList<MemoryInitializeEvent> MemoryInitialize { get; } = new();

    /// <summary>Final states of touched and image addresses: only in the last shard.</summary>
    public EventList<MemoryFinalizeEvent> MemoryFinalize { get; } = new();

    /// <summary>The shard's public values.</summary>
    public PublicValues PublicValues;

    /// <summary>Number of instructions in the shard.</summary>
    public int Cycles => Cpu.Count;

    private Action? _released;

    /// <summary>Runs <paramref name="released"/> once, when the record is disposed (a streamed shard's slot).</summary>
    internal void OnRelease(Action released) => _released = released;

    /// <inheritdoc/>
    public void Dispose()
    {
        Cpu.Dispose();
        AddSub.Dispose();
        Bitwise.Dispose();
        Lt.Dispose();
        ShiftLeft.Dispose();
        ShiftRight.Dispose();
        Mul.Dispose();
        DivRem.Dispose();
        MemoryLocal.Dispose();
        Syscalls.Dispose();
        Poseidon2.Dispose();
        Poseidon2Memory.Dispose();
        MemoryInitialize.Dispose();
        MemoryFinalize.Dispose();
        Interlocked.Exchange(ref _released, null)?.Invoke();
    }
}
