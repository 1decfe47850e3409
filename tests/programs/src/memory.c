/* Memory-heavy: a 64 KiB sieve of Eratosthenes over bytes, half-word and word strided traffic over a 64 KiB
   array, and memcpy between them. Exercises every load/store width and sign extension. */
#include "runtime.h"

#define SIEVE 65536
static uint8_t composite[SIEVE];
static uint32_t words[16384];

int main(void)
{
    uint32_t primes = 0;
    for (uint32_t i = 2; i < SIEVE; i++) {
        if (composite[i]) continue;
        primes++;
        for (uint32_t j = i * 2; j < SIEVE; j += i) composite[j] = 1;
    }

    for (uint32_t i = 0; i < 16384; i += 7) words[i] = i * 2654435761u;
    uint16_t *halves = (uint16_t *)words;
    int16_t *shalves = (int16_t *)words;
    int8_t *sbytes = (int8_t *)words;
    int32_t acc = 0;
    for (uint32_t i = 0; i < 32768; i += 13) {
        halves[i] = (uint16_t)(halves[i] + 0x8001u);
        acc += shalves[i] + sbytes[2 * i + 1];
    }
    memcpy(composite, words, sizeof words);
    uint32_t mix = 0;
    for (uint32_t i = 0; i < SIEVE; i += 61) mix = mix * 31u + composite[i];

    print_str("primes below 65536: ");
    print_u32(primes);
    print_str("\nacc ");
    print_hex32((uint32_t)acc);
    print_str(" mix ");
    print_hex32(mix);
    print_str("\n");
    return primes == 6542 ? 0 : (int)(primes & 0xff);
}
