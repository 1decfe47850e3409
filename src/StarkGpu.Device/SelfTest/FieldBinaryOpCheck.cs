namespace StarkGpu.Device.SelfTest;

/// <summary>
/// Checks an element-wise kernel out[i] = a[i] op b[i] against the C# field type: fresh inputs from
/// the seed, a length no kernel chunking divides, poisoned output, every element compared bit for bit.
/// </summary>
internal sealed class FieldBinaryOpCheck<T> : SelfTestCase where T : unmanaged
{
    private const int MinimumLength = 3000;
    private readonly Func<Random, int, T[]> _sample;
    private readonly Func<T, T, T> _reference;
    private readonly Action<DeviceStream, DeviceBuffer<T>, DeviceBuffer<T>, DeviceBuffer<T>> _launch;

    public FieldBinaryOpCheck(
        string name,
        Func<Random, int, T[]> sample,
        Func<T, T, T> reference,
        Action<DeviceStream, DeviceBuffer<T>, DeviceBuffer<T>, DeviceBuffer<T>> launch)
    {
        Name = name;
        _sample = sample;
        _reference = reference;
        _launch = launch;
    }

    public override string Name { get; }

    public override string Run(Accelerator accelerator, int seed)
    {
        var random = new Random(seed);
        var length = FieldCheckSupport.OddLength(random, MinimumLength);
        var a = _sample(random, length);
        var b = _sample(random, length);

        var expected = new T[length];
        for (var i = 0; i < length; i++)
        {
            expected[i] = _reference(a[i], b[i]);
        }

        using var stream = accelerator.CreateStream();
        using var deviceA = stream.Upload<T>(a);
        using var deviceB = stream.Upload<T>(b);
        using var output = stream.Allocate<T>(length);
        FieldCheckSupport.Poison(stream, output);
        _launch(stream, deviceA, deviceB, output);
        var actual = output.ToArray();

        FieldCheckSupport.RequireBitwiseEqual<T>(Name, expected, actual,
            i => $"a = {FieldCheckSupport.Words(a[i])}, b = {FieldCheckSupport.Words(b[i])}");
        return $"{length:N0} elements bit-identical";
    }
}
