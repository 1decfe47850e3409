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

// InstructionClass.Of: the FLAG_* bits of an opcode; 0 for UNIMP, EBREAK and non-opcodes. Generic in its value type:
// one opcode (uint32_t) or sixteen (trace_lines::Lanes), with no branch.
template <typename V>
__device__ __forceinline__ V cpu_flags(V op)
{
    const V zero = V{};
    return ((op >= OPCODE_ADD && op <= OPCODE_REMU) ? zero + FLAG_ALU : zero)
         | ((op >= OPCODE_LB && op <= OPCODE_LHU) ? zero + FLAG_LOAD : zero)
         | ((op >= OPCODE_SB && op <= OPCODE_SW) ? zero + FLAG_STORE : zero)
         | ((op >= OPCODE_BEQ && op <= OPCODE_BGEU) ? zero + FLAG_BRANCH : zero)
         | (op == OPCODE_JAL ? zero + FLAG_JAL : zero)
         | (op == OPCODE_JALR ? zero + FLAG_JALR : zero)
         | (op == OPCODE_AUIPC ? zero + FLAG_AUIPC : zero)
         | (op == OPCODE_ECALL ? zero + FLAG_ECALL : zero)
         | ((op == OPCODE_LW || op == OPCODE_SW) ? zero + FLAG_WORD_ACCESS : zero);
}

#if defined(CUDA_EMU)
// Sixteen consecutive events, each field a vector of their values (the fields CpuRow reads), for a whole tile at once.
struct MemoryAccessLanes {
    trace_lines::Lanes value, prev_value, prev_shard, prev_timestamp;
};
struct CpuEventLanes {
    trace_lines::Lanes shard, clk, pc, next_pc, opcode, op_a, imm_b, imm_c, op_b, op_c, a, b, c, memory_address;
    MemoryAccessLanes a_record, b_record, c_record, memory_record;

    static __forceinline__ CpuEventLanes load(const CpuEvent* events)
    {
#define CPU_LANES(field) trace_lines::gather_field<sizeof(CpuEvent)>(events, offsetof(CpuEvent, field))
        CpuEventLanes e;
        e.shard = CPU_LANES(shard);
        e.clk = CPU_LANES(clk);
        e.pc = CPU_LANES(pc);
        e.next_pc = CPU_LANES(next_pc);
        const trace_lines::Lanes bytes = CPU_LANES(opcode);  // opcode, op_a, imm_b, imm_c
        e.opcode = bytes & 0xffu;
        e.op_a = (bytes >> 8) & 0xffu;
        e.imm_b = (bytes >> 16) & 0xffu;
        e.imm_c = bytes >> 24;
        e.op_b = CPU_LANES(op_b);
        e.op_c = CPU_LANES(op_c);
        e.a = CPU_LANES(a);
        e.b = CPU_LANES(b);
        e.c = CPU_LANES(c);
        e.memory_address = CPU_LANES(memory_address);
        e.a_record.value = trace_lines::Lanes{};  // unread
        e.a_record.prev_value = CPU_LANES(a_record.prev_value);
        e.a_record.prev_shard = CPU_LANES(a_record.prev_shard);
        e.a_record.prev_timestamp = CPU_LANES(a_record.prev_timestamp);
        e.b_record = MemoryAccessLanes{trace_lines::Lanes{}, trace_lines::Lanes{}, CPU_LANES(b_record.prev_shard), CPU_LANES(b_record.prev_timestamp)};
        e.c_record = MemoryAccessLanes{trace_lines::Lanes{}, trace_lines::Lanes{}, CPU_LANES(c_record.prev_shard), CPU_LANES(c_record.prev_timestamp)};
        e.memory_record.value = CPU_LANES(memory_record.value);
        e.memory_record.prev_value = CPU_LANES(memory_record.prev_value);
        e.memory_record.prev_shard = CPU_LANES(memory_record.prev_shard);
        e.memory_record.prev_timestamp = CPU_LANES(memory_record.prev_timestamp);
#undef CPU_LANES
        return e;
    }
};
#endif

