/* Keccak-f[1600]: the permutation of the zero state (known first lane 0xf1258f7940e1dde7) and SHA3-256("abc")
   (FIPS 202 known answer). Exit 0 when both match. 64-bit lanes exercise rv32 multiword shifts. */
#include "runtime.h"

static const uint64_t RC[24] = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808aULL, 0x8000000080008000ULL,
    0x000000000000808bULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
    0x000000000000008aULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000aULL,
    0x000000008000808bULL, 0x800000000000008bULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
    0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800aULL, 0x800000008000000aULL,
    0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL,
};
static const int ROTC[24] = {1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44};
static const int PILN[24] = {10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1};

static uint64_t rotl(uint64_t x, int n) { return (x << n) | (x >> (64 - n)); }

static void keccak_f(uint64_t st[25])
{
    for (int round = 0; round < 24; round++) {
        uint64_t bc[5];
        for (int i = 0; i < 5; i++) bc[i] = st[i] ^ st[i + 5] ^ st[i + 10] ^ st[i + 15] ^ st[i + 20];
        for (int i = 0; i < 5; i++) {
            uint64_t t = bc[(i + 4) % 5] ^ rotl(bc[(i + 1) % 5], 1);
            for (int j = 0; j < 25; j += 5) st[j + i] ^= t;
        }
        uint64_t t = st[1];
        for (int i = 0; i < 24; i++) {
            int j = PILN[i];
            uint64_t tmp = st[j];
            st[j] = rotl(t, ROTC[i]);
            t = tmp;
        }
        for (int j = 0; j < 25; j += 5) {
            for (int i = 0; i < 5; i++) bc[i] = st[j + i];
            for (int i = 0; i < 5; i++) st[j + i] ^= (~bc[(i + 1) % 5]) & bc[(i + 2) % 5];
        }
        st[0] ^= RC[round];
    }
}

static const uint8_t SHA3_ABC[32] = {
    0x3a, 0x98, 0x5d, 0xa7, 0x4f, 0xe2, 0x25, 0xb2, 0x04, 0x5c, 0x17, 0x2d, 0x6b, 0xd3, 0x90, 0xbd,
    0x85, 0x5f, 0x08, 0x6e, 0x3e, 0x9d, 0x52, 0x5b, 0x46, 0xbf, 0xe2, 0x45, 0x11, 0x43, 0x15, 0x32,
};

int main(void)
{
    uint64_t st[25];
    memset(st, 0, sizeof st);
    keccak_f(st);
    int ok = st[0] == 0xf1258f7940e1dde7ULL;
    print_str("keccak-f(0)[0] = ");
    print_hex32((uint32_t)(st[0] >> 32));
    print_hex32((uint32_t)st[0]);

    /* SHA3-256: rate 136 bytes, domain padding 0x06 ... 0x80. */
    memset(st, 0, sizeof st);
    uint8_t block[136];
    memset(block, 0, sizeof block);
    memcpy(block, "abc", 3);
    block[3] = 0x06;
    block[135] |= 0x80;
    for (int i = 0; i < 17; i++) {
        uint64_t lane = 0;
        for (int k = 0; k < 8; k++) lane |= (uint64_t)block[8 * i + k] << (8 * k);
        st[i] ^= lane;
    }
    keccak_f(st);
    uint8_t digest[32];
    for (int i = 0; i < 32; i++) digest[i] = (uint8_t)(st[i / 8] >> (8 * (i % 8)));
    print_str("\nsha3-256(abc) = ");
    print_hex_bytes(digest, 32);
    ok = ok && memcmp(digest, SHA3_ABC, 32) == 0;
    print_str(ok ? "\nkeccak ok\n" : "\nkeccak WRONG\n");
    return ok ? 0 : 1;
}
