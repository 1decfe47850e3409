using StarkGpu.Device.FieldOps;
using StarkGpu.Fields;

namespace StarkGpu.Device.SelfTest;

/// <summary>
/// Checks the compute-bound x^e kernel against <see cref="IField{TSelf}.Pow"/>: exponents 0, 1, p - 2
/// (the inverse, zero staying zero) and a fresh random 64-bit one, each on fresh poisoned output.
/// </summary>
internal sealed class FieldPowCheck<TField> : SelfTestCase where TField : unmanaged, IPrimeField<TField>
{
    private const int MinimumLength = 1000;

    public FieldPowCheck(string name) => Name = name;

    public override string Name { get; }

    public override string Run(Accelerator accelerator, int seed)
    {
        var random = new Random(seed);
        var length = FieldCheckSupport.OddLength(random, MinimumLength);
        var input = FieldCheckSupport.PrimeElements<TField>(random, length);
        ulong[] exponents = [0, 1, TField.Modulus - 2UL, (ulong)random.NextInt64() | (1UL << 63)];

        using var stream = accelerator.CreateStream();
        using var deviceInput = stream.Upload<TField>(input);
        using var output = stream.Allocate<TField>(length);
        var expected = new TField[length];
        var actual = new TField[length];
        foreach (var exponent in exponents)
        {
            for (var i = 0; i < length; i++)
            {
                expected[i] = input[i].Pow(exponent);
            }

            FieldCheckSupport.Poison(stream, output);
            DeviceFieldOps.Pow(stream, deviceInput, exponent, output);
            stream.CopyToHost(output, actual);
            FieldCheckSupport.RequireBitwiseEqual<TField>($"{Name} (e = {exponent})", expected, actual,
                i => $"x = {FieldCheckSupport.Words(input[i])}");
        }

        return $"{length:N0} elements x {exponents.Length} exponents bit-identical";
    }
}
