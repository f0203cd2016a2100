#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Every report names the inventory it judged: the provenance's SHA-256 and
# size of the elements and links files are those sha256sum and wc -c give,
# for files and for an inventory read from standard input, in JSON, text
# and SARIF; identify's provenance names the attribution data files read
# (ieee-data, enterprises.tsv) with their sizes, hashes and versions.
# Usage: test_provenance.sh NETVET
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

# identify names the inventory and the attribution data it read: with the
# default paths (machine-dependent, so compared with sha256sum, wc -c and
# date here, not with stored output) each file's hash, size and version
ev=tests/data/evidence/small.csv
json=$(env -u NETVET_IEEE_DIR -u NETVET_ENTERPRISES "$netvet" identify "$ev" \
       --format json 2>/dev/null)
got=$(printf '%s' "$json" | python3 -c 'import json,sys; d=json.load(sys.stdin)
print(" ".join("%s:%s:%s:%s:%s" % (f["role"], f["path"], f["bytes"], f["sha256"],
               f.get("version", "-")) for f in d["provenance"]["files"]))')
want="elements:$ev:$(wc -c <"$ev"):$(sha256sum "$ev" | cut -d' ' -f1):-"
ieee=/usr/share/ieee-data
ver=-
[ -r "$ieee/.lastupdate" ] && ver=$(date -u -d "@$(cat "$ieee/.lastupdate")" +%F)
for kf in ieee-oui:oui.csv ieee-mam:mam.csv ieee-oui36:oui36.csv ieee-iab:iab.csv; do
  f=$ieee/${kf#*:}
  [ -r "$f" ] && want+=" ${kf%%:*}:$f:$(wc -c <"$f"):$(sha256sum "$f" | cut -d' ' -f1):$ver"
done
pen=/usr/share/wireshark/enterprises.tsv
if [ -r "$pen" ]; then
  pver=$(sed -n 's/^# (last updated \([0-9-]*\)).*/\1/p' "$pen" | head -1)
  want+=" enterprises:$pen:$(wc -c <"$pen"):$(sha256sum "$pen" | cut -d' ' -f1):${pver:--}"
fi
[ "$got" = "$want" ] || { printf 'identify provenance:\n  got  %s\n  want %s\n' "$got" "$want"; fail=1; }

# --no-input-hash: the inventory's size without its hash
"$netvet" identify "$ev" --no-input-hash --ieee-dir tests/data/attrib-data/ieee \
    --enterprises tests/data/attrib-data/enterprises.tsv 2>/dev/null \
  | grep -qx "  elements $ev: $(wc -c <"$ev") bytes" \
  || { echo "identify --no-input-hash: no size-only line"; fail=1; }

# an inventory without evidence columns reads no attribution data
"$netvet" assess tests/data/small --as-of 2026-01-01 --format json \
  | grep -q '"ieee-\|"enterprises"' && { echo "assess lists unread data files"; fail=1; }
exit $fail
