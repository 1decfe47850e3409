using System.Runtime.InteropServices;

namespace StarkGpu.Device.Cpu;

/// <summary>A CPU-backend stream: every operation completes before it returns, so order is trivial.</summary>
internal sealed unsafe class CpuStream(CpuAccelerator accelerator) : DeviceStream(accelerator)
{
    private readonly CpuAccelerator _cpu = accelerator;

    // Kernels run on this machine's cores, so "device" and host addresses are one address space.
    protected override bool KernelsReadHostMemory => true;

    protected override DevicePointer AllocateRaw(long bytes) => _cpu.AllocateDevice(bytes);

    protected override void FreeRaw(DevicePointer pointer) => _cpu.FreeDevice(pointer);

    protected override void CopyHostToDeviceRaw(void* source, DevicePointer destination, long bytes, bool sourceIsPinned) =>
        Buffer.MemoryCopy(source, (void*)destination.Address, bytes, bytes);

    protected override void CopyDeviceToHostRaw(DevicePointer source, void* destination, long bytes, bool destinationIsPinned) =>
        Buffer.MemoryCopy((void*)source.Address, destination, bytes, bytes);

    protected override void CopyDeviceToDeviceRaw(DevicePointer source, DevicePointer destination, long bytes) =>
        Buffer.MemoryCopy((void*)source.Address, (void*)destination.Address, bytes, bytes);

    protected override void Memset32Raw(DevicePointer destination, uint value, long count)
    {
        var words = (uint*)destination.Address;
        for (long done = 0; done < count; done += int.MaxValue)
        {
            new Span<uint>(words + done, (int)Math.Min(int.MaxValue, count - done)).Fill(value);
        }
    }

    protected override void LaunchRaw(Kernel kernel, LaunchShape shape, void** arguments)
    {
        var status = _cpu.Kernels.Launch(kernel.Handle, arguments, shape.Blocks, 1, 1, shape.ThreadsPerBlock, 1, 1, 0, _cpu.Threads);
        if (status != 0)
        {
            throw new DeviceException($"launch of kernel '{kernel.Name}' ({shape}) failed on the CPU backend with error {status}")
            {
                Call = "emu_launch",
                ErrorCode = status,
            };
        }
    }

    public override void Synchronize()
    {
    }
}
