namespace StarkGpu.Rv32im.Execution;

/// <summary>Why execution stopped with an error.</summary>
public enum ExecutionErrorKind
{
    /// <summary>The word at pc is not an RV32IM instruction.</summary>
    InvalidInstruction,

    /// <summary>EBREAK executed.</summary>
    Breakpoint,

    /// <summary>Pc left the program's code.</summary>
    PcOutOfRange,

    /// <summary>A jump or branch target is not 4-aligned.</summary>
    MisalignedJump,

    /// <summary>A load or store address is not aligned to its size.</summary>
    MisalignedAccess,

    /// <summary>A load, store or syscall buffer lies outside the guest address range.</summary>
    AddressOutOfRange,

    /// <summary>ECALL with an id in t0 that the machine does not implement.</summary>
    UnknownSyscall,

    /// <summary>A syscall's arguments are invalid (file descriptor, index, hint length, pointer).</summary>
    InvalidSyscallArgument,

    /// <summary>The run exceeded its cycle limit.</summary>
    CycleLimit,

    /// <summary>HALT or a nested ENTER_UNCONSTRAINED inside an unconstrained block.</summary>
    UnconstrainedMisuse,
}
