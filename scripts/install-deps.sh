#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Install every Debian package netvet needs to build, test, fuzz,
# benchmark and test its installation (g++ for the C++ header test,
# man-db/groff-base to render the man pages, bash-completion). Run as
# root (or with sudo available). nodejs/npm run the SARIF validator
# (scripts/install-sarif-validator.sh); python3-jsonschema checks the JSON
# reports against schemas/. Skips apt when all packages are already
# installed.
set -euo pipefail
PACKAGES=(
  build-essential cmake pkg-config g++
  libyaml-dev libjansson-dev libcmocka-dev libpcre2-dev libxml2-dev libicu-dev
  libssl-dev
  ieee-data libwireshark-data
  clang libclang-rt-14-dev
  time python3
  libigraph-dev
  python3-igraph python3-networkx python3-yaml python3-numpy
  man-db groff-base bash-completion
  chromium libxml2-utils fonts-dejavu-core
  nodejs npm python3-jsonschema
)
missing=()
for p in "${PACKAGES[@]}"; do
  # a Node.js that is not Debian's (e.g. NodeSource's, which bundles npm
  # and conflicts with Debian's npm package) already provides them
  case $p in
    nodejs) command -v node >/dev/null && continue ;;
    npm) command -v npm >/dev/null && continue ;;
  esac
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then SUDO=sudo; else
    echo "install-deps: run as root to install: ${missing[*]}" >&2; exit 1; fi
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# man-db would rebuild its index on every install: not needed for man -l.
echo "man-db man-db/auto-update boolean false" | $SUDO debconf-set-selections
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
