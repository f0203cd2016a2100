#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Build with ThreadSanitizer (build-tsan/) and run every test under it
# (scripts/check-sanitize.sh thread); then assess a synthetic network big
# enough that every thread netvet starts runs at once (the inputs' hash,
# two loader parts, the shares and rules beside the topology, the graph
# kernels' two jobs). A race ends the run with ThreadSanitizer's exit
# code (66).
set -euo pipefail
cd "$(dirname "$0")/.."
export TSAN_OPTIONS="halt_on_error=1 exitcode=66 ${TSAN_OPTIONS:-}"
bash scripts/check-sanitize.sh thread
net=$(mktemp -d)
trap 'rm -rf "$net"' EXIT
build-tsan/netvet synth -n 200000 -o "$net" -q
rc=0
build-tsan/netvet assess "$net" --as-of 2026-11-23 --format json \
    -o "$net/report.json" --no-progress --timings 2>"$net/stderr" || rc=$?
cat "$net/stderr" >&2
# 0 and 1 are verdicts (pass, findings); anything else is a failure
if [ "$rc" -gt 1 ] || ! grep -q 'elements: 2 parts' "$net/stderr"; then
  echo "check-tsan: assess of a 200k network exited $rc (or did not load in parts)" >&2
  exit 1
fi
echo "check-tsan: 200k assess under ThreadSanitizer: no race"
