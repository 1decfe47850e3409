#!/usr/bin/env bash
# Installs what a fresh machine lacks to build and test StarkGpu (idempotent: installs only what
# is missing): the RISC-V toolchain and picolibc for the guest programs, qemu-user for the oracle
# tests. Needs root or sudo for apt-get; the .NET 10 SDK itself must already be on PATH.
# The GPU check's ptxas comes from kernels/fetch-ptxas.sh (.ci/run calls it).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v riscv64-unknown-elf-gcc >/dev/null || need+=(gcc-riscv64-unknown-elf)
[ -d /usr/lib/picolibc/riscv64-unknown-elf ] || need+=(picolibc-riscv64-unknown-elf)
command -v qemu-riscv32 >/dev/null || need+=(qemu-user)

if [ ${#need[@]} -gt 0 ]; then
    echo "installing: ${need[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null; then
    echo "error: the .NET 10 SDK (dotnet) is not on PATH; install it first" >&2
    exit 2
fi
