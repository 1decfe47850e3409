using System.Text;
using System.Text.Json;

namespace StarkGpu.Cli.Rv32im;

/// <summary>Writes a command's --json file with Utf8JsonWriter (no reflection, so trimming keeps it working).</summary>
internal static class JsonReport
{
    /// <summary>
    /// Fails before any work when <paramref name="path"/> (if given) cannot be written: a report is written at the end
    /// of a run, and a run of minutes should not end in "cannot write". Leaves nothing behind.
    /// </summary>
    public static void CheckWritable(string? path)
    {
        if (path is null)
        {
            return;
        }

        var probe = TemporaryBeside(path);
        try
        {
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            if (Directory.Exists(path))
            {
                throw new IOException("it is a directory");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new BadInputException($"cannot write {path}: {e.Message}", e);
        }
    }

    /// <summary>Writes the report whole or not at all: to a temporary file beside it, then renamed over it.</summary>
    public static void Write(string path, Action<Utf8JsonWriter> body)
    {
        var temporary = TemporaryBeside(path);
        try
        {
            using (var file = File.Create(temporary))
            using (var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                body(writer);
                writer.WriteEndObject();
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new BadInputException($"cannot write {path}: {e.Message}", e);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary); // a failed write's leftovers; the rename moved a good one
            }
        }
    }

    private static string TemporaryBeside(string path)
    {
        var full = Path.GetFullPath(path);
        return Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
    }

    public static string Hex(IEnumerable<byte> bytes)
    {
        var text = new StringBuilder();
        foreach (var b in bytes)
        {
            text.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
