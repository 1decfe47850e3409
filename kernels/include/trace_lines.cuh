// trace_lines.cuh - CPU backend only: writing a column-major trace a tile of sixteen rows at a time, each column's
// sixteen cells as one 64-byte line (write_trace_rows in rv32im_common.cuh). Empty under NVRTC.
//
// A plain store of a line first reads it into the cache (read for ownership), so a write-only trace would cost twice
// its bytes in memory traffic; a non-temporal (streaming) store writes a whole aligned line without reading it, as
// memset does. But a chip's height is its number of events, so a column starts anywhere in a line: the tile's sixteen
// cells of column c straddle two lines, `phase` = (start of the cells) mod 16 words into the first. Each column
// therefore keeps its previous tile's line and streams the aligned line spliced from the two (the last `phase` cells
// of the previous tile, then the first 16 - phase of this one). Only the partial lines at the ends of a thread's range
// of tiles, shared with a neighbouring thread or column, are written with plain stores of just their own cells.
#pragma once
#if defined(CUDA_EMU)
#include "koalabear.cuh"
#include <cstddef>
#include <cstring>
#include <type_traits>
#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace trace_lines {
constexpr uint32_t CELLS = 16u;  // cells of one 64-byte line

#if defined(__AVX512F__)
typedef __m512i Line;

// The sixteen canonical values at src (64-byte aligned) as field elements.
static inline Line convert(const uint32_t* src) { return KoalaBear::from_canonical_x16(_mm512_load_si512((const void*)src)); }

// The last `phase` cells of previous, then the first 16 - phase cells of current (0 < phase < 16).
static inline Line splice(Line previous, Line current, uint32_t phase)
{
    const __m512i index = _mm512_add_epi32(_mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
                                           _mm512_set1_epi32((int)(CELLS - phase)));
    return _mm512_permutex2var_epi32(previous, index, current);
}

static inline void stream(uint32_t* aligned_dst, Line line) { _mm512_stream_si512((__m512i*)aligned_dst, line); }

static inline void to_words(uint32_t* dst, Line line) { _mm512_storeu_si512((void*)dst, line); }
#elif defined(__AVX2__)
struct Line { __m256i low, high; };

static inline Line convert(const uint32_t* src)
{
    return Line{KoalaBear::from_canonical_x8(_mm256_load_si256((const __m256i*)src)),
                KoalaBear::from_canonical_x8(_mm256_load_si256((const __m256i*)(src + 8)))};
}

static inline void to_words(uint32_t* dst, Line line)
{
    _mm256_storeu_si256((__m256i*)dst, line.low);
    _mm256_storeu_si256((__m256i*)(dst + 8), line.high);
}

static inline Line splice(Line previous, Line current, uint32_t phase)
{   // AVX2 has no two-register permute of 32-bit lanes: through memory, which stays in L1
    alignas(64) uint32_t both[2 * CELLS];
    to_words(both, previous);
    to_words(both + CELLS, current);
    const uint32_t* first = both + CELLS - phase;
    return Line{_mm256_loadu_si256((const __m256i*)first), _mm256_loadu_si256((const __m256i*)(first + 8))};
}

static inline void stream(uint32_t* aligned_dst, Line line)
{
    _mm256_stream_si256((__m256i*)aligned_dst, line.low);
    _mm256_stream_si256((__m256i*)(aligned_dst + 8), line.high);
}
#else
struct Line { uint32_t cells[CELLS]; };

static inline Line convert(const uint32_t* src)
{
    Line line;
    for (uint32_t k = 0; k < CELLS; ++k) line.cells[k] = kb_from_canonical(src[k]);
    return line;
}

static inline void to_words(uint32_t* dst, const Line& line) { std::memcpy(dst, line.cells, sizeof(line.cells)); }

static inline Line splice(const Line& previous, const Line& current, uint32_t phase)
{
    Line line;
    for (uint32_t k = 0; k < CELLS; ++k) line.cells[k] = k < phase ? previous.cells[CELLS - phase + k] : current.cells[k - phase];
    return line;
}

static inline void stream(uint32_t* aligned_dst, const Line& line) { to_words(aligned_dst, line); }
#endif

// Cells [from, to) of line, to dst + from .. dst + to, with plain stores: a partial line shared with a neighbour.
static inline void store_cells(uint32_t* dst, const Line& line, uint32_t from, uint32_t to)
{
    alignas(64) uint32_t words[CELLS];
    to_words(words, line);
    std::memcpy(dst + from, words + from, (to - from) * sizeof(uint32_t));
}

// Cells past the last 64-byte boundary before p.
static inline uint32_t phase_of(const uint32_t* p) { return (uint32_t)((uintptr_t)p / sizeof(uint32_t)) % CELLS; }

// ---- sixteen rows at once ----
// A row writer whose code is generic in its value type (CpuRow) writes a whole tile in one pass: each value is a
// vector of sixteen lanes, one per row, and each cell a 64-byte store of a tile line, instead of sixteen scalar rows.
typedef uint32_t Lanes __attribute__((vector_size(64)));

