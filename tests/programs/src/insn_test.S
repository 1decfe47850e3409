# Walks every RV32IM instruction through its edge cases: division by zero, signed overflow, shifts by >= 32,
# writes to x0, sign extension of loads, taken and untaken branches, jalr's cleared low bit.
# main returns 0 when all pass, otherwise the number of the first failing test (as the exit code).

.macro TEST_RR n, op, v1, v2, exp
    li s11, \n
    li t1, \v1
    li t2, \v2
    \op t3, t1, t2
    li t4, \exp
    bne t3, t4, fail
.endm

.macro TEST_RI n, op, v1, imm, exp
    li s11, \n
    li t1, \v1
    \op t3, t1, \imm
    li t4, \exp
    bne t3, t4, fail
.endm

.macro TEST_EQ n, reg, exp
    li s11, \n
    li t4, \exp
    bne \reg, t4, fail
.endm

.macro TEST_BR n, op, v1, v2, taken
    li s11, \n
    li t1, \v1
    li t2, \v2
    li t3, 0
    \op t1, t2, 1f
    li t3, 1
1:  li t4, 1 - \taken
    bne t3, t4, fail
.endm

    .text
    .globl main
main:
    mv s10, ra

    # add / sub / logic
    TEST_RR 1, add, 0x7fffffff, 1, 0x80000000
    TEST_RR 2, add, -1, 1, 0
    TEST_RR 3, sub, 0, 1, 0xffffffff
    TEST_RR 4, sub, 0x80000000, 1, 0x7fffffff
    TEST_RR 5, xor, 0xff00ff00, 0x0ff00ff0, 0xf0f0f0f0
    TEST_RR 6, or, 0xff00ff00, 0x0ff00ff0, 0xfff0fff0
    TEST_RR 7, and, 0xff00ff00, 0x0ff00ff0, 0x0f000f00
    # shifts: only the low 5 bits of the amount count
    TEST_RR 10, sll, 1, 31, 0x80000000
    TEST_RR 11, sll, 1, 32, 1
    TEST_RR 12, sll, 1, 33, 2
    TEST_RR 13, srl, 0x80000000, 31, 1
    TEST_RR 14, srl, 0x80000000, 36, 0x08000000
    TEST_RR 15, sra, 0x80000000, 4, 0xf8000000
    TEST_RR 16, sra, 0x80000000, 63, 0xffffffff
    TEST_RR 17, sra, 0x40000000, 0xffffffe1, 0x20000000
    # comparisons
    TEST_RR 20, slt, -1, 1, 1
    TEST_RR 21, slt, 1, -1, 0
    TEST_RR 22, slt, 0x80000000, 0x7fffffff, 1
    TEST_RR 23, sltu, -1, 1, 0
    TEST_RR 24, sltu, 1, -1, 1
    TEST_RR 25, sltu, 5, 5, 0
    # multiplication
    TEST_RR 30, mul, 0x80000000, -1, 0x80000000
    TEST_RR 31, mul, 123456789, 987654321, 0xfbff5385
    TEST_RR 32, mulh, -1, -1, 0
    TEST_RR 33, mulh, 0x80000000, 0x80000000, 0x40000000
    TEST_RR 34, mulh, 0x80000000, 0x7fffffff, 0xc0000000
    TEST_RR 35, mulhu, 0xffffffff, 0xffffffff, 0xfffffffe
    TEST_RR 36, mulhsu, -1, 0xffffffff, 0xffffffff
    TEST_RR 37, mulhsu, 0x80000000, 2, 0xffffffff
    TEST_RR 38, mulhsu, 0x7fffffff, 0xffffffff, 0x7ffffffe
    # division: by zero and signed overflow never trap
    TEST_RR 40, div, 7, -2, -3
    TEST_RR 41, div, -7, 2, -3
    TEST_RR 42, div, 7, 0, 0xffffffff
    TEST_RR 43, div, 0x80000000, -1, 0x80000000
    TEST_RR 44, divu, 7, 0, 0xffffffff
    TEST_RR 45, divu, 0xffffffff, 2, 0x7fffffff
    TEST_RR 46, rem, 7, -2, 1
    TEST_RR 47, rem, -7, 2, -1
    TEST_RR 48, rem, 7, 0, 7
    TEST_RR 49, rem, 0x80000000, -1, 0
    TEST_RR 50, remu, 7, 0, 7
    TEST_RR 51, remu, 0xffffffff, 10, 5
    TEST_RR 52, div, 0, 0, 0xffffffff
    # immediates (12-bit, sign-extended)
    TEST_RI 60, addi, 0, -2048, 0xfffff800
    TEST_RI 61, addi, 1, 2047, 2048
    TEST_RI 62, slti, -5, -4, 1
    TEST_RI 63, sltiu, 5, -1, 1
    TEST_RI 64, sltiu, 0xffffffff, 1, 0
    TEST_RI 65, xori, 0x12345678, -1, 0xedcba987
    TEST_RI 66, ori, 0x12340000, 0x7ff, 0x123407ff
    TEST_RI 67, andi, 0x12345678, -16, 0x12345670
    TEST_RI 68, slli, 3, 31, 0x80000000
    TEST_RI 69, srli, 0x80000001, 31, 1
    TEST_RI 70, srai, 0x80000001, 31, 0xffffffff
    TEST_RI 71, srai, 0x7fffffff, 0, 0x7fffffff
    # lui / auipc
    li s11, 80
    lui t3, 0xfffff
    li t4, 0xfffff000
    bne t3, t4, fail
    li s11, 81
    auipc t1, 0
    auipc t2, 0
    sub t3, t2, t1
    li t4, 4
    bne t3, t4, fail
    li s11, 82
    auipc t1, 1
    auipc t2, 0
    sub t3, t1, t2
    li t4, 4092
    bne t3, t4, fail
    # x0 stays zero whatever writes it
    li t1, 5
    add x0, t1, t1
    addi x0, x0, 1
    lui x0, 0x12345
    la t2, data
    lw x0, 0(t2)
    jal x0, 1f
