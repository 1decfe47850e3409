namespace StarkGpu.Device;

/// <summary>
/// An opaque device address. On the CPU backend it happens to be a host address, but C# code never
/// dereferences it: data moves through the stream's copy API on both backends.
/// </summary>
public readonly record struct DevicePointer(ulong Address)
{
    public static DevicePointer Null => default;

    public bool IsNull => Address == 0;

    public static DevicePointer operator +(DevicePointer pointer, long byteOffset) =>
        new(unchecked(pointer.Address + (ulong)byteOffset));

    public DevicePointer Add(long byteOffset) => this + byteOffset;

    public override string ToString() => $"0x{Address:x}";
}
