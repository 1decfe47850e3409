namespace StarkGpu.Rv32im.Execution;

/// <summary>
/// What the interpreter reports while it runs. Implemented by structs, so each interpreter instantiation is
/// specialised by the JIT and the fast tracer's empty methods vanish.
/// </summary>
internal interface ITracer
{
    /// <summary>An instruction at <paramref name="pc"/> starts.</summary>
    void BeginCycle(uint pc, int instructionIndex);

    /// <summary>Register <paramref name="register"/> read at <paramref name="position"/> (B, C, or A for stores and branches).</summary>
    void ReadRegister(uint position, uint register, uint value);

    /// <summary>Register op_a written (value 0 when it is x0); <paramref name="previous"/> is its value before.</summary>
    void WriteRegister(uint register, uint previous, uint value);

    /// <summary>A load read the word at word index <paramref name="wordIndex"/>.</summary>
    void ReadMemory(uint wordIndex, uint value);

    /// <summary>A store changed the word at <paramref name="wordIndex"/> from <paramref name="previous"/>.</summary>
    void WriteMemory(uint wordIndex, uint previous, uint value);

    /// <summary>HINT_READ stored a hint word at <paramref name="wordIndex"/> (not an access of the memory argument);
    /// false when the word may not take a hint (recording mode requires fresh memory, as SP1 does).</summary>
    bool WriteHintWord(uint wordIndex, uint previous, uint value);

    /// <summary>
    /// The Poseidon2 precompile replaced the 16 words at byte address <paramref name="pointer"/>: one access per word,
    /// from <paramref name="input"/>[k] to <paramref name="output"/>[k].
    /// </summary>
    void Poseidon2(uint pointer, ReadOnlySpan<uint> input, ReadOnlySpan<uint> output);

    /// <summary>An ECALL with these arguments executes.</summary>
    void Syscall(uint id, uint arg1, uint arg2);

    /// <summary>The instruction finished; a, b, c are its operand values, memoryAddress the load/store byte address.</summary>
    void EndCycle(uint nextPc, uint a, uint b, uint c, uint memoryAddress);
}
