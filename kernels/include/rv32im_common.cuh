// rv32im_common.cuh - what the RV32IM chip kernels share: the AluEvent struct as the record holds it, opcode
// values, word limbs, column-major row writes, and counting byte lookups. C# twins: Events/AluEvent.cs
// (Chips/Alu/Shared/AluEventLayout.cs), Isa/Opcode.cs, Chips/ByteOpcode.cs, Chips/ByteLookup/ByteLookupTable.cs,
// Chips/Alu/Shared/WordLimbs.cs.
#pragma once
#include "common.cuh"
#include "koalabear.cuh"
#include "trace_lines.cuh"

// StarkGpu.Rv32im.Events.AluEvent, sequential layout: the enum opcode is one byte followed by padding.
struct AluEvent {
    uint32_t pc;
    uint8_t opcode;
    uint8_t pad[3];
    uint32_t a;
    uint32_t b;
    uint32_t c;
};
static_assert(sizeof(AluEvent) == 20, "AluEvent must match the 20-byte C# struct (AluEventLayout.Size)");

#if defined(CUDA_EMU)
// Sixteen consecutive ALU events, each field a vector of their values, for row writers generic in their value type.
struct AluEventLanes {
    trace_lines::Lanes pc, opcode, a, b, c;

    static __forceinline__ AluEventLanes load(const AluEvent* events)
    {
        AluEventLanes e;
        e.pc = trace_lines::gather_field<sizeof(AluEvent)>(events, offsetof(AluEvent, pc));
        e.opcode = trace_lines::gather_field<sizeof(AluEvent)>(events, offsetof(AluEvent, opcode)) & 0xffu;
        e.a = trace_lines::gather_field<sizeof(AluEvent)>(events, offsetof(AluEvent, a));
        e.b = trace_lines::gather_field<sizeof(AluEvent)>(events, offsetof(AluEvent, b));
        e.c = trace_lines::gather_field<sizeof(AluEvent)>(events, offsetof(AluEvent, c));
        return e;
    }
};
#endif

// The base of ALU row writers (and ValueRows chips) generic in their value type, like CpuRow: one row (uint32_t,
// AluEvent) on a GPU thread, a tile of sixteen (vectors, AluEventLanes) on the CPU backend.
struct AluLaneRow {
#if defined(CUDA_EMU)
    typedef AluEventLanes EventLanes;
#endif
};

// StarkGpu.Rv32im.Isa.Opcode values of the ALU operations.
#define OPCODE_ADD    1u
#define OPCODE_SUB    2u
#define OPCODE_XOR    3u
#define OPCODE_OR     4u
#define OPCODE_AND    5u
#define OPCODE_SLL    6u
#define OPCODE_SRL    7u
#define OPCODE_SRA    8u
#define OPCODE_SLT    9u
#define OPCODE_SLTU   10u
#define OPCODE_MUL    11u
#define OPCODE_MULH   12u
#define OPCODE_MULHU  13u
#define OPCODE_MULHSU 14u
#define OPCODE_DIV    15u
#define OPCODE_DIVU   16u
#define OPCODE_REM    17u
#define OPCODE_REMU   18u

// StarkGpu.Rv32im.Chips.ByteOpcode and the ByteLookup table's shape.
#define BYTE_OP_AND      0u
#define BYTE_OP_OR       1u
#define BYTE_OP_XOR      2u
#define BYTE_OP_U8_RANGE 3u
#define BYTE_OP_LTU      4u
#define BYTE_OP_MSB      5u
#define BYTE_OPCODE_COUNT 6u
#define BYTE_TABLE_ROWS  65536u

// Byte `index` (0..3, least significant first) of a word.
__device__ __forceinline__ uint32_t word_byte(uint32_t word, uint32_t index) { return (word >> (8u * index)) & 0xffu; }

// 1 or 0 as a field element (Montgomery form).
__device__ __forceinline__ uint32_t kb_bool(bool value) { return value ? KB_ONE : 0u; }

// kb_from_canonical(v) for v < 256 without a Montgomery multiply: v * R mod p, R = 2^32 mod p = 2^25 - 2, reduced
// with 2^31 = 2^24 - 1 (mod p). Most cells of the RV32IM traces are byte limbs; shifts and adds are cheaper.
__device__ __forceinline__ uint32_t kb_from_byte(uint32_t v)
{
    const uint64_t x = ((uint64_t)v << 25) - 2u * v;                    // v * R < 2^33
    const uint32_t hi = (uint32_t)(x >> 31);                             // 0..3
    const uint32_t y = ((uint32_t)x & 0x7fffffffu) + (hi << 24) - hi;    // < 2^31 + 3 * 2^24 < 2p
    return y >= KB_P ? y - KB_P : y;
}
static_assert(KB_ONE == (1u << 25) - 2u && KB_P == 0x7f000001u, "kb_from_byte assumes KoalaBear's R = 2^32 mod p = 2^25 - 2");

