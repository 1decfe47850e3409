namespace StarkGpu.Rv32im.Elf;

/// <summary>
/// The guest address range. Every byte address is below <see cref="Limit"/> so that a word address is an
/// element of both KoalaBear (p = 0x7f000001) and BabyBear (p = 0x78000001); addresses below
/// <see cref="DataStart"/> are reserved because memory events name registers by addresses 0..31.
/// </summary>
public static class AddressSpace
{
    /// <summary>First byte address above the guest's memory.</summary>
    public const uint Limit = 0x7800_0000;

    /// <summary>Lowest byte address the guest may load, store or map.</summary>
    public const uint DataStart = 0x20;
}
