#!/usr/bin/env bash
# The checks a lent GPU machine should run, as one script (device time is scarce: prepare, run once).
# The GPU machine has the CUDA driver but no .NET, so build here first and carry the results there:
#   dotnet publish src/StarkGpu.Cli -c Release -r linux-x64 --self-contained -p:PublishTrimmed=true -o out/stark-gpu
#   bash tests/programs/build.sh
# then run `bash tools/gpu-session.sh` on the GPU machine with out/stark-gpu and tests/programs/build carried along.
# Output goes to $OUT (or /tmp/gpu-session): session.log and the trace reports as JSON.
set -u
cd "$(dirname "$0")/.."
out="${OUT:-/tmp/gpu-session}"
mkdir -p "$out"
cli=out/stark-gpu/stark-gpu
guest=tests/programs/build/sha256_long.elf

step() {
    echo "\$ $*"
    timeout 300 "$@"
    echo "exit code $?"
    echo
}

{
    nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv 2>&1 || true
    step "$cli" devices
    step "$cli" selftest --backend cuda
    step "$cli" trace "$guest" --backend cuda --check --json "$out/trace-cuda.json"
    step "$cli" trace "$guest" --backend cuda --json "$out/trace-cuda-again.json"
    step "$cli" trace "$guest" --backend host --json "$out/trace-host.json"
    step "$cli" demo
} 2>&1 | tee "$out/session.log"
