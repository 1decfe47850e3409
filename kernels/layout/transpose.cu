// transpose.cu - row-major [rows x cols] to column-major [cols x rows], 32-bit elements.
// The path every host trace takes to the device: host traces are row-major, provers want one
// column contiguous.
#include "common.cuh"

// Rows per tile: 16 x 4 bytes = one 64-byte cache line of each output column per iteration.
#define TRANSPOSE_TILE_ROWS 16u

// Work item t = (row tile, column), column fastest: neighbouring items read neighbouring words of
// the same input rows (which stay in cache across the tile) and each writes one tile-long run of
// an output column.
KERNEL void transpose_u32(const uint32_t* __restrict__ in, uint32_t* __restrict__ out,
                          uint64_t rows, uint64_t cols)
{
    const uint64_t tiles = (rows + TRANSPOSE_TILE_ROWS - 1) / TRANSPOSE_TILE_ROWS * cols;
    GRID_LOOP(t, tiles) {
        const uint64_t c = t % cols;
        const uint64_t r0 = t / cols * TRANSPOSE_TILE_ROWS;
        const uint64_t r1 = min_u64(r0 + TRANSPOSE_TILE_ROWS, rows);
        for (uint64_t r = r0; r < r1; ++r)
            out[c * rows + r] = in[r * cols + c];
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
