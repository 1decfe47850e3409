using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Chips.Cpu;
using StarkGpu.Rv32im.Chips.Memory;
using StarkGpu.Rv32im.Chips.Syscall;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Tests.Soundness.Support;

namespace StarkGpu.Rv32im.Tests.Soundness;

/// <summary>
/// The traces against the shard's public values (the prover's claim, which a verifier chains across shards): a
/// forged claim or a forged trace that disagrees with it, otherwise consistent, is caught by the one constraint
/// that ties them, and passes once that constraint is ignored.
/// </summary>
public sealed class PublicValueTests
{
    // Long enough for shards of 2^16 cycles (GuestRun splits a run into about four).
    private const string Guest = "fibonacci";

    [Test]
    public void AFirstRowAtAnotherPcThanThePublicStartPcIsCaught()
    {
        // The second shard claims to start one instruction later than its trace does (and than the first shard
        // ends, which a verifier would not see without the constraint).
        using var run = CheatingRun.Of(Guest);
        run.AssertHonestRunPasses();
        run.Records[1].PublicValues.StartPc += 4;
        run.AssertCaughtBy(CpuChip.ChipName, "first row: pc is the public start pc");
    }

    [Test]
    public void AShardNumberOtherThanThePublicOneIsCaught()
    {
        // The second shard's trace presented as the third: its rows and their memory stamps say shard 2.
        using var run = CheatingRun.Of(Guest);
        run.Records[1].PublicValues.Shard = 3;
        run.AssertCaughtBy(CpuChip.ChipName, "shard is the public shard");
    }

    [Test]
    public void AShardWhoseClockDoesNotStartAtZeroIsCaught()
    {
        // The second shard's clock shifted by one instruction, with every timestamp that names it (its rows'
        // accesses, later accesses' previous stamps, the local and final memory states, its syscalls) shifted too.
        using var run = CheatingRun.Of(Guest);
        var shard = run.Records[1].Shard;
        const uint Shift = 4;
        foreach (ref var e in run.Records[1].Cpu.WritableSpan)
        {
            e.Clk += Shift;
        }

        foreach (ref var syscall in run.Records[1].Syscalls.WritableSpan)
        {
            syscall.Clk += Shift;
        }

        foreach (var record in run.Records)
        {
            foreach (ref var e in record.Cpu.WritableSpan)
            {
                Restamp(ref e.ARecord, shard, Shift);
                Restamp(ref e.BRecord, shard, Shift);
                Restamp(ref e.CRecord, shard, Shift);
                Restamp(ref e.MemoryRecord, shard, Shift);
            }

            foreach (ref var local in record.MemoryLocal.WritableSpan)
            {
                Restamp(ref local.Initial, shard, Shift);
                Restamp(ref local.Final, shard, Shift);
            }

            foreach (ref var final in record.MemoryFinalize.WritableSpan)
            {
                final.Timestamp += final.Shard == shard ? Shift : 0;
            }
        }

        run.RegenerateAll();
        run.AssertCaughtBy(CpuChip.ChipName, "first row: clk is 0");
    }

    [Test]
    public void ALastRealRowWhoseNextPcIsNotThePublicNextPcIsCaught()
    {
        // The first shard claims to hand over to another pc than its last instruction does; its 256 Cpu rows end
        // before the padded domain does, so is_real's drop marks the last real row.
        using var run = CheatingRun.Of("insn_test");
        const int position = 0;
        Assert.That(run.Records, Has.Count.GreaterThan(1));
        Assert.That(run.Trace(position, CpuChip.ChipName).Height, Is.LessThan(run.DomainRows(position)));
        run.Records[position].PublicValues.NextPc += 4;
        run.AssertCaughtBy(CpuChip.ChipName, "last real row: next_pc is the public next pc");
    }

    [Test]
    public void ALastRowOfAFullDomainWhoseNextPcIsNotThePublicNextPcIsCaught()
    {
        // Shards of 2^16 cycles fill the 2^16-row domain (ByteLookup's height): no row follows the last real row.
        using var run = CheatingRun.Of(Guest, maxShardSize: 1 << 16);
        var position = Enumerable.Range(0, run.Records.Count - 1)
            .First(p => run.Trace(p, CpuChip.ChipName).Height == run.DomainRows(p));
        run.Records[position].PublicValues.NextPc += 4;
        run.AssertCaughtBy(CpuChip.ChipName, "last row: next_pc is the public next pc");
    }

