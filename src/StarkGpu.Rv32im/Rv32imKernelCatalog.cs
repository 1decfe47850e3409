using ILGPU;
using StarkGpu.Kernels;
using StarkGpu.Kernels.Launch;
using StarkGpu.Rv32im.Chips.Alu;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Chips.Cpu;
using StarkGpu.Rv32im.Chips.Memory;
using StarkGpu.Rv32im.Chips.Rows;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im;

/// <summary>
/// Every kernel the RV32IM chips launch, for the GPU check: each row writer in the generic trace kernel (plain and
/// counting) and in the counting kernel, and the ByteLookup table.
/// </summary>
public sealed class Rv32imKernelCatalog : IKernelCatalog
{
    public IEnumerable<KernelEntry> Kernels()
    {
        IEnumerable<KernelEntry>[] writers =
        [
            RowOperations<CpuEvent, CpuRows>.Instance.Kernels(CpuChip.ChipName),
            RowOperations<AluEvent, AddSubRow>.Instance.Kernels(AddSubChip.ChipName),
            RowOperations<AluEvent, BitwiseRow>.Instance.Kernels(BitwiseChip.ChipName),
            RowOperations<AluEvent, LtRow>.Instance.Kernels(LtChip.ChipName),
            RowOperations<AluEvent, ShiftLeftRow>.Instance.Kernels(ShiftLeftChip.ChipName),
            RowOperations<AluEvent, ShiftRightRow>.Instance.Kernels(ShiftRightChip.ChipName),
            RowOperations<AluEvent, MulRow>.Instance.Kernels(MulChip.ChipName),
            RowOperations<AluEvent, DivRemRow>.Instance.Kernels(DivRemChip.ChipName),
            RowOperations<MemoryLocalEvent, MemoryLocalRow>.Instance.Kernels(MemoryLocalChip.ChipName),
        ];
        foreach (var entry in writers.SelectMany(w => w))
        {
            yield return entry;
        }

        yield return new KernelEntry("bytelookup.table", new Action<Index1D, ArrayView<uint>, WorkRange>(ByteTableKernel.Write).Method);
    }
}