// One row of a column-major [width x height] trace: cell (column, row) is out[column * height + row]. A Montgomery
// row (CANONICAL = false: the GPU, and the CPU backend's last rows) stores each cell as its field element. A canonical
// row (the CPU backend's tiles) stores plain values, and write_trace_rows converts a whole tile to field elements at
// once with vector instructions: one multiply per cell, eight cells per instruction, instead of a scalar conversion
// per cell. Either way the trace gets the same bits.
template <bool CANONICAL>
struct TraceRowOf {
    typedef uint32_t Value;  // one row's cells (a generic row writer's value type; see trace_lines::TileLanes)
    uint32_t* out;
    uint64_t height;
    uint64_t row;

    __device__ __forceinline__ void store(uint32_t column, uint32_t value) const { out[(uint64_t)column * height + row] = value; }

    // A cell already computed in the field (rare: a canonical row converts it back).
    __device__ __forceinline__ void set(uint32_t column, uint32_t montgomery) const
    {
        store(column, CANONICAL ? kb_to_canonical(montgomery) : montgomery);
    }
    // Any 32-bit value, reduced mod p.
    __device__ __forceinline__ void set_canonical(uint32_t column, uint32_t value) const
    {
        store(column, CANONICAL ? value : kb_from_canonical(value));
    }
    // A value of at most 256 (a byte, a bit, a byte's carry).
    __device__ __forceinline__ void set_byte(uint32_t column, uint32_t value) const
    {
        store(column, CANONICAL ? value : kb_from_byte(value));
    }
    __device__ __forceinline__ void set_bool(uint32_t column, bool value) const
    {
        store(column, CANONICAL ? (uint32_t)value : kb_bool(value));
    }
    // The four byte limbs of `word` in columns first_column .. first_column + 3.
    __device__ __forceinline__ void set_word(uint32_t first_column, uint32_t word) const
    {
        UNROLL_FULL
        for (uint32_t i = 0; i < 4u; ++i) set_byte(first_column + i, word_byte(word, i));
    }
};

typedef TraceRowOf<false> TraceRow;

// An ALU event's operands a, b and c as byte limbs in columns first .. first + 11, as the ALU chips' rows begin.
template <typename E, typename Row>
__device__ __forceinline__ void set_operand_words(const Row& row, const E& e, uint32_t first)
{
    const typename Row::Value zero{};
    row.set_word(first, zero + e.a);
    row.set_word(first + 4u, zero + e.b);
    row.set_word(first + 8u, zero + e.c);
}

template <bool CANONICAL = false>
__device__ __forceinline__ TraceRowOf<CANONICAL> trace_row(uint32_t* out, uint64_t height, uint64_t row)
{
    TraceRowOf<CANONICAL> r;
    r.out = out;
    r.height = height;
    r.row = row;
    return r;
}

