using StarkGpu.Fields;
using StarkGpu.Kernels.Field;

namespace StarkGpu.Device.FieldOps;

/// <summary>
/// Batch inversion on the device (kernels/StarkGpu.Kernels/Field/BatchInverseKernels.cs): output[i] = 1 / input[i],
/// zero mapping to zero, by Montgomery's trick in independent chunks of about <see cref="DefaultElementsPerChunk"/>
/// elements, each paying one Fermat inversion.
/// </summary>
public static class DeviceBatchInverse
{
    /// <summary>
    /// One Fermat inversion costs about 90 multiplies and the trick 3 per element, so chunks of 64 keep the inversion
    /// under a third of the work while leaving n / 64 parallel work items.
    /// </summary>
    public const int DefaultElementsPerChunk = 64;

    /// <summary>Inverts every element of <paramref name="input"/> into <paramref name="output"/> (same length, not the same buffer).</summary>
    public static void Invert<TField>(
        DeviceStream stream,
        DeviceBuffer<TField> input,
        DeviceBuffer<TField> output,
        int elementsPerChunk = DefaultElementsPerChunk)
        where TField : unmanaged, IPrimeField<TField>
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(elementsPerChunk);
        LaunchChecks.SameLength(input, output, nameof(output));
        if (ReferenceEquals(input, output))
        {
            throw new ArgumentException("input and output must not overlap", nameof(output));
        }

        if (input.Length == 0)
        {
            return;
        }

        var chunks = (input.Length + elementsPerChunk - 1) / elementsPerChunk;
        var range = stream.Accelerator.Range(chunks);
        stream.Launch(BatchInverseKernels.Invert, range.Workers, input.View, output.View, (long)elementsPerChunk, range);
    }
}
