using System.Globalization;
using StarkGpu.Fields;

namespace StarkGpu.Engine.Checking;

/// <summary>How reports print field elements.</summary>
internal static class FieldFormat
{
    /// <summary>Values above p/2 print as negatives: a net multiplicity of p - 1 reads "-1".</summary>
    public static string Signed(KoalaBear value)
    {
        var canonical = value.Canonical;
        return canonical > KoalaBear.Modulus / 2
            ? "-" + (KoalaBear.Modulus - canonical).ToString(CultureInfo.InvariantCulture)
            : canonical.ToString(CultureInfo.InvariantCulture);
    }

    public static string Rows(long row, long rowCount) =>
        rowCount == 1
            ? string.Create(CultureInfo.InvariantCulture, $"row {row}")
            : string.Create(CultureInfo.InvariantCulture, $"rows {row}..{row + rowCount - 1} (padding)");
}
