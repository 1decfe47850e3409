namespace StarkGpu.Rv32im.Chips.Cpu;

/// <summary>
/// The Cpu columns that prove control flow: branch conditions and targets, JAL/JALR targets and links, AUIPC. They
/// follow <see cref="CpuColumns.BaseWidth"/>; constraints: <see cref="CpuControlFlow"/>. Every sum (pc + offset,
/// rs1 + offset, pc + 4, pc + imm) is proven by the AddSub chip over the alu bus, every comparison by the Lt chip,
/// as in SP1 v3; the columns here are only what those events and the pc selection need (15, against SP1 v3's
/// BranchCols/JumpCols/AuipcCols union of 33 plus nine per-opcode selectors and branching/not_branching).
/// </summary>
public static class CpuControlColumns
{
    public const int Start = CpuColumns.BaseWidth;

    /// <summary>pc0..3: pc as byte limbs on branch, JAL, JALR and AUIPC rows (0 elsewhere), the addend of their sums.</summary>
    public const int PcLimbs = Start;

    /// <summary>
    /// target0..3: a branch's or JAL's next pc (for a taken branch pc + c, for JAL pc + b), JALR's b + c before
    /// bit 0 is cleared; 0 on other rows.
    /// </summary>
    public const int Target = Start + 4;

    /// <summary>JALR: target0 &gt;&gt; 1 (with <see cref="JalrBit"/>, splits off the bit the jump clears).</summary>
    public const int JalrHalf = Start + 8;

    /// <summary>JALR: bit 0 of b + c.</summary>
    public const int JalrBit = Start + 9;

    /// <summary>1 on BEQ and BNE rows: the comparison is equality (columns) rather than less-than (the Lt chip).</summary>
    public const int BranchEq = Start + 10;

    /// <summary>1 on BNE, BGE and BGEU rows: the branch is taken when the comparison is false.</summary>
    public const int BranchNegate = Start + 11;

    /// <summary>The comparison: a == b for BEQ/BNE, a &lt; b (signed for BLT/BGE, unsigned for BLTU/BGEU) otherwise.</summary>
    public const int BranchCmp = Start + 12;

    /// <summary>BEQ/BNE with a != b: the inverse of sum (a_i - b_i)^2, which proves the words differ (0 elsewhere).</summary>
    public const int BranchNeInverse = Start + 13;

    /// <summary>1 when the branch is taken (cmp xor negate): next_pc is then the target, else pc + 4.</summary>
    public const int BranchTaken = Start + 14;

    public const int Width = 15;

    public const int End = Start + Width;
}
