namespace StarkGpu.Rv32im.Execution;

/// <summary>The recording mode: forwards everything to the <see cref="ShardRecorder"/>.</summary>
internal readonly struct RecordingTracer(ShardRecorder recorder) : ITracer
{
    public void BeginCycle(uint pc, int instructionIndex) => recorder.BeginCycle(pc, instructionIndex);

    public void ReadRegister(uint position, uint register, uint value) => recorder.ReadRegister(position, register, value);

    public void WriteRegister(uint register, uint previous, uint value) => recorder.WriteRegister(register, previous, value);

    public void ReadMemory(uint wordIndex, uint value) => recorder.AccessMemory(wordIndex, value, value);

    public void WriteMemory(uint wordIndex, uint previous, uint value) => recorder.AccessMemory(wordIndex, previous, value);

    public bool WriteHintWord(uint wordIndex, uint previous, uint value) => recorder.InitializeWithHint(wordIndex, value);

    public void Poseidon2(uint pointer, ReadOnlySpan<uint> input, ReadOnlySpan<uint> output) => recorder.Poseidon2(pointer, input, output);

    public void Syscall(uint id, uint arg1, uint arg2) => recorder.Syscall(id, arg1, arg2);

    public void EndCycle(uint nextPc, uint a, uint b, uint c, uint memoryAddress) =>
        recorder.EndCycle(nextPc, a, b, c, memoryAddress);
}
