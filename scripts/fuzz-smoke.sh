#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Build the libFuzzer targets with clang (build-fuzz/) and run each for
# SECONDS (default 30) from its stored corpus. A crash fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
bash scripts/install-deps.sh
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug \
      -DNETVET_FUZZ=ON -DNETVET_BUILD_TESTS=OFF -DNETVET_SANITIZE=ON \
      -DNETVET_DOCS=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)"
for bin in build-fuzz/fuzz/fuzz_*; do
  name=$(basename "$bin"); corpus=fuzz/corpus/${name#fuzz_}
  work=$(mktemp -d)
  echo "fuzz-smoke: $name for ${seconds}s" >&2
  "$bin" -max_total_time="$seconds" -print_final_stats=0 "$work" "$corpus" >/dev/null 2>"$work.log" || {
    tail -50 "$work.log"; exit 1; }
  rm -rf "$work" "$work.log"
done
