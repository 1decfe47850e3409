using System.CommandLine;
using StarkGpu.Device;

namespace StarkGpu.Cli.Commands;

/// <summary><c>stark-gpu devices</c>: the accelerators ILGPU finds on this machine.</summary>
internal static class DevicesCommand
{
    public static Command Create()
    {
        var command = new Command("devices", "List the accelerators ILGPU finds: the CPU accelerator always, and each CUDA device when a driver is present.");
        command.SetAction(_ => Run());
        return command;
    }

    private static int Run()
    {
        foreach (var line in Accelerators.Describe())
        {
            Console.WriteLine(line);
        }

        return ExitCodes.Success;
    }
}
