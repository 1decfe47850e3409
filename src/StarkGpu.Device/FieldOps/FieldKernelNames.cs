using StarkGpu.Fields;

namespace StarkGpu.Device.FieldOps;

/// <summary>
/// The names of the kernels in <c>kernels/field/</c> for one prime field, built once per field type
/// (not per launch). Reading a name for a field without kernels throws <see cref="NotSupportedException"/>.
/// </summary>
internal static class FieldKernelNames<TField> where TField : unmanaged, IPrimeField<TField>
{
    private static readonly string? Prefix =
        typeof(TField) == typeof(KoalaBear) ? "koalabear"
        : typeof(TField) == typeof(BabyBear) ? "babybear"
        : null;

    private static readonly string AddName = Prefix + "_add";
    private static readonly string SubtractName = Prefix + "_sub";
    private static readonly string MultiplyName = Prefix + "_mul";
    private static readonly string PowName = Prefix + "_pow";
    private static readonly string Ext4MultiplyName = Prefix + "_ext4_mul";
    private static readonly string BatchInverseName = Prefix + "_batch_inverse";

    public static string Add => Supported(AddName);

    public static string Subtract => Supported(SubtractName);

    public static string Multiply => Supported(MultiplyName);

    public static string Pow => Supported(PowName);

    public static string Ext4Multiply => Supported(Ext4MultiplyName);

    public static string BatchInverse => Supported(BatchInverseName);

    private static string Supported(string name) =>
        Prefix is not null
            ? name
            : throw new NotSupportedException($"kernels/field/ has no kernels for the field {typeof(TField).Name} (KoalaBear and BabyBear have them)");
}
