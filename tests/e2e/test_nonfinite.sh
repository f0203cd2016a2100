#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Issue 16, item 6: inf, nan, 1e309 and values above 1e15 are refused in
# every numeric input besides the CSV columns (e2e bad-huge-weights): a
# scenario's weight and capacity, a cost file, check --weight; each with
# exit 2 and file:line. Usage: test_nonfinite.sh NETVET
set -u
netvet=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
fail=0
printf 'id,vendor,function\nc1,Nokia,core\n' >e.csv
expect() { # want-substring command...
  local want=$1; shift
  "$@" >out 2>err
  local rc=$?
  if [ $rc -ne 2 ] || ! grep -qF -- "$want" err; then
    echo "$*: exit $rc, stderr:"; cat err; fail=1
  fi
}
for v in .inf .nan 1e309 1e308 -1; do
  printf 'changes:\n  - add:\n      elements:\n        - {id: n1, vendor: Nokia, function: core, weight: %s}\n' "$v" >w.yaml
  expect "w.yaml:4: 'weight' must be a number from 0 to 1e15" \
    "$netvet" whatif e.csv --scenario w.yaml
  printf 'changes:\n  - add:\n      elements:\n        - {id: n1, vendor: Nokia, function: core}\n      links:\n        - {a: n1, b: c1, capacity: %s}\n' "$v" >c.yaml
  expect "c.yaml:6: 'capacity' must be a number from 0 to 1e15" \
    "$netvet" whatif e.csv --scenario c.yaml
  printf 'core: %s\n' "$v" >cost.yaml
  expect "cost.yaml:1: a cost must be a number above 0 (at most 1e15)" \
    "$netvet" plan e.csv --target uk-hrv-core --cost cost.yaml
done
for v in inf nan 1e309 1e16; do
  expect "--weight '$v' is not a number from 0 to 1e15" \
    "$netvet" check e.csv --vendor Nokia --function core --weight "$v"
done
exit $fail