// The 32-bit field at byte `offset` of each of sixteen consecutive STRIDE-byte structs at base.
template <uint32_t STRIDE>
static inline Lanes gather_field(const void* base, uint32_t offset)
{
#if defined(__AVX512F__)
    const __m512i index = _mm512_add_epi32(
        _mm512_mullo_epi32(_mm512_set_epi32(15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0), _mm512_set1_epi32((int)STRIDE)),
        _mm512_set1_epi32((int)offset));
    return (Lanes)_mm512_mask_i32gather_epi32(_mm512_setzero_si512(), (__mmask16)0xffff, index, base, 1);  // the unmasked form trips GCC 12
#else
    Lanes lanes;
    for (uint32_t k = 0; k < CELLS; ++k) {
        uint32_t value;
        std::memcpy(&value, (const char*)base + k * STRIDE + offset, sizeof(value));
        lanes[k] = value;
    }
    return lanes;
#endif
}

// Asks for the lines of count structs at p before they are gathered: gathers do not train the hardware's prefetcher
// the way sequential loads do, so without this each tile's gathers wait for memory.
template <typename T>
static inline void prefetch(const T* p, uint32_t count)
{
    for (uint32_t offset = 0; offset < count * sizeof(T); offset += 64u) __builtin_prefetch((const char*)p + offset);
}

// TraceRowOf's twin for a whole tile (column-major [WIDTH x 16] canonical values): each cell is a line.
struct TileLanes {
    typedef Lanes Value;
    uint32_t* tile;

    __device__ __forceinline__ void store(uint32_t column, Lanes values) const { *(Lanes*)(tile + column * CELLS) = values; }
    __device__ __forceinline__ void set_canonical(uint32_t column, Lanes values) const { store(column, values); }
    __device__ __forceinline__ void set_byte(uint32_t column, Lanes values) const { store(column, values); }
    __device__ __forceinline__ void set_word(uint32_t first_column, Lanes words) const
    {
        for (uint32_t i = 0; i < 4u; ++i) store(first_column + i, (words >> (8u * i)) & 0xffu);
    }
    // A lane mask (all ones or zero) or 0/1 lanes.
    template <typename MASK>
    __device__ __forceinline__ void set_bool(uint32_t column, MASK lanes) const { store(column, (Lanes)(lanes != 0) & 1u); }
};

// Sixteen rows at once pay where a Lanes value is one register (AVX-512: gathers, one-register selects). Without
// it GCC splits every vector and loads the gathered fields one by one, and the trace came out more than twice as
// slow as row by row (the portable build on sha256_long: 382 against 170 ms for the AVX-512 build), so the
// portable build makes its rows one at a time, with the same generic row code on uint32_t.
#if defined(__AVX512F__)
constexpr bool LANE_ROWS = true;
#else
constexpr bool LANE_ROWS = false;
#endif

// Whether write_trace_rows makes a row writer's tiles sixteen rows at once: it is generic in its value type and names
// its events' lanes loader (ROWS::EventLanes::load; void for scalar code), and this build has LANE_ROWS.
template <typename ROWS, typename = void>
struct has_event_lanes { static constexpr bool value = false; };
template <typename ROWS>
struct has_event_lanes<ROWS, std::void_t<typename ROWS::EventLanes>> {
    static constexpr bool value = LANE_ROWS && !std::is_void<typename ROWS::EventLanes>::value;
};

// Writes tiles [first_tile, end_tile) of a column-major [WIDTH x height] trace, one thread's contiguous range: for
// each tile, fill(tile, first_row) writes its sixteen rows, column-major [WIDTH x 16] canonical values, into tile.
template <uint32_t WIDTH, typename FILL>
static inline void write_tiles(uint32_t* out, uint64_t height, uint64_t first_tile, uint64_t end_tile, const FILL& fill)
{
    if (first_tile >= end_tile) return;
    alignas(64) uint32_t tile[WIDTH * CELLS];
    Line previous[WIDTH];
    for (uint64_t t = first_tile; t < end_tile; ++t) {
        const uint64_t first_row = t * CELLS;
        fill(tile, first_row);
        for (uint32_t c = 0; c < WIDTH; ++c) {
            const Line line = convert(tile + c * CELLS);
            uint32_t* dst = out + (uint64_t)c * height + first_row;
            const uint32_t phase = phase_of(dst);
            if (phase == 0) stream(dst, line);
            else if (t == first_tile) store_cells(dst, line, 0, CELLS - phase);  // up to the first line boundary
            else stream(dst - phase, splice(previous[c], line, phase));
            previous[c] = line;
        }
    }
    // The last tile's cells past its last line boundary.
    for (uint32_t c = 0; c < WIDTH; ++c) {
        uint32_t* dst = out + (uint64_t)c * height + (end_tile - 1) * CELLS;
        const uint32_t phase = phase_of(dst);
        if (phase != 0) store_cells(dst, previous[c], CELLS - phase, CELLS);
    }
}
} // namespace trace_lines

// rv32im_common.cuh's word_byte for sixteen words (at global scope, beside it: vectors have no namespace to look in).
__device__ __forceinline__ trace_lines::Lanes word_byte(trace_lines::Lanes word, uint32_t index) { return (word >> (8u * index)) & 0xffu; }
#endif
