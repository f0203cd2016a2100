#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Rewrite the expected output of every e2e case from a built netvet, for
# when output changes on purpose. Review `git diff tests/e2e` before
# committing: each changed figure must be checked by hand.
# Usage: tests/e2e/regen.sh BUILD/netvet
set -euo pipefail
netvet=$(realpath "$1")
cd "$(dirname "$0")/../.."
for d in tests/e2e/*/; do
  mapfile -t args < "$d/args"
  set +e
  "$netvet" "${args[@]}" >"$d/expected.stdout" 2>"$d/expected.stderr"
  echo $? >"$d/expected.exit"
  set -e
done
