using StarkGpu.Rv32im.Elf;
using GuestImage = StarkGpu.Rv32im.Elf.Program;

namespace StarkGpu.Cli.Rv32im;

/// <summary>Loads guest ELFs and hints for the run, trace and demo commands, turning bad input into <see cref="BadInputException"/>.</summary>
internal static class GuestProgram
{
    public static GuestImage Load(string path)
    {
        try
        {
            return ElfLoader.LoadFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new BadInputException($"cannot read {path}: {e.Message}", e);
        }
        catch (ElfFormatException e)
        {
            throw new BadInputException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>The embedded demo guest (tests/programs/src/sha256.c): hashes a buffer and checks the digest.</summary>
    public static (string Name, GuestImage Program) LoadDemo()
    {
        using var stream = typeof(GuestProgram).Assembly.GetManifestResourceStream("demo/sha256.elf")
            ?? throw new InvalidOperationException("the demo program is not embedded in the CLI");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return ("sha256.elf (embedded)", ElfLoader.Load(bytes.GetBuffer().AsSpan(0, (int)bytes.Length)));
    }

    private const long MaxHintBytes = AddressSpace.Limit - AddressSpace.DataStart;

    public static IReadOnlyList<byte[]> LoadHints(IEnumerable<string> paths)
    {
        var hints = new List<byte[]>();
        long total = 0;
        foreach (var path in paths)
        {
            try
            {
                // A hint is read into guest memory: one larger than all of it can only fail later, after a long run.
                var length = new FileInfo(path).Length;
                total += length;
                if (total > MaxHintBytes)
                {
                    throw new BadInputException(
                        $"hint {path} has {length:N0} bytes, and the hints together {total:N0}: more than the guest's memory " +
                        $"({MaxHintBytes:N0} bytes from 0x{AddressSpace.DataStart:x} to 0x{AddressSpace.Limit:x8})");
                }

                hints.Add(File.ReadAllBytes(path));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new BadInputException($"cannot read hint {path}: {e.Message}", e);
            }
        }

        return hints;
    }
}
