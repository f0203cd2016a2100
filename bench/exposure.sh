#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Topology exposure benchmark: time `netvet assess` end to end (load, shares,
# exposure of every domain and vendor, dominators, UK pack, JSON) on a
# network directory, run peers on the same input, check they print the same
# numbers, and report the ratios. The first netvet run reads the inputs
# from disk (their page cache is dropped) and is not paired.
#
# Usage: bench/exposure.sh NETVET_BINARY DIR [PEERS]
#   PEERS: any of "igraph" and "networkx" (bench/peers/, each run once) and
#   "task" (the strongest python-igraph program of the task we know, at
#   $NETVET_PEER_TASK, default ../shared/bench/peer_igraph.py beside the
#   checkout: run in NETVET_BENCH_PAIRS (default 3) pairs, netvet then the
#   peer, each pair's ratio printed); "none"; default "igraph networkx task"
#   (task skipped with a message when its program is absent).
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 NETVET_BINARY DIR [PEERS]" >&2; exit 2; }
netvet=$1 dir=$2 peers=${3:-igraph networkx task}
here=$(cd "$(dirname "$0")" && pwd)
task_peer=${NETVET_PEER_TASK:-$here/../../shared/bench/peer_igraph.py}
pairs=${NETVET_BENCH_PAIRS:-3}
py=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
asof=2026-11-23
field() { sed -n "s/^[[:space:]]*$1: //p" "$2"; }
secs() { # GNU time's m:ss.ss or h:mm:ss -> seconds
  awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }' <<<"$1"; }
wall_of() { secs "$(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)' "$1")"; }
rss_of() { field 'Maximum resident set size (kbytes)' "$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / b }'; }

# run_netvet TAG: one timed `netvet assess` (its default JSON report, the
# 20 largest single points of failure) into $work/TAG.json
run_netvet() {
  /usr/bin/time -v -o "$work/$1.time" "$netvet" assess "$dir" --as-of "$asof" \
      --top 20 --format json -o "$work/$1.json" --timings --no-progress \
      2>"$work/$1.err" || true
}

# The inputs' page cache is dropped first (GNU dd's nocache flag drops a
# file's clean pages), so netvet's first run reads them from disk as a
# user's first run does and every run after finds them cached the same
# way, whatever read them before: a build that mapped them with
# MADV_SEQUENTIAL left them in 4 KiB folios, and mapping those cost each
# later 1M run 20-30 ms of system time (bench/README.md).
for f in "$dir/elements.csv" "$dir/links.csv"; do
  [ -f "$f" ] && dd if="$f" iflag=nocache count=0 status=none || true
done
run_netvet nv
grep timings "$work/nv.err" || cat "$work/nv.err"
nv_wall=$(wall_of "$work/nv.time")
echo "netvet: wall ${nv_wall} s, peak RSS $(rss_of "$work/nv.time") KiB, report $(stat -c %s "$work/nv.json") bytes"
$py "$here/peers/netvet_to_peer.py" "$work/nv.json" >"$work/nv.txt"

for peer in $peers; do
  case $peer in none|task) continue ;; esac
  /usr/bin/time -v -o "$work/$peer.time" $py "$here/peers/${peer}_peer.py" \
      "$dir" "$here/../data/registry.yaml" "$asof" >"$work/$peer.txt" 2>"$work/$peer.err"
  wall=$(wall_of "$work/$peer.time")
  if diff -q "$work/nv.txt" "$work/$peer.txt" >/dev/null; then same=same; else
    same=DIFFERENT; diff "$work/nv.txt" "$work/$peer.txt" | head -20; fi
  echo "$peer peer: wall ${wall} s, peak RSS $(rss_of "$work/$peer.time") KiB, results ${same}, netvet $(ratio "$wall" "$nv_wall")x faster ($(cat "$work/$peer.err"))"
done

case " $peers " in *" task "*) ;; *) exit 0 ;; esac
if [ ! -f "$task_peer" ]; then
  echo "task peer: skipped, no program at $task_peer (set NETVET_PEER_TASK)"
  exit 0
fi
# The task peer reads five columns of the elements netvet counts, each
# named by its resolved vendor (converted once, not timed).
(cd "$here/peers" && $py to_task_input.py "$dir" "$here/../data/registry.yaml" \
    "$asof" "$work/task-input")
ratios=()
for ((i = 1; i <= pairs; i++)); do
  run_netvet "pair$i"
  /usr/bin/time -v -o "$work/task$i.time" $py "$task_peer" "$work/task-input" \
      >"$work/task$i.json" 2>"$work/task$i.err"
  same=$($py "$here/peers/task_compare.py" "$work/pair$i.json" "$work/task$i.json" || true)
  a=$(wall_of "$work/pair$i.time") b=$(wall_of "$work/task$i.time")
  r=$(ratio "$b" "$a")
  ratios+=("$r")
  echo "pair $i: netvet ${a} s (peak RSS $(rss_of "$work/pair$i.time") KiB), task peer ${b} s (peak RSS $(rss_of "$work/task$i.time") KiB), results ${same}, netvet ${r}x faster"
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{ r[NR] = $1 } END {
  printf "task peer: %d pairs, ratio min %s, median %s, max %s\n", NR, r[1], r[int((NR + 1) / 2)], r[NR] }'
