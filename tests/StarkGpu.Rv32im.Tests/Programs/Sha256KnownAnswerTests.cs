using System.Security.Cryptography;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Tests.Support;

namespace StarkGpu.Rv32im.Tests.Programs;

/// <summary>
/// The SHA-256 guests against an implementation nobody here wrote (.NET's SHA256): the digest the guest prints for
/// its generated buffer must be the BCL's digest of the same bytes, and hash_chain's the BCL's hash iterated.
/// sha256_long is too long for the qemu oracle's log; hash_chain reads a hint, which qemu cannot give.
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

    [TestCase(1u)]
    [TestCase(GuestPrograms.HashChainLinks)]
    public void HashChainCommitsTheIteratedDigest(uint links)
    {
        var digest = new byte[32];
        for (var i = 0; i < links; i++)
        {
            digest = SHA256.HashData(digest);
        }

        using var result = Executor.Execute(
            ElfLoader.LoadFile(RepoPaths.GuestElf("hash_chain")), new ExecutionOptions { Hints = [GuestPrograms.Words(links)] });

        Assert.That(result.ExitCode, Is.Zero, result.StdoutText);
        Assert.That(result.StdoutText, Is.EqualTo($"hash_chain {links} links: {Convert.ToHexStringLower(digest)}\n"));
        for (var k = 0; k < 8; k++)
        {
            Assert.That(result.CommittedValueDigest[k], Is.EqualTo(System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(digest.AsSpan(4 * k))), $"word {k}");
        }
    }

    [Test]
    public void HashChainWithoutItsHintSaysWhat()
    {
        using var result = Executor.Execute(
            ElfLoader.LoadFile(RepoPaths.GuestElf("hash_chain")), new ExecutionOptions { Hints = [GuestPrograms.Words(1, 2)] });
        Assert.That(result.ExitCode, Is.EqualTo(2));
        Assert.That(result.StdoutText, Does.Contain("number of links"));
    }
}
