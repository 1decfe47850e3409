/* Syscalls: t0 carries the SP1 id (our executor), a7 the Linux id (qemu-riscv32). SP1-only calls put an
   id in a7 that Linux does not know, so qemu answers -ENOSYS in a0, which every wrapper treats as clobbered. */
#include "runtime.h"

#define SP1_HALT 0x00u
#define SP1_WRITE 0x02u
#define SP1_ENTER_UNCONSTRAINED 0x03u
#define SP1_EXIT_UNCONSTRAINED 0x04u
#define SP1_COMMIT 0x10u
#define SP1_HINT_LEN 0xF0u
#define SP1_HINT_READ 0xF1u
#define LINUX_WRITE 64u
#define LINUX_EXIT 93u
#define LINUX_NONE 0x7FFu

static inline uint32_t ecall3(uint32_t sp1_id, uint32_t linux_id, uint32_t x, uint32_t y, uint32_t z)
{
    register uint32_t t0 __asm__("t0") = sp1_id;
    register uint32_t a7 __asm__("a7") = linux_id;
    register uint32_t a0 __asm__("a0") = x;
    register uint32_t a1 __asm__("a1") = y;
    register uint32_t a2 __asm__("a2") = z;
    __asm__ volatile("ecall" : "+r"(t0), "+r"(a0) : "r"(a7), "r"(a1), "r"(a2) : "memory");
    return t0;
}

void sys_exit(int code)
{
    ecall3(SP1_HALT, LINUX_EXIT, (uint32_t)code, 0, 0);
    for (;;) { }
}

void sys_write(int fd, const void *buf, size_t len)
{
    ecall3(SP1_WRITE, LINUX_WRITE, (uint32_t)fd, (uint32_t)(uintptr_t)buf, (uint32_t)len);
}

void sys_commit(uint32_t index, uint32_t word) { ecall3(SP1_COMMIT, LINUX_NONE, index, word, 0); }

uint32_t sys_hint_len(void) { return ecall3(SP1_HINT_LEN, LINUX_NONE, 0, 0, 0); }

void sys_hint_read(void *buf, size_t len)
{
    ecall3(SP1_HINT_READ, LINUX_NONE, (uint32_t)(uintptr_t)buf, (uint32_t)len, 0);
}

int sys_enter_unconstrained(void) { return (int)ecall3(SP1_ENTER_UNCONSTRAINED, LINUX_NONE, 0, 0, 0); }

void sys_exit_unconstrained(void) { ecall3(SP1_EXIT_UNCONSTRAINED, LINUX_NONE, 0, 0, 0); }
