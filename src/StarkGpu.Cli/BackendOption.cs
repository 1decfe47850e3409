using System.CommandLine;
using StarkGpu.Device;

namespace StarkGpu.Cli;

/// <summary>The <c>--backend</c> option and how each name opens an accelerator.</summary>
internal static class BackendOption
{
    public static Option<string> Create(string defaultBackend, params string[] allowed)
    {
        var option = new Option<string>("--backend")
        {
            Description = $"Where kernels run: {string.Join(", ", allowed)}",
            DefaultValueFactory = _ => defaultBackend,
        };
        option.AcceptOnlyFromAmong(allowed);
        return option;
    }

    /// <summary>Opens the accelerator for a backend name (<c>cpu</c> or <c>cuda</c>).</summary>
    public static Accelerator OpenAccelerator(string backend) => backend switch
    {
        "cpu" or "host" => Accelerators.Cpu(),
        "cuda" => Accelerators.Cuda(),
        _ => throw new ArgumentException($"unknown backend '{backend}'", nameof(backend)),
    };
}
