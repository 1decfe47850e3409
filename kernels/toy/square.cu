// square.cu - main trace of the engine toy machine's Square chip (src/StarkGpu.Engine/SelfTest/Toy).
// Rows (x, x^2, is_real) for canonical inputs x, written column-major as a prover commits to them; the host
// version (SquareChip.GenerateMainTrace) must produce the same Montgomery bits.
#include "koalabear.cuh"

KERNEL void toy_square_trace(const uint32_t* __restrict__ xs, uint32_t* __restrict__ out, uint64_t height)
{
    GRID_LOOP(i, height) {
        const uint32_t x = kb_from_canonical(xs[i]);
        out[i] = x;
        out[height + i] = kb_mul(x, x);
        out[2 * height + i] = KB_ONE;
    }
}
