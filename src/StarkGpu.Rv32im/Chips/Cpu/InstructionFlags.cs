using StarkGpu.Rv32im.Isa;

namespace StarkGpu.Rv32im.Chips.Cpu;

/// <summary>
/// The class of an instruction as one bit each. The Program chip's preprocessed trace holds them packed into one
/// field element (the last element of a <see cref="Rv32imBuses.Program"/> tuple), and the Cpu chip sends the same
/// packing from its boolean selector columns, so a Cpu row's selectors are bound to the committed program.
/// <see cref="CpuRows"/> reads the same flags, on the host and in kernels.
/// </summary>
[Flags]
public enum InstructionFlags : uint
{
    None = 0,

    /// <summary>ADD..REMU, immediate forms included: the result comes from an ALU chip over the alu bus.</summary>
    Alu = 1 << 0,

    /// <summary>LB, LH, LW, LBU, LHU.</summary>
    Load = 1 << 1,

    /// <summary>SB, SH, SW.</summary>
    Store = 1 << 2,

    /// <summary>BEQ..BGEU: op_a and op_b are read, nothing is written.</summary>
    Branch = 1 << 3,

    /// <summary>JAL.</summary>
    Jal = 1 << 4,

    /// <summary>JALR.</summary>
    Jalr = 1 << 5,

    /// <summary>AUIPC.</summary>
    Auipc = 1 << 6,

    /// <summary>ECALL.</summary>
    Ecall = 1 << 7,

    /// <summary>LW and SW: the register value and the memory word are the same four bytes.</summary>
    WordAccess = 1 << 8,
}

/// <summary>Classifies opcodes into <see cref="InstructionFlags"/>: range tests and a switch, no table, so kernels use it too (<see cref="CpuRows"/>).</summary>
public static class InstructionClass
{
    /// <summary>Number of flag bits (bits 0..Count-1 may be set).</summary>
    public const int Count = 9;

    /// <summary>The flags of <paramref name="opcode"/>; <see cref="InstructionFlags.None"/> for UNIMP and EBREAK, which never execute.</summary>
    public static InstructionFlags Of(Opcode opcode)
    {
        var flags = opcode switch
        {
            _ when OpcodeClass.IsAlu(opcode) => InstructionFlags.Alu,
            _ when OpcodeClass.IsLoad(opcode) => InstructionFlags.Load,
            _ when OpcodeClass.IsStore(opcode) => InstructionFlags.Store,
            _ when OpcodeClass.IsBranch(opcode) => InstructionFlags.Branch,
            Opcode.Jal => InstructionFlags.Jal,
            Opcode.Jalr => InstructionFlags.Jalr,
            Opcode.Auipc => InstructionFlags.Auipc,
            Opcode.Ecall => InstructionFlags.Ecall,
            _ => InstructionFlags.None,
        };
        return opcode is Opcode.Lw or Opcode.Sw ? flags | InstructionFlags.WordAccess : flags;
    }
}