// The cells of one event's row, CpuRowWriter.Write's twin; every cell is written, zeros included. Generic in its
// value type (Row::Value): a GPU thread writes one row (uint32_t, E = CpuEvent), the CPU backend a tile of sixteen
// (vectors, E = CpuEventLanes): the same code, so there is no second copy of the row to keep in step.
struct CpuRow {
#if defined(CUDA_EMU)
    typedef CpuEventLanes EventLanes;
#endif
    template <typename E, typename Row>
    __device__ __forceinline__ void write(const E& e, const Row& row) const
    {
        typedef typename Row::Value V;
        const V zero = V{};
        const V opcode = zero + e.opcode;
        const V flags = cpu_flags(opcode);
        const auto is_x0 = e.op_a == 0u;
        // Unused records are zeroed by the executor, but an ECALL's memory record may hold its syscall's accesses:
        // select by class, as the host does.
        const auto has_b = e.imm_b == 0u;
        const auto has_c = e.imm_c == 0u;
        const auto has_memory = (flags & (FLAG_LOAD | FLAG_STORE)) != 0u;
        row.set_canonical(CPU_SHARD, zero + e.shard);
        row.set_canonical(CPU_CLK, zero + e.clk);
        row.set_canonical(CPU_PC, zero + e.pc);
        row.set_canonical(CPU_NEXT_PC, zero + e.next_pc);
        row.set_byte(CPU_OPCODE, opcode);
        row.set_byte(CPU_OP_A, zero + e.op_a);
        row.set_canonical(CPU_OP_B, zero + e.op_b);
        row.set_canonical(CPU_OP_C, zero + e.op_c);
        row.set_bool(CPU_IMM_B, !has_b);
        row.set_bool(CPU_IMM_C, !has_c);
        UNROLL_FULL
        for (uint32_t k = 0; k < CPU_FLAG_COUNT; ++k) row.set_bool(CPU_IS_ALU + k, (flags >> k) & 1u);
        row.set_bool(CPU_OP_A_IS_X0, is_x0);
        row.set_bool(CPU_ALU_SEND, flags == FLAG_ALU && !is_x0);
        row.set_bool(CPU_WORD_LOAD_SETS_A, flags == (FLAG_LOAD | FLAG_WORD_ACCESS) && !is_x0);
        const V mem_value = has_memory ? zero + e.memory_record.value : zero;
        const V mem_prev = has_memory ? zero + e.memory_record.prev_value : zero;
        const V addr = has_memory ? zero + e.memory_address : zero;
        V carry = zero;
        UNROLL_FULL
        for (uint32_t k = 0; k < 4u; ++k) {
            row.set_byte(CPU_A + k, word_byte(zero + e.a, k));
            row.set_byte(CPU_B + k, word_byte(zero + e.b, k));
            row.set_byte(CPU_C + k, word_byte(zero + e.c, k));
            row.set_byte(CPU_A_PREV + k, word_byte(zero + e.a_record.prev_value, k));
            row.set_byte(CPU_MEM_VALUE + k, word_byte(mem_value, k));
            row.set_byte(CPU_MEM_PREV + k, word_byte(mem_prev, k));
            row.set_byte(CPU_ADDR + k, word_byte(addr, k));
            // The carries of b + c byte by byte (CpuRowWriter.WriteAddress); zero unless a load or store.
            carry = (word_byte(zero + e.b, k) + word_byte(zero + e.c, k) + carry) >> 8;
            row.set_bool(CPU_ADDR_CARRY + k, has_memory && carry != 0u);
        }
        row.set_byte(CPU_ADDR_Q, (addr & 0xffu) >> 2);
        row.set_bool(CPU_ADDR_BIT0, addr & 1u);
        row.set_bool(CPU_ADDR_BIT1, addr & 2u);
        row.set_canonical(CPU_A_PREV_SHARD, zero + e.a_record.prev_shard);
        row.set_canonical(CPU_A_PREV_TS, zero + e.a_record.prev_timestamp);
        row.set_canonical(CPU_B_PREV_SHARD, has_b ? zero + e.b_record.prev_shard : zero);
        row.set_canonical(CPU_B_PREV_TS, has_b ? zero + e.b_record.prev_timestamp : zero);
        row.set_canonical(CPU_C_PREV_SHARD, has_c ? zero + e.c_record.prev_shard : zero);
        row.set_canonical(CPU_C_PREV_TS, has_c ? zero + e.c_record.prev_timestamp : zero);
        row.set_canonical(CPU_MEM_ADDR, has_memory ? (zero + e.memory_address) & ~3u : zero);
        row.set_canonical(CPU_MEM_PREV_SHARD, has_memory ? zero + e.memory_record.prev_shard : zero);
        row.set_canonical(CPU_MEM_PREV_TS, has_memory ? zero + e.memory_record.prev_timestamp : zero);
    }
};

