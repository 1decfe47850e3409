using CommunityToolkit.HighPerformance;
using StarkGpu.Engine.Air;
using StarkGpu.Engine.Chips;
using StarkGpu.Fields;
using StarkGpu.Rv32im.Chips;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using StarkGpu.Rv32im.Chips.Memory;
using StarkGpu.Rv32im.Elf;
using StarkGpu.Rv32im.Events;

namespace StarkGpu.Rv32im.Tests.Chips.Support;

/// <summary>
/// Test-only stand-in for the Cpu chip's memory accesses: one row per access of every Cpu event (memory at clk,
/// c at clk + 1, b at clk + 2, a at clk + 3, as <see cref="MemoryAccessPosition"/> says), receiving the previous
/// state and sending the new one on <see cref="Rv32imBuses.Memory"/>, so a machine with MemoryLocal balances the
/// local memory bus of every shard. Rows (address, prev_shard, prev_ts, prev_v0..3, shard, ts, v0..3, is_real).
/// </summary>
public sealed class MemoryAccessStubChip : Chip<ExecutionRecord, Program>
{
    public const string ChipName = "MemoryAccessStub";

    public const int Address = 0;
    public const int PrevShard = 1;
    public const int PrevTimestamp = 2;
    public const int PrevValue = 3;
    public const int Shard = 7;
    public const int Timestamp = 8;
    public const int Value = 9;
    public const int IsReal = 13;

    public override string Name => ChipName;

    public override int Width => 14;

    public override void Eval<TExpr>(IAirBuilder<TExpr> builder)
    {
        var isReal = builder.Local(IsReal);
        builder.AssertBool("is_real is boolean", isReal);
        var address = builder.Local(Address);
        MemoryBus.Receive(
            builder, Rv32imBuses.Memory, address, builder.Local(PrevShard), builder.Local(PrevTimestamp), WordLimbs.Local(builder, PrevValue), isReal);
        MemoryBus.Send(builder, Rv32imBuses.Memory, address, builder.Local(Shard), builder.Local(Timestamp), WordLimbs.Local(builder, Value), isReal);
    }

    public override bool Included(ExecutionRecord record) => record.Cpu.Count > 0;

    public override int MainHeight(ExecutionRecord record)
    {
        var rows = 0;
        foreach (ref readonly var e in record.Cpu.Span)
        {
            rows += 1 + (e.HasMemoryRecord ? 1 : 0) + (e.HasBRecord ? 1 : 0) + (e.HasCRecord ? 1 : 0);
        }

        return rows;
    }

    public override void GenerateMainTrace(ExecutionRecord record, Span2D<KoalaBear> rows)
    {
        var index = 0;
        foreach (ref readonly var e in record.Cpu.Span)
        {
            if (e.HasMemoryRecord)
            {
                Write(rows.GetRowSpan(index++), e.MemoryAddress & ~3u, e.Shard, e.Clk + MemoryAccessPosition.Memory, e.MemoryRecord);
            }

            if (e.HasCRecord)
            {
                Write(rows.GetRowSpan(index++), e.OpC, e.Shard, e.Clk + MemoryAccessPosition.C, e.CRecord);
            }

            if (e.HasBRecord)
            {
                Write(rows.GetRowSpan(index++), e.OpB, e.Shard, e.Clk + MemoryAccessPosition.B, e.BRecord);
            }

            Write(rows.GetRowSpan(index++), e.OpA, e.Shard, e.Clk + MemoryAccessPosition.A, e.ARecord);
        }
    }

    private static void Write(Span<KoalaBear> row, uint address, uint shard, uint timestamp, in MemoryAccessRecord access)
    {
        row[Address] = KoalaBear.FromCanonical(address);
        row[PrevShard] = KoalaBear.FromCanonical(access.PrevShard);
        row[PrevTimestamp] = KoalaBear.FromCanonical(access.PrevTimestamp);
        WordLimbs.Write(access.PrevValue, row[PrevValue..]);
        row[Shard] = KoalaBear.FromCanonical(shard);
        row[Timestamp] = KoalaBear.FromCanonical(timestamp);
        WordLimbs.Write(access.Value, row[Value..]);
        row[IsReal] = KoalaBear.One;
    }
}
