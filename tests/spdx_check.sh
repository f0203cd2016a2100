#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Licence headers: every source file (.c .h .sh .py .cmake .in .map .yaml,
# CMakeLists.txt) under the project's source directories, and the top-level
# CMakeLists.txt, netvet.pc.in, Makefile and .ci/run, must carry
# "SPDX-License-Identifier: Apache-2.0" in its first 3 lines. Lists each file
# without one and fails. Not checked: test fixtures under tests/data (their
# line numbers are pinned by expected error messages; its scripts are
# checked), the example network's files under examples/*/ (reports cite
# their line numbers) and fuzz/corpus (fuzzer inputs).
# Usage: spdx_check.sh [SOURCE_DIR]
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"
dirs=(src include tests fuzz bench scripts examples cmake data)
missing=0
while IFS= read -r -d '' f; do
  case $f in
    tests/data/*.py|tests/data/*.sh|examples/api/*) ;;
    tests/data/*|fuzz/corpus/*|examples/*/*) continue ;;
  esac
  if ! head -n 3 "$f" | grep -q 'SPDX-License-Identifier: Apache-2.0'; then
    echo "$f: no SPDX-License-Identifier: Apache-2.0 in its first 3 lines"
    missing=$((missing + 1))
  fi
done < <( { find "${dirs[@]}" -type f \( -name '*.c' -o -name '*.h' -o -name '*.sh' \
              -o -name '*.py' -o -name '*.cmake' -o -name '*.in' -o -name '*.map' -o -name '*.yaml' \
              -o -name CMakeLists.txt \) -print0
            for top in CMakeLists.txt netvet.pc.in Makefile .ci/run; do
              [ -f "$top" ] && printf '%s\0' "$top"; done; } | sort -zu)
if [ "$missing" -gt 0 ]; then
  echo "spdx_check: $missing file(s) without an SPDX licence line" >&2
  exit 1
fi
echo "spdx_check: all files carry SPDX-License-Identifier: Apache-2.0"
