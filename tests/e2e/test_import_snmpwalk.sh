#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# netvet import snmpwalk on hand-written walks (tests/data/snmpwalk): exact
# CSV written, the unreachable device skipped and counted, and identify
# attributing both devices from the imported evidence.
set -euo pipefail
netvet=$1
sw=${NETVET_SOURCE_DIR}/tests/data/snmpwalk
work=$(mktemp -d)
trap "rm -rf $work" EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$netvet" import snmpwalk "$sw/agg-huawei-01.txt" "$sw/core-juniper-01.walk" \
  "$sw/olt-unreachable.txt" -o "$work/out" 2>"$work/err" || fail "import exit $?"
cat >"$work/want" <<'CSV'
id,name,vendor,sys_descr,sys_object_id,mac
agg-huawei-01,man-agg1,,"Huawei Versatile Routing Platform Software
VRP (R) software, Version 8.180 (NE8000 V800R012C10SPC300)
Copyright (C) 2012-2020 Huawei Technologies Co., Ltd.
HUAWEI NE8000 M14
",1.3.6.1.4.1.2011.2.224.67,00:e0:fc:12:34:56
core-juniper-01,lon-cr2,,"Juniper Networks, Inc. mx960 internet router, kernel JUNOS 21.4R3-S5, Build date: 2023-08-01 12:00:00 UTC Copyright (c) 1996-2023 Juniper Networks, Inc.",1.3.6.1.4.1.2636.1.1.1.2.21,00:05:85:1a:2b:3c
CSV
diff -u "$work/want" "$work/out/elements.csv" || fail "elements.csv differs"
grep -qx 'netvet import: elements: 3 read, 2 written, 1 skipped' "$work/err" \
  || fail "summary: $(cat "$work/err")"

"$netvet" identify "$work/out/elements.csv" --format csv -o "$work/id.csv" \
  2>/dev/null || fail "identify exit $?"
cut -d, -f1,2 "$work/id.csv" >"$work/id2"
printf 'id,vendor\nagg-huawei-01,huawei\ncore-juniper-01,juniper\n' | \
  diff -u - "$work/id2" || fail "identify vendors"
echo "ok: 2 of 3 walks imported; identify finds huawei and juniper"
