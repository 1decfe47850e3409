using ILGPU;

namespace StarkGpu.PtxCheck;

/// <summary>The command line: <c>[--ptxas PATH] [--out DIR] [--filter TEXT] [--optimize O0|O1|O2]</c>.</summary>
internal sealed record CheckOptions(string? Ptxas, string OutputDirectory, string? Filter, OptimizationLevel? Optimization)
{
    public const string Usage =
        "usage: StarkGpu.PtxCheck [--ptxas PATH] [--out DIR] [--filter TEXT] [--optimize O0|O1|O2]\n" +
        "  compiles every kernel of every StarkGpu.* catalog to PTX for sm_90 and assembles it with ptxas\n" +
        "  --ptxas     the PTX assembler (default: ptxas on PATH, else the cache of kernels/fetch-ptxas.sh)\n" +
        "  --out       where the .ptx and .cubin files go (default: a fresh temporary folder)\n" +
        "  --filter    only kernels whose name contains TEXT (case-insensitive)\n" +
        "  --optimize  ILGPU's optimization level (default: ILGPU's own, as the accelerators use it)";

    /// <summary>The options, or null with <paramref name="error"/> set when the arguments are not understood.</summary>
    public static CheckOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        string? ptxas = null, output = null, filter = null;
        OptimizationLevel? optimization = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                error = null;
                return null;
            }

            if (i + 1 >= args.Count)
            {
                error = $"{name}: a value must follow";
                return null;
            }

            var value = args[++i];
            switch (name)
            {
                case "--ptxas":
                    ptxas = value;
                    break;
                case "--out":
                    output = value;
                    break;
                case "--filter":
                    filter = value;
                    break;
                case "--optimize" when Enum.TryParse<OptimizationLevel>(value, ignoreCase: true, out var level) && level is OptimizationLevel.O0 or OptimizationLevel.O1 or OptimizationLevel.O2:
                    optimization = level;
                    break;
                default:
                    error = $"{name} {value}: not understood";
                    return null;
            }
        }

        error = null;
        output ??= Path.Combine(Path.GetTempPath(), $"starkgpu-ptx-{Environment.ProcessId}");
        return new CheckOptions(ptxas, output, filter, optimization);
    }
}
