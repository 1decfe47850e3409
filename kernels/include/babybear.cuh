// babybear.cuh - BabyBear, p = 15 * 2^27 + 1 = 0x78000001, Montgomery form (one = 0x0ffffffe),
// two-adicity 27; degree-4 extension X^4 - 11 (field_ext4.cuh). C#: StarkGpu.Fields.BabyBear.
#pragma once
#include "field_ext4.cuh"

typedef Monty31<0x78000001u, 0x88000001u, 0x45dddde3u> BabyBear;

#define BB_P   0x78000001u
#define BB_ONE 0x0ffffffeu
#define BB_EXT4_W 11u     // canonical W of X^4 - W
#define BB_TWO_ADICITY 27
static_assert(BabyBear::P == BB_P && BabyBear::ONE == BB_ONE, "BabyBear constants disagree");

__device__ __forceinline__ uint32_t bb_add(uint32_t a, uint32_t b) { return BabyBear::add(a, b); }
__device__ __forceinline__ uint32_t bb_sub(uint32_t a, uint32_t b) { return BabyBear::sub(a, b); }
__device__ __forceinline__ uint32_t bb_neg(uint32_t a) { return BabyBear::neg(a); }
__device__ __forceinline__ uint32_t bb_mul(uint32_t a, uint32_t b) { return BabyBear::mul(a, b); }
__device__ __forceinline__ uint32_t bb_pow(uint32_t a, uint64_t e) { return BabyBear::pow(a, e); }
__device__ __forceinline__ uint32_t bb_inv(uint32_t a) { return BabyBear::inv(a); }
__device__ __forceinline__ uint32_t bb_from_canonical(uint32_t v) { return BabyBear::from_canonical(v); }
__device__ __forceinline__ uint32_t bb_to_canonical(uint32_t a) { return BabyBear::to_canonical(a); }

typedef Ext4<BabyBear, BB_EXT4_W> BabyBear4;
static_assert(sizeof(BabyBear4) == 16, "an extension element is four words");
