#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Time `netvet whatif` against a plain `netvet assess` of the same network
# (text reports to /dev/null, --timings): the what-if loads the inventory
# once and assesses it twice (baseline, then the overlay), so its cost over
# assess is one more analysis plus applying the scenario. Prints each run's
# phases, wall clock, CPU and peak RSS (GNU time); then the whatif/assess
# ratio three ways: best wall clocks, best CPU (user + sys) times, and from
# each whatif run's own phases, (load + baseline + scenario) / (load +
# baseline), which is immune to the load phase varying between runs on a
# shared machine (the baseline is exactly what assess does after loading).
#
# Usage: bench/whatif.sh NETVET_BINARY DIR [RUNS] [SCENARIO]
#   SCENARIO defaults to bench/whatif-1pct.yaml (ZTE on ~1% of elements).
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 NETVET_BINARY DIR [RUNS] [SCENARIO]" >&2; exit 2; }
netvet=$1 dir=$2 runs=${3:-3}
scenario=${4:-$(dirname "$0")/whatif-1pct.yaml}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
field() { sed -n "s/^[[:space:]]*$1: //p" "$log"; }
wall_s() { # h:mm:ss or m:ss.ss -> seconds
  field 'Elapsed (wall clock) time (h:mm:ss or m:ss)' |
    awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }'
}
min() { awk -v a="$1" -v b="${2:-1e9}" 'BEGIN { print (a < b ? a : b) }'; }
best_assess= best_whatif= cpu_assess= cpu_whatif= phases=
for i in $(seq "$runs"); do
  for cmd in assess whatif; do
    extra=()
    [ "$cmd" = whatif ] && extra=(--scenario "$scenario")
    t=$(/usr/bin/time -v -o "$log" "$netvet" "$cmd" "$dir" "${extra[@]}" \
        --as-of 2026-11-23 -o /dev/null --timings --no-progress 2>&1 \
        >/dev/null | grep timings || true)
    echo "$t"
    w=$(wall_s)
    cpu=$(awk -v u="$(field 'User time (seconds)')" -v s="$(field 'System time (seconds)')" 'BEGIN { print u + s }')
    echo "run $i $cmd: wall ${w} s, user $(field 'User time (seconds)') s, sys $(field 'System time (seconds)') s, peak RSS $(field 'Maximum resident set size (kbytes)') KiB"
    if [ "$cmd" = assess ]; then
      best_assess=$(min "$w" "$best_assess"); cpu_assess=$(min "$cpu" "$cpu_assess")
    else
      best_whatif=$(min "$w" "$best_whatif"); cpu_whatif=$(min "$cpu" "$cpu_whatif")
      phases="$phases $(echo "$t" | sed -n 's/.*load \([0-9.]*\) s, baseline \([0-9.]*\) s, scenarios \([0-9.]*\) s.*/\1 \2 \3/p' |
        awk '{ printf "%.2f", ($1 + $2 + $3) / ($1 + $2) }')"
    fi
  done
done
"$netvet" whatif "$dir" --scenario "$scenario" --as-of 2026-11-23 \
    --no-progress --no-topology 2>/dev/null |
    sed -n 's/^  elements changed/elements changed/p' || true
awk -v a="$best_assess" -v w="$best_whatif" -v ca="$cpu_assess" -v cw="$cpu_whatif" \
    'BEGIN { printf "best wall: assess %.2f s, whatif %.2f s, ratio %.2f\n", a, w, w / a
             printf "best CPU:  assess %.2f s, whatif %.2f s, ratio %.2f\n", ca, cw, cw / ca }'
echo "ratio from each whatif run's phases:$phases"
