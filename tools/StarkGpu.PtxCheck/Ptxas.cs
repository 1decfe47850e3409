using System.Diagnostics;
using System.Text.RegularExpressions;

namespace StarkGpu.PtxCheck;

/// <summary>NVIDIA's PTX assembler: finding it, and assembling one kernel's PTX into a cubin for sm_90.</summary>
internal sealed partial class Ptxas(string path)
{
    public const string HowToGet = "run `bash kernels/fetch-ptxas.sh` (it prints the path), or pass --ptxas PATH";

    public string Path { get; } = path;

    /// <summary>
    /// <paramref name="given"/>, else ptxas on PATH, else where kernels/fetch-ptxas.sh unpacks it
    /// ($STARKGPU_PTXAS_DIR, else ~/.cache/starkgpu/cuda-toolkit); null when none is there.
    /// </summary>
    public static Ptxas? Find(string? given)
    {
        if (given is not null)
        {
            return File.Exists(given) ? new Ptxas(System.IO.Path.GetFullPath(given)) : null;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => System.IO.Path.Combine(d, "ptxas"));
        var cache = Environment.GetEnvironmentVariable("STARKGPU_PTXAS_DIR") is { Length: > 0 } dir
            ? dir
            : System.IO.Path.Combine(
                Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
                    ? xdg
                    : System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
                "starkgpu", "cuda-toolkit");
        var found = onPath.Append(System.IO.Path.Combine(cache, "usr", "bin", "ptxas")).FirstOrDefault(File.Exists);
        return found is null ? null : new Ptxas(found);
    }

    /// <summary>The first line of <c>ptxas --version</c> that names the release, or null when it does not run.</summary>
    public string? Version()
    {
        var result = Run("--version");
        return result.ExitCode != 0
            ? null
            : result.Output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Contains("release", StringComparison.Ordinal)) ?? result.Output.Trim();
    }

    /// <summary>
    /// Assembles <paramref name="ptxFile"/> into <paramref name="cubinFile"/> for sm_90; on success the registers a
    /// thread uses (the most over the file's entry points; null when ptxas did not say).
    /// </summary>
    public (bool Ok, int? Registers, string Output) Assemble(string ptxFile, string cubinFile)
    {
        var result = Run($"-arch={PtxCompiler.ArchitectureName}", "-v", "-o", cubinFile, ptxFile);
        var registers = RegistersLine().Matches(result.Output).Select(m => (int?)int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Max();
        return (result.ExitCode == 0, registers, result.Output);
    }

    private (int ExitCode, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output + error.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, $"cannot run {Path}: {e.Message}");
        }
    }

    [GeneratedRegex(@"Used (\d+) registers")]
    private static partial Regex RegistersLine();
}
