#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Build with AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/) and
# run every test under them.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DNETVET_WERROR=ON \
      -DNETVET_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$(nproc)"
ctest --test-dir build-asan --output-on-failure -j"$(nproc)"
