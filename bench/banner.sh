#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Time `netvet identify` on one element whose sysDescr is a 180 KB banner of
# repeated 'VRP (R) software, Version 1.1 ' (issue 16, item 10: the old
# huawei-vrp lookahead was quadratic, 1.8 s per banner). Expect well under
# 50 ms now: patterns read the first 4 KiB of a banner and the lookahead is
# bounded.
#
# Usage: bench/banner.sh NETVET_BINARY [REPEATS]
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 NETVET_BINARY [REPEATS]" >&2; exit 2; }
netvet=$1 n=${2:-6000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
{
    printf 'id,vendor,function,sys_descr\nx1,,core,"'
    for ((i = 0; i < n; i++)); do printf 'VRP (R) software, Version 1.1 '; done
    printf '"\n'
} >"$dir/elements.csv"
printf 'id,vendor,function,sys_descr\nx1,,core,VRP\n' >"$dir/small.csv"
ms() {
    local start end
    start=$(date +%s%N)
    "$netvet" identify "$1" -o /dev/null --no-progress
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
}
base=$(ms "$dir/small.csv") big=$(ms "$dir/elements.csv")
echo "identify, one $(stat -c %s "$dir/elements.csv")-byte banner: $big ms" \
     "(a one-word banner: $base ms; the difference is the matching)"
