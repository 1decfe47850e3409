namespace StarkGpu.Device.Cuda;

/// <summary>
/// Device-side time between two points of a CUDA stream (a pair of CUevents), for benchmarks: it
/// measures what the GPU spent on the work in between, without the host's launch overheads.
/// </summary>
public sealed class CudaTimer : IDisposable
{
    private readonly CudaEvent _start;
    private readonly CudaEvent _stop;
    private readonly CudaStream _stream;
    private bool _stopped;

    private CudaTimer(CudaStream stream)
    {
        _stream = stream;
        _start = CudaEvent.Create(stream.Context, timing: true);
        _stop = CudaEvent.Create(stream.Context, timing: true);
        _start.Record(stream.Enter());
    }

    /// <summary>Marks the start on <paramref name="stream"/>, which must belong to a <see cref="CudaAccelerator"/>.</summary>
    public static CudaTimer Start(DeviceStream stream) =>
        stream is CudaStream cuda
            ? new CudaTimer(cuda)
            : throw new ArgumentException($"a CudaTimer needs a stream of a CUDA accelerator, not of {stream.Accelerator}", nameof(stream));

    /// <summary>Marks the end: the work issued on the stream between Start and Stop is what is timed.</summary>
    public void Stop()
    {
        _stop.Record(_stream.Enter());
        _stopped = true;
    }

    /// <summary>Waits for the end mark and returns the device time from start to end, in milliseconds (about 0.5 us resolution).</summary>
    public double ElapsedMilliseconds
    {
        get
        {
            if (!_stopped)
            {
                throw new InvalidOperationException("the timer has not been stopped");
            }

            _stop.Synchronize();
            return CudaEvent.ElapsedMilliseconds(_start, _stop);
        }
    }

    public void Dispose()
    {
        _start.Dispose();
        _stop.Dispose();
    }
}
