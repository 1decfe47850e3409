using System.Security.Cryptography;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Tests.Support;

namespace StarkGpu.Rv32im.Tests.Programs;

/// <summary>
/// The SHA-256 guests against an implementation nobody here wrote (.NET's SHA256): the digest the guest prints for
/// its generated buffer must be the BCL's digest of the same bytes. sha256_long is too long for the qemu oracle.
/// </summary>
public class Sha256KnownAnswerTests
{
    [TestCase("sha256", 10240)]
    [TestCase("sha256_long", 49152)]
    public void PrintsTheDigestOfItsBuffer(string guest, int bufferBytes)
    {
        var buffer = new byte[bufferBytes];
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)((i * 31) + (i >> 8)); // the guest's generator
        }

        var expected = Convert.ToHexStringLower(SHA256.HashData(buffer));
        using var result = Executor.Execute(ElfLoader.LoadFile(RepoPaths.GuestElf(guest)), new ExecutionOptions { Mode = ExecutionMode.Fast });

        Assert.That(result.ExitCode, Is.Zero, result.StdoutText);
        Assert.That(result.StdoutText, Does.Contain($"sha256(buffer) = {expected}\n"));
    }
}
