using StarkGpu.Device.FieldOps;
using StarkGpu.Fields;

namespace StarkGpu.Device.SelfTest;

/// <summary>
/// Checks the chunked batch-inversion kernel against element-by-element <see cref="IField{TSelf}.Inverse"/>
/// (an independent path): about one input in eight is zero and must come back zero; lengths are odd,
/// so no chunk size divides them; several chunk sizes, including one element per chunk and whole-array
/// chunks, and a one-element input.
/// </summary>
internal sealed class FieldBatchInverseCheck<TField> : SelfTestCase where TField : unmanaged, IPrimeField<TField>
{
    private const int MinimumLength = 2000;

    public FieldBatchInverseCheck(string name) => Name = name;

    public override string Name { get; }

    public override string Run(Accelerator accelerator, int seed)
    {
        var random = new Random(seed);
        var length = FieldCheckSupport.OddLength(random, MinimumLength);
        int[] chunkSizes = [DeviceBatchInverse.DefaultElementsPerChunk, 1, 7, random.Next(100, 1000), length + 5];

        using var stream = accelerator.CreateStream();
        foreach (var elementsPerChunk in chunkSizes)
        {
            CheckOnce(stream, random, length, elementsPerChunk);
        }

        CheckOnce(stream, random, 1, DeviceBatchInverse.DefaultElementsPerChunk);
        return $"{length:N0} elements, chunks of {string.Join("/", chunkSizes)}, bit-identical";
    }

    private void CheckOnce(DeviceStream stream, Random random, int length, int elementsPerChunk)
    {
        var input = FieldCheckSupport.PrimeElements<TField>(random, length);
        for (var i = 0; i < length; i++)
        {
            if (random.Next(8) == 0)
            {
                input[i] = TField.Zero;
            }
        }

        var expected = new TField[length];
        for (var i = 0; i < length; i++)
        {
            expected[i] = input[i].IsZero ? TField.Zero : input[i].Inverse();
        }

        using var deviceInput = stream.Upload<TField>(input);
        using var output = stream.Allocate<TField>(length);
        FieldCheckSupport.Poison(stream, output);
        DeviceBatchInverse.Invert(stream, deviceInput, output, elementsPerChunk);
        FieldCheckSupport.RequireBitwiseEqual<TField>($"{Name} (n = {length}, chunk {elementsPerChunk})", expected, output.ToArray(),
            i => $"x = {FieldCheckSupport.Words(input[i])}");
    }
}
