#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Long offline fuzzing: build the libFuzzer targets (build-fuzz/, clang,
# ASan+UBSan, as scripts/fuzz-smoke.sh) and share HOURS of wall time among
# them, JOBS targets at a time (default: the CPU count), each for an equal
# slice. New inputs that reach new code are merged into fuzz/corpus/<name>
# (minimised with -merge=1) so the next CI smoke run replays them; a crash
# stops that target, keeps its reproducer under fuzz-long/<name>/ and
# makes the script fail after every target has run. Prints each target's
# CPU time, runs and corpus growth at the end.
#
# Usage: scripts/fuzz-long.sh HOURS [JOBS]     e.g. scripts/fuzz-long.sh 8
set -euo pipefail
cd "$(dirname "$0")/.."
usage() { echo "usage: $0 HOURS [JOBS]" >&2; exit 2; }
[ $# -ge 1 ] && [ $# -le 2 ] || usage
hours=$1
jobs=${2:-$(nproc)}
[[ $hours =~ ^[0-9]+([.][0-9]+)?$ ]] || usage
[[ $jobs =~ ^[1-9][0-9]*$ ]] || usage

bash scripts/install-deps.sh
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug \
      -DNETVET_FUZZ=ON -DNETVET_BUILD_TESTS=OFF -DNETVET_SANITIZE=ON \
      -DNETVET_DOCS=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)"

targets=(build-fuzz/fuzz/fuzz_*)
n=${#targets[@]}
# wall seconds per target: HOURS x jobs running at once, shared by n
slice=$(awk -v h="$hours" -v j="$jobs" -v n="$n" \
        'BEGIN { s = int(h * 3600 * j / n); print (s < 60 ? 60 : s) }')
echo "fuzz-long: $n targets, $jobs at a time, ${slice}s each" >&2
mkdir -p fuzz-long

run_one() {
  local bin=$1 name corpus out
  name=$(basename "$bin"); corpus=fuzz/corpus/${name#fuzz_}
  out=fuzz-long/$name; rm -rf "$out"; mkdir -p "$out/new"
  local before; before=$(find "$corpus" -type f | wc -l)
  local start; start=$(date +%s)
  local rc=0
  "$bin" -max_total_time="$slice" -print_final_stats=1 \
         -artifact_prefix="$out/" "$out/new" "$corpus" \
         >"$out/stdout" 2>"$out/log" || rc=$?
  "$bin" -merge=1 "$corpus" "$out/new" >/dev/null 2>&1 || true
  local after; after=$(find "$corpus" -type f | wc -l)
  local runs; runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/log")
  printf '%s\t%s s\t%s runs\tcorpus %s -> %s\t%s\n' "$name" \
         "$(( $(date +%s) - start ))" "${runs:-?}" "$before" "$after" \
         "$([ $rc = 0 ] && echo ok || echo "CRASH (see $out/)")" >"$out/summary"
  return $rc
}

fail=0
pids=()
for bin in "${targets[@]}"; do
  run_one "$bin" &
  pids+=($!)
  if [ ${#pids[@]} -ge "$jobs" ]; then
    wait "${pids[0]}" || fail=1
    pids=("${pids[@]:1}")
  fi
done
for p in "${pids[@]}"; do wait "$p" || fail=1; done

echo "fuzz-long: target, wall, runs, corpus files before -> after, result"
cat fuzz-long/*/summary
exit $fail
