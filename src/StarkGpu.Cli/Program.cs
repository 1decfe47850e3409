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
// A malformed command line is bad input (exit code 2, one line), not a failed guest or check (1).
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    var message = string.Join("; ", parse.Errors.Select(e => string.Join(' ', e.Message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))));
    Console.Error.WriteLine($"stark-gpu: {message} (see --help)");
    return StarkGpu.Cli.ExitCodes.BadInput;
}

return parse.Invoke();
