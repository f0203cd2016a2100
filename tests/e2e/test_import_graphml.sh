#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# netvet import graphml on the real Topology Zoo Abilene graph
# (../shared/data/topologyzoo/Abilene.graphml): exact CSV written (11 nodes,
# 14 edges, as in the Zoo's index), and the result loads in assess.
set -euo pipefail
netvet=$1
data=${NETVET_SOURCE_DIR}/../shared/data/topologyzoo
if [ ! -d "$data" ]; then
  echo "SKIP: $data is absent (../shared/data is not beside this clone)"
  exit 77
fi
work=$(mktemp -d)
trap "rm -rf $work" EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$netvet" import graphml "$data/Abilene.graphml" -o "$work/out" 2>"$work/err" \
  || fail "import exit $?"
cat >"$work/want_el" <<'CSV'
id,name,vendor,function,lat,lon,region,tags
0,New York,,aggregation,40.71427,-74.00597,United States,
1,Chicago,,aggregation,41.85003,-87.65005,United States,
2,Washington DC,,aggregation,38.89511,-77.03637,United States,
3,Seattle,,aggregation,47.60621,-122.33207,United States,
4,Sunnyvale,,aggregation,37.36883,-122.03635,United States,
5,Los Angeles,,aggregation,34.05223,-118.24368,United States,
6,Denver,,aggregation,39.73915,-104.9847,United States,
7,Kansas City,,aggregation,39.11417,-94.62746,United States,
8,Houston,,aggregation,29.76328,-95.36327,United States,
9,Atlanta,,aggregation,33.749,-84.38798,United States,
10,Indianapolis,,aggregation,39.76838,-86.15804,United States,
CSV
diff -u "$work/want_el" "$work/out/elements.csv" || fail "elements.csv differs"
cat >"$work/want_ln" <<'CSV'
a,b,kind,capacity
0,1,OC-192c,
0,2,OC-192c,
1,10,OC-192c,
2,9,OC-192c,
3,4,OC-192c,
3,6,OC-192c,
4,5,OC-192c,
4,6,OC-192c,
5,8,OC-192c,
6,7,OC-192c,
7,8,OC-192c,
7,10,OC-192c,
8,9,OC-192c,
9,10,OC-192c,
CSV
diff -u "$work/want_ln" "$work/out/links.csv" || fail "links.csv differs"
grep -qx 'netvet import: elements: 11 read, 11 written, 0 skipped' "$work/err" \
  || fail "summary: $(cat "$work/err")"
grep -qx 'netvet import: links: 14 read, 14 written, 0 skipped' "$work/err" \
  || fail "summary: $(cat "$work/err")"

# loads in assess, INCOMPLETE (exit 3): every vendor unknown, the Zoo has none
set +e
"$netvet" assess "$work/out" --format json -o "$work/a.json" 2>"$work/aerr"; rc=$?
set -e
[ $rc -eq 3 ] || fail "assess exit $rc, want 3: $(cat "$work/aerr")"
# several graphs in one run: ids are FILE:ID, so the three graphs (each
# numbering its nodes from 0) load together without one duplicate id
"$netvet" import graphml "$data/Abilene.graphml" "$data/Aarnet.graphml" \
  "$data/Geant2009.graphml" -o "$work/three" 2>"$work/err3" || fail "import 3 exit $?"
grep -qx 'netvet import: elements: 64 read, 64 written, 0 skipped' "$work/err3" \
  || fail "summary 3: $(cat "$work/err3")"
grep -qx 'netvet import: links: 90 read, 90 written, 0 skipped' "$work/err3" \
  || fail "summary 3: $(cat "$work/err3")"
sed -n 2p "$work/three/elements.csv" | grep -q '^Abilene:0,New York,' || fail "prefix"
sed -n 2p "$work/three/links.csv" | grep -q '^Abilene:0,Abilene:1,' || fail "link prefix"
grep -q '^Geant2009:0,' "$work/three/elements.csv" || fail "Geant prefix"
set +e
"$netvet" assess "$work/three" --as-of 2026-11-23 --format json -o "$work/a3.json" 2>"$work/aerr3"; rc=$?
set -e
[ $rc -eq 3 ] || fail "assess 3 exit $rc, want 3: $(cat "$work/aerr3")"
grep -q 'duplicate id' "$work/aerr3" && fail "duplicate ids: $(cat "$work/aerr3")"
python3 - "$work/a3.json" <<'PY' || fail "assess 3 counts"
import json, sys
d = json.load(open(sys.argv[1]))
inv = d["inventory"]
assert inv["elements"]["rows_loaded"] == 64, inv
assert inv["links"]["rows_loaded"] == 90, inv
PY
echo "ok: Abilene imported (11 nodes, 14 edges) and assessed; three graphs in one run (64, 90)"
