// cpu.cu - the Cpu chip (src/StarkGpu.Rv32im/Chips/Cpu/CpuChip.cs): its trace and its byte lookups.
// Columns are CpuColumns.cs; the host row writer (CpuRowWriter.Write) must produce the same bits.
// The trace is the machine's widest and tallest, so a row reads its event once into registers and writes every
// cell exactly once, zeros included (the output's contents are undefined).
#include "rv32im_common.cuh"

// StarkGpu.Rv32im.Events.MemoryAccessRecord.
struct MemoryAccessRecord {
    uint32_t value;
    uint32_t prev_value;
    uint32_t prev_shard;
    uint32_t prev_timestamp;
};
static_assert(sizeof(MemoryAccessRecord) == 16, "MemoryAccessRecord must match the 16-byte C# struct");

// StarkGpu.Rv32im.Events.CpuEvent, sequential layout (bools are one byte): CpuEventLayout.cs checks the C# side.
struct CpuEvent {
    uint32_t shard;
    uint32_t clk;
    uint32_t pc;
    uint32_t next_pc;
    uint8_t opcode;
    uint8_t op_a;
    uint8_t imm_b;
    uint8_t imm_c;
    uint32_t op_b;
    uint32_t op_c;
    uint32_t a;
    uint32_t b;
    uint32_t c;
    uint32_t memory_address;
    MemoryAccessRecord a_record;
    MemoryAccessRecord b_record;
    MemoryAccessRecord c_record;
    MemoryAccessRecord memory_record;
};
static_assert(sizeof(CpuEvent) == 108, "CpuEvent must match the 108-byte C# struct (CpuEventLayout.Size)");

// StarkGpu.Rv32im.Isa.Opcode values past the ALU operations (rv32im_common.cuh has those).
#define OPCODE_LB     19u
#define OPCODE_LW     21u
#define OPCODE_LHU    23u
#define OPCODE_SB     24u
#define OPCODE_SW     26u
#define OPCODE_BEQ    27u
#define OPCODE_BGEU   32u
#define OPCODE_JAL    33u
#define OPCODE_JALR   34u
#define OPCODE_AUIPC  35u
#define OPCODE_ECALL  36u

// CpuColumns.cs.
#define CPU_SHARD              0u
#define CPU_CLK                1u
#define CPU_PC                 2u
#define CPU_NEXT_PC            3u
#define CPU_OPCODE             4u
#define CPU_OP_A               5u
#define CPU_OP_B               6u
#define CPU_OP_C               7u
#define CPU_IMM_B              8u
#define CPU_IMM_C              9u
#define CPU_IS_ALU             10u  // the nine flag selectors follow in FLAG_* bit order
#define CPU_OP_A_IS_X0         19u
#define CPU_ALU_SEND           20u
#define CPU_WORD_LOAD_SETS_A   21u
#define CPU_A                  22u
#define CPU_B                  26u
#define CPU_C                  30u
#define CPU_A_PREV             34u
#define CPU_A_PREV_SHARD       38u
#define CPU_A_PREV_TS          39u
#define CPU_B_PREV_SHARD       40u
#define CPU_B_PREV_TS          41u
#define CPU_C_PREV_SHARD       42u
#define CPU_C_PREV_TS          43u
#define CPU_MEM_ADDR           44u
#define CPU_MEM_VALUE          45u
#define CPU_MEM_PREV           49u
#define CPU_MEM_PREV_SHARD     53u
#define CPU_MEM_PREV_TS        54u
#define CPU_ADDR               55u
#define CPU_ADDR_CARRY         59u
#define CPU_ADDR_Q             63u
#define CPU_ADDR_BIT0          64u
#define CPU_ADDR_BIT1          65u
#define CPU_FLAG_COUNT         9u

#define CPU_WIDTH              66u

// Rows per work item. GPU: one, so neighbouring threads write neighbouring words of every column (coalesced).
// CPU backend: sixteen, so a work item writes each column's 64 bytes at once. One row at a time leaves 66
// partly written cache lines per thread, and when the height is a power of two (a full shard) the 66 columns
// are 2^k bytes apart and compete for the same cache set: lines are evicted half written and fetched again.
#if defined(CUDA_EMU)
#define CPU_TILE 16u
#else
#define CPU_TILE 1u
#endif

