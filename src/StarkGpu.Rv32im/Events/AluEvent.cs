using StarkGpu.Rv32im.Isa;

namespace StarkGpu.Rv32im.Events;

/// <summary>
/// One ALU operation a = b op c (20 bytes), emitted for every ALU-opcode instruction whose destination is not x0
/// (immediate forms and LUI included, with c or b the immediate), into the list of the chip that proves it, and
/// for the control flow the Cpu chip proves through the ALU chips: SLT/SLTU for BLT..BGEU, ADD for a taken
/// branch's target, JAL's and JALR's targets and links and AUIPC's sum (<c>ShardRecorder</c>). Load/store address
/// sums are proven in Cpu columns and produce none.
/// </summary>
public struct AluEvent
{
    /// <summary>Address of the instruction.</summary>
    public uint Pc;

    /// <summary>The operation (an ALU opcode).</summary>
    public Opcode Opcode;

    /// <summary>Result.</summary>
    public uint A;

    /// <summary>First operand.</summary>
    public uint B;

    /// <summary>Second operand (for shifts only its low 5 bits matter).</summary>
    public uint C;
}
