#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Compare netvet binaries where the paired benchmark (exposure.sh) times
# them: each 1M `assess` run right after a run of the task peer, whose
# 6 s leave the caches, and on a VM the free memory, as a user's machine
# is after other work. Back-to-back runs of one binary flatter it.
#
# Usage: bench/after_peer.sh DIR ROUNDS NETVET_A [NETVET_B ...]
#   Each round runs the peer before every binary, the binaries' order
#   reversed every other round; prints each binary's median, min and max
#   wall time (ms) and every run.
#   NETVET_PEER_TASK: the peer's program (default ../shared/bench/peer_igraph.py)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
dir=$1 rounds=$2
shift 2
task_peer=${NETVET_PEER_TASK:-$here/../../shared/bench/peer_igraph.py}
py=/usr/bin/python3
asof=2026-11-23
[ -f "$task_peer" ] || { echo "no task peer at $task_peer (set NETVET_PEER_TASK)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$here/peers" && $py to_task_input.py "$dir" "$here/../data/registry.yaml" \
    "$asof" "$work/task-input")
now_ms() { date +%s%3N; }
declare -A runs
for ((r = 0; r < rounds; r++)); do
  order=("$@")
  if ((r % 2)); then
    order=(); for ((i = $#; i >= 1; i--)); do order+=("${!i}"); done
  fi
  for bin in "${order[@]}"; do
    $py "$task_peer" "$work/task-input" >/dev/null 2>&1
    t0=$(now_ms)
    "$bin" assess "$dir" --as-of "$asof" --top 20 --format json \
        -o "$work/nv.json" --no-progress 2>/dev/null || true
    runs[$bin]+="$(($(now_ms) - t0)) "
  done
done
for bin in "$@"; do
  printf '%s\n' ${runs[$bin]} | sort -n | awk -v b="$bin" -v all="${runs[$bin]}" \
    '{ v[NR] = $1 } END { printf "%s: median %d ms, min %d, max %d  [%s]\n", b, v[int((NR + 1) / 2)], v[1], v[NR], all }'
done
