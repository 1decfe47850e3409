using System.Diagnostics;
using System.Text;

namespace StarkGpu.Rv32im.Tests.Support;

/// <summary>What qemu-riscv32 observed: exit code, stdout, retired instructions.</summary>
internal sealed record QemuRun(int ExitCode, string Stdout, long Instructions);

/// <summary>
/// Runs a guest under qemu-riscv32 (Debian qemu-user) as an independent oracle. Debian ships no TCG plugins
/// (no libinsn.so), so instructions are counted from the exec log in single-step mode: one "Trace" line per
/// executed one-instruction translation block.
/// </summary>
internal static class QemuOracle
{
    public static QemuRun Run(string elf)
    {
        var start = new ProcessStartInfo("qemu-riscv32", ["-singlestep", "-d", "exec,nochain", elf])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("qemu-riscv32 did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        long traces = 0;
        while (process.StandardError.ReadLine() is { } line)
        {
            if (line.StartsWith("Trace ", StringComparison.Ordinal))
            {
                traces++;
            }
        }

        process.WaitForExit();
        return new QemuRun(process.ExitCode, stdout.Result, traces);
    }
}
