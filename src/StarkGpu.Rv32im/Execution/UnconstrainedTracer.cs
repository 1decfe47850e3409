namespace StarkGpu.Rv32im.Execution;

/// <summary>Inside an unconstrained block: records no events, only the memory changes to undo at its exit.</summary>
internal readonly struct UnconstrainedTracer(List<(uint WordIndex, uint Previous)> undoLog) : ITracer
{
    public void BeginCycle(uint pc, int instructionIndex)
    {
    }

    public void ReadRegister(uint position, uint register, uint value)
    {
    }

    public void WriteRegister(uint register, uint previous, uint value)
    {
    }

    public void ReadMemory(uint wordIndex, uint value)
    {
    }

    public void WriteMemory(uint wordIndex, uint previous, uint value) => undoLog.Add((wordIndex, previous));

    public bool WriteHintWord(uint wordIndex, uint previous, uint value)
    {
        undoLog.Add((wordIndex, previous));
        return true;
    }

    public void Poseidon2(uint pointer, ReadOnlySpan<uint> input, ReadOnlySpan<uint> output)
    {
        for (var k = 0; k < input.Length; k++)
        {
            undoLog.Add(((pointer >> 2) + (uint)k, input[k]));
        }
    }

    public void Syscall(uint id, uint arg1, uint arg2)
    {
    }

    public void EndCycle(uint nextPc, uint a, uint b, uint c, uint memoryAddress)
    {
    }
}
