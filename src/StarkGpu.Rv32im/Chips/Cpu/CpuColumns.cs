namespace StarkGpu.Rv32im.Chips.Cpu;

/// <summary>
/// Columns of <see cref="CpuChip"/>, one field element each, one row per <see cref="Events.CpuEvent"/>. Words are
/// four byte limbs (least significant first); the class selectors lie in <see cref="InstructionFlags"/> bit order
/// from <see cref="IsAlu"/>, so selector <c>k</c> is column <c>IsAlu + k</c>. Rows: <see cref="CpuRows"/>.
/// </summary>
public static class CpuColumns
{
    /// <summary>Shard number of the row.</summary>
    public const int Shard = 0;

    /// <summary>Clock of the instruction within its shard (+4 per row).</summary>
    public const int Clk = 1;

    /// <summary>Address of the instruction.</summary>
    public const int Pc = 2;

    /// <summary>Address of the next instruction (the next row's pc).</summary>
    public const int NextPc = 3;

    /// <summary><c>(uint)Opcode</c>.</summary>
    public const int Opcode = 4;

    /// <summary>Register index of operand a.</summary>
    public const int OpA = 5;

    /// <summary>Register index or immediate of operand b (an immediate reduced mod p).</summary>
    public const int OpB = 6;

    /// <summary>Register index or immediate of operand c (an immediate reduced mod p).</summary>
    public const int OpC = 7;

    /// <summary>1 when op_b is an immediate (then b is op_b and no register is read).</summary>
    public const int ImmB = 8;

    /// <summary>1 when op_c is an immediate (then c is op_c and no register is read).</summary>
    public const int ImmC = 9;

    /// <summary>Selector (flag bit 0): an ALU operation. The nine selectors follow in flag-bit order.</summary>
    public const int IsAlu = 10;

    /// <summary>Selector (flag bit 1): LB, LH, LW, LBU, LHU.</summary>
    public const int IsLoad = 11;

    /// <summary>Selector (flag bit 2): SB, SH, SW.</summary>
    public const int IsStore = 12;

    /// <summary>Selector (flag bit 3): a conditional branch.</summary>
    public const int IsBranch = 13;

    /// <summary>Selector (flag bit 4): JAL.</summary>
    public const int IsJal = 14;

    /// <summary>Selector (flag bit 5): JALR.</summary>
    public const int IsJalr = 15;

    /// <summary>Selector (flag bit 6): AUIPC.</summary>
    public const int IsAuipc = 16;

    /// <summary>Selector (flag bit 7): ECALL.</summary>
    public const int IsEcall = 17;

    /// <summary>Flag bit 8, not a class: LW or SW (register and memory word are the same four bytes).</summary>
    public const int IsWordAccess = 18;

    /// <summary>Selectors making up is_real (the eight classes; is_word_access is not one).</summary>
    public const int ClassCount = 8;

    /// <summary>1 when op_a is register x0 (a is then 0).</summary>
    public const int OpAIsX0 = 19;

    /// <summary>is_alu * (1 - op_a_is_x0): the row sends its operation on the alu bus.</summary>
    public const int AluSend = 20;

    /// <summary>
    /// is_word_access * is_load * (1 - op_a_is_x0): an LW whose destination receives the loaded word (an LW into
    /// x0 writes 0). A column so that the constraint using it stays of degree 3.
    /// </summary>
    public const int WordLoadSetsA = 21;

    /// <summary>a0..a3: operand a's value after the instruction.</summary>
    public const int A = 22;

    /// <summary>b0..b3: operand b's value.</summary>
    public const int B = 26;

    /// <summary>c0..c3: operand c's value.</summary>
    public const int C = 30;

    /// <summary>a_prev0..3: register op_a's value before the instruction.</summary>
    public const int APrev = 34;

    /// <summary>Shard of the previous access to register op_a.</summary>
    public const int APrevShard = 38;

    /// <summary>Timestamp of the previous access to register op_a.</summary>
    public const int APrevTimestamp = 39;

    /// <summary>Shard of the previous access to register op_b (0 when imm_b).</summary>
    public const int BPrevShard = 40;

    /// <summary>Timestamp of the previous access to register op_b (0 when imm_b).</summary>
    public const int BPrevTimestamp = 41;

    /// <summary>Shard of the previous access to register op_c (0 when imm_c).</summary>
    public const int CPrevShard = 42;

    /// <summary>Timestamp of the previous access to register op_c (0 when imm_c).</summary>
    public const int CPrevTimestamp = 43;

    /// <summary>The accessed data word's address, MemoryAddress &amp; ~3 (0 unless a load or store).</summary>
    public const int MemAddr = 44;

    /// <summary>mem_value0..3: the data word after the access (0 unless a load or store).</summary>
    public const int MemValue = 45;

    /// <summary>mem_prev0..3: the data word before the access (0 unless a load or store).</summary>
    public const int MemPrev = 49;

    /// <summary>Shard of the previous access to the data word (0 unless a load or store).</summary>
    public const int MemPrevShard = 53;

    /// <summary>Timestamp of the previous access to the data word (0 unless a load or store).</summary>
    public const int MemPrevTimestamp = 54;

    /// <summary>addr0..3: the byte address b + c of a load or store, MemoryAddress (0 otherwise).</summary>
    public const int Addr = 55;

    /// <summary>addr_carry0..3: the carry out of each byte of b + c (addr_carry3 is dropped with the word's overflow).</summary>
    public const int AddrCarry = 59;

    /// <summary>addr0 &gt;&gt; 2: with the two bits below, splits the low address byte so mem_addr is the aligned word.</summary>
    public const int AddrQ = 63;

    /// <summary>Bit 0 of the address.</summary>
    public const int AddrBit0 = 64;

    /// <summary>Bit 1 of the address.</summary>
    public const int AddrBit1 = 65;

    /// <summary>Columns above, before the groups of <see cref="CpuControlColumns"/> and <see cref="CpuMemoryAccessColumns"/>.</summary>
    public const int BaseWidth = 66;

    public const int Width = CpuMemoryAccessColumns.End;
}
