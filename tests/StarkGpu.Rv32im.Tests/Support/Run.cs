using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Execution;

namespace StarkGpu.Rv32im.Tests.Support;

/// <summary>Shorthands to run hand-assembled code.</summary>
internal static class Run
{
    public static ExecutionResult Code(uint[] code, byte[]? data = null, ExecutionOptions? options = null, uint dataMemorySize = 0) =>
        Executor.Execute(ElfLoader.Load(TestElf.FromCode(code, data, dataMemorySize)), options);

    /// <summary>Runs in both modes and returns the error, asserting both modes fail alike.</summary>
    public static ExecutionException Failing(uint[] code, byte[]? data = null, IReadOnlyList<byte[]>? hints = null, ulong maxCycles = 1 << 20)
    {
        var program = ElfLoader.Load(TestElf.FromCode(code, data, data is null ? 0u : 4096u));
        ExecutionException? fast = null, recording = null;
        foreach (var mode in new[] { ExecutionMode.Fast, ExecutionMode.Recording })
        {
            var options = new ExecutionOptions { Mode = mode, MaxCycles = maxCycles, Hints = hints ?? [], ShardSize = 4 };
            var error = Assert.Throws<ExecutionException>(() => Executor.Execute(program, options).Dispose());
            if (mode == ExecutionMode.Fast)
            {
                fast = error;
            }
            else
            {
                recording = error;
            }
        }

        Assert.That(recording!.Message, Is.EqualTo(fast!.Message));
        return fast;
    }
}
