using ILGPU;
using ILGPU.Runtime;

namespace StarkGpu.Device;
// The launch overloads, one per argument count (ILGPU's loaders are typed by argument count too).
public sealed partial class DeviceStream
{
    /// <summary>
    /// Launches <paramref name="kernel"/> over <c>[0, extent)</c> on this stream (loaded and compiled on its first
    /// launch on this accelerator, then cached); an extent of 0 launches nothing. Any ILGPU failure becomes a
    /// <see cref="DeviceException"/> naming the kernel.
    /// </summary>
    public void Launch<T1>(Action<Index1D, T1> kernel, int extent, T1 a1)
        where T1 : struct
    {
        ArgumentNullException.ThrowIfNull(kernel);
        var loaded = Accelerator.LoadKernel(kernel, device => device.LoadAutoGroupedKernel(kernel));
        Run(kernel, extent, () => loaded(Native, extent, a1));
    }

    /// <inheritdoc cref="Launch{T1}(Action{Index1D, T1}, int, T1)"/>
    public void Launch<T1, T2>(Action<Index1D, T1, T2> kernel, int extent, T1 a1, T2 a2)
        where T1 : struct
        where T2 : struct
    {
        ArgumentNullException.ThrowIfNull(kernel);
        var loaded = Accelerator.LoadKernel(kernel, device => device.LoadAutoGroupedKernel(kernel));
        Run(kernel, extent, () => loaded(Native, extent, a1, a2));
    }

    /// <inheritdoc cref="Launch{T1}(Action{Index1D, T1}, int, T1)"/>
    public void Launch<T1, T2, T3>(Action<Index1D, T1, T2, T3> kernel, int extent, T1 a1, T2 a2, T3 a3)
        where T1 : struct
        where T2 : struct
        where T3 : struct
    {
        ArgumentNullException.ThrowIfNull(kernel);
        var loaded = Accelerator.LoadKernel(kernel, device => device.LoadAutoGroupedKernel(kernel));
        Run(kernel, extent, () => loaded(Native, extent, a1, a2, a3));
    }

    /// <inheritdoc cref="Launch{T1}(Action{Index1D, T1}, int, T1)"/>
    public void Launch<T1, T2, T3, T4>(Action<Index1D, T1, T2, T3, T4> kernel, int extent, T1 a1, T2 a2, T3 a3, T4 a4)
        where T1 : struct
        where T2 : struct
        where T3 : struct
        where T4 : struct
    {
        ArgumentNullException.ThrowIfNull(kernel);
        var loaded = Accelerator.LoadKernel(kernel, device => device.LoadAutoGroupedKernel(kernel));
        Run(kernel, extent, () => loaded(Native, extent, a1, a2, a3, a4));
    }

    /// <inheritdoc cref="Launch{T1}(Action{Index1D, T1}, int, T1)"/>
    public void Launch<T1, T2, T3, T4, T5>(Action<Index1D, T1, T2, T3, T4, T5> kernel, int extent, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5)
        where T1 : struct
        where T2 : struct
        where T3 : struct
        where T4 : struct
        where T5 : struct
    {
        ArgumentNullException.ThrowIfNull(kernel);
        var loaded = Accelerator.LoadKernel(kernel, device => device.LoadAutoGroupedKernel(kernel));
        Run(kernel, extent, () => loaded(Native, extent, a1, a2, a3, a4, a5));
    }

    /// <inheritdoc cref="Launch{T1}(Action{Index1D, T1}, int, T1)"/>
    public void Launch<T1, T2, T3, T4, T5, T6>(Action<Index1D, T1, T2, T3, T4, T5, T6> kernel, int extent, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6)
        where T1 : struct
        where T2 : struct
        where T3 : struct
        where T4 : struct
        where T5 : struct
        where T6 : struct
    {
        ArgumentNullException.ThrowIfNull(kernel);
        var loaded = Accelerator.LoadKernel(kernel, device => device.LoadAutoGroupedKernel(kernel));
        Run(kernel, extent, () => loaded(Native, extent, a1, a2, a3, a4, a5, a6));
    }

    /// <inheritdoc cref="Launch{T1}(Action{Index1D, T1}, int, T1)"/>
    public void Launch<T1, T2, T3, T4, T5, T6, T7>(Action<Index1D, T1, T2, T3, T4, T5, T6, T7> kernel, int extent, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7)
        where T1 : struct
        where T2 : struct
        where T3 : struct
        where T4 : struct
        where T5 : struct
        where T6 : struct
        where T7 : struct
    {
        ArgumentNullException.ThrowIfNull(kernel);
        var loaded = Accelerator.LoadKernel(kernel, device => device.LoadAutoGroupedKernel(kernel));
        Run(kernel, extent, () => loaded(Native, extent, a1, a2, a3, a4, a5, a6, a7));
    }

    /// <inheritdoc cref="Launch{T1}(Action{Index1D, T1}, int, T1)"/>
    public void Launch<T1, T2, T3, T4, T5, T6, T7, T8>(Action<Index1D, T1, T2, T3, T4, T5, T6, T7, T8> kernel, int extent, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8)
        where T1 : struct
        where T2 : struct
        where T3 : struct
        where T4 : struct
        where T5 : struct
        where T6 : struct
        where T7 : struct
        where T8 : struct
    {
        ArgumentNullException.ThrowIfNull(kernel);
        var loaded = Accelerator.LoadKernel(kernel, device => device.LoadAutoGroupedKernel(kernel));
        Run(kernel, extent, () => loaded(Native, extent, a1, a2, a3, a4, a5, a6, a7, a8));
    }

    private void Run(Delegate kernel, int extent, Action launch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(extent);
        if (extent == 0)
        {
            return;
        }

        try
        {
            Accelerator.BindToThread();
            var gate = Accelerator.LaunchLock;
            if (gate is null)
            {
                launch();
                return;
            }

            lock (gate)
            {
                launch();
            }
        }
        catch (Exception e) when (e is not DeviceException)
        {
            throw new DeviceException($"kernel {KernelNames.Of(kernel.Method)} failed on {Accelerator.Name}: {e.Message}", e) { Call = "launch" };
        }
    }
}
