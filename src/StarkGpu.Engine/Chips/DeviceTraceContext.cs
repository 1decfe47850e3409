using StarkGpu.Device;

namespace StarkGpu.Engine.Chips;

/// <summary>
/// What the device jobs of one trace-generation call share: their stream, and scratch that one chip's kernels fill
/// for another chip's trace while they write their own rows (a chip counting the lookups it sends to another chip's
/// table, in the same pass over its events). The scheduler first lets every chip of the call prepare (a consumer adds
/// the scratch it wants filled), then runs the jobs one at a time in <see cref="Chip{TRecord,TProgram}.DeviceOrder"/>
/// order, so a consumer ordered after its producers finds their work done. The scratch is disposed (its device memory
/// freed in stream order) when the call's last device job has finished, failed or been cancelled.
/// </summary>
public sealed class DeviceTraceContext : IDisposable
{
    private readonly Dictionary<Type, IDisposable> _byType = [];
    private readonly List<IDisposable> _created = [];

    /// <summary>A context for device jobs on <paramref name="stream"/>; a chip called on its own makes one for itself.</summary>
    public DeviceTraceContext(DeviceStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Stream = stream;
    }

    /// <summary>The stream every device job of the call issues its work on.</summary>
    public DeviceStream Stream { get; }

    /// <summary>Adds <paramref name="scratch"/>, owned by the context from now on; there is at most one of each type.</summary>
    /// <exception cref="InvalidOperationException">The context already holds a <typeparamref name="T"/>.</exception>
    public T Add<T>(T scratch) where T : class, IDisposable
    {
        ArgumentNullException.ThrowIfNull(scratch);
        if (!_byType.TryAdd(typeof(T), scratch))
        {
            scratch.Dispose();
            throw new InvalidOperationException($"the device trace context already holds a {typeof(T).Name}");
        }

        _created.Add(scratch);
        return scratch;
    }

    /// <summary>The <typeparamref name="T"/> a chip added, or null.</summary>
    public T? Find<T>() where T : class, IDisposable => _byType.TryGetValue(typeof(T), out var scratch) ? (T)scratch : null;

    /// <summary>Disposes the scratch, newest first.</summary>
    public void Dispose()
    {
        for (var i = _created.Count - 1; i >= 0; i--)
        {
            _created[i].Dispose();
        }

        _created.Clear();
        _byType.Clear();
    }
}
