namespace StarkGpu.Device;

/// <summary>
/// One kernel parameter: a device pointer or a fixed-width integer, held in 8 bytes. The launch
/// passes the address of the value, as cuLaunchKernel expects; a 4-byte parameter reads the low
/// half (both backends are little-endian).
/// </summary>
public readonly record struct KernelArg(ulong Bits)
{
    public static implicit operator KernelArg(DevicePointer pointer) => new(pointer.Address);

    public static implicit operator KernelArg(int value) => new(unchecked((uint)value));

    public static implicit operator KernelArg(uint value) => new(value);

    public static implicit operator KernelArg(long value) => new(unchecked((ulong)value));

    public static implicit operator KernelArg(ulong value) => new(value);

    public static KernelArg FromInt32(int value) => value;

    public static KernelArg FromUInt32(uint value) => value;

    public static KernelArg FromInt64(long value) => value;

    public static KernelArg FromUInt64(ulong value) => value;

    public static KernelArg FromDevicePointer(DevicePointer pointer) => pointer;
}
