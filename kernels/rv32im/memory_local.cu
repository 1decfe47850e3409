// memory_local.cu - the MemoryLocal chip (src/StarkGpu.Rv32im/Chips/Memory/MemoryLocalChip.cs): its trace.
// Columns are MemoryLocalColumns.cs; the host row writer (MemoryLocalChip.WriteRow) must produce the same bits.
#include "rv32im_common.cuh"

// StarkGpu.Rv32im.Events.MemoryState and MemoryLocalEvent, sequential layout (MemoryLocalEventLayout.cs).
struct MemoryLocalState {
    uint32_t shard;
    uint32_t timestamp;
    uint32_t value;
};
struct MemoryLocalEvent {
    uint32_t address;
    MemoryLocalState initial;
    MemoryLocalState final_state;
};
static_assert(sizeof(MemoryLocalState) == 12, "MemoryState must match the 12-byte C# struct (MemoryLocalEventLayout.StateSize)");
static_assert(sizeof(MemoryLocalEvent) == 28, "MemoryLocalEvent must match the 28-byte C# struct (MemoryLocalEventLayout.Size)");

#define ML_ADDRESS           0u
#define ML_INITIAL_SHARD     1u
#define ML_INITIAL_TIMESTAMP 2u
#define ML_INITIAL_VALUE     3u
#define ML_FINAL_SHARD       7u
#define ML_FINAL_TIMESTAMP   8u
#define ML_FINAL_VALUE       9u
#define ML_IS_REAL           13u
#define ML_WIDTH             14u

// A state in three column groups: shard, timestamp (each one element) and the value's four byte limbs.
template <typename Row>
__device__ __forceinline__ void memory_local_set_state(const Row& row, uint32_t shard_column, uint32_t timestamp_column,
                                                       uint32_t value_column, const MemoryLocalState& state)
{
    row.set_canonical(shard_column, state.shard);
    row.set_canonical(timestamp_column, state.timestamp);
    row.set_word(value_column, state.value);
}

struct MemoryLocalRow {
    template <typename Row>
    __device__ __forceinline__ void write(const MemoryLocalEvent& e, const Row& row) const
    {
        row.set_canonical(ML_ADDRESS, e.address);
        memory_local_set_state(row, ML_INITIAL_SHARD, ML_INITIAL_TIMESTAMP, ML_INITIAL_VALUE, e.initial);
        memory_local_set_state(row, ML_FINAL_SHARD, ML_FINAL_TIMESTAMP, ML_FINAL_VALUE, e.final_state);
        row.set_bool(ML_IS_REAL, true);
    }
};

KERNEL void memory_local_trace(const MemoryLocalEvent* __restrict__ events, uint32_t* __restrict__ out, uint64_t height)
{
    write_trace_rows<ML_WIDTH>(events, out, height, MemoryLocalRow());
}
