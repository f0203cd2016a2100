#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Long offline fuzzing: build the libFuzzer targets (build-fuzz/, clang,
# ASan+UBSan, as scripts/fuzz-smoke.sh) and run every target, JOBS at a
# time (default: the CPU count), until each has used its budget:
#   HOURS            share HOURS of wall time equally among the targets;
#   --cpu-minutes M  run each target until it has used M minutes of CPU
#                    (in chunks of at most 5 wall minutes), so a run at low
#                    priority beside other work still reaches the figure.
# New inputs that reach new code are merged into fuzz/corpus/<name>
# (minimised with -merge=1) so the next CI smoke run replays them; a crash
# stops that target, keeps its reproducer under fuzz-long/<name>/ and makes
# the script fail after every target has run. Prints each target's wall
# time, CPU time (user+system of the fuzzer), runs and corpus growth.
#
# Usage: scripts/fuzz-long.sh HOURS [JOBS]
#        scripts/fuzz-long.sh --cpu-minutes M [JOBS]
#        e.g. nice -n 19 scripts/fuzz-long.sh --cpu-minutes 20
#        NETVET_FUZZ_TARGETS="nmap policy" scripts/fuzz-long.sh --cpu-minutes 20
set -euo pipefail
cd "$(dirname "$0")/.."
usage() {
  echo "usage: $0 HOURS [JOBS] | $0 --cpu-minutes M [JOBS]" >&2; exit 2; }
number='^[0-9]+([.][0-9]+)?$'
cpu_budget=0 hours=0
case ${1:-} in
  --cpu-minutes) [ $# -ge 2 ] && [ $# -le 3 ] || usage
                 [[ $2 =~ $number ]] || usage
                 cpu_budget=$(awk -v m="$2" 'BEGIN { print int(m * 60) }')
                 shift 2 ;;
  *) [ $# -ge 1 ] && [ $# -le 2 ] || usage
     [[ $1 =~ $number ]] || usage
     hours=$1; shift ;;
esac
jobs=${1:-$(nproc)}
[[ $jobs =~ ^[1-9][0-9]*$ ]] || usage

bash scripts/install-deps.sh
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug \
      -DNETVET_FUZZ=ON -DNETVET_BUILD_TESTS=OFF -DNETVET_SANITIZE=ON \
      -DNETVET_DOCS=OFF >/dev/null
cmake --build build-fuzz -j"$(nproc)"

# NETVET_FUZZ_TARGETS="nmap policy": only those targets (default: all)
targets=()
for bin in build-fuzz/fuzz/fuzz_*; do
  name=${bin##*/fuzz_}
  if [ -z "${NETVET_FUZZ_TARGETS:-}" ] ||
     [[ " $NETVET_FUZZ_TARGETS " == *" $name "* ]]; then
    targets+=("$bin")
  fi
done
[ ${#targets[@]} -gt 0 ] || { echo "fuzz-long: no target matches" >&2; exit 2; }
n=${#targets[@]}
if [ "$cpu_budget" -gt 0 ]; then
  echo "fuzz-long: $n targets, $jobs at a time, ${cpu_budget} CPU s each" >&2
else
  slice=$(awk -v h="$hours" -v j="$jobs" -v n="$n" \
          'BEGIN { s = int(h * 3600 * j / n); print (s < 60 ? 60 : s) }')
  echo "fuzz-long: $n targets, $jobs at a time, ${slice} wall s each" >&2
fi
mkdir -p fuzz-long

# fuzz_chunk BIN OUT SECONDS: one libFuzzer run; appends its CPU seconds
# (user+system, from /usr/bin/time) to OUT/cpu and its runs to OUT/runs.
fuzz_chunk() {
  local bin=$1 out=$2 seconds=$3 corpus=$4 rc=0
  /usr/bin/time -f '%U %S' -o "$out/time" \
    "$bin" -max_total_time="$seconds" -print_final_stats=1 \
           -artifact_prefix="$out/" "$out/new" "$corpus" \
           >>"$out/stdout" 2>"$out/log" || rc=$?
  awk '{ print $1 + $2 }' "$out/time" >>"$out/cpu"
  sed -n 's/^stat::number_of_executed_units: *//p' "$out/log" >>"$out/runs"
  cat "$out/log" >>"$out/log.all"
  return $rc
}

sum() { awk '{ s += $1 } END { printf "%.0f", s }' "$1"; }

run_one() {
  local bin=$1 name corpus out rc=0
  name=$(basename "$bin"); corpus=fuzz/corpus/${name#fuzz_}
  out=fuzz-long/$name; rm -rf "$out"; mkdir -p "$out/new"
  : >"$out/cpu"; : >"$out/runs"
  local before; before=$(find "$corpus" -type f | wc -l)
  local start; start=$(date +%s)
  if [ "$cpu_budget" -gt 0 ]; then
    while [ "$(sum "$out/cpu")" -lt "$cpu_budget" ]; do
      local left=$(( cpu_budget - $(sum "$out/cpu") ))
      fuzz_chunk "$bin" "$out" $(( left < 300 ? (left < 30 ? 30 : left) : 300 )) \
                 "$corpus" || { rc=$?; break; }
    done
  else
    fuzz_chunk "$bin" "$out" "$slice" "$corpus" || rc=$?
  fi
  "$bin" -merge=1 "$corpus" "$out/new" >/dev/null 2>&1 || true
  local after; after=$(find "$corpus" -type f | wc -l)
  printf '%s\t%s wall s\t%s CPU s\t%s runs\tcorpus %s -> %s\t%s\n' "$name" \
         "$(( $(date +%s) - start ))" "$(sum "$out/cpu")" "$(sum "$out/runs")" \
         "$before" "$after" \
         "$([ $rc = 0 ] && echo ok || echo "CRASH (see $out/)")" >"$out/summary"
  return $rc
}

fail=0 running=0
for bin in "${targets[@]}"; do
  run_one "$bin" &
  running=$(( running + 1 ))
  if [ "$running" -ge "$jobs" ]; then
    wait -n || fail=1
    running=$(( running - 1 ))
  fi
done
while [ "$running" -gt 0 ]; do
  wait -n || fail=1
  running=$(( running - 1 ))
done

echo "fuzz-long: target, wall, CPU, runs, corpus files before -> after, result"
cat fuzz-long/*/summary
exit $fail
