#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# --format html of every command that reports a verdict (assess, whatif,
# check, plan, timeline), on the bundled examples: each page is well-formed
# (xmllint as XML, and as HTML with only HTML5/SVG tag names unknown to
# libxml2's HTML 4 parser), has exactly one script, whose SHA-256 is the
# one the Content-Security-Policy allows, asks for nothing (no src, href,
# action, srcset, poster, url( or @import; no http(s):// in any attribute
# or in the style sheet), and says what the JSON report says: the verdict,
# one rules-table row per rule measurement, one map circle per site with
# coordinates in elements.csv.
set -euo pipefail
netvet=$1
src=${NETVET_SOURCE_DIR}
command -v xmllint >/dev/null || {
  echo "SKIP: xmllint (Debian libxml2-utils, scripts/install-deps.sh) is not installed"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$src"

# run NAME WANT_RC ARGS...: write $work/NAME.html with --format html
run() {
  local name=$1 want=$2; shift 2
  local rc=0
  "$netvet" "$@" --format html -o "$work/$name.html" 2>"$work/$name.err" || rc=$?
  [ "$rc" = "$want" ] || { cat "$work/$name.err"; fail "$name: exit $rc, expected $want"; }
  [ -s "$work/$name.html" ] || fail "$name: empty report"
}

# check NAME: the page is well-formed, self-contained, its script allowed
check() {
  local f=$work/$1.html
  xmllint --noout "$f" || fail "$1: not well-formed XML"
  xmllint --html --noout "$f" 2>"$work/$1.lint" || true
  if grep 'error' "$work/$1.lint" |
       grep -Ev 'Tag (section|footer|svg|g|rect|line|circle|text|title) invalid' >&2; then
    fail "$1: xmllint --html reports errors"
  fi
  local fetch
  fetch=$(xmllint --xpath 'count(//@src|//@href|//@action|//@formaction|//@srcset|//@poster|//@background|//@data|//@*[local-name()="href"])' "$f")
  [ "$fetch" = 0 ] || fail "$1: $fetch attributes that could fetch something"
  if xmllint --xpath '//@*' "$f" 2>/dev/null | grep -Eq 'https?://'; then
    fail "$1: an attribute names an http(s) URL"
  fi
  if xmllint --xpath 'string(//style)' "$f" | grep -Eq 'url\(|@import|https?://'; then
    fail "$1: the style sheet could fetch something"
  fi
  python3 - "$f" "$1" <<'PY'
import base64, hashlib, re, sys
page = open(sys.argv[1], encoding='utf-8').read()
name = sys.argv[2]
scripts = re.findall(r'<script>(.*?)</script>', page, re.S)
assert page.count('<script') == 1 and len(scripts) == 1, f'{name}: {page.count("<script")} scripts'
csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"/>', page)
assert csp, f'{name}: no CSP meta'
want = "'sha256-" + base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode() + "'"
policy = csp.group(1)
assert policy == ("default-src 'none'; style-src 'unsafe-inline'; script-src "
                  + want + "; img-src data:; base-uri 'none'; form-action 'none'"), \
    f'{name}: CSP {policy!r}, script hash {want}'
assert page.index('Content-Security-Policy') < page.index('<title>'), f'{name}: CSP after content'
PY
}

run assess 0 assess examples/uk-operator --as-of 2026-11-23
check assess
"$netvet" assess examples/uk-operator --as-of 2026-11-23 --format json -o "$work/assess.json"
python3 - "$work/assess.html" "$work/assess.json" examples/uk-operator/elements.csv <<'PY'
import csv, json, re, sys
page = open(sys.argv[1], encoding='utf-8').read()
doc = json.load(open(sys.argv[2]))
verdict = re.search(r'<section class="verdict v-(\w+)" data-verdict="(\w+)">', page)
assert verdict and verdict.group(2) == doc['verdict'].upper(), (verdict and verdict.groups(), doc['verdict'])
body = re.search(r'<table id="rules".*?<tbody>(.*?)</tbody>', page, re.S).group(1)
rows = re.findall(r'<tr data-rule="([^"]*)">', body)
assert rows == [r['rule'] for r in doc['results']], (rows, [r['rule'] for r in doc['results']])
sites = {r['site'] for r in csv.DictReader(open(sys.argv[3], newline='')) if r['site'] and r['lat'] and r['lon']}
svg = re.search(r'<svg class="map".*?</svg>', page, re.S).group(0)
assert svg.count('<circle') == len(sites), (svg.count('<circle'), len(sites))
assert f'{len(sites)} sites with coordinates' in page
for sec in ('rules-h', 'findings-h', 'shares-h', 'exposure-h', 'map-h', 'inputs-h', 'id="spof"', 'id="rule-sources"'):
    assert sec in page, sec
print(f'assess: {doc["verdict"]}, {len(rows)} rule rows, {len(sites)} sites')
PY

scen=examples/uk-operator/scenarios
run whatif 1 whatif examples/uk-operator --scenario $scen/add-zte-aggregation.yaml \
  --scenario $scen/add-ericsson-aggregation.yaml --as-of 2026-11-23
check whatif
grep -q 'After: <span class="word">FAIL</span>' "$work/whatif.html" || fail "whatif: no FAIL after a scenario"
[ "$(grep -c '<h2 id="case-' "$work/whatif.html")" = 2 ] || fail "whatif: expected 2 scenarios"
[ "$(grep -c '<h3>Exposure per risk domain, before and after</h3>' "$work/whatif.html")" = 2 ] \
  || fail "whatif: exposure before and after"

run check-no 1 check examples/uk-operator --vendor Huawei --function ran --region London \
  --count 200 --as-of 2026-11-23 --policy uk-ncsc-2020
check check-no
grep -q 'data-verdict="NOT ALLOWED"' "$work/check-no.html" || fail "check: not NOT ALLOWED"
run check-yes 0 check examples/uk-operator --vendor Huawei --function gNB --region London \
  --count 100 --as-of 2026-11-23 --policy uk-ncsc-2020
check check-yes
grep -q 'data-verdict="ALLOWED"' "$work/check-yes.html" || fail "check: not ALLOWED"
run check-later 1 check examples/uk-operator --vendor Huawei --function gNB --count 3 \
  --as-of 2026-11-23
check check-later
grep -q '<li>also refused from 2027-12-31: uk-dvd-5g-out (in force from that date)</li>' \
  "$work/check-later.html" || fail "check: no later refusal"

run plan 0 plan examples/uk-operator --policy tests/data/whatif/tight-pack.yaml \
  --target tight-access-cap --target tight-london-access --as-of 2026-11-23
check plan
grep -q 'Targets after the plan: <span class="word">PASS</span>' "$work/plan.html" || fail "plan: targets not PASS"

run timeline 0 timeline examples/uk-operator-2023 --policy uk-dvd-2022 \
  --scenario examples/uk-operator-2023/plan.yaml --from 2022-10-13
check timeline
"$netvet" timeline examples/uk-operator-2023 --policy uk-dvd-2022 \
  --scenario examples/uk-operator-2023/plan.yaml --from 2022-10-13 --format json -o "$work/tl.json"
python3 - "$work/timeline.html" "$work/tl.json" <<'PY'
import json, re, sys
page = open(sys.argv[1], encoding='utf-8').read()
doc = json.load(open(sys.argv[2]))
points = doc['points']
body = re.search(r'<table id="timeline".*?<tbody>(.*?)</tbody>', page, re.S).group(1)
dates = re.findall(r'<tr><td class="nowrap">(\d{4}-\d\d-\d\d)</td><td class="[^"]*">(\w+)</td>', body)
assert dates == [(p['date'], p['verdict'].upper()) for p in points], dates
PY

# past 2000 sites the map draws one circle per 8 px square: fewer circles,
# the same elements (a synthetic network of 2587 sites, all with lat/lon)
"$netvet" synth --elements 40000 --seed 3 -o "$work/s40k" >/dev/null
run s40k 0 assess "$work/s40k"
check s40k
"$netvet" assess "$work/s40k" --format json -o "$work/s40k.json"
python3 - "$work/s40k.html" "$work/s40k.json" "$work/s40k/elements.csv" <<'PY'
import csv, json, re, sys
page = open(sys.argv[1], encoding='utf-8').read()
doc = json.load(open(sys.argv[2]))
rows = list(csv.DictReader(open(sys.argv[3], newline='')))
sites = {r['site'] for r in rows if r['site'] and r['lat'] and r['lon']}
assert len(sites) > 2000 and all(r['lat'] and r['site'] for r in rows)
assert f'{len(sites)} sites with coordinates' in page
assert 'one circle per 8 px square' in page
svg = re.search(r'<svg class="map".*?</svg>', page, re.S).group(0)
cells = re.findall(r'\((?:first: [^)]*)\): (\d+) elements, \d+ in findings</title></circle>', svg)
assert 0 < len(cells) == svg.count('<circle') < len(sites), (len(cells), len(sites))
total = sum(int(c) for c in cells)
assert total == doc['inventory']['elements_counted'], (total, doc['inventory']['elements_counted'])
print(f'map: {len(sites)} sites in {len(cells)} cells, {total} elements')
PY

# identify has no HTML report: refused before anything is read
if "$netvet" identify examples/uk-operator --format html >/dev/null 2>"$work/id.err"; then
  fail "identify accepted --format html"
fi
grep -q "unknown --format 'html'" "$work/id.err" || { cat "$work/id.err"; fail "identify: message"; }
echo "ok: html reports of assess, whatif, check, plan and timeline"