// InstructionClass.Of: the FLAG_* bits of an opcode; 0 for UNIMP, EBREAK and non-opcodes.
__device__ __forceinline__ uint32_t cpu_flags(uint32_t op)
{
    uint32_t flags = 0u;
    if (op >= OPCODE_ADD && op <= OPCODE_REMU) flags = FLAG_ALU;
    else if (op >= OPCODE_LB && op <= OPCODE_LHU) flags = FLAG_LOAD;
    else if (op >= OPCODE_SB && op <= OPCODE_SW) flags = FLAG_STORE;
    else if (op >= OPCODE_BEQ && op <= OPCODE_BGEU) flags = FLAG_BRANCH;
    else if (op == OPCODE_JAL) flags = FLAG_JAL;
    else if (op == OPCODE_JALR) flags = FLAG_JALR;
    else if (op == OPCODE_AUIPC) flags = FLAG_AUIPC;
    else if (op == OPCODE_ECALL) flags = FLAG_ECALL;
    if (op == OPCODE_LW || op == OPCODE_SW) flags |= FLAG_WORD_ACCESS;
    return flags;
}

// The cells (Montgomery form) of one event's row, CpuRowWriter.Write's twin; every cell is written, zeros included.
__device__ __forceinline__ void cpu_row(const CpuEvent& e, uint32_t* __restrict__ v)
{
    const uint32_t flags = cpu_flags(e.opcode);
    const bool is_x0 = e.op_a == 0u;
    // Unused records are zeroed by the executor, but an ECALL's memory record may hold its syscall's accesses:
    // select by class, as the host does.
    const bool has_b = e.imm_b == 0u;
    const bool has_c = e.imm_c == 0u;
    const bool has_memory = (flags & (FLAG_LOAD | FLAG_STORE)) != 0u;
    v[CPU_SHARD] = kb_from_canonical(e.shard);
    v[CPU_CLK] = kb_from_canonical(e.clk);
    v[CPU_PC] = kb_from_canonical(e.pc);
    v[CPU_NEXT_PC] = kb_from_canonical(e.next_pc);
    v[CPU_OPCODE] = kb_from_byte(e.opcode);
    v[CPU_OP_A] = kb_from_byte(e.op_a);
    v[CPU_OP_B] = kb_from_canonical(e.op_b);
    v[CPU_OP_C] = kb_from_canonical(e.op_c);
    v[CPU_IMM_B] = kb_bool(!has_b);
    v[CPU_IMM_C] = kb_bool(!has_c);
    UNROLL_FULL
    for (uint32_t k = 0; k < CPU_FLAG_COUNT; ++k) v[CPU_IS_ALU + k] = kb_bool((flags >> k) & 1u);
    v[CPU_OP_A_IS_X0] = kb_bool(is_x0);
    v[CPU_ALU_SEND] = kb_bool(flags == FLAG_ALU && !is_x0);
    v[CPU_WORD_LOAD_SETS_A] = kb_bool(flags == (FLAG_LOAD | FLAG_WORD_ACCESS) && !is_x0);
    const uint32_t mem_value = has_memory ? e.memory_record.value : 0u;
    const uint32_t mem_prev = has_memory ? e.memory_record.prev_value : 0u;
    const uint32_t addr = has_memory ? e.memory_address : 0u;
    uint32_t carry = 0u;
    UNROLL_FULL
    for (uint32_t k = 0; k < 4u; ++k) {
        v[CPU_A + k] = kb_from_byte(word_byte(e.a, k));
        v[CPU_B + k] = kb_from_byte(word_byte(e.b, k));
        v[CPU_C + k] = kb_from_byte(word_byte(e.c, k));
        v[CPU_A_PREV + k] = kb_from_byte(word_byte(e.a_record.prev_value, k));
        v[CPU_MEM_VALUE + k] = kb_from_byte(word_byte(mem_value, k));
        v[CPU_MEM_PREV + k] = kb_from_byte(word_byte(mem_prev, k));
        v[CPU_ADDR + k] = kb_from_byte(word_byte(addr, k));
        // The carries of b + c byte by byte (CpuRowWriter.WriteAddress); zero unless a load or store.
        carry = (word_byte(e.b, k) + word_byte(e.c, k) + carry) >> 8;
        v[CPU_ADDR_CARRY + k] = kb_bool(has_memory && carry != 0u);
    }
    v[CPU_ADDR_Q] = kb_from_byte((addr & 0xffu) >> 2);
    v[CPU_ADDR_BIT0] = kb_bool(addr & 1u);
    v[CPU_ADDR_BIT1] = kb_bool(addr & 2u);
    v[CPU_A_PREV_SHARD] = kb_from_canonical(e.a_record.prev_shard);
    v[CPU_A_PREV_TS] = kb_from_canonical(e.a_record.prev_timestamp);
    v[CPU_B_PREV_SHARD] = kb_from_canonical(has_b ? e.b_record.prev_shard : 0u);
    v[CPU_B_PREV_TS] = kb_from_canonical(has_b ? e.b_record.prev_timestamp : 0u);
    v[CPU_C_PREV_SHARD] = kb_from_canonical(has_c ? e.c_record.prev_shard : 0u);
    v[CPU_C_PREV_TS] = kb_from_canonical(has_c ? e.c_record.prev_timestamp : 0u);
    v[CPU_MEM_ADDR] = kb_from_canonical(has_memory ? (e.memory_address & ~3u) : 0u);
    v[CPU_MEM_PREV_SHARD] = kb_from_canonical(has_memory ? e.memory_record.prev_shard : 0u);
    v[CPU_MEM_PREV_TS] = kb_from_canonical(has_memory ? e.memory_record.prev_timestamp : 0u);
}

