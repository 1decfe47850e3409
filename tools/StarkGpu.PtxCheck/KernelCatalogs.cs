using System.Reflection;
using System.Text.Json;
using StarkGpu.Kernels;

namespace StarkGpu.PtxCheck;

/// <summary>
/// Finds the kernel catalogs: every public non-abstract class implementing <see cref="IKernelCatalog"/> with a
/// parameterless constructor, in every StarkGpu.* project the tool references (directly or through another), whether
/// or not its code uses them: referencing a project is all it takes to check its kernels.
/// </summary>
internal static class KernelCatalogs
{
    /// <summary>The catalogs, and the names of the assemblies searched for them.</summary>
    public static (IReadOnlyList<IKernelCatalog> Catalogs, IReadOnlyList<string> Searched) Discover()
    {
        var assemblies = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        foreach (var loaded in AppDomain.CurrentDomain.GetAssemblies())
        {
            AddIfOurs(assemblies, loaded);
        }

        foreach (var name in ReferencedProjects())
        {
            if (!assemblies.ContainsKey(name))
            {
                AddIfOurs(assemblies, Assembly.Load(new AssemblyName(name)));
            }
        }

        var searched = assemblies.Values.OrderBy(a => a.GetName().Name, StringComparer.Ordinal).ToList();
        var catalogs = searched.SelectMany(CatalogTypes).Select(t => (IKernelCatalog)Activator.CreateInstance(t)!).ToList();
        return (catalogs, searched.Select(a => a.GetName().Name!).ToList());
    }

    /// <summary>
    /// The projects the tool references, directly or not, as its deps.json lists them (the compiler drops references
    /// that no code uses from the assembly's metadata; the deps file keeps them, and unlike the folder it holds no stale
    /// assemblies of references since removed). Falls back to the StarkGpu.*.dll files beside the tool.
    /// </summary>
    private static IEnumerable<string> ReferencedProjects()
    {
        var deps = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetEntryAssembly()?.GetName().Name}.deps.json");
        if (!File.Exists(deps))
        {
            return Directory.EnumerateFiles(AppContext.BaseDirectory, "StarkGpu.*.dll").Select(Path.GetFileNameWithoutExtension).OfType<string>();
        }

        using var document = JsonDocument.Parse(File.ReadAllText(deps));
        return document.RootElement.GetProperty("libraries").EnumerateObject()
            .Where(library => library.Value.TryGetProperty("type", out var type) && type.GetString() == "project")
            .Select(library => library.Name.Split('/')[0])
            .Where(name => name.StartsWith("StarkGpu.", StringComparison.Ordinal))
            .ToList();
    }

    private static void AddIfOurs(Dictionary<string, Assembly> assemblies, Assembly assembly)
    {
        var name = assembly.GetName().Name;
        if (name is not null && name.StartsWith("StarkGpu.", StringComparison.Ordinal))
        {
            assemblies.TryAdd(name, assembly);
        }
    }

    private static IEnumerable<Type> CatalogTypes(Assembly assembly) =>
        assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsAbstract && !t.ContainsGenericParameters)
            .Where(t => typeof(IKernelCatalog).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
}
