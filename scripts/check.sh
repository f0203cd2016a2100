#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Install dependencies, build with warnings as errors, run every test
# (unit, end-to-end, fuzz-corpus replay) with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
