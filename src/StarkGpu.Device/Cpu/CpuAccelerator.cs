using System.Runtime.InteropServices;

namespace StarkGpu.Device.Cpu;

/// <summary>
/// The CPU backend: "device" memory is aligned native host memory, kernels are the g++ build of
/// <c>kernels/</c>, launches run at once over OpenMP threads. It enforces a memory limit so that
/// out-of-memory paths behave as on a GPU.
/// </summary>
public sealed unsafe class CpuAccelerator : Accelerator
{
    private const nuint Alignment = 64;
    private readonly CpuKernelLibrary _kernels;
    private readonly int _threads;
    private readonly int _blocksPerThread;
    private readonly CpuMemoryPool _pool;

    public CpuAccelerator(CpuAcceleratorOptions? options = null)
    {
        Options = options ?? new CpuAcceleratorOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Options.MemoryLimitBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(Options.Threads);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Options.BlocksPerThread);
        _kernels = CpuKernelLibrary.Open(Options.Kernels);
        _threads = Options.Threads > 0 ? Options.Threads : _kernels.ProcessorCount();
        _blocksPerThread = Options.BlocksPerThread;
        _pool = new CpuMemoryPool(Options.PoolRetainBytes ?? Options.MemoryLimitBytes / 4);
    }

    public CpuAcceleratorOptions Options { get; }

    public override AcceleratorKind Kind => AcceleratorKind.Cpu;

    public override string Name => $"CPU ({_threads} threads, {RuntimeInformation.ProcessArchitecture}, {KernelIsa} kernels)";

    public int Threads => _threads;

    /// <summary>The instruction set of the kernel library this accelerator runs ("x86-64-v4", "x86-64-v3", ...).</summary>
    public string KernelIsa => _kernels.Isa;

    internal CpuKernelLibrary Kernels => _kernels;

    public override long TotalMemoryBytes => Options.MemoryLimitBytes;

    public override long FreeMemoryBytes => Math.Max(0, Options.MemoryLimitBytes - Ledger.LiveBytes);

    /// <summary>Names of every kernel the CPU library contains.</summary>
    public static IReadOnlyList<string> KernelNames() => CpuKernelLibrary.Open(CpuKernelBuild.Auto).KernelNames();

    public override DeviceStream CreateStream() => new CpuStream(this);

    public override LaunchShape ShapeFor(long workItems)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workItems);
        var blocks = Math.Clamp(workItems, 1, (long)_threads * _blocksPerThread);
        return new LaunchShape((uint)blocks, 1);
    }

    protected override nint ResolveKernel(string name)
    {
        var handle = _kernels.GetFunction(name);
        return handle != 0
            ? handle
            : throw new DeviceException($"kernel '{name}' is not in the CPU kernel library (is it declared `KERNEL void {name}(` in kernels/?)") { Call = "emu_get_function" };
    }

    protected internal override void* AllocatePinnedRaw(long bytes) => NativeMemory.AlignedAlloc((nuint)bytes, Alignment);

    protected internal override void FreePinned(void* memory) => NativeMemory.AlignedFree(memory);

    internal DevicePointer AllocateDevice(long bytes)
    {
        var available = FreeMemoryBytes;
        if (bytes > available)
        {
            throw new DeviceOutOfMemoryException(bytes, available, Name);
        }

        // Blocks the pool keeps count against the limit like live ones: give them back before going over it.
        if (bytes > available - _pool.RetainedBytes)
        {
            _pool.Trim();
        }

        try
        {
            return new DevicePointer((ulong)_pool.Allocate(bytes));
        }
        catch (OutOfMemoryException)
        {
            _pool.Trim();
            throw new DeviceOutOfMemoryException(bytes, available, Name);
        }
    }

    internal void FreeDevice(DevicePointer pointer) => _pool.Free((void*)pointer.Address);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _pool.Dispose();
        }
    }
}
