using StarkGpu.Fields;

namespace StarkGpu.Device.FieldOps;

/// <summary>
/// Element-wise field arithmetic on device buffers (kernels/field/elementwise.cu and pow.cu), for
/// KoalaBear, BabyBear and their degree-4 extensions. All buffers have the same length; the work is
/// queued on <c>stream</c>; empty buffers launch nothing. Output may alias an input (each element is read before it is written).
/// </summary>
public static class DeviceFieldOps
{
    /// <summary>output[i] = a[i] + b[i].</summary>
    public static void Add<TField>(DeviceStream stream, DeviceBuffer<TField> a, DeviceBuffer<TField> b, DeviceBuffer<TField> output)
        where TField : unmanaged, IPrimeField<TField> =>
        LaunchBinary(stream, FieldKernelNames<TField>.Add, a, b, output);

    /// <summary>output[i] = a[i] - b[i].</summary>
    public static void Subtract<TField>(DeviceStream stream, DeviceBuffer<TField> a, DeviceBuffer<TField> b, DeviceBuffer<TField> output)
        where TField : unmanaged, IPrimeField<TField> =>
        LaunchBinary(stream, FieldKernelNames<TField>.Subtract, a, b, output);

    /// <summary>output[i] = a[i] * b[i].</summary>
    public static void Multiply<TField>(DeviceStream stream, DeviceBuffer<TField> a, DeviceBuffer<TField> b, DeviceBuffer<TField> output)
        where TField : unmanaged, IPrimeField<TField> =>
        LaunchBinary(stream, FieldKernelNames<TField>.Multiply, a, b, output);

    /// <summary>output[i] = a[i] * b[i] in the degree-4 extension.</summary>
    public static void Multiply<TField>(
        DeviceStream stream,
        DeviceBuffer<BinomialExtension4<TField>> a,
        DeviceBuffer<BinomialExtension4<TField>> b,
        DeviceBuffer<BinomialExtension4<TField>> output)
        where TField : unmanaged, IPrimeField<TField> =>
        LaunchBinary(stream, FieldKernelNames<TField>.Ext4Multiply, a, b, output);

    /// <summary>output[i] = input[i]^exponent: a fixed chain of 64 squarings, so compute-bound.</summary>
    public static void Pow<TField>(DeviceStream stream, DeviceBuffer<TField> input, ulong exponent, DeviceBuffer<TField> output)
        where TField : unmanaged, IPrimeField<TField>
    {
        ArgumentNullException.ThrowIfNull(stream);
        var kernel = FieldKernelNames<TField>.Pow;
        LaunchChecks.SameLength(input, output, nameof(output));
        if (input.Length != 0)
        {
            stream.Launch(kernel, input.Length, input, output, exponent, input.Length);
        }
    }

    private static void LaunchBinary<T>(DeviceStream stream, string kernel, DeviceBuffer<T> a, DeviceBuffer<T> b, DeviceBuffer<T> output)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(stream);
        LaunchChecks.SameLength(a, b, nameof(b));
        LaunchChecks.SameLength(a, output, nameof(output));
        if (a.Length != 0)
        {
            stream.Launch(kernel, a.Length, a, b, output, a.Length);
        }
    }
}
