using StarkGpu.Rv32im.Chips.Cpu;
using StarkGpu.Rv32im.Isa;

namespace StarkGpu.Rv32im.Tests.Chips;

/// <summary>The branch-free classification against the opcode predicates it encodes, for every byte value.</summary>
public sealed class InstructionClassTests
{
    [Test]
    public void EveryByteValueGetsTheFlagsOfItsOpcodeClass()
    {
        for (var value = 0; value < 256; value++)
        {
            var op = (Opcode)value;
            var expected = op switch
            {
                _ when OpcodeClass.IsAlu(op) => InstructionFlags.Alu,
                _ when OpcodeClass.IsLoad(op) => InstructionFlags.Load,
                _ when OpcodeClass.IsStore(op) => InstructionFlags.Store,
                _ when OpcodeClass.IsBranch(op) => InstructionFlags.Branch,
                Opcode.Jal => InstructionFlags.Jal,
                Opcode.Jalr => InstructionFlags.Jalr,
                Opcode.Auipc => InstructionFlags.Auipc,
                Opcode.Ecall => InstructionFlags.Ecall,
                _ => InstructionFlags.None,
            };
            if (op is Opcode.Lw or Opcode.Sw)
            {
                expected |= InstructionFlags.WordAccess;
            }

            Assert.That(InstructionClass.Of(op), Is.EqualTo(expected), $"opcode value {value} ({op})");
        }
    }
}
