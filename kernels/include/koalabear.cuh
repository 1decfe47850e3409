// koalabear.cuh - KoalaBear, p = 2^31 - 2^24 + 1 = 0x7f000001, Montgomery form (one = 0x01fffffe),
// two-adicity 24; degree-4 extension X^4 - 3 (field_ext4.cuh). C#: StarkGpu.Fields.KoalaBear.
#pragma once
#include "field_ext4.cuh"

typedef Monty31<0x7f000001u, 0x81000001u, 0x17f7efe4u> KoalaBear;

#define KB_P   0x7f000001u
#define KB_ONE 0x01fffffeu
#define KB_EXT4_W 3u      // canonical W of X^4 - W
#define KB_TWO_ADICITY 24
static_assert(KoalaBear::P == KB_P && KoalaBear::ONE == KB_ONE, "KoalaBear constants disagree");

__device__ __forceinline__ uint32_t kb_add(uint32_t a, uint32_t b) { return KoalaBear::add(a, b); }
__device__ __forceinline__ uint32_t kb_sub(uint32_t a, uint32_t b) { return KoalaBear::sub(a, b); }
__device__ __forceinline__ uint32_t kb_neg(uint32_t a) { return KoalaBear::neg(a); }
__device__ __forceinline__ uint32_t kb_mul(uint32_t a, uint32_t b) { return KoalaBear::mul(a, b); }
__device__ __forceinline__ uint32_t kb_pow(uint32_t a, uint64_t e) { return KoalaBear::pow(a, e); }
__device__ __forceinline__ uint32_t kb_inv(uint32_t a) { return KoalaBear::inv(a); }
__device__ __forceinline__ uint32_t kb_from_canonical(uint32_t v) { return KoalaBear::from_canonical(v); }
__device__ __forceinline__ uint32_t kb_to_canonical(uint32_t a) { return KoalaBear::to_canonical(a); }

typedef Ext4<KoalaBear, KB_EXT4_W> KoalaBear4;
static_assert(sizeof(KoalaBear4) == 16, "an extension element is four words");
