/* Fibonacci modulo 2^32 and 2^64 (64-bit adds exercise carries through sltu). */
#include "runtime.h"

int main(void)
{
    uint32_t a = 0, b = 1;
    uint64_t c = 0, d = 1;
    for (uint32_t i = 0; i < 20000; i++) {
        uint32_t t = a + b;
        a = b;
        b = t;
        uint64_t u = c + d;
        c = d;
        d = u;
    }
    print_str("fib(20000) mod 2^32 = ");
    print_u32(a);
    print_str("\nfib(20000) mod 2^64 = 0x");
    print_hex32((uint32_t)(c >> 32));
    print_hex32((uint32_t)c);
    print_str("\n");
    return (int)(a & 0x7f);
}
