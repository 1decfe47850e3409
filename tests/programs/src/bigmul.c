/* Schoolbook multiply of 1024-bit numbers (32 limbs) with mulhu carries; checks (2^1024 - 1)^2 =
   2^2048 - 2^1025 + 1 and prints a product of pseudo-random operands. */
#include "runtime.h"

#define LIMBS 32

static void mul(const uint32_t *a, const uint32_t *b, uint32_t *out)
{
    memset(out, 0, 2 * LIMBS * sizeof(uint32_t));
    for (int i = 0; i < LIMBS; i++) {
        uint32_t carry = 0;
        for (int j = 0; j < LIMBS; j++) {
            uint64_t t = (uint64_t)a[i] * b[j] + out[i + j] + carry;
            out[i + j] = (uint32_t)t;
            carry = (uint32_t)(t >> 32);
        }
        out[i + LIMBS] = carry;
    }
}

int main(void)
{
    uint32_t a[LIMBS], b[LIMBS], p[2 * LIMBS];
    for (int i = 0; i < LIMBS; i++) a[i] = 0xffffffffu;
    mul(a, a, p);
    int ok = p[0] == 1 && p[LIMBS] == 0xfffffffeu && p[2 * LIMBS - 1] == 0xffffffffu;
    for (int i = 1; i < LIMBS; i++) ok = ok && p[i] == 0;
    for (int i = LIMBS + 1; i < 2 * LIMBS; i++) ok = ok && p[i] == 0xffffffffu;

    uint32_t x = 88172645u;
    for (int i = 0; i < LIMBS; i++) {
        x = x * 1664525u + 1013904223u; a[i] = x;
        x = x * 1664525u + 1013904223u; b[i] = x;
    }
    for (int round = 0; round < 20; round++) {
        mul(a, b, p);
        for (int i = 0; i < LIMBS; i++) a[i] = p[i] ^ p[i + LIMBS];
    }
    print_str("product high limbs: ");
    for (int i = 2 * LIMBS - 1; i >= 2 * LIMBS - 4; i--) { print_hex32(p[i]); print_char(' '); }
    print_str(ok ? "\nsquare ok\n" : "\nsquare WRONG\n");
    return ok ? (int)(p[2 * LIMBS - 1] & 0x7f) : 255;
}
