#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The bundled example passes the UK pack; altered copies (vendor names
# edited, assessed with --trust declared) fail with the right rule: Huawei in the core (uk-hrv-core), one ZTE OLT added to the
# access network (uk-hrv-single), ZTE taking over two regions' access
# (uk-hrv-access-cap, measured on the China risk domain).
set -euo pipefail
netvet=$1
src=${NETVET_SOURCE_DIR}/examples/uk-operator
work=$(mktemp -d)
trap "rm -rf $work" EXIT
fail() { echo "FAIL: $*"; exit 1; }

# edit SRC DST PYTHON-EXPR: copy an inventory, changing the vendor of rows
# for which the expression (over row r and running index i) is true.
edit() {
  mkdir -p "$2"; cp "$1/links.csv" "$2/links.csv"
  python3 - "$1/elements.csv" "$2/elements.csv" "$3" "$4" <<'PY'
import csv, sys
src, dst, cond, vendor = sys.argv[1:5]
rows = list(csv.DictReader(open(src, newline='')))
changed = []
for i, r in enumerate(rows):
    if eval(cond, {}, {'r': r, 'i': i}):
        r['vendor'] = vendor
        changed.append(r['id'])
with open(dst, 'w', newline='') as f:
    w = csv.DictWriter(f, fieldnames=rows[0].keys(), lineterminator='\n')
    w.writeheader(); w.writerows(rows)
open(dst + '.changed', 'w').write('\n'.join(changed) + '\n')
PY
}

# finding RULE JSON: prints "subject value n_elements first-element" of the
# first finding of RULE.
finding() {
  python3 - "$1" "$2" <<'PY'
import json, sys
rule, path = sys.argv[1:3]
for f in json.load(open(path))['findings']:
    if f['rule'] == rule:
        print(f['subject'], round(f['value'], 6), f['n_elements'], f['elements'][0]['id'])
        break
PY
}

asof=(--as-of 2026-11-23 --trust declared)

# 1. the example as shipped passes
"$netvet" assess "$src" "${asof[@]}" >"$work/out.txt" || fail "example should pass (exit $?)"
grep -q '^Verdict: PASS (0 errors, 0 warnings, 0 notes)$' "$work/out.txt" || fail "example verdict"

# 2. Huawei in the core: the first core router becomes Huawei
edit "$src" "$work/core" "r['id'] == 'NE000001'" "Huawei Technologies Co., Ltd."
set +e; "$netvet" assess "$work/core" "${asof[@]}" --format json -o "$work/core.json"; rc=$?; set -e
[ $rc -eq 1 ] || fail "huawei-in-core exit $rc, want 1"
got=$(finding uk-hrv-core "$work/core.json")
[ "$got" = "huawei 1.0 1 NE000001" ] || fail "huawei-in-core finding: '$got'"

# 2b. with the evidence read (the default, --trust riskier), the router's
#     MAC and sysDescr say Juniper but the declared name says Huawei: the
#     riskier reading wins, a core violation, and an attribution conflict
#     naming both readings
set +e; "$netvet" assess "$work/core" --as-of 2026-11-23 --format json -o "$work/core-ev.json"; rc=$?; set -e
[ $rc -eq 1 ] || fail "huawei-in-core with evidence: exit $rc, want 1"
got=$(finding uk-hrv-core "$work/core-ev.json")
[ "$got" = "huawei 1.0 1 NE000001" ] || fail "huawei-in-core with evidence: '$got'"
got=$(finding attribution-conflict "$work/core-ev.json")
[ "$got" = "juniper 1.0 1 NE000001" ] || fail "huawei-in-core conflict: '$got'"

# 2c. --trust evidence: the evidence's reading wins, as before issue 15
set +e; "$netvet" assess "$work/core" --as-of 2026-11-23 --trust evidence --format json -o "$work/core-ev2.json"; rc=$?; set -e
[ $rc -eq 0 ] || fail "huawei-in-core --trust evidence: exit $rc, want 0"
got=$(finding attribution-conflict "$work/core-ev2.json")
[ "$got" = "juniper 1.0 1 NE000001" ] || fail "huawei-in-core --trust evidence conflict: '$got'"

# 3. one ZTE OLT added to the access network: a second high-risk vendor
olt=$(python3 -c '
import csv, sys
for r in csv.DictReader(open(sys.argv[1], newline="")):
    if r["function"] == "OLT" and r["vendor"].startswith("Nokia") and r["status"] == "active":
        print(r["id"]); break' "$src/elements.csv")
edit "$src" "$work/zte1" "r['id'] == '$olt'" "ZTE Corporation"
set +e; "$netvet" assess "$work/zte1" "${asof[@]}" --format json -o "$work/zte1.json"; rc=$?; set -e
[ $rc -eq 1 ] || fail "zte-in-access exit $rc, want 1"
got=$(finding uk-hrv-single "$work/zte1.json")
case "$got" in " 2.0 "*) ;; *) fail "zte-in-access uk-hrv-single: '$got'";; esac
python3 - "$work/zte1.json" <<'PY' || fail "zte-in-access: only uk-hrv-single expected"
import json, sys
rules = sorted({f['rule'] for f in json.load(open(sys.argv[1]))['findings']})
sys.exit(0 if rules == ['uk-hrv-single'] else 1)
PY

# 4. ZTE replaces every non-Huawei access and ran element in the
#    regions East of England and South East: China's domain (Huawei + ZTE together) passes the 35% cap
edit "$src" "$work/zte2" "r['region'] in ('East of England', 'South East') and r['function'] in ('access','OLT','CSR','ran','gNB','eNB','BBU','RRU') and not r['vendor'].startswith('Huawei')" "ZTE Corp."
set +e; "$netvet" assess "$work/zte2" "${asof[@]}" --format json -o "$work/zte2.json"; rc=$?; set -e
[ $rc -eq 1 ] || fail "zte-region exit $rc, want 1"
got=$(finding uk-hrv-access-cap "$work/zte2.json")
# the China domain's count share, computed independently of netvet
want=$(python3 - "$work/zte2/elements.csv" <<'PY'
import csv, sys
access = {'access', 'olt', 'csr', 'ran', 'gnb', 'enb', 'bbu', 'rru'}
n = cn = 0
first = None
for r in csv.DictReader(open(sys.argv[1], newline='')):
    if r['function'].lower() not in access or r['status'] == 'decommissioned':
        continue
    if r['installed'] > '2026-11-23' or (r['status'] == 'planned' and not r['installed']):
        continue
    n += 1
    if r['vendor'].lower().startswith(('huawei', 'zte')):
        cn += 1
        first = first or r['id']
print('CN', round(cn / n, 6), cn, first)
PY
)
[ "$got" = "$want" ] || fail "zte-region access cap: got '$got', want '$want'"
echo "ok: example passes; huawei-in-core, zte-in-access, zte-region ($got) fail as expected"
