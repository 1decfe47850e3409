using System.Globalization;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Equality;

/// <summary>A cell where the device trace differs from the host trace, with the stored Montgomery bits of both.</summary>
/// <param name="Event">What the chip says produced the row; null for a padding row.</param>
public sealed record CellMismatch(int Row, int Column, uint ExpectedRaw, uint ActualRaw, string? Event)
{
    public bool IsPadding => Event is null;

    public override string ToString() =>
        $"column {Column}: expected raw 0x{ExpectedRaw:x8} ({Describe(ExpectedRaw)}), actual raw 0x{ActualRaw:x8} ({Describe(ActualRaw)})";

    // Device output may hold bits that are no field element at all; say so instead of throwing.
    private static string Describe(uint raw) =>
        raw < KoalaBear.Modulus ? "= " + KoalaBear.FromRaw(raw).Canonical.ToString(CultureInfo.InvariantCulture) : "not below p";
}
