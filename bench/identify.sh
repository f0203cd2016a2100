#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Time `netvet identify` (OUI + PEN + sysDescr patterns) on a synthetic
# evidence file: wall clock, rows per second and peak RSS.
#
# Usage: bench/identify.sh NETVET_BINARY ELEMENTS [DIR]
#   Generates DIR (default /tmp/netvet-ev-ELEMENTS) with
#   `netvet synth --evidence` when it is missing.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 NETVET_BINARY ELEMENTS [DIR]" >&2; exit 2; }
netvet=$1 n=$2 dir=${3:-/tmp/netvet-ev-$2}
[ -f "$dir/elements.csv" ] ||
    "$netvet" synth --elements "$n" --seed 1 --evidence -o "$dir" -q
log=$(mktemp)
trap 'rm -f "$log"' EXIT
/usr/bin/time -f "%e %M" -o "$log" "$netvet" identify "$dir/elements.csv" \
    --format csv -o /dev/null --no-progress
read -r wall rss <"$log"
awk -v n="$n" -v w="$wall" -v r="$rss" 'BEGIN {
    printf "identify %d rows: wall %.2f s, %.2f M rows/s, peak RSS %.0f MB\n",
           n, w, n / w / 1e6, r / 1024 }'
