/* Tiny guest runtime: SP1-style syscalls that also run under qemu-riscv32 (Linux ids in a7). */
#ifndef GUEST_RUNTIME_H
#define GUEST_RUNTIME_H

#include <stdint.h>
#include <stddef.h>

#define FD_STDOUT 1
#define FD_STDERR 2
#define FD_PUBLIC_VALUES 3
#define FD_HINT 4

__attribute__((noreturn)) void sys_exit(int code);
void sys_write(int fd, const void *buf, size_t len);
void sys_commit(uint32_t index, uint32_t word);
uint32_t sys_hint_len(void);
void sys_hint_read(void *buf, size_t len);
int sys_enter_unconstrained(void);
void sys_exit_unconstrained(void);

void print_str(const char *s);
void print_u32(uint32_t v);
void print_hex32(uint32_t v);
void print_hex_bytes(const uint8_t *p, size_t n);
void print_char(char c);

void *memcpy(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);

#endif
