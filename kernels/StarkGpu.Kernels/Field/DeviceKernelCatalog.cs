using System.Reflection;
using ILGPU;
using StarkGpu.Fields;
using StarkGpu.Fields.Poseidon2;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Launch;
using StarkGpu.Kernels.Layout;
using StarkGpu.Kernels.Memory;

namespace StarkGpu.Kernels.Field;

/// <summary>Every closed kernel the device layer launches (field ops for both fields, Poseidon2, layout, memory, counting), for the PTX check.</summary>
public sealed class DeviceKernelCatalog : IKernelCatalog
{
    public IEnumerable<KernelEntry> Kernels() =>
    [
        .. FieldEntries<KoalaBear>("koalabear"),
        .. FieldEntries<BabyBear>("babybear"),
        Entry("koalabear.poseidon2.plonky3", Poseidon2Kernel<Plonky3InternalLayer>()),
        Entry("koalabear.poseidon2.sp1", Poseidon2Kernel<Sp1InternalLayer>()),
        Entry("layout.transpose", new Action<Index1D, ArrayView<uint>, ArrayView<uint>, long, long, WorkRange>(TransposeKernels.RowsToColumns)),
        Entry("memory.copy", new Action<Index1D, ArrayView<uint>, ArrayView<uint>, WorkRange>(MemoryKernels.Copy)),
        Entry("memory.fill", new Action<Index1D, ArrayView<uint>, uint, WorkRange>(MemoryKernels.Fill)),
    ];

    private static KernelEntry[] FieldEntries<TField>(string field) where TField : unmanaged, IPrimeField<TField> =>
    [
        Entry($"{field}.add", new Action<Index1D, ArrayView<TField>, ArrayView<TField>, ArrayView<TField>, WorkRange>(FieldKernels.Add)),
        Entry($"{field}.sub", new Action<Index1D, ArrayView<TField>, ArrayView<TField>, ArrayView<TField>, WorkRange>(FieldKernels.Subtract)),
        Entry($"{field}.mul", new Action<Index1D, ArrayView<TField>, ArrayView<TField>, ArrayView<TField>, WorkRange>(FieldKernels.Multiply)),
        Entry($"{field}.pow", new Action<Index1D, ArrayView<TField>, ArrayView<TField>, ulong, WorkRange>(FieldKernels.Pow)),
        Entry($"{field}.ext4.mul", new Action<Index1D, ArrayView<BinomialExtension4<TField>>, ArrayView<BinomialExtension4<TField>>, ArrayView<BinomialExtension4<TField>>, WorkRange>(
            FieldKernels.Multiply)),
        Entry($"{field}.batch-inverse", new Action<Index1D, ArrayView<TField>, ArrayView<TField>, long, WorkRange>(BatchInverseKernels.Invert)),
        Entry($"{field}.sum-sets", new Action<Index1D, ArrayView<uint>, ArrayView<uint>, int, WorkRange>(CountingKernels.SumSets<TField>)),
    ];

    private static Action<Index1D, ArrayView<uint>, ArrayView<uint>, ArrayView<uint>, WorkRange> Poseidon2Kernel<TLayer>()
        where TLayer : struct, IPoseidon2InternalLayer => Poseidon2Kernels.Permute<TLayer>;

    private static KernelEntry Entry(string name, Delegate kernel) => new(name, kernel.Method);
}
