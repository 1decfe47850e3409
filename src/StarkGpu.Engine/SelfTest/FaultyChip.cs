using CommunityToolkit.HighPerformance;
using ILGPU;
using StarkGpu.Device;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;

namespace StarkGpu.Engine.SelfTest;

/// <summary>How a <see cref="FaultyChip{TRecord, TProgram}"/> misbehaves.</summary>
public enum ChipFault
{
    /// <summary>Host trace generation throws.</summary>
    HostThrows,

    /// <summary>Device trace generation launches a kernel the backend rejects (it takes a managed parameter).</summary>
    KernelFails,

    /// <summary>Host trace generation blocks until the given token is cancelled (then returns normally).</summary>
    HostBlocksUntilCancelled,

    /// <summary>The chip claims a width no device can hold, so allocating its device trace runs out of memory.</summary>
    HugeDeviceTrace,
}

/// <summary>
/// Wraps a chip and injects one fault, to test that the scheduler names the chip, frees every device
/// byte and releases its permit on every failure path. Everything else delegates to the inner chip.
/// </summary>
public sealed class FaultyChip<TRecord, TProgram>(Chip<TRecord, TProgram> inner, ChipFault fault, CancellationToken blockUntil = default)
    : Chip<TRecord, TProgram>
    where TRecord : IExecutionRecord
{
    /// <summary>Columns claimed by <see cref="ChipFault.HugeDeviceTrace"/>: 2^30, terabytes for any row count.</summary>
    public const int HugeWidth = 1 << 30;

    public override string Name => inner.Name;

    public override int Width => fault == ChipFault.HugeDeviceTrace ? HugeWidth : inner.Width;

    public override int PreprocessedWidth => inner.PreprocessedWidth;

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder) => inner.Eval(builder);

    public override bool Included(TRecord record) => inner.Included(record);

    public override int MainHeight(TRecord record) => inner.MainHeight(record);

    public override void GenerateMainTrace(TRecord record, Span2D<KoalaBear> rows)
    {
        switch (fault)
        {
            case ChipFault.HostThrows:
                throw new InvalidOperationException($"injected host failure in {Name}");
            case ChipFault.HostBlocksUntilCancelled:
                blockUntil.WaitHandle.WaitOne();
                return;
            default:
                inner.GenerateMainTrace(record, rows);
                return;
        }
    }

    public override bool SupportsDeviceMainTracegen => fault is ChipFault.KernelFails or ChipFault.HugeDeviceTrace || inner.SupportsDeviceMainTracegen;

    public override void GenerateDeviceMainTrace(TRecord record, DeviceStream stream, DeviceMle<KoalaBear> output)
    {
        if (fault == ChipFault.KernelFails)
        {
            // A kernel parameter with a managed field: ILGPU refuses to load the kernel, on every backend.
            stream.Launch(RejectedKernel, 1, output.Cells, new NotBlittable { Reason = "injected kernel failure" });
            return;
        }

        inner.GenerateDeviceMainTrace(record, stream, output);
    }

    public override int PreprocessedHeight(TProgram program) => inner.PreprocessedHeight(program);

    public override void GeneratePreprocessedTrace(TProgram program, Span2D<KoalaBear> rows) => inner.GeneratePreprocessedTrace(program, rows);

    public override bool SupportsDevicePreprocessedTracegen => inner.SupportsDevicePreprocessedTracegen;

    public override void GenerateDevicePreprocessedTrace(TProgram program, DeviceStream stream, DeviceMle<KoalaBear> output) =>
        inner.GenerateDevicePreprocessedTrace(program, stream, output);

    private static void RejectedKernel(Index1D index, ArrayView<uint> output, NotBlittable argument) => output[index] = 0;

    private struct NotBlittable
    {
        public string Reason;
    }
}
