#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Issue 16, item 12: two inventories that differ only in row order
# (tests/data/order/a and b: the same elements and links, rows reversed,
# with a finding listing two elements,
# with tied single points of failure and tied vendor shares) give the same
# report in every format, once the line numbers (which must differ) are
# removed, and the files' SHA-256 (text with --details, json, sarif: its
# partialFingerprints
# hash no line, csv). Usage: test_row_order.sh NETVET
set -u
netvet=$1
src=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
for side in a b; do
  mkdir -p "$tmp/$side/net"
  cp "$src/tests/data/order/$side/"*.csv "$tmp/$side/net/"
done
for fmt in text json sarif csv; do
  for side in a b; do
    (cd "$tmp/$side" && "$netvet" assess net --as-of 2026-01-01 \
      --format "$fmt" --details >"out.$fmt" 2>&1)
    sed -E 's/line [0-9]+/line N/g; s/"(line|startLine)": [0-9]+/"\1": N/g; s/,[0-9]+,"/,N,"/; s/[0-9a-f]{64}/H/g' \
      "$tmp/$side/out.$fmt" >"$tmp/$side/norm.$fmt"
  done
  if ! cmp -s "$tmp/a/norm.$fmt" "$tmp/b/norm.$fmt"; then
    echo "$fmt report depends on row order:"
    diff -u "$tmp/a/norm.$fmt" "$tmp/b/norm.$fmt"
    fail=1
  fi
done
# The tied single points of failure are listed by id: acc-a before acc-b.
grep -A3 "^Single points" "$tmp/b/out.text" | tail -2 | grep -q "^  acc-a " || { echo "ties not by id"; fail=1; }
exit $fail
