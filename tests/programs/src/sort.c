/* Sorts 3000 xorshift numbers with a quicksort (insertion sort for short runs); checks order and a checksum. */
#include "runtime.h"

#define N 3000
static uint32_t data[N];

static void insertion(uint32_t *a, int n)
{
    for (int i = 1; i < n; i++) {
        uint32_t v = a[i];
        int j = i - 1;
        while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; }
        a[j + 1] = v;
    }
}

static void quicksort(uint32_t *a, int n)
{
    while (n > 16) {
        uint32_t pivot = a[n / 2];
        int i = 0, j = n - 1;
        while (i <= j) {
            while (a[i] < pivot) i++;
            while (a[j] > pivot) j--;
            if (i <= j) { uint32_t t = a[i]; a[i] = a[j]; a[j] = t; i++; j--; }
        }
        if (j + 1 < n - i) { quicksort(a, j + 1); a += i; n -= i; }
        else { quicksort(a + i, n - i); n = j + 1; }
    }
    insertion(a, n);
}

int main(void)
{
    uint32_t x = 2463534242u, sum = 0;
    for (int i = 0; i < N; i++) {
        x ^= x << 13; x ^= x >> 17; x ^= x << 5;
        data[i] = x % 100000u;
        sum += data[i];
    }
    quicksort(data, N);
    int sorted = 1;
    uint32_t after = 0;
    for (int i = 0; i < N; i++) {
        after += data[i];
        if (i > 0 && data[i - 1] > data[i]) sorted = 0;
    }
    print_str("min "); print_u32(data[0]);
    print_str(" median "); print_u32(data[N / 2]);
    print_str(" max "); print_u32(data[N - 1]);
    print_str(sorted && sum == after ? "\nsorted ok\n" : "\nsort WRONG\n");
    return sorted && sum == after ? (int)(data[N / 2] & 0x3f) : 255;
}
