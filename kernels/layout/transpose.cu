// transpose.cu - row-major [rows x cols] to column-major [cols x rows], 32-bit elements.
// The path every host trace takes to the device: host traces are row-major, provers want one
// column contiguous.
#include "common.cuh"

// Square tiles of 16 x 16 elements: a tile reads 16 rows of 64 bytes (one cache line each) and writes
// 16 columns of 64 bytes, so both sides move whole cache lines however wide or tall the trace is.
#define TRANSPOSE_TILE 16u

// Work item t = (row tile, column tile), column tile fastest.
KERNEL void transpose_u32(const uint32_t* __restrict__ in, uint32_t* __restrict__ out,
                          uint64_t rows, uint64_t cols)
{
    const uint64_t col_tiles = (cols + TRANSPOSE_TILE - 1) / TRANSPOSE_TILE;
    const uint64_t tiles = (rows + TRANSPOSE_TILE - 1) / TRANSPOSE_TILE * col_tiles;
    GRID_LOOP(t, tiles) {
        const uint64_t r0 = t / col_tiles * TRANSPOSE_TILE;
        const uint64_t c0 = t % col_tiles * TRANSPOSE_TILE;
        const uint64_t r1 = min_u64(r0 + TRANSPOSE_TILE, rows);
        const uint64_t c1 = min_u64(c0 + TRANSPOSE_TILE, cols);
        if (r1 - r0 == TRANSPOSE_TILE && c1 - c0 == TRANSPOSE_TILE) {
            // Full tile: constant trip counts, fully unrolled.
            UNROLL_FULL
            for (uint32_t c = 0; c < TRANSPOSE_TILE; ++c) {
                UNROLL_FULL
                for (uint32_t r = 0; r < TRANSPOSE_TILE; ++r)
                    out[(c0 + c) * rows + r0 + r] = in[(r0 + r) * cols + c0 + c];
            }
        } else {
            for (uint64_t c = c0; c < c1; ++c)
                for (uint64_t r = r0; r < r1; ++r)
                    out[c * rows + r] = in[r * cols + c];
        }
    }
}

// Memory floor of the device, measured by the backends next to the kernels they judge.
KERNEL void copy_u32(const uint32_t* __restrict__ in, uint32_t* __restrict__ out, uint64_t n)
{
    GRID_LOOP_SIMD(i, n) out[i] = in[i];
}

KERNEL void fill_u32(uint32_t* __restrict__ out, uint32_t value, uint64_t n)
{
    GRID_LOOP_SIMD(i, n) out[i] = value;
}
