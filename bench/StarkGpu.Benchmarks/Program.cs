using BenchmarkDotNet.Running;
using StarkGpu.Benchmarks;

// Every benchmark class runs on each available backend side by side with its floor (a copy of the
// same bytes on the same device), so the Ratio column is the figure to report.
Console.WriteLine(BackendCatalog.Describe());
BenchmarkSwitcher.FromAssembly(typeof(BackendCatalog).Assembly).Run(args);
