using ILGPU;
using StarkGpu.Fields;
using StarkGpu.Kernels.Field;
using StarkGpu.Kernels.Launch;

namespace StarkGpu.Device.FieldOps;

/// <summary>
/// Element-wise field arithmetic on device buffers (kernels/StarkGpu.Kernels/Field/FieldKernels.cs), for any prime
/// field of StarkGpu.Fields (KoalaBear and BabyBear are checked) and its degree-4 extension. All buffers have the
/// same length; the work is queued on <c>stream</c>; empty buffers launch nothing. Output may alias an input.
/// </summary>
public static class DeviceFieldOps
{
    /// <summary>output[i] = a[i] + b[i].</summary>
    public static void Add<TField>(DeviceStream stream, DeviceBuffer<TField> a, DeviceBuffer<TField> b, DeviceBuffer<TField> output)
        where TField : unmanaged, IPrimeField<TField> =>
        LaunchBinary(stream, FieldKernels.Add, a, b, output);

    /// <summary>output[i] = a[i] - b[i].</summary>
    public static void Subtract<TField>(DeviceStream stream, DeviceBuffer<TField> a, DeviceBuffer<TField> b, DeviceBuffer<TField> output)
        where TField : unmanaged, IPrimeField<TField> =>
        LaunchBinary(stream, FieldKernels.Subtract, a, b, output);

    /// <summary>output[i] = a[i] * b[i].</summary>
    public static void Multiply<TField>(DeviceStream stream, DeviceBuffer<TField> a, DeviceBuffer<TField> b, DeviceBuffer<TField> output)
        where TField : unmanaged, IPrimeField<TField> =>
        LaunchBinary(stream, FieldKernels.Multiply, a, b, output);

    /// <summary>output[i] = a[i] * b[i] in the degree-4 extension.</summary>
    public static void Multiply<TField>(
        DeviceStream stream,
        DeviceBuffer<BinomialExtension4<TField>> a,
        DeviceBuffer<BinomialExtension4<TField>> b,
        DeviceBuffer<BinomialExtension4<TField>> output)
        where TField : unmanaged, IPrimeField<TField> =>
        LaunchBinary(stream, FieldKernels.Multiply, a, b, output);

    /// <summary>output[i] = input[i]^exponent: a fixed chain of 64 squarings, so compute-bound.</summary>
    public static void Pow<TField>(DeviceStream stream, DeviceBuffer<TField> input, ulong exponent, DeviceBuffer<TField> output)
        where TField : unmanaged, IPrimeField<TField>
    {
        ArgumentNullException.ThrowIfNull(stream);
        LaunchChecks.SameLength(input, output, nameof(output));
        if (input.Length != 0)
        {
            var range = stream.Accelerator.Range(input.Length);
            stream.Launch(FieldKernels.Pow, range.Workers, input.View, output.View, exponent, range);
        }
    }

    private static void LaunchBinary<T>(
        DeviceStream stream,
        Action<Index1D, ArrayView<T>, ArrayView<T>, ArrayView<T>, WorkRange> kernel,
        DeviceBuffer<T> a,
        DeviceBuffer<T> b,
        DeviceBuffer<T> output)
        where T : unmanaged
    {
        ArgumentNullException.ThrowIfNull(stream);
        LaunchChecks.SameLength(a, b, nameof(b));
        LaunchChecks.SameLength(a, output, nameof(output));
        if (a.Length != 0)
        {
            var range = stream.Accelerator.Range(a.Length);
            stream.Launch(kernel, range.Workers, a.View, b.View, output.View, range);
        }
    }
}
