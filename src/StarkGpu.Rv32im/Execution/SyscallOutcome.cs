namespace StarkGpu.Rv32im.Execution;

/// <summary>What a syscall returns to the interpreter: the value for t0 and whether to stop.</summary>
internal readonly record struct SyscallOutcome(uint Result, bool Halt = false, bool ExitBlock = false);
