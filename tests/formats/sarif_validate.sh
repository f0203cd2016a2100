#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Validate netvet's SARIF with a real validator: Microsoft's SARIF
# Multitool (`sarif-multitool validate`, npm @microsoft/sarif-multitool,
# installed into tools/sarif by scripts/install-sarif-validator.sh). It
# checks the SARIF 2.1.0 JSON schema and its own rules; any line it
# reports as an error fails the test. First it must find the errors of a
# known-bad file, so a validator that accepts everything cannot pass.
# Without the validator (no npm, no registry) the test is skipped (77).
# Usage: sarif_validate.sh NETVET
set -u
netvet=$1
src=${NETVET_SOURCE_DIR:?}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mt=$src/tools/sarif/node_modules/.bin/sarif-multitool
if [ ! -x "$mt" ]; then
  "$src/scripts/install-sarif-validator.sh" >"$work/install.log" 2>&1 || {
    echo "SKIP: sarif-multitool is not installed and scripts/install-sarif-validator.sh failed:"
    tail -5 "$work/install.log"; exit 77; }
fi
"$mt" --version >"$work/version" 2>&1 || {
  echo "SKIP: $mt cannot run on this machine:"; head -5 "$work/version"; exit 77; }
echo "validator: $(head -1 "$work/version")"

fail=0
validate() { # name file: errors reported by the multitool (stdout lines)
  (cd "$work" && "$mt" validate "$2" -o "$work/$1.log.sarif" \
    >"$work/$1.out" 2>&1)
  grep -E ": error [A-Z]+[0-9]+:" "$work/$1.out"
}

# the validator must reject a SARIF file that breaks the schema
printf '%s\n' '{"version":"2.1.0","runs":[{"tool":{"driver":{}},"results":[{"bogus":1}]}]}' >"$work/bad.sarif"
if ! validate bad "$work/bad.sarif" >/dev/null; then
  echo "FAIL: the validator found no error in a broken file"; cat "$work/bad.out"; exit 1
fi

cd "$src" || exit 1
ex=examples/uk-operator
cases=(
  "assess-small|assess tests/data/small --as-of 2026-01-01"
  "assess-example|assess $ex --as-of 2026-11-23"
  "assess-waived|assess tests/data/small --as-of 2026-01-01 --waivers tests/data/waivers/valid.yaml --max-unknown 10% --policy uk-ncsc-2020"
  "assess-hostile|assess tests/data/hostile --as-of 2026-01-01"
  "assess-control-chars|assess tests/data/bad/control-chars.csv --as-of 2026-01-01"
  "whatif-zte|whatif $ex --scenario $ex/scenarios/add-zte-aggregation.yaml --as-of 2026-11-23"
  "check-not-allowed|check $ex --vendor Huawei --function ran --region London --count 200 --as-of 2026-11-23 --policy uk-ncsc-2020"
  "timeline|timeline examples/uk-operator-2023 --policy uk-dvd-2022 --scenario examples/uk-operator-2023/plan.yaml --to 2024-01-01"
  "plan-tight|plan $ex --policy tests/data/whatif/tight-pack.yaml --target tight-access-cap --target tight-london-access --as-of 2026-11-23"
)
for c in "${cases[@]}"; do
  name=${c%%|*}
  read -r -a args <<<"${c#*|}"
  "$netvet" "${args[@]}" --format sarif -o "$work/$name.sarif" 2>"$work/$name.err"
  rc=$?
  if [ "$rc" -gt 3 ] || [ "$rc" -eq 2 ]; then
    echo "FAIL: $name: netvet exit $rc"; cat "$work/$name.err"; fail=1; continue
  fi
  if validate "$name" "$work/$name.sarif"; then
    echo "FAIL: $name: the SARIF has errors (above)"; fail=1
  else
    echo "ok: $name ($(grep -c '"ruleId"' "$work/$name.sarif") results)"
  fi
done
exit $fail
