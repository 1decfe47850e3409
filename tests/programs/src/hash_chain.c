/* The long guest of the streaming tests (SP1-only: it reads a hint): h = SHA-256(h) as many times as its one hint,
   a 4-byte little-endian count, says, from 32 zero bytes. Prints and COMMITs the final digest (words big-endian, as
   SHA-256 writes them). Its length is one hint away, from thousands to billions of cycles, with the same memory. */
#define SHA256_NO_MAIN
#include "sha256.c"

/* Hint buffers must be fresh memory: SP1 lets a hint land only where nothing was read or written. */
static uint32_t links_hint[1];

int main(void)
{
    if (sys_hint_len() != sizeof links_hint) {
        print_str("hash_chain: the hint must be the number of links, 4 bytes\n");
        return 2;
    }
    sys_hint_read(links_hint, sizeof links_hint);
    uint8_t digest[32];
    memset(digest, 0, sizeof digest);
    for (uint32_t i = 0; i < links_hint[0]; i++) sha256(digest, sizeof digest, digest);
    for (uint32_t k = 0; k < 8; k++) {
        sys_commit(k, (uint32_t)digest[4 * k] << 24 | (uint32_t)digest[4 * k + 1] << 16 | (uint32_t)digest[4 * k + 2] << 8 | digest[4 * k + 3]);
    }
    print_str("hash_chain ");
    print_u32(links_hint[0]);
    print_str(" links: ");
    print_hex_bytes(digest, sizeof digest);
    print_char('\n');
    return 0;
}
