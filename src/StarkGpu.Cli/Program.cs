using System.CommandLine;
using StarkGpu.Cli.Commands;

if (Console.IsOutputRedirected)
{
    // Logs and CI: no colour codes, and tables as wide as their contents.
    Spectre.Console.AnsiConsole.Profile.Capabilities.Ansi = false;
    Spectre.Console.AnsiConsole.Profile.Width = 200;
}

var root = new RootCommand("StarkGpu: STARK execution-trace generation on NVIDIA GPUs, with a CPU backend running the same kernels.");
root.Subcommands.Add(DevicesCommand.Create());
root.Subcommands.Add(SelfTestCommand.Create());
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(TraceCommand.Create());
root.Subcommands.Add(TraceCommand.CreateDemo());
return root.Parse(args).Invoke();
