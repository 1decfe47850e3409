#!/usr/bin/env bash
# Fetches NVIDIA's PTX assembler (ptxas) for the GPU check (tools/StarkGpu.PtxCheck) without a GPU and without
# installing the CUDA toolkit (that pulls in GBs): Debian's nvidia-cuda-toolkit package (CUDA 11.8, the first with
# sm_90 and PTX ISA 7.8, in the non-free component) carries /usr/bin/ptxas, a static binary that needs only libc.
# So: make apt know non-free, `apt-get download` the one .deb (~84 MB) and `dpkg-deb -x` it into a cache folder.
# Idempotent: does nothing when the cached ptxas runs. Prints the path of ptxas as its last line.
# Needs root or sudo only to add the apt source and update the lists; the cache is the caller's own.
#   STARKGPU_PTXAS_DIR   where to unpack (default ~/.cache/starkgpu/cuda-toolkit); ptxas is <dir>/usr/bin/ptxas
set -euo pipefail

dir="${STARKGPU_PTXAS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/starkgpu/cuda-toolkit}"
ptxas="$dir/usr/bin/ptxas"

if [ -x "$ptxas" ] && "$ptxas" --version >/dev/null 2>&1; then
    echo "$ptxas"
    exit 0
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
package=nvidia-cuda-toolkit

# The package's candidate version, empty when apt does not know it (non-free missing or lists not updated).
candidate() { apt-cache policy "$package" 2>/dev/null | awk '/Candidate:/ { print ($2 == "(none)" ? "" : $2) }'; }

# The mirror the machine already uses for its release (first deb822 URIs or one-line `deb` entry naming the
# release's own suite), so the non-free entry goes to the same place.
mirror_of() {
    local codename=$1
    { cat /etc/apt/sources.list /etc/apt/sources.list.d/*.sources /etc/apt/sources.list.d/*.list 2>/dev/null || true; } | awk -v suite="$codename" '
        /^[[:space:]]*URIs:/   { uris = $2 }
        /^[[:space:]]*Suites:/ { for (i = 2; i <= NF; i++) if ($i == suite && uris != "") { print uris; exit } }
        /^[[:space:]]*$/       { uris = "" }
        /^[[:space:]]*deb[[:space:]]/ {
            i = 2; if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
            if ($(i + 1) == suite) { print $i; exit } }'
}

if [ -z "$(candidate)" ]; then
    $sudo apt-get update -qq # the lists may just be missing or old
fi
if [ -z "$(candidate)" ]; then
    # shellcheck disable=SC1091
    codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
    mirror=$(mirror_of "$codename")
    if [ -z "$codename" ] || [ -z "$mirror" ]; then
        echo "error: no apt source for Debian '$codename' to take the mirror from; add its non-free component yourself" >&2
        exit 2
    fi
    echo "adding the non-free component of $codename ($mirror) to apt's sources" >&2
    printf 'Types: deb\nURIs: %s\nSuites: %s\nComponents: non-free\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
        "$mirror" "$codename" | $sudo tee /etc/apt/sources.list.d/starkgpu-non-free.sources >/dev/null
    $sudo apt-get update -qq
    if [ -z "$(candidate)" ]; then
        echo "error: apt knows no $package even with non-free; is this Debian 12 or later on amd64?" >&2
        exit 2
    fi
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod a+rwx "$work" # apt-get download (as root) hands the download to user _apt, which must write here
echo "downloading $package $(candidate) (about 84 MB)" >&2
(cd "$work" && apt-get download -qq "$package")
mkdir -p "$dir"
dpkg-deb -x "$work"/"$package"_*.deb "$work/unpacked"
# Keep only what ptxas needs: the binary itself (the rest of the package is ~300 MB of other tools).
mkdir -p "$dir/usr/bin"
cp "$work/unpacked/usr/bin/ptxas" "$ptxas"
cp "$work/unpacked/usr/share/doc/$package/copyright" "$dir/copyright" 2>/dev/null || true
"$ptxas" --version >&2
echo "$ptxas"
