using StarkGpu.Rv32im.Chips;
using StarkGpu.Rv32im.Chips.ByteLookup;
using StarkGpu.Rv32im.Chips.Cpu;
using StarkGpu.Rv32im.Events;
using StarkGpu.Rv32im.Tests.Soundness.Support;
using Op = StarkGpu.Rv32im.Isa.Opcode;

namespace StarkGpu.Rv32im.Tests.Soundness;

/// <summary>
/// The Cpu chip's access order and address bounds (<c>CpuMemoryAccess</c>): a read that takes its value from
/// itself (a timestamp that does not go forward) and data addresses below 0x20 or at the top of the address space,
/// each otherwise consistent, are caught by the constraint or lookup that proves the fact.
/// </summary>
public sealed class MemoryAccessTests
{
    private const string Guest = "fibonacci";

    [Test]
    public void AReadThatIsItsOwnPreviousAccessIsCaught()
    {
        // The classic forgery of a memory argument: an access whose previous (shard, timestamp) is its own receives
        // exactly what it sends, so it needs no real previous write. Here a register read of b is made self-
        // cancelling and the register's next access relinked to the write before it: every bus still balances.
        using var run = CheatingRun.Of(Guest);
        var (position, row) = run.FindCpuRow(e => e.HasBRecord && e.OpB != 0 && e.BRecord.PrevShard == e.Shard);
        var cpu = run.Records[position].Cpu.WritableSpan;
        var stamp = cpu[row].Clk + MemoryAccessPosition.B;
        var earlier = cpu[row].BRecord.PrevTimestamp;
        Assert.That(RelinkNextAccess(cpu, row, cpu[row].Shard, stamp, earlier), Is.True, "the register is accessed again in the shard");
        cpu[row].BRecord.PrevTimestamp = stamp;
        run.Regenerate(position, CpuChip.ChipName);
        run.Regenerate(position, ByteLookupChip.ChipName);
        run.AssertCaughtBy(CpuChip.ChipName, "b access: comes after its previous access (difference - 1 in three bytes)");
    }

    [TestCase(0x10u, TestName = "a load from 0x10 (register x16's address) is caught")]
    [TestCase(0x7800_0000u, TestName = "a load from 0x78000000 (past the address space) is caught")]
    public void ALoadOutsideTheDataSpaceIsCaught(uint address)
    {
        // An LW whose base register is forged so that b + c lands at the address: the address sum, its bytes and the
        // word are consistent, and the byte table cannot answer the bound's lookup. The memory bus is also left open
        // (a full forgery would relink the aliased register's and the real word's accesses: that bus does not prove
        // the bound).
        using var run = CheatingRun.Of(Guest);
        var (position, row) = run.FindCpuRow(e => e.Opcode == Op.Lw && e.ImmC && e.OpA != 0);
        ref var e = ref run.Records[position].Cpu.WritableSpan[row];
        e.B = address - e.C;
        e.MemoryAddress = address;
        run.Regenerate(position, CpuChip.ChipName);
        run.Regenerate(position, ByteLookupChip.ChipName);
        run.AssertCaughtByBus(Rv32imBuses.Byte, Rv32imBuses.Memory.Name);
        var report = run.Check(new Engine.Checking.CheckOptions { IgnoredBuses = new HashSet<string>([Rv32imBuses.Memory.Name], StringComparer.Ordinal) });
        var ltu = (uint)ByteOpcode.Ltu;
        Assert.That(
            report.BusImbalances.Where(b => b.Bus == Rv32imBuses.Byte).Select(b => b.Tuple[0].Canonical),
            Is.All.EqualTo(ltu), $"only the bound's Ltu lookup is missing: {report}");
    }

    /// <summary>Points the access after (shard, stamp) of the same address at (shard, earlier) instead.</summary>
    private static bool RelinkNextAccess(Span<CpuEvent> cpu, int from, uint shard, uint stamp, uint earlier)
    {
        for (var row = from; row < cpu.Length; row++)
        {
            ref var e = ref cpu[row];
            foreach (var position in new[] { MemoryAccessPosition.C, MemoryAccessPosition.B, MemoryAccessPosition.A })
            {
                ref var record = ref position == MemoryAccessPosition.C ? ref e.CRecord : ref position == MemoryAccessPosition.B ? ref e.BRecord : ref e.ARecord;
                var happens = position == MemoryAccessPosition.A || (position == MemoryAccessPosition.B ? e.HasBRecord : e.HasCRecord);
                if (happens && record.PrevShard == shard && record.PrevTimestamp == stamp)
                {
                    record.PrevTimestamp = earlier;
                    return true;
                }
            }
        }

        return false;
    }
}
