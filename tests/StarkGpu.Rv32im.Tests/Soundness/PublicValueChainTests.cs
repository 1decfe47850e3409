using StarkGpu.Rv32im.Tests.Machine;

namespace StarkGpu.Rv32im.Tests.Soundness;

/// <summary>
/// The verifier's side of the public values: an honest run's shards chain, and each break a prover could hide from
/// the per-shard AIR (whose constraints see one shard's public values) is named.
/// </summary>
public sealed class PublicValueChainTests
{
    [TestCase("insn_test")]
    [TestCase("hints")] // COMMITs three words: each digest word zero, then the word
    public void AnHonestRunChains(string guest)
    {
        var (program, result) = GuestRun.Record(guest);
        using (result)
        {
            Assert.That(result.Shards, Has.Count.GreaterThan(1));
            Assert.That(PublicValueChain.Check(program, result.Shards), Is.Empty);
        }
    }

    [Test]
    public void EachBreakOfTheChainIsNamed()
    {
        var (program, result) = GuestRun.Record("insn_test");
        using (result)
        {
            var shards = result.Shards;
            string[] Problems(Action forge, Action undo)
            {
                forge();
                var problems = PublicValueChain.Check(program, shards).ToArray();
                undo();
                return problems;
            }

            Assert.Multiple(() =>
            {
                // Shard 2 resumes one instruction late: its traces may agree with it, the chain does not.
                Assert.That(
                    Problems(() => shards[1].PublicValues.StartPc += 4, () => shards[1].PublicValues.StartPc -= 4),
                    Has.Some.Contains("shard at position 2: start pc (the previous shard's next pc)"));
                Assert.That(
                    Problems(() => shards[0].PublicValues.StartPc += 4, () => shards[0].PublicValues.StartPc -= 4),
                    Has.Some.Contains("shard at position 1: start pc (the entry point)"));
                Assert.That(
                    Problems(() => shards[1].PublicValues.Shard = 3, () => shards[1].PublicValues.Shard = 2),
                    Has.Some.Contains("shard at position 2: shard number is 0x3, expected 0x2"));
                Assert.That(
                    Problems(() => shards[0].PublicValues.IsLastShard = 1, () => shards[0].PublicValues.IsLastShard = 0),
                    Has.Some.Contains("shard at position 1: is_last_shard is 0x1, expected 0x0"));
                Assert.That(
                    Problems(() => shards[^1].PublicValues.NextPc = 8, () => shards[^1].PublicValues.NextPc = 0),
                    Has.Some.Contains("next pc of the last shard is 0x8"));
                Assert.That(
                    Problems(() => shards[0].PublicValues.ExitCode = 1, () => shards[0].PublicValues.ExitCode = 0),
                    Has.Some.Contains("shard at position 1: exit code before the last shard"));
                // A word set in shard 2 (it was zero) must stay set in shard 3.
                Assert.That(
                    Problems(() => shards[1].PublicValues.CommittedValueDigest[3] ^= 1, () => shards[1].PublicValues.CommittedValueDigest[3] ^= 1),
                    Has.Some.Contains("shard at position 3: digest element 7 is 0, the previous shard's 1"));
                Assert.That(
                    Problems(() => shards[^1].PublicValues.CommittedValueDigest[3] ^= 1, () => shards[^1].PublicValues.CommittedValueDigest[3] ^= 1),
                    Is.Empty,
                    "a word first set in the last shard");
                Assert.That(PublicValueChain.Check(program, [shards[1], shards[2]]), Has.Some.Contains("shard at position 1: shard number"));
                Assert.That(PublicValueChain.Check(program, [.. shards.Take(shards.Count - 1)]), Has.Some.Contains("is_last_shard is 0x0, expected 0x1"));
                Assert.That(PublicValueChain.Check(program, Array.Empty<StarkGpu.Rv32im.Events.ExecutionRecord>()), Is.EqualTo(new[] { "no shards" }));
            });

            Assert.That(PublicValueChain.Check(program, shards), Is.Empty, "every forgery was undone");
        }
    }
}
