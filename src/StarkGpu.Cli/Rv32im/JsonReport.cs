using System.Text;
using System.Text.Json;

namespace StarkGpu.Cli.Rv32im;

/// <summary>Writes a command's --json file with Utf8JsonWriter (no reflection, so trimming keeps it working).</summary>
internal static class JsonReport
{
    public static void Write(string path, Action<Utf8JsonWriter> body)
    {
        try
        {
            using var file = File.Create(path);
            using var writer = new Utf8JsonWriter(file, new JsonWriterOptions { Indented = true });
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"cannot write {path}: {e.Message}", e);
        }
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
