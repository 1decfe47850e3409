// batch_inverse.cu - out[i] = 1 / in[i] (zero -> zero) by Montgomery's trick, one chunk per work item.
//
// The n elements are split into `chunks` interleaved chunks: chunk c holds indices c, c + chunks,
// c + 2 chunks, ... (at most ceil(n / chunks) of them). Interleaving keeps both backends fast: on
// the GPU neighbouring work items touch neighbouring words (coalesced); on the CPU one thread walks
// consecutive chunks, which reuse the same cache lines. Each chunk takes its prefix products
// (written to out), inverts the total once by Fermat, and walks back. Zeros are left out of the
// product (multiplied as one) and written as zero, without a data-dependent branch.
// in and out must not overlap: out holds prefix products while in is still read.
#include "koalabear.cuh"
#include "babybear.cuh"

template <class F>
__device__ __forceinline__ void batch_inverse_chunks(const uint32_t* __restrict__ in, uint32_t* __restrict__ out, uint64_t n, uint64_t chunks)
{
    GRID_LOOP(c, chunks) {
        // Forward: out[i] = product of the non-zero inputs of this chunk before i.
        uint32_t product = F::ONE;
        uint64_t last = c;
        for (uint64_t i = c; i < n; i += chunks) {
            const uint32_t x = in[i];
            out[i] = product;
            product = F::mul(product, x == 0 ? F::ONE : x);
            last = i;
        }
        if (c >= n) continue;

        // Backward: inverse = 1 / (product of the non-zero inputs of this chunk up to i).
        uint32_t inverse = F::inv(product);
        for (uint64_t i = last;; i -= chunks) {
            const uint32_t x = in[i];
            const uint32_t r = F::mul(inverse, out[i]);
            out[i] = x == 0 ? 0u : r;
            inverse = F::mul(inverse, x == 0 ? F::ONE : x);
            if (i < chunks) break;   // i == c: the chunk's first element
        }
    }
}

// chunks: 1 <= chunks; each work item inverts about n / chunks elements with one Fermat inversion.
KERNEL void koalabear_batch_inverse(const uint32_t* __restrict__ in, uint32_t* __restrict__ out, uint64_t n, uint64_t chunks)
{
    batch_inverse_chunks<KoalaBear>(in, out, n, chunks);
}

KERNEL void babybear_batch_inverse(const uint32_t* __restrict__ in, uint32_t* __restrict__ out, uint64_t n, uint64_t chunks)
{
    batch_inverse_chunks<BabyBear>(in, out, n, chunks);
}
