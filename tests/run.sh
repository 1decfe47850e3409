#!/usr/bin/env bash
# The test command: installs missing prerequisites, builds the guest programs, runs every NUnit
# project, and ends with one line `N passed, N failed, N skipped`.
set -uo pipefail
cd "$(dirname "$0")/.."

bash tests/prerequisites.sh || exit 2
bash tests/programs/build.sh || { echo "error: building the guest programs failed" >&2; exit 1; }

log=$(mktemp)
dotnet test StarkGpu.sln -c Release --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Sum the per-project summaries ("Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ...").
read -r passed failed skipped < <(grep -E '(Passed|Failed)! +- ' "$log" | awk -F'[:,]' '
    { for (i = 1; i < NF; i++) {
          if ($i ~ /Failed$/) f += $(i + 1);
          if ($i ~ / Passed$/) p += $(i + 1);
          if ($i ~ /Skipped$/) s += $(i + 1); } }
    END { printf "%d %d %d\n", p, f, s }')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    failed=1 # the build or a test host failed before any test could report
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
