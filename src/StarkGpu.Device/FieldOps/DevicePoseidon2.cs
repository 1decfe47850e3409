using StarkGpu.Fields;
using StarkGpu.Fields.Poseidon2;
using StarkGpu.Kernels.Field;

namespace StarkGpu.Device.FieldOps;

/// <summary>
/// Poseidon2 over KoalaBear, width 16, on device buffers of consecutive 16-element states
/// (kernels/StarkGpu.Kernels/Field/Poseidon2Kernels.cs). It holds the 148 round constants in device memory, uploaded
/// once, so a permutation call only queues its kernel; dispose it after the last call's work.
/// </summary>
public sealed class DevicePoseidon2 : IDisposable
{
    private readonly DeviceBuffer<uint> _roundConstants;

    /// <summary>Uploads the round constants on <paramref name="stream"/>; the instance serves any stream of its accelerator.</summary>
    public DevicePoseidon2(DeviceStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _roundConstants = stream.Upload(Poseidon2KoalaBear16.RoundConstantWords);
    }

    /// <summary>
    /// output = the permutation of each state of <paramref name="input"/> with the internal layer
    /// <typeparamref name="TLayer"/>; both have the same length, a multiple of 16, and may be the same buffer.
    /// Queued on <paramref name="stream"/>; empty buffers launch nothing.
    /// </summary>
    public void Permute<TLayer>(DeviceStream stream, DeviceBuffer<KoalaBear> input, DeviceBuffer<KoalaBear> output)
        where TLayer : struct, IPoseidon2InternalLayer
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(input);
        LaunchChecks.SameLength(input, output, nameof(output));
        if (input.Length % Poseidon2KoalaBear16.Width != 0)
        {
            throw new ArgumentException($"{input.Length} elements are not whole states of {Poseidon2KoalaBear16.Width}", nameof(input));
        }

        if (stream.Accelerator != _roundConstants.Stream.Accelerator)
        {
            throw new ArgumentException("the stream belongs to another accelerator than the round constants", nameof(stream));
        }

        var states = input.Length / Poseidon2KoalaBear16.Width;
        if (states != 0)
        {
            var range = stream.Accelerator.Range(states);
            stream.Launch(
                Poseidon2Kernels.Permute<TLayer>, range.Workers, input.View.Cast<uint>(), output.View.Cast<uint>(),
                _roundConstants.View, range);
        }
    }

    /// <summary><see cref="Permute{TLayer}"/> with the internal layer named at run time.</summary>
    public void Permute(DeviceStream stream, DeviceBuffer<KoalaBear> input, DeviceBuffer<KoalaBear> output, Poseidon2InternalLayerKind layer)
    {
        switch (layer)
        {
            case Poseidon2InternalLayerKind.Plonky3:
                Permute<Plonky3InternalLayer>(stream, input, output);
                break;
            case Poseidon2InternalLayerKind.Sp1:
                Permute<Sp1InternalLayer>(stream, input, output);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(layer), layer, "unknown internal layer");
        }
    }

    public void Dispose() => _roundConstants.Dispose();
}
