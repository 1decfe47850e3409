using System.CommandLine;
using Spectre.Console;
using StarkGpu.Device;
using StarkGpu.Device.Cuda;

namespace StarkGpu.Cli.Commands;

/// <summary><c>stark-gpu devices</c>: the accelerators this machine offers.</summary>
internal static class DevicesCommand
{
    public static Command Create()
    {
        var command = new Command("devices", "List the accelerators: the CPU backend always, and each CUDA device when a driver is present.");
        command.SetAction(_ => Run());
        return command;
    }

    private static int Run()
    {
        var table = new Table().AddColumns("backend", "device", "multiprocessors", "memory", "compute capability");
        using (var cpu = Accelerators.Cpu())
        {
            table.AddRow("cpu", Markup.Escape(cpu.Name), cpu.Threads.ToString(CultureInfo.InvariantCulture) + " threads", FormatBytes(cpu.TotalMemoryBytes) + " (limit)", "-");
        }

        var cuda = CudaDevices.Probe();
        foreach (var device in cuda.Devices)
        {
            table.AddRow(
                $"cuda:{device.Ordinal}",
                Markup.Escape(device.Name),
                device.Multiprocessors.ToString(CultureInfo.InvariantCulture),
                FormatBytes(device.TotalMemoryBytes),
                $"{device.ComputeCapabilityMajor}.{device.ComputeCapabilityMinor}");
        }

        AnsiConsole.Write(table);
        if (cuda.UnavailableReason is { } reason)
        {
            Console.WriteLine($"cuda: {reason}");
        }

        return ExitCodes.Success;
    }

    internal static string FormatBytes(long bytes) => $"{bytes / (double)(1L << 30):F1} GiB";
}