// Writes every row of a column-major [WIDTH x height] trace, row i from events[i] by rows.write(event, row), a template
// over the row type (TraceRowOf), which must write every cell of its row (zeros included: the output's contents are
// undefined). visit(event, i) is called once per row as it is written, while the event is at hand: a kernel that also
// counts what its rows send elsewhere (byte lookups, instruction multiplicities) does so without a second pass.
// GPU: one row per thread, so neighbouring threads write neighbouring words of each column (coalesced).
// CPU backend: sixteen rows at a time into a column-major tile of canonical values on the stack; then each column's
// sixteen values, one 64-byte line, are converted to field elements in vector registers and written with a streaming
// store, aligned whatever the height (trace_lines.cuh). Rows written straight into the trace would leave WIDTH partly
// written lines each, and when the height is a power of two (a full shard) the columns lie 2^k bytes apart and
// compete for one cache set. A row writer generic in its value type (it names ROWS::EventLanes, as CpuRow does) fills
// the tile in one pass over sixteen-lane vectors, from its events' fields gathered sixteen at a time.
template <uint32_t WIDTH, typename ROWS, typename EVENT, typename VISIT>
__device__ __forceinline__ void write_trace_rows(const EVENT* __restrict__ events, uint32_t* __restrict__ out, uint64_t height, const ROWS& rows,
                                                 const VISIT& visit)
{
#if defined(CUDA_EMU)
    constexpr uint32_t TILE = trace_lines::CELLS;
    const uint64_t tiles = height / TILE;
    const ::emu::Range range = ::emu::thread_range(tiles + height % TILE);  // this thread's tiles, then last rows
    trace_lines::write_tiles<WIDTH>(out, height, range.begin, min(range.end, tiles), [&](uint32_t* tile, uint64_t first) {
        if constexpr (trace_lines::has_event_lanes<ROWS>::value) {
            if (first + 2 * TILE <= height) trace_lines::prefetch(events + first + TILE, TILE);  // the next tile's events
            rows.write(ROWS::EventLanes::load(events + first), trace_lines::TileLanes{tile});
            for (uint32_t r = 0; r < TILE; ++r) visit(events[first + r], first + r);
        } else {
            for (uint32_t r = 0; r < TILE; ++r) {
                rows.write(events[first + r], trace_row<true>(tile, TILE, r));
                visit(events[first + r], first + r);
            }
        }
    });
    for (uint64_t t = max(range.begin, tiles); t < range.end; ++t) {
        const uint64_t i = tiles * TILE + (t - tiles);  // the last rows, fewer than a tile
        rows.write(events[i], trace_row(out, height, i));
        visit(events[i], i);
    }
#else
    GRID_LOOP(i, height) {
        rows.write(events[i], trace_row(out, height, i));
        visit(events[i], i);
    }
#endif
}

// A write_trace_rows visitor that does nothing.
struct NoVisit {
    template <typename EVENT>
    __device__ __forceinline__ void operator()(const EVENT&, uint64_t) const {}
};

template <uint32_t WIDTH, typename ROWS, typename EVENT>
__device__ __forceinline__ void write_trace_rows(const EVENT* __restrict__ events, uint32_t* __restrict__ out, uint64_t height, const ROWS& rows)
{
    write_trace_rows<WIDTH>(events, out, height, rows, NoVisit());
}

// Cells of one set of byte-lookup counters: op-major [BYTE_OPCODE_COUNT x BYTE_TABLE_ROWS].
#define BYTE_COUNT_CELLS (BYTE_OPCODE_COUNT * BYTE_TABLE_ROWS)

// Byte-lookup counters come as `replicas` consecutive sets; a thread counts into set worker_slot(replicas), and the
// sets are summed afterwards (ByteLookupChip). On the CPU backend there is a set per OS thread, so increments need no
// atomics: contended atomics on the hot rows (zero bytes) would cost more than all the traces. On a GPU the
// increments stay atomic, whatever the number of sets.
__device__ __forceinline__ uint32_t* byte_lookup_replica(uint32_t* counts, uint32_t replicas)
{
    return counts + (uint64_t)worker_slot(replicas) * BYTE_COUNT_CELLS;
}

// Adds one to a counter of this thread's set: plainly on the CPU backend (one writer per set), atomically on a GPU.
__device__ __forceinline__ void counter_increment(uint32_t* counter)
{
#if defined(CUDA_EMU)
    *counter += 1u;
#else
    atomicAdd(counter, 1u);
#endif
}

// Counts the lookup (op, op(b, c), b, c) in this block's counters (from byte_lookup_replica).
// A lookup outside the table is not counted; it bumps the source's error counter, which the host turns into an
// exception naming the chip.
__device__ __forceinline__ void byte_lookup_add(uint32_t* counts, uint32_t* errors, uint32_t op, uint32_t b, uint32_t c)
{
    if (op < BYTE_OPCODE_COUNT && b < 256u && c < 256u) {
        counter_increment(&counts[op * BYTE_TABLE_ROWS + (b << 8) + c]);
    } else {
        atomicAdd(errors, 1u);
    }
}

// Range checks two bytes with one U8Range lookup.
__device__ __forceinline__ void byte_lookup_range(uint32_t* counts, uint32_t* errors, uint32_t b, uint32_t c)
{
    byte_lookup_add(counts, errors, BYTE_OP_U8_RANGE, b, c);
}

#if defined(CUDA_EMU)
// The same lookups for sixteen rows' values at once (a tile made by a row writer generic in its value type).
__device__ __forceinline__ void byte_lookup_add(uint32_t* counts, uint32_t* errors, uint32_t op, trace_lines::Lanes b, trace_lines::Lanes c)
{
    for (uint32_t k = 0; k < trace_lines::CELLS; ++k) byte_lookup_add(counts, errors, op, b[k], c[k]);
}

