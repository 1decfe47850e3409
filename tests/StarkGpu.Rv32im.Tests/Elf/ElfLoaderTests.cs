using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Tests.Support;

namespace StarkGpu.Rv32im.Tests.Elf;

public class ElfLoaderTests
{
    private static readonly uint[] TinyCode = [.. Asm.Halt(7)];

    [Test]
    public void LoadsCodeAndDataSegmentsWithZeroFill()
    {
        byte[] data = [1, 2, 3, 4, 0, 0, 0, 0, 9];
        var program = ElfLoader.Load(TestElf.FromCode(TinyCode, data, dataMemorySize: 4096));

        Assert.That(program.EntryPc, Is.EqualTo(TestElf.CodeBase));
        Assert.That(program.CodeBase, Is.EqualTo(TestElf.CodeBase));
        Assert.That(program.Instructions.Length, Is.EqualTo(TinyCode.Length));
        Assert.That(program.TryGetImageWord(TestElf.DataBase, out uint w0) && w0 == 0x04030201, Is.True);
        Assert.That(program.TryGetImageWord(TestElf.DataBase + 4, out _), Is.False, "zero words are not stored");
        Assert.That(program.TryGetImageWord(TestElf.DataBase + 8, out uint w2) && w2 == 9, Is.True);
        var addresses = program.Image.ToArray().Select(w => w.Address).ToArray();
        Assert.That(addresses, Is.Ordered);
    }

    [Test]
    public void LoadsEveryGuestProgram()
    {
        foreach (string name in GuestPrograms.All)
        {
            var program = ElfLoader.LoadFile(RepoPaths.GuestElf(name));
            Assert.That(program.EntryPc, Is.EqualTo(0x0020_0800u), name);
            Assert.That(program.ContainsPc(program.EntryPc), Is.True, name);
        }
    }

    private static IEnumerable<TestCaseData> Malformed()
    {
        byte[] Valid() => TestElf.FromCode(TinyCode, [1, 2, 3, 4], 64);
        TestCaseData Case(string name, Action<byte[]> mutate, string expected)
        {
            var file = Valid();
            mutate(file);
            return new TestCaseData(file, expected).SetName(name);
        }

        yield return new TestCaseData(Valid()[..40], "shorter than the 52-byte").SetName("Truncated header");
        yield return new TestCaseData(Valid()[..70], "e_phoff 0x34 with e_phnum 2").SetName("Truncated program headers");
        yield return Case("Bad magic", f => f[1] = (byte)'X', "e_ident magic");
        yield return Case("ELF64 class", f => f[4] = 2, "e_ident[EI_CLASS] is 2");
        yield return Case("Big endian", f => f[5] = 2, "e_ident[EI_DATA] is 2");
        yield return Case("Not executable", f => TestElf.WriteU16(f, 16, 3), "e_type is 3");
        yield return Case("Wrong machine", f => TestElf.WriteU16(f, 18, 62), "e_machine is 62");
        yield return Case("Compressed flag", f => TestElf.WriteU32(f, 36, 1), "e_flags is 0x1");
        yield return Case("Wrong phentsize", f => TestElf.WriteU16(f, 42, 56), "e_phentsize is 56");
        yield return Case("Zero phnum", f => TestElf.WriteU16(f, TestElf.PhNumOffset, 0), "e_phnum is 0");
        yield return Case("Segment past file", f =>
        {
            TestElf.WriteU32(f, TestElf.Ph(1, 16), 4000);
            TestElf.WriteU32(f, TestElf.Ph(1, 20), 8000);
        }, "segment 1: p_offset");
        yield return Case("Offset past file", f => TestElf.WriteU32(f, TestElf.Ph(0, 4), 0xFFFF_FFF0), "segment 0: p_offset 0xfffffff0");
        yield return Case("Filesz over memsz", f => TestElf.WriteU32(f, TestElf.Ph(1, 20), 2), "segment 1: p_filesz 0x4 exceeds p_memsz 0x2");
        yield return Case("Segment above 2^31", f => TestElf.WriteU32(f, TestElf.Ph(1, 8), 0x7FFF_FFF0), "segment 1: p_vaddr 0x7ffffff0");
        yield return Case("Memsz wraps", f => TestElf.WriteU32(f, TestElf.Ph(1, 20), 0xFFFF_FFFF), "segment 1: p_vaddr 0x300000 + p_memsz 0xffffffff");
        yield return Case("Segment at register addresses", f => TestElf.WriteU32(f, TestElf.Ph(1, 8), 0), "segment 1: p_vaddr 0x0");
        yield return Case("Overlapping segments", f => TestElf.WriteU32(f, TestElf.Ph(1, 8), TestElf.CodeBase + 4), "segment 1 [0x00200804, 0x00200844) overlaps segment 0");
        yield return Case("Entry outside code", f => TestElf.WriteU32(f, TestElf.EntryOffset, TestElf.DataBase), "e_entry 0x300000");
        yield return Case("Misaligned entry", f => TestElf.WriteU32(f, TestElf.EntryOffset, TestElf.CodeBase + 2), "e_entry 0x200802");
        yield return Case("No executable segment", f => TestElf.WriteU32(f, TestElf.Ph(0, 24), 6), "no executable (PF_X)");
        yield return Case("Dynamic executable", f => TestElf.WriteU32(f, TestElf.Ph(1, 0), 3), "p_type 3");
        yield return Case("Huge code span", f =>
        {
            TestElf.WriteU32(f, TestElf.Ph(1, 8), 0x7000_0000);
            TestElf.WriteU32(f, TestElf.Ph(1, 24), 5);
        }, "executable segments span");
    }

    [TestCaseSource(nameof(Malformed))]
    public void RejectsMalformedFilesNamingTheField(byte[] file, string expected)
    {
        var error = Assert.Throws<ElfFormatException>(() => ElfLoader.Load(file));
        Assert.That(error!.Message, Does.Contain(expected));
    }
}
