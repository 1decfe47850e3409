namespace StarkGpu.Rv32im.Execution;

/// <summary>Records nothing: the fast mode.</summary>
internal struct FastTracer : ITracer
{
    public readonly void BeginCycle(uint pc, int instructionIndex)
    {
    }

    public readonly void ReadRegister(uint position, uint register, uint value)
    {
    }

    public readonly void WriteRegister(uint register, uint previous, uint value)
    {
    }

    public readonly void ReadMemory(uint wordIndex, uint value)
    {
    }

    public readonly void WriteMemory(uint wordIndex, uint previous, uint value)
    {
    }

    public readonly bool WriteHintWord(uint wordIndex, uint previous, uint value) => true;

    public readonly void Poseidon2(uint pointer, ReadOnlySpan<uint> input, ReadOnlySpan<uint> output)
    {
    }

    public readonly void Syscall(uint id, uint arg1, uint arg2)
    {
    }

    public readonly void EndCycle(uint nextPc, uint a, uint b, uint c, uint memoryAddress)
    {
    }
}