KERNEL void cpu_trace(const CpuEvent* __restrict__ events, uint32_t* __restrict__ out, uint64_t height)
{
    write_trace_rows<CPU_WIDTH>(events, out, height, CpuRow());
}

// CpuChip.CountEventByteLookups: the zero test of op_a (0 < op_a), a range check of a when the row writes it, of
// the stored word for a store, and for a load or store of the address, of (addr0 >> 2, 0) and of c.
struct CpuLookups {
    static __device__ __forceinline__ void count(const CpuEvent& e, uint32_t* counts, uint32_t* errors)
    {
        const uint32_t flags = cpu_flags((uint32_t)e.opcode);
        if (flags == 0u) return;
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
};

KERNEL void cpu_byte_lookups(const CpuEvent* __restrict__ events, uint64_t count, uint32_t* all_counts, uint32_t* errors, uint32_t replicas)
{
    count_event_byte_lookups<CpuLookups>(events, count, all_counts, errors, replicas);
}

// The Program chip's multiplicities (ProgramChip.GenerateMainTrace): how often each instruction ran, from the rows'
// pcs, into this thread's set of `instructions` counters. A pc that is not 4-aligned or lies outside the code is not
// counted; the lowest such event index goes to *bad_event (the host then names the event and its pc).
struct PcCounts {
    uint32_t* counts;  // this thread's set
    uint32_t code_base;
    uint32_t instructions;
    uint32_t* bad_event;

    __device__ __forceinline__ void operator()(const CpuEvent& e, uint64_t i) const
    {
        const uint32_t offset = e.pc - code_base;
        const uint32_t index = offset >> 2;
        if ((offset & 3u) == 0u && index < instructions) {
            counter_increment(&counts[index]);
        } else {
            atomicMin(bad_event, (uint32_t)i);
        }
    }
};

__device__ __forceinline__ PcCounts pc_counts(uint32_t* all_counts, uint32_t replicas, uint32_t code_base, uint32_t instructions, uint32_t* bad_event)
{
    PcCounts visit;
    visit.counts = all_counts + (uint64_t)worker_slot(replicas) * instructions;
    visit.code_base = code_base;
    visit.instructions = instructions;
    visit.bad_event = bad_event;
    return visit;
}

// Both counts while the rows are written, each where its counters are given (non-null).
struct CpuCounting {
    CountByteLookups<CpuLookups> byte_lookups;
    PcCounts pcs;
    bool count_byte_lookups;
    bool count_pcs;

    __device__ __forceinline__ void operator()(const CpuEvent& e, uint64_t i) const
    {
        if (count_byte_lookups) byte_lookups(e, i);
        if (count_pcs) pcs(e, i);
    }
};

// The trace with ByteLookup's and Program's counts made on the way (when their counters are ready before Cpu runs):
// the 108-byte events are read once instead of three times.
KERNEL void cpu_trace_counting(const CpuEvent* __restrict__ events, uint32_t* __restrict__ out, uint64_t height,
                               uint32_t* byte_counts, uint32_t* byte_errors, uint32_t byte_replicas,
                               uint32_t* pc_counts_all, uint32_t pc_replicas, uint32_t code_base, uint32_t instructions, uint32_t* bad_event)
{
    CpuCounting visit{};  // zeroed: a part left out stays unused
    visit.count_byte_lookups = byte_counts != nullptr;
    visit.count_pcs = pc_counts_all != nullptr;
    if (visit.count_byte_lookups) visit.byte_lookups = count_byte_lookups<CpuLookups>(byte_counts, byte_errors, byte_replicas);
    if (visit.count_pcs) visit.pcs = pc_counts(pc_counts_all, pc_replicas, code_base, instructions, bad_event);
    write_trace_rows<CPU_WIDTH>(events, out, height, CpuRow(), visit);
}

// The Program chip's multiplicities alone (when the Cpu trace was made without counting them).
KERNEL void cpu_count_pcs(const CpuEvent* __restrict__ events, uint64_t count, uint32_t* all_counts, uint32_t replicas,
                          uint32_t code_base, uint32_t instructions, uint32_t* bad_event)
{
    const PcCounts visit = pc_counts(all_counts, replicas, code_base, instructions, bad_event);
    GRID_LOOP(i, count) visit(events[i], i);
}
