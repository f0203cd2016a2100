#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Generate a 10,000,000-element synthetic network with `netvet synth` and
# time the generator with GNU time (wall clock, CPU, peak RSS). The output is
# the input for the 10M load benchmarks; see bench/README.md.
#
# Usage: bench/load_10m.sh NETVET_BINARY [DIR]
#   DIR defaults to /tmp/netvet-10m (about 1.7 GB is written there).
#   NETVET_BENCH_ELEMENTS (default 10000000) and NETVET_BENCH_SEED
#   (default 1) change the size and seed, e.g. for a 1M run.
set -euo pipefail

usage() { echo "usage: $0 NETVET_BINARY [DIR]" >&2; exit 2; }
[ $# -ge 1 ] && [ $# -le 2 ] || usage
netvet=$1
dir=${2:-/tmp/netvet-10m}
elements=${NETVET_BENCH_ELEMENTS:-10000000}
seed=${NETVET_BENCH_SEED:-1}

[ -x "$netvet" ] || { echo "$0: $netvet is not an executable" >&2; exit 2; }
if [ ! -x /usr/bin/time ]; then
    echo "$0: needs GNU time (/usr/bin/time): apt-get install -y time" >&2
    exit 2
fi

mkdir -p "$dir"
log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "netvet synth --elements $elements --seed $seed -o $dir"
/usr/bin/time -v -o "$log" \
    "$netvet" synth --elements "$elements" --seed "$seed" -o "$dir"

field() { sed -n "s/^[[:space:]]*$1: //p" "$log"; }
echo "wall clock:    $(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)')"
echo "user CPU s:    $(field 'User time (seconds)')"
echo "system CPU s:  $(field 'System time (seconds)')"
echo "peak RSS KiB:  $(field 'Maximum resident set size (kbytes)')"
echo "output:"
ls -l "$dir/elements.csv" "$dir/links.csv"