__device__ __forceinline__ void byte_lookup_range(uint32_t* counts, uint32_t* errors, trace_lines::Lanes b, trace_lines::Lanes c)
{
    byte_lookup_add(counts, errors, BYTE_OP_U8_RANGE, b, c);
}
#endif

// Proves the four limbs of a word are bytes: U8Range on (limb0, limb1) and (limb2, limb3) (WordRangeCheck.cs).
__device__ __forceinline__ void byte_lookup_word_range(uint32_t* counts, uint32_t* errors, uint32_t word)
{
    byte_lookup_range(counts, errors, word_byte(word, 0), word_byte(word, 1));
    byte_lookup_range(counts, errors, word_byte(word, 2), word_byte(word, 3));
}

// StarkGpu.Rv32im.Chips.Cpu.InstructionFlags: the class bits of an instruction (InstructionFlags.cs).
#define FLAG_ALU         (1u << 0)
#define FLAG_LOAD        (1u << 1)
#define FLAG_STORE       (1u << 2)
#define FLAG_BRANCH      (1u << 3)
#define FLAG_JAL         (1u << 4)
#define FLAG_JALR        (1u << 5)
#define FLAG_AUIPC       (1u << 6)
#define FLAG_ECALL       (1u << 7)
#define FLAG_WORD_ACCESS (1u << 8)

// A write_trace_rows visitor adding each event's byte lookups, LOOKUPS::count(event, counts, errors), to the calling
// thread's counter set: the fused "trace and count" kernels.
template <typename LOOKUPS>
struct CountByteLookups {
    uint32_t* counts;  // this thread's set (byte_lookup_replica)
    uint32_t* errors;

    template <typename EVENT>
    __device__ __forceinline__ void operator()(const EVENT& e, uint64_t) const { LOOKUPS::count(e, counts, errors); }
};

template <typename LOOKUPS>
__device__ __forceinline__ CountByteLookups<LOOKUPS> count_byte_lookups(uint32_t* all_counts, uint32_t* errors, uint32_t replicas)
{
    CountByteLookups<LOOKUPS> visit;
    visit.counts = byte_lookup_replica(all_counts, replicas);
    visit.errors = errors;
    return visit;
}

// The byte lookups of events[0 .. count) alone (when the trace was made without counting).
template <typename LOOKUPS, typename EVENT>
__device__ __forceinline__ void count_event_byte_lookups(const EVENT* __restrict__ events, uint64_t count, uint32_t* all_counts,
                                                         uint32_t* errors, uint32_t replicas)
{
    const CountByteLookups<LOOKUPS> visit = count_byte_lookups<LOOKUPS>(all_counts, errors, replicas);
    GRID_LOOP(i, count) visit(events[i], i);
}

// The chips whose row is an array of canonical values computed from the event, CHIP::values(e, v), with byte
// lookups read off that array, CHIP::lookups(e, v, counts, errors) (shifts, multiplication, division): their row
// writer for write_trace_rows. Given counters (this thread's set), it counts each row's lookups from the values it
// has just written, so the fused kernel computes a row once.
// A chip whose values and lookups are generic in their value type (the shifts, Mul) names AluEventLanes as its
// EventLanes, and the CPU backend then makes its tiles sixteen rows at a time; one whose code is scalar only names void.
template <typename CHIP>
struct ValueRows {
#if defined(CUDA_EMU)
    typedef typename CHIP::EventLanes EventLanes;
#endif
    uint32_t* counts;  // null: no counting
    uint32_t* errors;

    template <typename E, typename Row>
    __device__ __forceinline__ void write(const E& e, const Row& row) const
    {
        typename Row::Value v[CHIP::WIDTH];
        CHIP::values(e, v);
        UNROLL_FULL
        for (uint32_t k = 0; k < CHIP::WIDTH; ++k) row.set_canonical(k, v[k]);
        if (counts != nullptr) CHIP::lookups(e, v, counts, errors);
    }
};

// The same chips' lookups alone, for count_event_byte_lookups.
template <typename CHIP>
struct ValueLookups {
    static __device__ __forceinline__ void count(const AluEvent& e, uint32_t* counts, uint32_t* errors)
    {
        uint32_t v[CHIP::WIDTH];
        CHIP::values(e, v);
        CHIP::lookups(e, v, counts, errors);
    }
};
