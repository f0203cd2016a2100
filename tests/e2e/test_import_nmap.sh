#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# netvet import nmap on a real scan (../shared/data/nmap/full_sudo6.xml):
# exact CSV written, summary on stderr, the output usable by identify; an
# external-entity document is refused with file:line and exit 2.
set -euo pipefail
netvet=$1
data=${NETVET_SOURCE_DIR}/../shared/data/nmap
if [ ! -d "$data" ]; then
  echo "SKIP: $data is absent (../shared/data is not beside this clone)"
  exit 77
fi
work=$(mktemp -d)
trap "rm -rf $work" EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$netvet" import nmap "$data/full_sudo6.xml" -o "$work/out" 2>"$work/err" \
  || fail "import exit $?"
cat >"$work/want" <<'CSV'
id,name,vendor,function,mac,nmap_mac_vendor,sys_descr,cpe
192.168.1.1,,,other,6C:2E:85:19:AF:00,Sagemcom,Linux 2.6.13 (embedded) [Linux Linux],cpe:/o:linux:linux_kernel:2.6.13
192.168.1.2,,,other,C0:63:94:05:01:03,Apple,,
192.168.1.5,,,other,00:1F:3C:87:66:50,Intel Corporate,Microsoft Windows Server 2008 Beta 3 [Microsoft Windows],cpe:/o:microsoft:windows_server_2008::beta3
192.168.1.3,,,other,,,Apple Mac OS X 10.8 - 10.8.1 (Mountain Lion) (Darwin 12.0.0 - 12.1.0) or iOS 5.0.1 [Apple Mac OS X],cpe:/o:apple:mac_os_x:10.8
CSV
diff -u "$work/want" "$work/out/elements.csv" || fail "elements.csv differs"
[ "$(cat "$work/out/links.csv")" = "a,b,kind" ] || fail "links.csv"
grep -qx 'netvet import: elements: 256 read, 4 written, 0 skipped, 252 ignored' \
  "$work/err" || fail "summary: $(cat "$work/err")"

# the output loads in identify (evidence only)
"$netvet" identify "$work/out/elements.csv" --format csv -o "$work/id.csv" \
  2>/dev/null || fail "identify exit $?"
[ "$(wc -l <"$work/id.csv")" -eq 5 ] || fail "identify rows"

# an external entity is refused, nothing written
set +e
"$netvet" import nmap "$data/defused_et_local_includer.xml" -o "$work/bad" \
  2>"$work/err2"; rc=$?
set -e
[ $rc -eq 2 ] || fail "entity exit $rc, want 2"
grep -q 'defused_et_local_includer.xml:3: XML entity declarations are refused' \
  "$work/err2" || fail "entity message: $(cat "$work/err2")"
[ ! -e "$work/bad/elements.csv" ] || fail "wrote output for a refused file"
echo "ok: nmap import of full_sudo6.xml (4 of 256 hosts up), entity refused"
