#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Time `netvet plan` reaching the UK access cap (uk-hrv-access-cap, 35% of
# access + ran by count and by weight) on a synthetic network where Huawei
# holds more than that: generates DIR with `netvet synth --hrv-share SHARE`
# if it is missing, then runs the plan (text to /dev/null, --timings) under
# GNU time, and prints the plan's size and the re-assessment's verdict.
#
# Usage: bench/plan.sh NETVET_BINARY N [DIR] [SHARE] [RUNS]
#   defaults: DIR /tmp/netvet-N-hrvSHARE, SHARE 0.45, RUNS 1
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 NETVET_BINARY N [DIR] [SHARE] [RUNS]" >&2; exit 2; }
netvet=$1 n=$2 share=${4:-0.45} runs=${5:-1}
dir=${3:-/tmp/netvet-$n-hrv$share}
[ -f "$dir/elements.csv" ] ||
  "$netvet" synth --elements "$n" --seed 1 --hrv-share "$share" -o "$dir" >/dev/null
log=$(mktemp) out=$(mktemp)
trap 'rm -f "$log" "$out"' EXIT
field() { sed -n "s/^[[:space:]]*$1: //p" "$log"; }
for i in $(seq "$runs"); do
  /usr/bin/time -v -o "$log" "$netvet" plan "$dir" --target uk-hrv-access-cap \
      --as-of 2026-11-23 --timings --no-progress -o "$out" 2>&1 | grep timings || true
  echo "run $i: wall $(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)'), user $(field 'User time (seconds)') s, peak RSS $(field 'Maximum resident set size (kbytes)') KiB"
done
grep -E '^  uk-hrv-access-cap|^Plan:|^Re-assessment|CN (count|weight)-share' "$out" | head -8
