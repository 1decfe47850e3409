using System.Text;
using StarkGpu.Kernels;

namespace StarkGpu.PtxCheck;

/// <summary>Compiles and assembles every kernel of the catalogs, one line each, and says which failed.</summary>
internal sealed class KernelCheck(Ptxas ptxas, CheckOptions options)
{
    /// <summary>0 when every kernel assembled, 1 when any failed, 2 when the filter left none.</summary>
    public int Run(IReadOnlyList<IKernelCatalog> catalogs)
    {
        var kernels = new List<KernelEntry>();
        var failed = new List<string>();
        foreach (var catalog in catalogs)
        {
            var listed = List(catalog);
            if (listed is null)
            {
                failed.Add(catalog.GetType().FullName!);
                continue;
            }

            var chosen = listed.Where(k => options.Filter is null || k.Name.Contains(options.Filter, StringComparison.OrdinalIgnoreCase)).ToList();
            var filtered = chosen.Count == listed.Count ? string.Empty : $" ({chosen.Count} match the filter)";
            Console.WriteLine($"catalog {catalog.GetType().FullName}: {listed.Count} kernels{filtered}");
            kernels.AddRange(chosen);
        }

        if (kernels.Count == 0 && failed.Count == 0)
        {
            Console.Error.WriteLine($"error: no kernel to check{(options.Filter is null ? string.Empty : $" matches --filter {options.Filter}")}");
            return 2;
        }

        var catalogFailures = failed.Count;
        Directory.CreateDirectory(options.OutputDirectory);
        Console.WriteLine($"PTX and cubins in {Path.GetFullPath(options.OutputDirectory)}");
        var names = new HashSet<string>(StringComparer.Ordinal);
        var width = kernels.Count == 0 ? 0 : kernels.Max(k => k.Name.Length);
        foreach (var kernel in kernels)
        {
            int? registers = null;
            var problem = names.Add(kernel.Name) ? Check(kernel, out registers) : "another kernel has this name";
            if (problem is null)
            {
                Console.WriteLine($"ok    {kernel.Name.PadRight(width)}  ({registers?.ToString(CultureInfo.InvariantCulture) ?? "?"} registers)");
            }
            else
            {
                Console.WriteLine($"FAIL  {kernel.Name}");
                Console.WriteLine(Indent(problem));
                failed.Add(kernel.Name);
            }
        }

        Console.WriteLine($"{kernels.Count - (failed.Count - catalogFailures)} of {kernels.Count} kernels compiled to PTX and assembled for {PtxCompiler.ArchitectureName}");
        if (failed.Count > 0)
        {
            Console.WriteLine($"failed: {string.Join(", ", failed)}");
            return 1;
        }

        return 0;
    }

    /// <summary>The catalog's kernels, or null (and the reason printed) when listing them threw.</summary>
    private static List<KernelEntry>? List(IKernelCatalog catalog)
    {
        try
        {
            return catalog.Kernels().ToList();
        }
#pragma warning disable CA1031 // a catalog that cannot list its kernels (a generic constraint violated, say) fails the check, reported
        catch (Exception e)
#pragma warning restore CA1031
        {
            Console.WriteLine($"FAIL  catalog {catalog.GetType().FullName}");
            Console.WriteLine(Indent($"listing its kernels threw:\n{Describe(e)}"));
            return null;
        }
    }

    /// <summary>Null when <paramref name="kernel"/> compiled and assembled, else what went wrong.</summary>
    private string? Check(KernelEntry kernel, out int? registers)
    {
        registers = null;
        string ptx;
        try
        {
            ptx = PtxCompiler.Compile(kernel.Method, options.Optimization);
        }
#pragma warning disable CA1031 // any exception of ILGPU's compiler is this kernel's failure, reported, and the check goes on
        catch (Exception e)
#pragma warning restore CA1031
        {
            return $"ILGPU could not compile {kernel.Method.DeclaringType?.FullName}.{kernel.Method.Name}:\n{Describe(e)}";
        }

        var file = Path.Combine(options.OutputDirectory, FileName(kernel.Name));
        File.WriteAllText(file + ".ptx", ptx);
        var (ok, used, output) = ptxas.Assemble(file + ".ptx", file + ".cubin");
        registers = used;
        return ok ? null : $"ptxas rejected {file}.ptx:\n{output.TrimEnd()}";
    }

    /// <summary>The exception and its inner exceptions, one line each (ILGPU wraps the real reason).</summary>
    private static string Describe(Exception e)
    {
        var text = new StringBuilder();
        for (var current = e; current is not null; current = current.InnerException)
        {
            text.Append(CultureInfo.InvariantCulture, $"{current.GetType().Name}: {current.Message}\n");
        }

        return text.ToString().TrimEnd();
    }

    private static string FileName(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));

    private static string Indent(string text) => string.Join('\n', text.Split('\n').Select(l => "      " + l));
}
