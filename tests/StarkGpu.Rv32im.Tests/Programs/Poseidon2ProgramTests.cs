using StarkGpu.Fields;
using StarkGpu.Fields.Poseidon2;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Execution;
using StarkGpu.Rv32im.Tests.Support;

namespace StarkGpu.Rv32im.Tests.Programs;

/// <summary>
/// The poseidon2 guest (tests/programs/src/poseidon2.c) hashes with the precompile: 8 permutations of the state
/// 0..15, word 0 gaining the round number before each. Its output is the host permutation's, with either layer.
/// </summary>
public class Poseidon2ProgramTests
{
    private const int ShardSize = 256;

    [TestCase(Poseidon2InternalLayerKind.Sp1, ExecutionMode.Fast)]
    [TestCase(Poseidon2InternalLayerKind.Sp1, ExecutionMode.Recording)]
    [TestCase(Poseidon2InternalLayerKind.Plonky3, ExecutionMode.Recording)]
    public void HashesWithThePrecompile(Poseidon2InternalLayerKind layer, ExecutionMode mode)
    {
        var program = ElfLoader.LoadFile(RepoPaths.GuestElf(GuestPrograms.Poseidon2Precompile[0]));
        using var result = Executor.Execute(program, new ExecutionOptions { Mode = mode, Poseidon2Layer = layer, ShardSize = ShardSize });

        var expected = Expected(layer);
        Assert.That(result.ExitCode, Is.Zero);
        Assert.That(result.PublicValuesStream, Is.EqualTo(GuestPrograms.Words(expected)));
        Assert.That(result.StdoutText, Is.EqualTo($"poseidon2 {string.Join(" ", expected)}\n"));
        if (mode == ExecutionMode.Recording)
        {
            RecordChecker.Check(program, result, ShardSize, layer);
            Assert.That(result.Shards.Sum(s => s.Poseidon2.Count), Is.EqualTo(8));
            Assert.That(result.Shards.Sum(s => s.Poseidon2Memory.Count), Is.EqualTo(8 * 16));
        }
    }

    private static uint[] Expected(Poseidon2InternalLayerKind layer)
    {
        var state = Enumerable.Range(0, 16).Select(i => KoalaBear.FromCanonical((uint)i)).ToArray();
        for (var round = 0u; round < 8; round++)
        {
            state[0] += KoalaBear.FromCanonical(round);
            Poseidon2KoalaBear16.PermuteAll(state, layer);
        }

        return state.Select(e => e.Canonical).ToArray();
    }
}
