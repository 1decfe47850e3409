using System.Reflection;
using System.Text.RegularExpressions;

namespace StarkGpu.Device.Cuda;

/// <summary>
/// The kernel sources embedded in this assembly (see kernels/Kernels.targets: logical names
/// <c>kernels/&lt;path&gt;</c>): which .cu defines which entry point, and the .cuh headers that NVRTC
/// must be handed, since it cannot read the file system. Headers are known by file name alone (the
/// .cu files <c>#include "common.cuh"</c>), wherever their logical name puts them.
/// </summary>
internal sealed partial class KernelSourceCatalog
{
    private const string ResourcePrefix = "kernels/";

    private static readonly Lazy<KernelSourceCatalog> s_embedded = new(() => FromAssembly(typeof(KernelSourceCatalog).Assembly));

    private readonly Dictionary<string, List<KernelSourceFile>> _definitions = new(StringComparer.Ordinal);

    public KernelSourceCatalog(IEnumerable<KernelSourceFile> files)
    {
        var sources = new List<KernelSourceFile>();
        var headers = new List<KernelSourceFile>();
        foreach (var file in files)
        {
            if (file.Path.EndsWith(".cu", StringComparison.Ordinal))
            {
                sources.Add(file);
            }
            else if (file.Path.EndsWith(".cuh", StringComparison.Ordinal))
            {
                headers.Add(file);
            }
        }

        sources.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        headers.Sort((a, b) => string.CompareOrdinal(a.FileName, b.FileName));
        Sources = sources;
        Headers = headers;
        foreach (var source in sources)
        {
            foreach (Match match in KernelDefinition().Matches(source.Text))
            {
                var name = match.Groups["name"].Value;
                if (!_definitions.TryGetValue(name, out var definedIn))
                {
                    _definitions[name] = definedIn = [];
                }

                definedIn.Add(source);
            }
        }
    }

    /// <summary>The sources compiled into this assembly.</summary>
    public static KernelSourceCatalog Embedded => s_embedded.Value;

    public IReadOnlyList<KernelSourceFile> Sources { get; }

    /// <summary>Every .cuh header, sorted by file name.</summary>
    public IReadOnlyList<KernelSourceFile> Headers { get; }

    /// <summary>Every entry point, sorted.</summary>
    public IReadOnlyList<string> KernelNames => [.. _definitions.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The one .cu file with a line starting <c>KERNEL void name(</c>; throws naming the kernel otherwise.</summary>
    public KernelSourceFile FindDefinition(string kernelName)
    {
        if (!_definitions.TryGetValue(kernelName, out var definedIn))
        {
            throw new DeviceException(
                $"kernel '{kernelName}' is not defined in any kernel source embedded in StarkGpu.Device (expected a line starting `KERNEL void {kernelName}(` in kernels/**/*.cu)");
        }

        if (definedIn.Count > 1)
        {
            throw new DeviceException(
                $"kernel '{kernelName}' is defined in more than one kernel source: {string.Join(", ", definedIn.Select(s => s.Path))}");
        }

        return definedIn[0];
    }

    public static KernelSourceCatalog FromAssembly(Assembly assembly)
    {
        var files = new List<KernelSourceFile>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            // Normalised, in case a build on Windows put backslashes into RecursiveDir.
            var name = resource.Replace('\\', '/');
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            files.Add(new KernelSourceFile(name[ResourcePrefix.Length..], reader.ReadToEnd()));
        }

        return new KernelSourceCatalog(files);
    }

    // The same rule as kernels/Makefile's registration: an entry point is a line starting `KERNEL void name`.
    [GeneratedRegex(@"^KERNEL[ \t]+void[ \t]+(?<name>[A-Za-z_][A-Za-z_0-9]*)[ \t]*\(", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex KernelDefinition();
}
