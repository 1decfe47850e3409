using System.Reflection;

namespace StarkGpu.Device;

/// <summary>How errors name a kernel: its class and method, with generic arguments (<c>TraceKernels.WriteRows&lt;AddSubRow, AluEvent, NoCounters&gt;</c>).</summary>
internal static class KernelNames
{
    public static string Of(MethodInfo method)
    {
        var name = $"{method.DeclaringType?.Name}.{method.Name}";
        return method.IsGenericMethod ? $"{name}<{string.Join(", ", method.GetGenericArguments().Select(TypeName))}>" : name;
    }

    private static string TypeName(Type type)
    {
        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var plain = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return $"{plain}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>";
    }
}
