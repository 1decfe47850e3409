using BenchmarkDotNet.Running;
using StarkGpu.Benchmarks;
using StarkGpu.Benchmarks.Rv32im;

// Every benchmark class runs on each available backend side by side with its floor (a copy of the
// same bytes on the same device), so the Ratio column is the figure to report.
if (args is ["tracegen-pairs", ..])
{
    TracegenPairs.Run(args.Length > 1 ? args[1] : "host", args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 9);
    return;
}

if (args is ["logup", ..])
{
    LogUpPairs.Run(args.Length > 1 ? args[1] : "host");
    return;
}

Console.WriteLine(BackendCatalog.Describe());
BenchmarkSwitcher.FromAssembly(typeof(BackendCatalog).Assembly).Run(args);
