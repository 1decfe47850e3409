using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Tests.Support;

namespace StarkGpu.Rv32im.Tests.Execution;

/// <summary>
/// Random and mutated ELFs through loader and executor (small cycle limit, both modes): only the documented
/// exceptions may escape, and nothing may hang or crash.
/// </summary>
public class FuzzTests
{
    private const int Iterations = 2000;

    [Test]
    public void OnlyDocumentedExceptionsEscape()
    {
        var random = new Random(20240611);
        byte[][] seeds =
        [
            File.ReadAllBytes(RepoPaths.GuestElf("fibonacci")),
            File.ReadAllBytes(RepoPaths.GuestElf("insn_test")),
            TestElf.FromCode([Asm.Addi(1, 0, 3), Asm.Lw(2, 1, 0), .. Asm.Halt(1)], [1, 2, 3, 4, 5], 256),
        ];
        var outcomes = new Dictionary<string, int>();
        for (int i = 0; i < Iterations; i++)
        {
            byte[] file = Mutate(random, seeds[random.Next(seeds.Length)]);
            string outcome = RunOne(file, i % 2 == 0 ? ExecutionMode.Fast : ExecutionMode.Recording);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        TestContext.Out.WriteLine(string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key}: {o.Value}")));
        Assert.That(outcomes.Keys, Has.Some.StartsWith("ElfFormatException"));
        Assert.That(outcomes.Keys, Has.Some.StartsWith("Execution"));
    }

    private static string RunOne(byte[] file, ExecutionMode mode)
    {
        Program program;
        try
        {
            program = ElfLoader.Load(file);
        }
        catch (ElfFormatException)
        {
            return "ElfFormatException";
        }

        try
        {
            using var result = Executor.Execute(program, new ExecutionOptions { Mode = mode, MaxCycles = 20_000, ShardSize = 512 });
            return "Halted";
        }
        catch (ExecutionException e)
        {
            return "ExecutionException." + e.Kind;
        }
    }

    private static byte[] Mutate(Random random, byte[] seed)
    {
        switch (random.Next(5))
        {
            case 0:
            {
                var noise = new byte[random.Next(0, 256)];
                random.NextBytes(noise);
                return noise;
            }

            case 1:
                return seed[..random.Next(0, seed.Length)];
            default:
            {
                var file = (byte[])seed.Clone();
                int flips = 1 << random.Next(0, 6);
                bool headerOnly = random.Next(2) == 0;
                for (int k = 0; k < flips; k++)
                {
                    int at = headerOnly ? random.Next(Math.Min(file.Length, 52 + (3 * 32))) : random.Next(file.Length);
                    file[at] = random.Next(3) == 0 ? (byte)random.Next(256) : (byte)(file[at] ^ (1 << random.Next(8)));
                }

                return file;
            }
        }
    }
}
