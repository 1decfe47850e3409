using System.Text.RegularExpressions;
using StarkGpu.Rv32im.Chips.Alu;
using StarkGpu.Rv32im.Chips.Cpu;
using StarkGpu.Rv32im.Chips.Memory;
using StarkGpu.Rv32im.Tests.Support;

namespace StarkGpu.Rv32im.Tests.Chips;

/// <summary>
/// Each trace kernel writes its rows through <c>write_trace_rows&lt;WIDTH, ROW&gt;</c>, whose CPU build stores WIDTH
/// whole columns per tile. A WIDTH below the chip's would leave columns unwritten (the equality tests catch that);
/// one above would write past the end of the trace, which no trace comparison sees. So every WIDTH is checked here
/// against the chip's C# width.
/// </summary>
public sealed partial class KernelTraceWidthTests
{
    private static readonly (string File, int Width)[] Kernels =
    [
        ("addsub.cu", AddSubColumns.Width),
        ("bitwise.cu", BitwiseColumns.Width),
        ("lt.cu", LtColumns.Width),
        ("shift_left.cu", ShiftLeftColumns.Width),
        ("shift_right.cu", ShiftRightColumns.Width),
        ("mul.cu", MulColumns.Width),
        ("divrem.cu", DivRemColumns.Width),
        ("cpu.cu", CpuColumns.Width),
        ("memory_local.cu", MemoryLocalColumns.Width),
    ];

    [TestCaseSource(nameof(Kernels))]
    public void TheTileWidthIsTheChipWidth((string File, int Width) kernel)
    {
        var source = File.ReadAllText(Path.Combine(RepoPaths.Root, "kernels", "rv32im", kernel.File));
        var use = WriteTraceRows().Match(source);
        Assert.That(use.Success, Is.True, $"{kernel.File} has no write_trace_rows<WIDTH, ROW> call");
        var name = use.Groups[1].Value;
        var define = new Regex($@"^#define\s+{name}\s+(\d+)u?\s*$", RegexOptions.Multiline).Match(source);
        Assert.That(define.Success, Is.True, $"{kernel.File} does not #define {name}");
        Assert.That(int.Parse(define.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(kernel.Width), $"{kernel.File}: {name}");
    }

    [Test]
    public void EveryTraceKernelFileIsListed()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Root, "kernels", "rv32im"), "*.cu")
            .Where(f => WriteTraceRows().IsMatch(File.ReadAllText(f)))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);
        Assert.That(files, Is.EqualTo(Kernels.Select(k => k.File).Order(StringComparer.Ordinal)));
    }

    [GeneratedRegex(@"write_trace_rows<\s*([A-Z_0-9]+)\s*[,>]")]
    private static partial Regex WriteTraceRows();
}
