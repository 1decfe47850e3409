using System.CommandLine;
using StarkGpu.Cli.Commands;

var root = new RootCommand("StarkGpu: STARK execution-trace generation on NVIDIA GPUs, with a CPU backend running the same kernels.");
root.Subcommands.Add(DevicesCommand.Create());
root.Subcommands.Add(SelfTestCommand.Create());
return root.Parse(args).Invoke();
