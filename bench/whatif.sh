#!/usr/bin/env bash
# Time `netvet whatif` against a plain `netvet assess` of the same network
# (text reports to /dev/null, --timings): the what-if loads the inventory
# once and assesses it twice (baseline, then the overlay), so its cost over
# assess is one more analysis plus applying the scenario. Prints each run's
# phases, wall clock and peak RSS (GNU time), and the whatif/assess ratio of
# the best wall clocks.
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
best_assess= best_whatif=
for i in $(seq "$runs"); do
  for cmd in assess whatif; do
    extra=()
    [ "$cmd" = whatif ] && extra=(--scenario "$scenario")
    /usr/bin/time -v -o "$log" "$netvet" "$cmd" "$dir" "${extra[@]}" \
        --as-of 2026-11-23 -o /dev/null --timings --no-progress 2>&1 \
        >/dev/null | grep timings || true
    w=$(wall_s)
    echo "run $i $cmd: wall ${w} s, user $(field 'User time (seconds)') s, sys $(field 'System time (seconds)') s, peak RSS $(field 'Maximum resident set size (kbytes)') KiB"
    if [ "$cmd" = assess ]; then
      best_assess=$(awk -v a="$w" -v b="${best_assess:-1e9}" 'BEGIN { print (a < b ? a : b) }')
    else
      best_whatif=$(awk -v a="$w" -v b="${best_whatif:-1e9}" 'BEGIN { print (a < b ? a : b) }')
    fi
  done
done
"$netvet" whatif "$dir" --scenario "$scenario" --as-of 2026-11-23 \
    --no-progress --no-topology 2>/dev/null |
    sed -n 's/^  elements changed/elements changed/p' || true
awk -v a="$best_assess" -v w="$best_whatif" \
    'BEGIN { printf "best wall: assess %.2f s, whatif %.2f s, ratio %.2f\n", a, w, w / a }'
