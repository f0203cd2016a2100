#!/usr/bin/env bash
# netvet import graphml on the real Topology Zoo Abilene graph
# (../shared/data/topologyzoo/Abilene.graphml): exact CSV written (11 nodes,
# 14 edges, as in the Zoo's index), and the result loads in assess.
set -euo pipefail
netvet=$1
data=${NETVET_SOURCE_DIR}/../shared/data/topologyzoo
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

# loads in assess (every vendor unknown: the Zoo has none)
set +e
"$netvet" assess "$work/out" --format json -o "$work/a.json" 2>"$work/aerr"; rc=$?
set -e
[ $rc -le 1 ] || fail "assess exit $rc: $(cat "$work/aerr")"
echo "ok: Abilene imported (11 nodes, 14 edges) and assessed"
