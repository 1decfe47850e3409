using StarkGpu.Engine.Air;
using StarkGpu.Rv32im.Chips.Alu.Shared;
using static StarkGpu.Rv32im.Chips.Cpu.CpuColumns;

namespace StarkGpu.Rv32im.Chips.Cpu;

/// <summary>
/// One row of the Cpu trace (or the next row) as expressions, read once per <c>Eval</c> so the constraint and
/// interaction code names cells rather than column numbers.
/// </summary>
internal readonly struct CpuRow<TExpr>
    where TExpr : IAirExpression<TExpr>
{
    public CpuRow(IAirBuilder<TExpr> builder, bool next)
    {
        Func<int, TExpr> cell = next ? builder.Next : builder.Local;
        Shard = cell(CpuColumns.Shard);
        Clk = cell(CpuColumns.Clk);
        Pc = cell(CpuColumns.Pc);
        NextPc = cell(CpuColumns.NextPc);
        Opcode = cell(CpuColumns.Opcode);
        OpA = cell(CpuColumns.OpA);
        OpB = cell(CpuColumns.OpB);
        OpC = cell(CpuColumns.OpC);
        ImmB = cell(CpuColumns.ImmB);
        ImmC = cell(CpuColumns.ImmC);
        Selectors = new TExpr[InstructionClass.Count];
        IsReal = TExpr.Zero;
        for (var k = 0; k < InstructionClass.Count; k++)
        {
            Selectors[k] = cell(CpuColumns.IsAlu + k);
            if (k < ClassCount)
            {
                IsReal += Selectors[k];
            }
        }

        OpAIsX0 = cell(CpuColumns.OpAIsX0);
        AluSend = cell(CpuColumns.AluSend);
        WordLoadSetsA = cell(CpuColumns.WordLoadSetsA);
        A = Word(cell, CpuColumns.A);
        B = Word(cell, CpuColumns.B);
        C = Word(cell, CpuColumns.C);
        APrev = Word(cell, CpuColumns.APrev);
        APrevShard = cell(CpuColumns.APrevShard);
        APrevTimestamp = cell(CpuColumns.APrevTimestamp);
        BPrevShard = cell(CpuColumns.BPrevShard);
        BPrevTimestamp = cell(CpuColumns.BPrevTimestamp);
        CPrevShard = cell(CpuColumns.CPrevShard);
        CPrevTimestamp = cell(CpuColumns.CPrevTimestamp);
        MemAddr = cell(CpuColumns.MemAddr);
        MemValue = Word(cell, CpuColumns.MemValue);
        MemPrev = Word(cell, CpuColumns.MemPrev);
        MemPrevShard = cell(CpuColumns.MemPrevShard);
        MemPrevTimestamp = cell(CpuColumns.MemPrevTimestamp);
        Addr = Word(cell, CpuColumns.Addr);
        AddrCarry = Word(cell, CpuColumns.AddrCarry);
        AddrQ = cell(CpuColumns.AddrQ);
        AddrBit0 = cell(CpuColumns.AddrBit0);
        AddrBit1 = cell(CpuColumns.AddrBit1);
    }

    public TExpr Shard { get; }

    public TExpr Clk { get; }

    public TExpr Pc { get; }

    public TExpr NextPc { get; }

    public TExpr Opcode { get; }

    public TExpr OpA { get; }

    public TExpr OpB { get; }

    public TExpr OpC { get; }

    public TExpr ImmB { get; }

    public TExpr ImmC { get; }

    /// <summary>The nine flag selectors, in <see cref="InstructionFlags"/> bit order.</summary>
    public TExpr[] Selectors { get; }

    /// <summary>The sum of the eight class selectors: 1 on a real row, 0 on padding.</summary>
    public TExpr IsReal { get; }

    public TExpr IsAlu => Selectors[0];

    public TExpr IsLoad => Selectors[1];

    public TExpr IsStore => Selectors[2];

    public TExpr IsBranch => Selectors[3];

    public TExpr IsJal => Selectors[4];

    public TExpr IsJalr => Selectors[5];

    public TExpr IsAuipc => Selectors[6];

    public TExpr IsEcall => Selectors[7];

    public TExpr IsWordAccess => Selectors[8];

    public TExpr OpAIsX0 { get; }

    public TExpr AluSend { get; }

    public TExpr WordLoadSetsA { get; }

    public TExpr[] A { get; }

    public TExpr[] B { get; }

    public TExpr[] C { get; }

    public TExpr[] APrev { get; }

    public TExpr APrevShard { get; }

    public TExpr APrevTimestamp { get; }

    public TExpr BPrevShard { get; }

    public TExpr BPrevTimestamp { get; }

    public TExpr CPrevShard { get; }

    public TExpr CPrevTimestamp { get; }

    public TExpr MemAddr { get; }

    public TExpr[] MemValue { get; }

    public TExpr[] MemPrev { get; }

    public TExpr MemPrevShard { get; }

    public TExpr MemPrevTimestamp { get; }

    public TExpr[] Addr { get; }

    public TExpr[] AddrCarry { get; }

    public TExpr AddrQ { get; }

    public TExpr AddrBit0 { get; }

    public TExpr AddrBit1 { get; }

    /// <summary>is_load + is_store: the row accesses a data word.</summary>
    public TExpr IsMemory => IsLoad + IsStore;

    /// <summary>sum over the nine selectors of 2^bit * selector: the flags element of the program tuple.</summary>
    public TExpr Flags()
    {
        var flags = TExpr.Zero;
        for (var k = 0; k < Selectors.Length; k++)
        {
            flags += TExpr.FromInt(1L << k) * Selectors[k];
        }

        return flags;
    }

    private static TExpr[] Word(Func<int, TExpr> cell, int first) =>
        [cell(first), cell(first + 1), cell(first + 2), cell(first + 3)];
}

/// <summary>Shorthands for <see cref="CpuRow{TExpr}"/>.</summary>
internal static class CpuRow
{
    /// <summary>The current row.</summary>
    public static CpuRow<TExpr> Local<TExpr>(IAirBuilder<TExpr> builder)
        where TExpr : IAirExpression<TExpr> => new(builder, next: false);

    /// <summary>The next row (wrapping around).</summary>
    public static CpuRow<TExpr> Next<TExpr>(IAirBuilder<TExpr> builder)
        where TExpr : IAirExpression<TExpr> => new(builder, next: true);

    /// <summary>The value of a word's limbs, as <see cref="WordLimbs.Recompose{TExpr}"/>.</summary>
    public static TExpr Value<TExpr>(TExpr[] limbs)
        where TExpr : IAirExpression<TExpr> => WordLimbs.Recompose<TExpr>(limbs);
}
