#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Time `netvet assess` (load + resolution + shares + UK pack + JSON report)
# on a network directory with GNU time: phase times from --timings, wall
# clock and peak RSS. Generate the network first with bench/load_10m.sh.
#
# Usage: bench/assess.sh NETVET_BINARY DIR [RUNS]
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 NETVET_BINARY DIR [RUNS]" >&2; exit 2; }
netvet=$1 dir=$2 runs=${3:-3}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
field() { sed -n "s/^[[:space:]]*$1: //p" "$log"; }
for i in $(seq "$runs"); do
  /usr/bin/time -v -o "$log" "$netvet" assess "$dir" --as-of 2026-11-23 \
      --format json -o /dev/null --timings --no-progress 2>&1 >/dev/null |
      grep timings || true
  echo "run $i: wall $(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)'), user $(field 'User time (seconds)') s, sys $(field 'System time (seconds)') s, peak RSS $(field 'Maximum resident set size (kbytes)') KiB"
done
