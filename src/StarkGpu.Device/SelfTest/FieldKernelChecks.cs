using StarkGpu.Device.FieldOps;
using StarkGpu.Fields;
using StarkGpu.Fields.Poseidon2;

namespace StarkGpu.Device.SelfTest;

/// <summary>The self-test cases of the field kernels (kernels/field/), each comparing a kernel with the C# field types (Poseidon2 with the host permutation).</summary>
public static class FieldKernelChecks
{
    public static IReadOnlyList<SelfTestCase> All { get; } =
    [
        .. PrimeFieldCases<KoalaBear>("koalabear"),
        .. PrimeFieldCases<BabyBear>("babybear"),
        new Poseidon2Check<Plonky3InternalLayer>("koalabear.poseidon2.plonky3"),
        new Poseidon2Check<Sp1InternalLayer>("koalabear.poseidon2.sp1"),
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
