#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The manuals made from the option tables: --help of every command (exit 0,
# at most 76 columns), --man pages (.TH first; man renders them with no
# warning when man is installed), and --bash-completion (valid bash that
# completes the commands, options and --format values).
set -uo pipefail
netvet=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cmds="assess identify import synth whatif check plan"

for c in "" $cmds; do
  if [ -n "$c" ]; then "$netvet" "$c" --help >"$work/help" || fail "$c --help: exit $?"
  else "$netvet" --help >"$work/help" || fail "--help: exit $?"; fi
  long=$(awk 'length($0) > 76' "$work/help")
  [ -z "$long" ] || fail "${c:-netvet} --help: lines over 76 columns: $long"
  "$netvet" --man $c >"$work/man.1" || fail "--man $c: exit $?"
  title=$(echo "netvet${c:+-$c}" | tr a-z A-Z)
  first=$(head -n 1 "$work/man.1")
  [ "$first" = ".TH \"$title\" \"1\" \"\" \"netvet $("$netvet" --version | cut -d' ' -f2)\" \"netvet manual\"" ] \
    || fail "--man $c: first line $first"
  for s in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" "SEE ALSO"; do
    grep -qx ".SH $s" "$work/man.1" || fail "--man $c: no section $s"
  done
  bad=$(grep -v '^\.TH \|^\.\\"' "$work/man.1" | sed 's/\\-//g' | grep -- - | head -1)
  [ -z "$bad" ] || fail "--man $c: an unescaped hyphen in: $bad"
  bad=$(grep -n "^'" "$work/man.1" | head -1)
  [ -z "$bad" ] || fail "--man $c: a line starts with a quote: $bad"
  if command -v man >/dev/null && command -v groff >/dev/null; then
    warn=$(MANWIDTH=80 man --warnings -l "$work/man.1" 2>&1 >/dev/null)
    [ -z "$warn" ] || fail "man -l --man $c: $warn"
  fi
done
head -n 1 <("$netvet" --man assess) | grep -q '^\.TH "NETVET-ASSESS" "1"' \
  || fail "--man assess does not start with .TH \"NETVET-ASSESS\" \"1\""
"$netvet" --man frobnicate >/dev/null 2>&1
[ $? = 2 ] || fail "--man of an unknown command: expected exit 2"

"$netvet" --bash-completion >"$work/comp" || fail "--bash-completion: exit $?"
bash -n "$work/comp" || fail "--bash-completion: not valid bash"
for c in $cmds; do grep -qw "$c" "$work/comp" || fail "completion lacks $c"; done
complete_words() { # complete_words WORD... : what bash offers for the last
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1));
           _netvet; printf "%s\n" "${COMPREPLY[@]}"' _ "$work/comp" "$@"
}
[ "$(complete_words netvet as)" = assess ] || fail "completing 'as'"
[ "$(complete_words netvet assess --form)" = --format ] || fail "--form"
[ "$(complete_words netvet whatif --format '' | sort | tr '\n' ' ')" = "csv html json junit markdown sarif text " ] \
  || fail "completing --format values"
[ "$(complete_words netvet identify --format c)" = csv ] || fail "identify csv"
[ "$(complete_words netvet synth --ev)" = --evidence ] || fail "synth --ev"
echo ok
