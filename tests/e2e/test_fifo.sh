#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Issue 16, item 10: an elements.csv (or links.csv) that is a FIFO is
# refused at once with "not a regular file" (exit 2), given as a path or
# inside a directory, instead of blocking forever on open(); standard input
# ('-') still reads a stream. Usage: test_fifo.sh NETVET
set -u
netvet=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
mkfifo "$tmp/elements.csv"
mkdir "$tmp/net" && mkfifo "$tmp/net/elements.csv"
mkdir "$tmp/net2"
printf 'id,vendor,function\nc1,Nokia,core\n' >"$tmp/net2/elements.csv"
mkfifo "$tmp/net2/links.csv"
for target in "$tmp/elements.csv" "$tmp/net" "$tmp/net2"; do
  timeout 10 "$netvet" assess "$target" --as-of 2026-01-01 \
    >"$tmp/out" 2>"$tmp/err"
  rc=$?
  if [ $rc -ne 2 ] || ! grep -q 'not a regular file' "$tmp/err"; then
    echo "$target: exit $rc (124 = blocked), stderr:"; cat "$tmp/err"
    fail=1
  fi
done
printf 'id,vendor,function\nc1,Nokia,core\n' |
  timeout 10 "$netvet" assess - --as-of 2026-01-01 >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -ne 0 ]; then echo "stdin: exit $rc"; cat "$tmp/err"; fail=1; fi
exit $fail
