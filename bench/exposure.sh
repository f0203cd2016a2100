#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Topology exposure benchmark: time `netvet assess` end to end (load, shares,
# exposure of every domain and vendor, dominators, UK pack, JSON) on a
# network directory, run the python-igraph and NetworkX peers on the same
# input, check all three print the same numbers, and report the ratios.
#
# Usage: bench/exposure.sh NETVET_BINARY DIR [PEERS]
#   PEERS: "igraph networkx" (default), "igraph", or "none".
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 NETVET_BINARY DIR [PEERS]" >&2; exit 2; }
netvet=$1 dir=$2 peers=${3:-igraph networkx}
here=$(cd "$(dirname "$0")" && pwd)
py=/usr/bin/python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
asof=2026-11-23
field() { sed -n "s/^[[:space:]]*$1: //p" "$2"; }
secs() { # GNU time's m:ss.ss or h:mm:ss -> seconds
  awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }' <<<"$1"; }

/usr/bin/time -v -o "$work/nv.time" "$netvet" assess "$dir" --as-of "$asof" \
    --format json -o "$work/nv.json" --timings --no-progress 2>"$work/nv.err" || true
grep timings "$work/nv.err" || cat "$work/nv.err"
nv_wall=$(secs "$(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)' "$work/nv.time")")
echo "netvet: wall ${nv_wall} s, peak RSS $(field 'Maximum resident set size (kbytes)' "$work/nv.time") KiB"
$py "$here/peers/netvet_to_peer.py" "$work/nv.json" >"$work/nv.txt"

for peer in $peers; do
  [ "$peer" = none ] && continue
  /usr/bin/time -v -o "$work/$peer.time" $py "$here/peers/${peer}_peer.py" \
      "$dir" "$here/../data/registry.yaml" "$asof" >"$work/$peer.txt" 2>"$work/$peer.err"
  wall=$(secs "$(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)' "$work/$peer.time")")
  rss=$(field 'Maximum resident set size (kbytes)' "$work/$peer.time")
  if diff -q "$work/nv.txt" "$work/$peer.txt" >/dev/null; then same=same; else
    same=DIFFERENT; diff "$work/nv.txt" "$work/$peer.txt" | head -20; fi
  ratio=$(awk -v a="$wall" -v b="$nv_wall" 'BEGIN { printf "%.1f", a / b }')
  echo "$peer peer: wall ${wall} s, peak RSS ${rss} KiB, results ${same}, netvet ${ratio}x faster ($(cat "$work/$peer.err"))"
done
