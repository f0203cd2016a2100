#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Every report names the inventory it judged: the provenance's SHA-256 and
# size of the elements and links files are those sha256sum and wc -c give,
# for files and for an inventory read from standard input, in JSON, text
# and SARIF. Usage: test_provenance.sh NETVET
set -u
netvet=$1
src=${NETVET_SOURCE_DIR:?}
fail=0
cd "$src" || exit 1
el=tests/data/small/elements.csv
ln=tests/data/small/links.csv
want_el=$(sha256sum "$el" | cut -d' ' -f1)
want_ln=$(sha256sum "$ln" | cut -d' ' -f1)
json=$("$netvet" assess tests/data/small --as-of 2026-01-01 --format json)
got=$(printf '%s' "$json" | python3 -c 'import json,sys; d=json.load(sys.stdin)
print(" ".join("%s:%s:%s" % (f["role"], f["bytes"], f["sha256"]) for f in d["provenance"]["files"]))')
[ "$got" = "elements:$(wc -c <"$el"):$want_el links:$(wc -c <"$ln"):$want_ln" ] \
  || { echo "json provenance: $got"; fail=1; }
"$netvet" assess tests/data/small --as-of 2026-01-01 \
  | grep -qx "  elements $el: $(wc -c <"$el") bytes, sha256 $want_el" \
  || { echo "text provenance line missing"; fail=1; }
"$netvet" assess tests/data/small --as-of 2026-01-01 --format sarif \
  | grep -q "\"sha-256\": \"$want_ln\"" || { echo "sarif: no links hash"; fail=1; }
"$netvet" assess - --as-of 2026-01-01 <"$el" \
  | grep -qx "  elements <stdin>: $(wc -c <"$el") bytes, sha256 $want_el" \
  || { echo "stdin provenance line missing"; fail=1; }
exit $fail
