#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Allocation-failure sweep (ctest alloc_sweep, label alloc; only in a build
# with NETVET_FAULT_INJECTION, which the sanitizer build turns on): for each
# command below, a first run counts the allocations it makes
# (NETVET_COUNT_ALLOC=1); then allocation N, and every later one, is made to
# fail (NETVET_FAIL_ALLOC=N) for N = 1..count. Each run must either match the
# normal run exactly (stdout and exit status) or exit 2 with "out of memory"
# on stderr; a crash, a sanitizer report (a leak included: LeakSanitizer is
# on), another exit status or a different output with the normal status fail.
# A command making more than NETVET_SWEEP_RUNS allocations (default 150) is
# sampled: every k-th N, with the offset varying by command, so the runs stay
# under about three minutes on two cores under ASan. NETVET_SWEEP_RUNS=0
# sweeps every N. import and synth write into a fresh directory (@OUT@):
# what they leave there (temporaries included) is compared too, so a
# failed run must leave nothing, a successful one the same files.
# Usage: sweep.sh NETVET SOURCE_DIR
set -u
netvet=$1
cd "$2" || exit 2
runs=${NETVET_SWEEP_RUNS:-150}
d=tests/data
asof=(--as-of 2026-01-01)
cmds=(
  "assess $d/small ${asof[*]}"
  "assess $d/small ${asof[*]} --format json"
  "whatif $d/small --scenario $d/waivers/swap-gnb-2.yaml ${asof[*]}"
  "whatif $d/small --scenario $d/waivers/swap-gnb-2.yaml ${asof[*]} --format json"
  "check $d/small --vendor Huawei --function gNB --site LON ${asof[*]}"
  "check $d/small --vendor Huawei --function gNB --site LON ${asof[*]} --format json"
  "plan $d/small --target uk-hrv-access-cap ${asof[*]}"
  "plan $d/small --target uk-hrv-access-cap ${asof[*]} --format json"
  "timeline $d/small --from 2023-01-01 --to 2026-01-01"
  "timeline $d/small --from 2023-01-01 --to 2026-01-01 --format json"
  "identify $d/evidence/small.csv"
  "identify $d/evidence/small.csv --format csv"
  "identify $d/evidence/small.csv --format json"
  "assess $d/small ${asof[*]} --details"
  "assess $d/small ${asof[*]} --format sarif"
  "assess $d/hostile ${asof[*]} --format csv"
  "assess $d/small ${asof[*]} --format junit"
  "assess $d/small ${asof[*]} --format markdown"
  "whatif $d/small --scenario $d/waivers/swap-gnb-2.yaml ${asof[*]} --format sarif"
  "check $d/small --vendor Huawei --function gNB --site LON ${asof[*]} --format csv"
  "plan $d/small --target uk-hrv-access-cap ${asof[*]} --format junit"
  "timeline $d/small --from 2023-01-01 --to 2026-01-01 --format sarif"
  "timeline $d/small --from 2023-01-01 --to 2026-01-01 --format markdown"
  "import snmpwalk $d/snmpwalk/agg-huawei-01.txt $d/snmpwalk/core-juniper-01.walk -o @OUT@"
  "import netbox $d/netbox/sites.json $d/netbox/devices-1.json $d/netbox/devices-2.json $d/netbox/cables.json -o @OUT@"
  "synth -n 300 -q -o @OUT@"
)
# run ARGS...: the command with @OUT@ replaced by a fresh directory; its
# stdout, then the files it wrote there (import, synth), go to $tmp/$1.
run() {
  local to=$1; shift
  rm -rf "$tmp/dir"
  "$netvet" "${@//@OUT@/$tmp/dir}" >"$tmp/$to" 2>"$tmp/err"
  local rc=$?
  if [ -d "$tmp/dir" ]; then
    for f in "$tmp/dir"/* "$tmp/dir"/.*.csv.*; do
      [ -e "$f" ] && { echo "== ${f##*/}"; cat "$f"; } >>"$tmp/$to"
    done
  fi
  return $rc
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0 total=0 i=0
for c in "${cmds[@]}"; do
  read -r -a args <<<"$c"
  NETVET_COUNT_ALLOC=1 run want "${args[@]}"
  want_rc=$?
  n=$(sed -n 's/^netvet-alloc-count: //p' "$tmp/err")
  if [ -z "$n" ] || [ "$want_rc" = 2 ] || [ "$want_rc" -gt 3 ]; then
    echo "FAIL $c: normal run exit $want_rc, no allocation count"; cat "$tmp/err"
    fail=1; continue
  fi
  step=1
  [ "$runs" -gt 0 ] && [ "$n" -gt "$runs" ] && step=$(( (n + runs - 1) / runs ))
  first=$(( 1 + i % step ))
  i=$((i + 1))
  echo "$c: $n allocations, every ${step}th from $first"
  for ((N = first; N <= n; N += step)); do
    total=$((total + 1))
    NETVET_FAIL_ALLOC=$N run out "${args[@]}"
    rc=$?
    if [ "$rc" = "$want_rc" ] && cmp -s "$tmp/want" "$tmp/out"; then continue; fi
    if [ "$rc" = 2 ] && grep -q "out of memory" "$tmp/err" &&
       ! grep -q '^== \.' "$tmp/out"; then continue; fi # no temporary left
    echo "FAIL NETVET_FAIL_ALLOC=$N $netvet $c: exit $rc (normal $want_rc)"
    head -c 2000 "$tmp/err"
    cmp -s "$tmp/want" "$tmp/out" || diff "$tmp/want" "$tmp/out" | head -5
    fail=1
  done
done
echo "$total runs with an allocation failing"
exit $fail
