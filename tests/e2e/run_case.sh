#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Run one end-to-end case: tests/e2e/<case>/args holds the netvet arguments
# (one per line, @DATA@ = tests/data, @SRC@ = source tree); expected.stdout
# (when present) and expected.exit hold the exact output and exit status;
# expected.stderr, when present, the exact standard error.
set -u
netvet=$1
dir=$2
mapfile -t raw < "$dir/args"
args=()
for a in "${raw[@]}"; do
  a=${a//@DATA@/$NETVET_TEST_DATA}
  a=${a//@SRC@/$NETVET_SOURCE_DIR}
  args+=("$a")
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
(cd "$NETVET_SOURCE_DIR" && "$netvet" "${args[@]}") >"$out/stdout" 2>"$out/stderr"
rc=$?
fail=0
want_rc=$(cat "$dir/expected.exit")
if [ "$rc" != "$want_rc" ]; then
  echo "exit status $rc, expected $want_rc"; fail=1
fi
if [ -f "$dir/expected.stdout" ] && ! diff -u "$dir/expected.stdout" "$out/stdout"; then fail=1; fi
if [ -f "$dir/expected.stderr" ] && ! diff -u "$dir/expected.stderr" "$out/stderr"; then fail=1; fi
if [ $fail -ne 0 ]; then echo "--- stderr:"; cat "$out/stderr"; fi
exit $fail