// Rows first .. first + ROWS - 1: each event read once, each cell written once, column by column.
template <uint32_t ROWS>
__device__ __forceinline__ void cpu_write_rows(const CpuEvent* __restrict__ events, uint32_t* __restrict__ out, uint64_t height, uint64_t first)
{
    uint32_t cells[ROWS][CPU_WIDTH];
    for (uint32_t r = 0; r < ROWS; ++r) cpu_row(events[first + r], cells[r]);
#if defined(CUDA_EMU)
    if (ROWS == 16u) {
        UNROLL_FULL
        for (uint32_t c = 0; c < CPU_WIDTH; ++c) {
            uint32_t line[16];
            UNROLL_FULL
            for (uint32_t r = 0; r < 16u; ++r) line[r] = cells[r][c];
            ::emu::store_line_streaming(out + (uint64_t)c * height + first, line);
        }
        return;
    }
#endif
    UNROLL_FULL
    for (uint32_t c = 0; c < CPU_WIDTH; ++c) {
        UNROLL_FULL
        for (uint32_t r = 0; r < ROWS; ++r) out[(uint64_t)c * height + first + r] = cells[r][c];
    }
}

// Work items: the full tiles, then one per row left over (none on the GPU, where a tile is one row).
KERNEL void cpu_trace(const CpuEvent* __restrict__ events, uint32_t* __restrict__ out, uint64_t height)
{
    const uint64_t tiles = height / CPU_TILE;
    const uint64_t rest = height - tiles * CPU_TILE;
    GRID_LOOP(t, tiles + rest) {
        if (t < tiles) {
            cpu_write_rows<CPU_TILE>(events, out, height, t * CPU_TILE);
        } else {
            cpu_write_rows<1u>(events, out, height, tiles * CPU_TILE + (t - tiles));
        }
    }
}

// CpuChip.CountEventByteLookups: the zero test of op_a (0 < op_a), a range check of a when the row writes it, of
// the stored word for a store, and for a load or store of the address, of (addr0 >> 2, 0) and of c.
KERNEL void cpu_byte_lookups(const CpuEvent* __restrict__ events, uint64_t count, uint32_t* all_counts, uint32_t* errors, uint32_t replicas)
{
    uint32_t* const counts = byte_lookup_replica(all_counts, replicas);
    GRID_LOOP(i, count) {
        const CpuEvent& e = events[i];
        const uint32_t flags = cpu_flags(e.opcode);
        if (flags == 0u) continue;
        byte_lookup_add(counts, errors, BYTE_OP_LTU, 0u, e.op_a);
        if (flags & FLAG_STORE) {
            byte_lookup_word_range(counts, errors, e.memory_record.value);
        } else if ((flags & FLAG_BRANCH) == 0u) {
            byte_lookup_word_range(counts, errors, e.a);
        }
        if (flags & (FLAG_LOAD | FLAG_STORE)) {
            byte_lookup_word_range(counts, errors, e.memory_address);
            byte_lookup_range(counts, errors, (e.memory_address & 0xffu) >> 2, 0u);
            byte_lookup_word_range(counts, errors, e.c);
        }
    }
}
