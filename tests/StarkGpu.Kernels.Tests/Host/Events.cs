using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;

namespace StarkGpu.Kernels.Tests.Host;

/// <summary>Seeded random events for the tests.</summary>
public static class Events
{
    public static AluEvent[] AddSub(int count, int seed)
    {
        var random = new Random(seed);
        var events = new AluEvent[count];
        for (var i = 0; i < count; i++)
        {
            var isSub = random.Next(2) == 0;
            var b = Word(random);
            var c = Word(random);
            events[i] = new AluEvent { Pc = 0x00200800u + (4u * (uint)i), Opcode = isSub ? Opcode.Sub : Opcode.Add, A = isSub ? b - c : b + c, B = b, C = c };
        }

        return events;
    }

    /// <summary>Probe events; none refused.</summary>
    public static ProbeEvent[] Probe(int count, int seed)
    {
        var random = new Random(seed);
        var events = new ProbeEvent[count];
        for (var i = 0; i < count; i++)
        {
            events[i] = new ProbeEvent { X = Word(random), Y = Word(random) };
        }

        return events;
    }

    // Uniform words, with the edge values often.
    private static uint Word(Random random) => random.Next(8) switch
    {
        0 => 0u,
        1 => uint.MaxValue,
        2 => 0x7f000000u + (uint)random.Next(3),
        _ => (uint)random.NextInt64(1L << 32),
    };
}
