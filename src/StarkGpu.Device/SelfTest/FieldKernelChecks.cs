using StarkGpu.Device.FieldOps;
using StarkGpu.Fields;

namespace StarkGpu.Device.SelfTest;

/// <summary>The self-test cases of the field kernels (kernels/field/), each comparing a kernel with the C# field types.</summary>
public static class FieldKernelChecks
{
    public static IReadOnlyList<SelfTestCase> All { get; } =
    [
        .. PrimeFieldCases<KoalaBear>("koalabear"),
        .. PrimeFieldCases<BabyBear>("babybear"),
    ];

    private static SelfTestCase[] PrimeFieldCases<TField>(string field) where TField : unmanaged, IPrimeField<TField> =>
    [
        new FieldBinaryOpCheck<TField>($"{field}.add", FieldCheckSupport.PrimeElements<TField>, (a, b) => a + b, DeviceFieldOps.Add),
        new FieldBinaryOpCheck<TField>($"{field}.sub", FieldCheckSupport.PrimeElements<TField>, (a, b) => a - b, DeviceFieldOps.Subtract),
        new FieldBinaryOpCheck<TField>($"{field}.mul", FieldCheckSupport.PrimeElements<TField>, (a, b) => a * b, DeviceFieldOps.Multiply),
        new FieldPowCheck<TField>($"{field}.pow"),
        new FieldBinaryOpCheck<BinomialExtension4<TField>>(
            $"{field}.ext4.mul", FieldCheckSupport.Ext4Elements<TField>, (a, b) => a * b, DeviceFieldOps.Multiply),
        new FieldBatchInverseCheck<TField>($"{field}.batch-inverse"),
    ];
}
