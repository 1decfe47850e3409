using StarkGpu.Device.Counting;
using StarkGpu.Fields;

namespace StarkGpu.Device.SelfTest;

/// <summary>The counter-set summing kernel against a C# sum, with counts large enough that the sum wraps past p.</summary>
public sealed class SumSetsCheck(int sets, int cells) : SelfTestCase
{
    public override string Name => $"counting.sum-sets {sets}x{cells}";

    public override string Run(Accelerator accelerator, int seed)
    {
        var random = new Random(seed);
        var counters = new uint[sets * cells];
        for (var i = 0; i < counters.Length; i++)
        {
            counters[i] = random.Next(4) == 0 ? (uint)random.NextInt64(0, uint.MaxValue + 1L) : (uint)random.Next(1000);
        }

        var stream = accelerator.DefaultStream;
        using var source = stream.Upload<uint>(counters);
        using var output = stream.Allocate<uint>(cells);
        stream.Fill32(output, Poison.Word);
        DeviceCounting.SumSets<KoalaBear>(stream, source.View, sets, output.View);
        var actual = output.ToArray();
        for (var c = 0; c < cells; c++)
        {
            ulong sum = 0;
            for (var s = 0; s < sets; s++)
            {
                sum += counters[(s * cells) + c];
            }

            var expected = KoalaBear.FromCanonical((uint)(sum % KoalaBear.Modulus)).Raw;
            if (actual[c] != expected)
            {
                throw new SelfTestFailureException($"cell {c}: expected 0x{expected:x8}, got 0x{actual[c]:x8}");
            }
        }

        return $"{cells:N0} cells x {sets} sets";
    }
}
