# Entry point shared by every guest program: set gp and sp, call main, exit with its return value.
# Memory is zero at start in both our executor and qemu, so .bss needs no clearing.
    .section .text.start, "ax"
    .globl _start
_start:
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    la sp, __stack_top
    call main
    call sys_exit
1:  j 1b
