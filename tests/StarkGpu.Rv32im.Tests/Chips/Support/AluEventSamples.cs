using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;

namespace StarkGpu.Rv32im.Tests.Chips.Support;

/// <summary>Seeded ALU events: every pair of edge values, then random operands, some sharing their high bytes.</summary>
public static class AluEventSamples
{
    /// <summary>Zero, one, byte and sign boundaries, all ones, single-byte words.</summary>
    public static readonly uint[] EdgeValues =
    [
        0, 1, 2, 0x7f, 0x80, 0xff, 0x100, 0xffff, 0x7fff_ffff, 0x8000_0000, 0x8000_0001, 0xffff_fffe, 0xffff_ffff,
        0x0000_ff00, 0x00ff_0000, 0xff00_0000, 0x1234_5678, 0x8765_4321,
    ];

    /// <summary>All edge pairs for every opcode, then <paramref name="randomCount"/> random events.</summary>
    public static AluEvent[] Create(int seed, int randomCount, params Opcode[] opcodes)
    {
        var events = new List<AluEvent>();
        foreach (var opcode in opcodes)
        {
            foreach (var b in EdgeValues)
            {
                foreach (var c in EdgeValues)
                {
                    events.Add(Event(opcode, b, c, pc: (uint)events.Count * 4));
                }
            }
        }

        var random = new Random(seed);
        for (var i = 0; i < randomCount; i++)
        {
            var opcode = opcodes[random.Next(opcodes.Length)];
            var b = RandomWord(random);
            var c = random.Next(4) switch
            {
                0 => b, // equal operands
                1 => b ^ ((uint)random.Next(1, 256) << (8 * random.Next(4))), // differ in one byte only
                _ => RandomWord(random),
            };
            events.Add(Event(opcode, b, c, pc: (uint)events.Count * 4));
        }

        return [.. events];
    }

    public static AluEvent Event(Opcode opcode, uint b, uint c, uint pc = 0) =>
        new() { Pc = 0x0020_0800 + pc, Opcode = opcode, A = AluReference.Compute(opcode, b, c), B = b, C = c };

    /// <summary>A shard record holding <paramref name="events"/>, each in the list of the chip that proves it.</summary>
    public static ExecutionRecord Record(params AluEvent[] events)
    {
        var record = new ExecutionRecord(1, 0);
        foreach (var alu in events)
        {
            ListOf(record, alu.Opcode).Add(alu);
        }

        return record;
    }

    private static EventList<AluEvent> ListOf(ExecutionRecord record, Opcode opcode) => opcode switch
    {
        Opcode.Add or Opcode.Sub => record.AddSub,
        Opcode.Xor or Opcode.Or or Opcode.And => record.Bitwise,
        Opcode.Slt or Opcode.Sltu => record.Lt,
        Opcode.Sll => record.ShiftLeft,
        Opcode.Srl or Opcode.Sra => record.ShiftRight,
        Opcode.Mul or Opcode.Mulh or Opcode.Mulhu or Opcode.Mulhsu => record.Mul,
        Opcode.Div or Opcode.Divu or Opcode.Rem or Opcode.Remu => record.DivRem,
        _ => throw new ArgumentOutOfRangeException(nameof(opcode), opcode, "not an ALU opcode"),
    };

    private static uint RandomWord(Random random) => (uint)random.NextInt64(0, 1L << 32);
}
