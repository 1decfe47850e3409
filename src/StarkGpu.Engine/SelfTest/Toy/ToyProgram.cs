namespace StarkGpu.Engine.SelfTest.Toy;

/// <summary>The test machine's program: nothing but what the preprocessed byte table needs (nothing).</summary>
public sealed class ToyProgram;
