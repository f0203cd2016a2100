#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# '-' as standard input and output: -o - is stdout; an INVENTORY of '-'
# reads an elements CSV from stdin (the same report as from the file, the
# path reading <stdin>); --policy -, --waivers - and --scenario - read
# stdin (a waiver's file:line then reads <stdin>:LINE); stdin is
# read once; -o - is refused where a directory is written.
set -uo pipefail
netvet=$1
data=${NETVET_TEST_DATA}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
el=$data/small/elements.csv
args=(--as-of 2026-01-01)

"$netvet" assess "$data/small" "${args[@]}" >"$work/plain"; want=$?
"$netvet" assess "$data/small" "${args[@]}" -o - >"$work/dash"; rc=$?
[ "$rc" = "$want" ] || fail "-o -: exit $rc, expected $want"
cmp -s "$work/plain" "$work/dash" || fail "-o - differs from stdout"

"$netvet" assess "$el" "${args[@]}" --format json >"$work/file"; want=$?
"$netvet" assess - "${args[@]}" --format json <"$el" >"$work/stdin"; rc=$?
[ "$rc" = "$want" ] || fail "INVENTORY -: exit $rc, expected $want"
sed "s|$el|<stdin>|g" "$work/file" >"$work/file.sub"
cmp -s "$work/file.sub" "$work/stdin" || {
  diff "$work/file.sub" "$work/stdin" | head; fail "INVENTORY - differs"; }

"$netvet" assess "$el" "${args[@]}" --policy uk-ncsc-2020 >"$work/a"
# a user pack may not take a built-in pack's id; renamed, it reads the same
pk=$NETVET_SOURCE_DIR/data/policies/uk-ncsc-2020.yaml
if [ -f "$pk" ]; then
  "$netvet" assess "$el" "${args[@]}" --policy - <"$pk" >/dev/null 2>"$work/err"
  rc=$?
  [ "$rc" -eq 2 ] && grep -q "<stdin>:[0-9]*: pack id 'uk-ncsc-2020' is the id of a built-in pack" "$work/err" \
    || fail "--policy - with a built-in id: exit $rc: $(cat "$work/err")"
  sed 's/^pack: uk-ncsc-2020$/pack: my-ncsc/' "$pk" \
    | "$netvet" assess "$el" "${args[@]}" --policy - 2>"$work/err" \
    >"$work/b0"
  rc=${PIPESTATUS[1]}
  # the report names the pack read from stdin with the SHA-256 of its bytes
  sum=$(sed 's/^pack: uk-ncsc-2020$/pack: my-ncsc/' "$pk" | sha256sum | cut -d' ' -f1)
  grep -qx "inputs: pack <stdin> sha256 $sum" "$work/b0" \
    || fail "inputs line: $(grep '^inputs:' "$work/b0")"
  # without that line (and the blank line before it) it reads as the
  # built-in pack's report
  sed -E '/^inputs: /d; /^  pack +<stdin>: sha256 /d; s/\bmy-ncsc\b/uk-ncsc-2020/g' "$work/b0" | cat -s >"$work/b"
  [ "$rc" -le 1 ] || { cat "$work/err"; fail "--policy -: exit $rc"; }
  cat -s "$work/a" | cmp -s - "$work/b" || { diff "$work/a" "$work/b" | head; fail "--policy - differs from the built-in"; }
fi

wv=$data/waivers/valid.yaml
"$netvet" assess "$data/small" "${args[@]}" --max-unknown 10% --policy uk-ncsc-2020 --waivers "$wv" >"$work/v1"; want=$?
"$netvet" assess "$data/small" "${args[@]}" --max-unknown 10% --policy uk-ncsc-2020 --waivers - <"$wv" >"$work/v2"; rc=$?
[ "$want" = 0 ] || fail "--waivers FILE: exit $want, expected 0"
[ "$rc" = "$want" ] || fail "--waivers -: exit $rc, expected $want"
sed "s|$wv|<stdin>|g" "$work/v1" | cmp -s - "$work/v2" || fail "--waivers - differs"
grep -q "; <stdin>:4)$" "$work/v2" || fail "--waivers -: no <stdin>:4"

ex=$NETVET_SOURCE_DIR/examples/uk-operator
sc=$ex/scenarios/add-ericsson-aggregation.yaml
"$netvet" whatif "$ex" --scenario "$sc" "${args[@]}" >"$work/w1"; want=$?
"$netvet" whatif "$ex" --scenario - "${args[@]}" <"$sc" >"$work/w2"; rc=$?
[ "$rc" = "$want" ] || fail "--scenario -: exit $rc, expected $want"
sed "s|$sc|<stdin>|g" "$work/w1" | cmp -s - "$work/w2" || fail "--scenario - differs"

"$netvet" identify - --format csv <"$el" >"$work/id-stdin" 2>/dev/null \
  || fail "identify -: exit $?"
"$netvet" identify "$el" --format csv >"$work/id-file" 2>/dev/null
cmp -s "$work/id-file" "$work/id-stdin" || fail "identify - differs"

"$netvet" assess - --policy - "${args[@]}" <"$el" >/dev/null 2>"$work/err"
[ $? = 2 ] || fail "stdin twice: expected exit 2"
grep -q "standard input is read once" "$work/err" || fail "stdin twice: $(cat "$work/err")"

"$netvet" synth -n 100 -o - 2>"$work/err"
[ $? = 2 ] || fail "synth -o -: expected exit 2"
grep -q "not to standard output" "$work/err" || fail "synth -o -: $(cat "$work/err")"
echo ok
