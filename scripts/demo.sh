#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The first command for a new user: install dependencies, build, and assess
# the bundled example network against the UK NCSC high-risk-vendor pack.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
./build/netvet assess examples/uk-operator
