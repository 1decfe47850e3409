/* SP1-only syscalls (not runnable under qemu): reads hints with HINT_LEN/HINT_READ, COMMITs their sum, writes
   public values, and computes a value in an unconstrained block that it hands back to itself as a hint. */
#include "runtime.h"

/* Hint buffers are never touched before HINT_READ: SP1 requires hints to land in fresh memory. */
static uint32_t first_hint[16];
static uint32_t second_hint[64];
static uint32_t from_block[4];

int main(void)
{
    uint32_t len1 = sys_hint_len();
    sys_hint_read(first_hint, len1);
    uint32_t len2 = sys_hint_len();
    sys_hint_read(second_hint, len2);
    uint32_t sum = 0;
    for (uint32_t i = 0; i < len1 / 4; i++) sum += first_hint[i];
    for (uint32_t i = 0; i < len2 / 4; i++) sum += second_hint[i];

    if (sys_enter_unconstrained()) {
        /* Anything computed here leaves no trace but the hint; this store is undone at the block's exit. */
        second_hint[0] = 0xdeadbeefu;
        uint32_t product[2] = {sum * 3u, sum ^ 0x5a5a5a5au};
        sys_write(FD_HINT, product, sizeof product);
        sys_exit_unconstrained();
    }
    uint32_t product_len = sys_hint_len();
    sys_hint_read(from_block, product_len);

    int ok = from_block[0] == sum * 3u && from_block[1] == (sum ^ 0x5a5a5a5au) && second_hint[0] != 0xdeadbeefu;
    sys_commit(0, sum);
    sys_commit(1, from_block[0]);
    sys_commit(7, 0x12345678u);
    sys_write(FD_PUBLIC_VALUES, &sum, sizeof sum);
    print_str("hint sum ");
    print_u32(sum);
    print_str(ok ? " ok\n" : " WRONG\n");
    return ok ? 0 : 1;
}
