#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Install the SARIF validator the tests run: Microsoft's SARIF Multitool
# (npm package @microsoft/sarif-multitool, https://github.com/microsoft/sarif-sdk)
# into tools/sarif/node_modules, from the npm registry. Needs nodejs and
# npm (scripts/install-deps.sh). Does nothing when it is already there.
# Prints the path of the sarif-multitool command on success.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=$root/tools/sarif
bin=$dir/node_modules/.bin/sarif-multitool
version=${NETVET_SARIF_MULTITOOL_VERSION:-5.7.0}
if [ ! -x "$bin" ]; then
  command -v npm >/dev/null || { echo "install-sarif-validator: npm not found (scripts/install-deps.sh)" >&2; exit 1; }
  mkdir -p "$dir"
  npm install --silent --no-audit --no-fund --prefix "$dir" \
    "@microsoft/sarif-multitool@$version" >&2
fi
echo "$bin"
