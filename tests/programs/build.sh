#!/usr/bin/env bash
# Builds the RV32IM guest programs into tests/programs/build/. Idempotent: a program is rebuilt only when one
# of its sources, the runtime, the linker script or this script is newer than its ELF.
# Needs Debian packages: gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf (and qemu-user for the oracle tests).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/build"
cc="${RISCV_CC:-riscv64-unknown-elf-gcc}"
mkdir -p "$out"

cflags=(-march=rv32im -mabi=ilp32 -O2 -g0 -ffreestanding -fno-builtin-printf -fno-pic
        -Wall -Wextra -Werror -I"$here/runtime")
ldflags=(--specs=picolibc.specs -nostartfiles -static -T "$here/runtime/link.ld" -Wl,--build-id=none)
runtime=("$here/runtime/start.S" "$here/runtime/syscalls.c" "$here/runtime/print.c")
# Every source is an input of every program: a program may #include another (sha256_long.c includes sha256.c).
shared_inputs=("${runtime[@]}" "$here/runtime/runtime.h" "$here/runtime/link.ld" "$here/build.sh" "$here"/src/*)

needs_build() {
    local target="$1"; shift
    [[ -f "$target" ]] || return 0
    for f in "$@"; do [[ "$f" -nt "$target" ]] && return 0; done
    return 1
}

built=0
for src in "$here"/src/*.c "$here"/src/*.S; do
    [[ -e "$src" ]] || continue
    name="$(basename "${src%.*}")"
    elf="$out/$name.elf"
    if needs_build "$elf" "$src" "${shared_inputs[@]}"; then
        "$cc" "${cflags[@]}" "${ldflags[@]}" -o "$elf.tmp" "${runtime[@]}" "$src"
        mv -f "$elf.tmp" "$elf"
        built=$((built + 1))
    fi
done
echo "guest programs: $built built, all up to date in $out"
