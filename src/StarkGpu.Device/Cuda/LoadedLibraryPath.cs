using System.Globalization;

namespace StarkGpu.Device.Cuda;

/// <summary>Finds which file a loaded shared library came from, by reading the process's memory map.</summary>
internal static class LoadedLibraryPath
{
    /// <summary>The path of the file mapped at <paramref name="address"/>, or null when it cannot be told.</summary>
    public static string? Containing(nint address)
    {
        try
        {
            return Containing((ulong)address, File.ReadLines("/proc/self/maps"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Lines of <c>/proc/&lt;pid&gt;/maps</c>: <c>start-end perms offset dev inode path</c>.</summary>
    internal static string? Containing(ulong address, IEnumerable<string> mapsLines)
    {
        foreach (var line in mapsLines)
        {
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (fields.Length < 6 || !fields[5].StartsWith('/'))
            {
                continue;
            }

            var range = fields[0].Split('-');
            if (range.Length == 2 &&
                ulong.TryParse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var start) &&
                ulong.TryParse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var end) &&
                address >= start && address < end)
            {
                return fields[5];
            }
        }

        return null;
    }
}