1:  mv t3, x0
    TEST_EQ 90, t3, 0
    # loads: sign and zero extension at every offset
    la t2, data
    lw t3, 0(t2)
    TEST_EQ 100, t3, 0x808182f3
    lb t3, 0(t2)
    TEST_EQ 101, t3, 0xfffffff3
    lb t3, 1(t2)
    TEST_EQ 102, t3, 0xffffff82
    lb t3, 2(t2)
    TEST_EQ 103, t3, 0xffffff81
    lb t3, 3(t2)
    TEST_EQ 104, t3, 0xffffff80
    lbu t3, 3(t2)
    TEST_EQ 105, t3, 0x80
    lh t3, 0(t2)
    TEST_EQ 106, t3, 0xffff82f3
    lh t3, 2(t2)
    TEST_EQ 107, t3, 0xffff8081
    lhu t3, 2(t2)
    TEST_EQ 108, t3, 0x8081
    lb t3, 4(t2)
    TEST_EQ 109, t3, 0x7f
    lh t3, 4(t2)
    TEST_EQ 110, t3, 0x017f
    lw t3, -4(t2)
    TEST_EQ 111, t3, 0xcafef00d
    # stores: byte, half, word into a scratch word
    la t2, scratch
    li t1, 0x11223344
    sw t1, 0(t2)
    li t1, 0xaabbccdd
    sb t1, 1(t2)
    lw t3, 0(t2)
    TEST_EQ 120, t3, 0x1122dd44
    sh t1, 2(t2)
    lw t3, 0(t2)
    TEST_EQ 121, t3, 0xccdddd44
    sb t1, 0(t2)
    lw t3, 0(t2)
    TEST_EQ 122, t3, 0xccdddddd
    sh t1, 0(t2)
    lhu t3, 0(t2)
    TEST_EQ 123, t3, 0xccdd
    # branches, taken and not
    TEST_BR 130, beq, 3, 3, 1
    TEST_BR 131, beq, 3, 4, 0
    TEST_BR 132, bne, 3, 4, 1
    TEST_BR 133, bne, 3, 3, 0
    TEST_BR 134, blt, -1, 1, 1
    TEST_BR 135, blt, 1, -1, 0
    TEST_BR 136, bge, 1, -1, 1
    TEST_BR 137, bge, -1, -1, 1
    TEST_BR 138, bge, -2, -1, 0
    TEST_BR 139, bltu, 1, -1, 1
    TEST_BR 140, bltu, -1, 1, 0
    TEST_BR 141, bgeu, -1, 1, 1
    TEST_BR 142, bgeu, 1, -1, 0
    # a backward branch loop
    li s11, 143
    li t1, 10
    li t3, 0
2:  addi t3, t3, 3
    addi t1, t1, -1
    bnez t1, 2b
    li t4, 30
    bne t3, t4, fail
    # jal / jalr link and target (jalr clears bit 0)
    li s11, 150
    jal t1, 3f
4:  j fail
3:  la t2, 4b
    bne t1, t2, fail
    li s11, 151
    la t2, 5f
    addi t2, t2, 1
    jalr t1, 0(t2)
6:  j fail
5:  la t2, 6b
    bne t1, t2, fail
    li s11, 152
    la t2, 7f
    jalr t1, -4(t2)
    j fail
    j 8f
7:  j fail
8:  fence
    # all passed
    la a0, passed
    call print_str
    li a0, 0
    mv ra, s10
    ret
fail:
    la a0, failed
    call print_str
    mv a0, s11
    call print_u32
    mv a0, s11
    mv ra, s10
    ret

    .section .rodata
passed: .asciz "insn test ok\n"
failed: .asciz "insn test FAILED at "

    .data
    .balign 4
    .word 0xcafef00d
data:
    .word 0x808182f3
    .word 0x0000017f
scratch:
    .word 0
