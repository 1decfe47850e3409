using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using StarkGpu.Fields;
using StarkGpu.Kernels.Counting;
using StarkGpu.Kernels.Launch;
using StarkGpu.Kernels.Traces;
using StarkGpu.Rv32im.Chips.Cpu;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Isa;
using StarkGpu.Rv32im.Tests.Chips.Support;

namespace StarkGpu.Rv32im.Tests.Chips.RowWriters;

/// <summary>
/// The Cpu row writer compiled by ILGPU: the generic trace kernel over it runs on ILGPU's CPU accelerator and writes
/// the host trace bit for bit (over poisoned memory), reporting the row it refuses; and it compiles to PTX for an SM_90 device
/// with no GPU present, which proves it keeps the kernel rules.
/// </summary>
public sealed class CpuRowsKernelTests
{
    [Test]
    public void TheTraceKernelOnTheCpuAcceleratorWritesTheHostTrace()
    {
        using var record = CpuRecords.Synthetic(seed: 31, count: 2000);
        var events = record.Cpu.Span.ToArray();
        events[1234].Opcode = Opcode.Ebreak;
        using var valid = Without(record, 1234);
        var host = new CpuChip().GenerateHostMainTrace(valid);

        using var context = Context.Create(builder => builder.CPU());
        using var accelerator = context.CreateCPUAccelerator(0);
        var kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<CpuEvent>, ArrayView<uint>, WorkRange, NoCounters, ArrayView<uint>>(
            TraceKernels.WriteRows<CpuRows, CpuEvent, NoCounters>);
        var range = WorkRange.Chunked(events.Length, 4);
        using var input = accelerator.Allocate1D(events);
        using var trace = accelerator.Allocate1D<uint>((long)events.Length * CpuRows.Width);
        trace.MemSet(0xab);
        using var badRows = accelerator.Allocate1D(new uint[] { 0, uint.MaxValue });
        kernel(range.Workers, input.View, trace.View, range, default, badRows.View);
        accelerator.Synchronize();

        Assert.That(badRows.GetAsArray1D(), Is.EqualTo(new uint[] { 1, 1234 }), "one refused row, the EBREAK");
        var cells = trace.GetAsArray1D();
        for (var row = 0; row < events.Length; row++)
        {
            var hostRow = row < 1234 ? row : row - 1;
            for (var column = 0; column < CpuRows.Width && row != 1234; column++)
            {
                var cell = cells[((long)column * events.Length) + row];
                if (cell != host[hostRow, column].Raw)
                {
                    Assert.Fail($"row {row}, column {column}: the kernel wrote 0x{cell:x8}, the host {host[hostRow, column]}");
                }
            }
        }
    }

    [Test]
    public void TheTraceKernelCompilesToPtxWithoutAGpu()
    {
        using var context = Context.Create(builder => builder.Cuda());
        var sm90 = CudaArchitecture.SM_90;
        using var backend = new PTXBackend(context, new CudaCapabilityContext(sm90), sm90, CudaInstructionSet.ISA_78, null);
        var entry = EntryPointDescription.FromImplicitlyGroupedKernel(TraceKernels.WriteRowsMethod<CpuRows, CpuEvent, NoCounters>());
        var specialization = KernelSpecialization.Empty;
        var compiled = (PTXCompiledKernel)backend.Compile(entry, specialization);
        Assert.That(compiled.PTXAssembly, Does.Contain(".entry Kernel_WriteRows"), "ILGPU 1.5.3 targets sm_80 code at ISA 7.8, which runs on SM_90");
    }

    private static ExecutionRecord Without(ExecutionRecord record, int row)
    {
        var copy = new ExecutionRecord(record.Shard, record.Cpu.Count - 1);
        for (var i = 0; i < record.Cpu.Count; i++)
        {
            if (i != row)
            {
                copy.Cpu.Add(record.Cpu[i]);
            }
        }

        return copy;
    }
}
