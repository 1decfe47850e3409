/* Minimal formatted output (no printf: it would pull most of picolibc's stdio into every program). */
#include "runtime.h"

void print_char(char c) { sys_write(FD_STDOUT, &c, 1); }

void print_str(const char *s) { sys_write(FD_STDOUT, s, strlen(s)); }

void print_u32(uint32_t v)
{
    char buf[10];
    int i = 10;
    do {
        buf[--i] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v != 0);
    sys_write(FD_STDOUT, buf + i, (size_t)(10 - i));
}

static const char HEX[] = "0123456789abcdef";

void print_hex32(uint32_t v)
{
    char buf[8];
    for (int i = 7; i >= 0; i--) {
        buf[i] = HEX[v & 15u];
        v >>= 4;
    }
    sys_write(FD_STDOUT, buf, 8);
}

void print_hex_bytes(const uint8_t *p, size_t n)
{
    char buf[64];
    while (n > 0) {
        size_t chunk = n > 32 ? 32 : n;
        for (size_t i = 0; i < chunk; i++) {
            buf[2 * i] = HEX[p[i] >> 4];
            buf[2 * i + 1] = HEX[p[i] & 15u];
        }
        sys_write(FD_STDOUT, buf, 2 * chunk);
        p += chunk;
        n -= chunk;
    }
}
