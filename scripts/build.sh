#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Configure and build netvet into build/ (Release, warnings as errors).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DNETVET_WERROR=ON >/dev/null
cmake --build build -j"$(nproc)"