    [Test]
    public void AnExitCodeOtherThanHaltsA0IsCaught()
    {
        using var run = CheatingRun.Of(Guest);
        var last = run.Records[^1];
        Assert.That(last.Syscalls.ToArray().Count(s => s.SyscallId == 0), Is.EqualTo(1), "the last shard halts");
        last.PublicValues.ExitCode += 1;
        run.AssertCaughtBy(SyscallChip.ChipName, "halt: a0 is the public exit code");
    }

    [Test]
    public void MemoryProgramRowsRealInTheFirstShardInsteadOfTheLastAreCaught()
    {
        // The image's initial states sent from shard 1 rather than the last shard: the global bus cannot tell.
        using var run = CheatingRun.Of(Guest);
        var last = run.Records.Count - 1;
        var image = run.Program.Image.Length;
        Assert.That(run.Trace(0, MemoryProgramChip.ChipName).Height, Is.Zero);
        run.Replace(0, MemoryProgramChip.ChipName, Ones(image));
        run.Replace(last, MemoryProgramChip.ChipName, HostTrace.Zeros(image, MemoryProgramColumns.Width));
        run.AssertCaughtBy(MemoryProgramChip.ChipName, "is_real = is_image * is_last_shard");
    }

    [Test]
    public void MemoryProgramRowsRealInTwoShardsAreCaught()
    {
        // Real in shard 1 as well as in the last shard, the second initial state of each image word closed by a
        // MemoryFinalize row in shard 1 (so the global bus balances): both chips' last-shard gates catch it.
        using var run = CheatingRun.Of(Guest);
        foreach (var word in run.Program.Image.ToArray())
        {
            run.Records[0].MemoryFinalize.Add(new MemoryFinalizeEvent { Address = word.Address, Value = word.Value });
        }

        run.Regenerate(0, MemoryFinalizeChip.ChipName);
        run.Regenerate(0, ByteLookupChip.ChipName);
        run.Replace(0, MemoryProgramChip.ChipName, Ones(run.Program.Image.Length));
        var report = run.Check();
        Assert.That(
            report.ConstraintFailures.Select(f => (f.ShardIndex, f.Chip, f.Label)),
            Does.Contain((1, MemoryFinalizeChip.ChipName, "is_real only in the last shard")),
            report.ToString);
        run.AssertCaughtBy(MemoryProgramChip.ChipName, "is_real = is_image * is_last_shard", "is_real only in the last shard");
    }

    [Test]
    public void AnImageWordLeftToMemoryInitWithAnotherValueIsCaught()
    {
        // The last shard's MemoryProgram row of an untouched image word is not real, and MemoryInit gives the word
        // another initial value (which its final state keeps): the image is not the committed one.
        using var run = CheatingRun.Of(Guest);
        var position = run.Records.Count - 1;
        var record = run.Records[position];
        var image = run.Program.Image.ToArray();
        var finals = record.MemoryFinalize.WritableSpan;
        var (row, final) = Enumerable.Range(0, image.Length)
            .Select(i => (Row: i, Final: IndexOf(record.MemoryFinalize.Span, image[i].Address)))
            .First(p => record.MemoryFinalize[p.Final].Timestamp == 0 && record.MemoryFinalize[p.Final].Shard == 0);
        var forged = image[row].Value ^ 0x0101_0101;
        finals[final].Value = forged;
        record.MemoryInitialize.Add(new MemoryInitializeEvent { Address = image[row].Address, Value = forged });
        record.MemoryInitialize.WritableSpan.Sort(static (x, y) => x.Address.CompareTo(y.Address));
        run.Regenerate(position, MemoryInitChip.ChipName);
        run.Regenerate(position, MemoryFinalizeChip.ChipName);
        run.Regenerate(position, ByteLookupChip.ChipName);
        run.Set(position, MemoryProgramChip.ChipName, row, MemoryProgramColumns.IsReal, 0);
        run.AssertCaughtBy(MemoryProgramChip.ChipName, "is_real = is_image * is_last_shard");
    }

    private static void Restamp(ref MemoryAccessRecord access, uint shard, uint shift) =>
        access.PrevTimestamp += access.PrevShard == shard ? shift : 0;

    private static void Restamp(ref MemoryState state, uint shard, uint shift) =>
        state.Timestamp += state.Shard == shard ? shift : 0;

    private static HostTrace Ones(int height)
    {
        var trace = HostTrace.Zeros(height, MemoryProgramColumns.Width);
        trace.Values.AsSpan().Fill(KoalaBear.One);
        return trace;
    }

    private static int IndexOf(ReadOnlySpan<MemoryFinalizeEvent> finals, uint address)
    {
        for (var i = 0; i < finals.Length; i++)
        {
            if (finals[i].Address == address)
            {
                return i;
            }
        }

        throw new AssertionException($"image word 0x{address:x8} has no final state");
    }
}
