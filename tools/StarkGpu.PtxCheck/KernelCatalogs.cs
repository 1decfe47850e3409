using System.Reflection;
using StarkGpu.Kernels;

namespace StarkGpu.PtxCheck;

/// <summary>
/// Finds the kernel catalogs: every public non-abstract class implementing <see cref="IKernelCatalog"/> with a
/// parameterless constructor, in every StarkGpu.* assembly beside the tool (a project reference copies its assembly
/// there even when no code of the tool uses it, so referencing a project is all it takes to check its kernels).
/// </summary>
internal static class KernelCatalogs
{
    public static IReadOnlyList<IKernelCatalog> Discover()
    {
        var assemblies = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        foreach (var loaded in AppDomain.CurrentDomain.GetAssemblies())
        {
            AddIfOurs(assemblies, loaded);
        }

        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "StarkGpu.*.dll"))
        {
            var name = AssemblyName.GetAssemblyName(file);
            if (name.Name is not null && !assemblies.ContainsKey(name.Name))
            {
                AddIfOurs(assemblies, Assembly.Load(name));
            }
        }

        return assemblies.Values
            .OrderBy(a => a.GetName().Name, StringComparer.Ordinal)
            .SelectMany(CatalogTypes)
            .Select(t => (IKernelCatalog)Activator.CreateInstance(t)!)
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
