namespace StarkGpu.Rv32im.Execution;

/// <summary>Syscall ids (in t0 on ECALL), as in SP1 v3.</summary>
public static class SyscallCode
{
    /// <summary>Stop; a0 = exit code.</summary>
    public const uint Halt = 0x00;

    /// <summary>a0 = fd (1 stdout, 2 stderr, 3 public values, 4 hint), a1 = pointer, a2 = length.</summary>
    public const uint Write = 0x02;

    /// <summary>Fork into an unconstrained block; returns 1 there and 0 once the block exits.</summary>
    public const uint EnterUnconstrained = 0x03;

    /// <summary>End the unconstrained block: restore memory, registers and pc.</summary>
    public const uint ExitUnconstrained = 0x04;

    /// <summary>a0 = index (0..7), a1 = word of the committed-value digest.</summary>
    public const uint Commit = 0x10;

    /// <summary>a0 = index (0..7), a1 = word of the deferred-proofs digest.</summary>
    public const uint CommitDeferredProofs = 0x1A;

    /// <summary>Returns the next hint's length in bytes.</summary>
    public const uint HintLen = 0xF0;

    /// <summary>
    /// a0 = 4-aligned pointer, a1 = length (must equal the next hint's length): copies the hint, zero-padded to
    /// whole words. As in SP1 the words become the addresses' initial values (MemoryInitializeEvent), not memory
    /// accesses, so the recording mode rejects a target word that was already used; the fast mode does not check.
    /// </summary>
    public const uint HintRead = 0xF1;

    /// <summary>
    /// a0 = 4-aligned pointer to 16 words, permuted in place by Poseidon2 over KoalaBear (width 16; the internal layer
    /// is <see cref="ExecutionOptions.Poseidon2Layer"/>). The words are canonical field elements: one at or above p is
    /// an execution error. Each word is one memory access (read the old value, write the new) at the ECALL's
    /// memory timestamp, recorded in <see cref="Events.ExecutionRecord.Poseidon2"/>.
    /// </summary>
    public const uint Poseidon2Permute = 0x133;
}
