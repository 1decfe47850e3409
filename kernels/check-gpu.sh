#!/usr/bin/env bash
# check-gpu.sh - compiles every kernel for the GPU (sm_90) with clang in CUDA mode, so that
# CUDA-only errors (which g++ under the emulation header cannot see) are caught on machines
# without a GPU or the CUDA toolkit. See DESIGN.md section 1.
#   usage: kernels/check-gpu.sh [file.cu ...]     (default: every kernels/**/*.cu)
#   env:   CLANG=/path/to/clang (default: clang-19; clang-15 does not know sm_90)
#          GPU_ARCH=sm_90
set -uo pipefail

kernels_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
clang="${CLANG:-clang-19}"
arch="${GPU_ARCH:-sm_90}"

if ! command -v "$clang" >/dev/null 2>&1; then
    echo "check-gpu: '$clang' not found; install clang-19 (Debian: apt-get install clang-19) or set CLANG=" >&2
    exit 2
fi

if [ "$#" -gt 0 ]; then
    files=("$@")
else
    # Build output (make's default OUT=build) may hold generated sources; only hand-written kernels count.
    mapfile -t files < <(find "$kernels_dir" -name '*.cu' -not -path '*/build/*' -not -path '*/obj/*' | sort)
fi

if [ "${#files[@]}" -eq 0 ]; then
    echo "check-gpu: no .cu files found under $kernels_dir" >&2
    exit 2
fi

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

failed=()
for file in "${files[@]}"; do
    name="${file#"$kernels_dir"/}"
    log="$scratch/log"
    if "$clang" -x cuda --cuda-gpu-arch="$arch" --cuda-device-only -nocudainc -nocudalib -S \
        -I "$kernels_dir/include" -include "$kernels_dir/gpu/clang_prelude.h" \
        -o "$scratch/out.s" "$file" >"$log" 2>&1; then
        entries=$(grep -c '^\.visible \.entry' "$scratch/out.s" || true)
        echo "ok    $name ($entries entry points)"
    else
        echo "FAIL  $name"
        sed 's/^/      /' "$log"
        failed+=("$name")
    fi
done

echo "check-gpu: $((${#files[@]} - ${#failed[@]})) of ${#files[@]} kernel files compile for $arch with $clang"
if [ "${#failed[@]}" -ne 0 ]; then
    echo "check-gpu: failed: ${failed[*]}" >&2
    exit 1
fi
