#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Build with a sanitizer and run every test under it: AddressSanitizer +
# UndefinedBehaviorSanitizer in build-asan/ (the default, or "address"), or
# ThreadSanitizer in build-tsan/ ("thread"; scripts/check-tsan.sh runs it
# and more).
set -euo pipefail
cd "$(dirname "$0")/.."
case ${1:-address} in
  address) dir=build-asan option=NETVET_SANITIZE ;;
  thread) dir=build-tsan option=NETVET_TSAN ;;
  *) echo "usage: $0 [address|thread]" >&2; exit 2 ;;
esac
bash scripts/install-deps.sh
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Debug -DNETVET_WERROR=ON \
      -D"$option"=ON >/dev/null
cmake --build "$dir" -j"$(nproc)"
ctest --test-dir "$dir" --output-on-failure -j"$(nproc)"
