using StarkGpu.Fields;

namespace StarkGpu.Kernels.Traces;

/// <summary>KoalaBear cell values as trace rows store them (Montgomery bits), computed the same way in kernels and on the host.</summary>
public static class FieldCells
{
    private const uint P = 0x7f000001;

    /// <summary>The bits of one.</summary>
    public const uint One = 0x01fffffe;

    /// <summary>The bits of the field element of <paramref name="value"/>, any 32-bit value.</summary>
    public static uint FromCanonical(uint value) => KoalaBear.FromCanonical(value).Raw;

    /// <summary>
    /// <see cref="FromCanonical"/> for a value of at most 256 without a Montgomery multiply: v * R mod p with
    /// R = 2^32 mod p = 2^25 - 2, reduced with 2^31 = 2^24 - 1 (mod p). Most RV32IM cells are byte limbs.
    /// </summary>
    public static uint FromByte(uint value)
    {
        var x = ((ulong)value << 25) - (2ul * value); // value * R < 2^34
        var high = (uint)(x >> 31);
        var y = ((uint)x & 0x7fffffffu) + (high << 24) - high; // < 2p
        return y >= P ? y - P : y;
    }

    /// <summary>One or zero.</summary>
    public static uint FromBool(bool value) => value ? One : 0u;
}
