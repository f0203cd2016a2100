#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Install test: `cmake --install BUILD --prefix` a scratch directory, check
# the tree (libraries, SONAME, exported symbols, headers, netvet.pc, LICENSE,
# man pages, bash completion), then build every examples/api/X.c against it
# with `pkg-config --cflags --libs netvet` (shared) and with --static, run
# each from the source directory and compare with X.expected (exact).
# Usage: test_install.sh BUILD_DIR SOURCE_DIR
# Environment: CC (default cc); NETVET_EXAMPLE_CFLAGS (default -Wall -Wextra
# -Werror; the sanitizer build adds its -fsanitize flags); NETVET_DOCS=0
# skips the man page and completion checks (built only with NETVET_DOCS=ON);
# NETVET_COMMANDS (the commands with a man page).
set -euo pipefail
build=$(cd "$1" && pwd); src=$(cd "$2" && pwd)
cc=${CC:-cc}
read -ra cflags <<<"${NETVET_EXAMPLE_CFLAGS:--Wall -Wextra -Werror}"
commands=${NETVET_COMMANDS:-assess identify whatif check plan import synth}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pfx=$tmp/prefix
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$pfx" >"$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log" >&2; fail "cmake --install $build --prefix $pfx"; }

# -- the tree
for f in bin/netvet lib/libnetvet.a lib/libnetvet.so lib/pkgconfig/netvet.pc \
         include/netvet/version.h share/doc/netvet/LICENSE; do
  [ -e "$pfx/$f" ] || fail "not installed: $f"
done
for h in "$src"/include/netvet/*.h; do
  cmp -s "$h" "$pfx/include/netvet/${h##*/}" || fail "header not installed: ${h##*/}"
done
cmp -s "$src/LICENSE" "$pfx/share/doc/netvet/LICENSE" || fail "LICENSE differs"
soname=$(readelf -d "$pfx/lib/libnetvet.so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[[ $soname =~ ^libnetvet\.so\.[0-9]+$ ]] || fail "SONAME '$soname'"
[ -e "$pfx/lib/$soname" ] || fail "no $soname in lib/"
soversion=${soname##*.}
leaked=$(nm -D --defined-only "$pfx/lib/libnetvet.so" | awk '{print $NF}' | grep -v '^netvet_' || true)
[ -z "$leaked" ] || fail "libnetvet.so exports non-API symbols: $(echo $leaked | head -c 300)"

export PKG_CONFIG_PATH=$pfx/lib/pkgconfig
version=$(pkg-config --modversion netvet)
[ "$("$pfx/bin/netvet" --version)" = "netvet $version" ] ||
  fail "bin/netvet --version: $("$pfx/bin/netvet" --version) (netvet.pc says $version)"
grep -q "^#define NETVET_VERSION \"$version\"$" "$pfx/include/netvet/version.h" ||
  fail "version.h does not say $version"

# -- examples/api against the installed prefix
read -ra pc_cflags <<<"$(pkg-config --cflags netvet)"
read -ra pc_libs <<<"$(pkg-config --libs netvet)"
read -ra pc_static <<<"$(pkg-config --static --libs netvet)"
for i in "${!pc_static[@]}"; do   # -lnetvet would pick libnetvet.so
  [ "${pc_static[$i]}" = -lnetvet ] && pc_static[$i]=$pfx/lib/libnetvet.a
done
n=0
for c in "$src"/examples/api/*.c; do
  name=$(basename "$c" .c); base=${c%.c}
  [ -f "$base.expected" ] || fail "examples/api/$name.expected missing"
  sed -e "s/@NETVET_VERSION@/$version/g" -e "s/@NETVET_SOVERSION@/$soversion/g" \
      "$base.expected" >"$tmp/$name.want"
  args=(examples/uk-operator)
  [ -f "$base.args" ] && read -ra args <"$base.args"
  want_rc=0
  [ -f "$base.rc" ] && want_rc=$(cat "$base.rc")
  "$cc" "${cflags[@]}" -o "$tmp/$name.shared" "$c" "${pc_cflags[@]}" "${pc_libs[@]}" ||
    fail "$name.c does not build with pkg-config --cflags --libs netvet"
  "$cc" "${cflags[@]}" -o "$tmp/$name.static" "$c" "${pc_cflags[@]}" "${pc_static[@]}" ||
    fail "$name.c does not build with libnetvet.a and pkg-config --static --libs netvet"
  readelf -d "$tmp/$name.shared" | grep -q "(NEEDED).*\[$soname\]" ||
    fail "$name (shared) does not need $soname"
  ! readelf -d "$tmp/$name.static" | grep -q "(NEEDED).*libnetvet" ||
    fail "$name (static) needs libnetvet.so"
  for kind in shared static; do
    rc=0
    (cd "$src" && LD_LIBRARY_PATH=$pfx/lib "$tmp/$name.$kind" "${args[@]}") \
      >"$tmp/$name.out" 2>"$tmp/$name.err" || rc=$?
    [ "$rc" = "$want_rc" ] ||
      { cat "$tmp/$name.err" >&2; fail "$name ($kind) exit $rc, want $want_rc"; }
    diff -u "$tmp/$name.want" "$tmp/$name.out" ||
      fail "$name ($kind): output differs from examples/api/$name.expected"
  done
  n=$((n + 1))
done
[ "$n" -gt 0 ] || fail "no examples/api/*.c"

# -- verdict.c through the API says what `netvet assess` says: the verdict,
# and each rule's status in the CLI's order
read -ra vargs <"$src/examples/api/verdict.args"
(cd "$src" && "$pfx/bin/netvet" assess "${vargs[0]}" --as-of "${vargs[1]}") \
  >"$tmp/cli.txt" || [ $? = 1 ] || fail "netvet assess ${vargs[*]} failed"
cli_verdict=$(sed -n 's/^Verdict: \([A-Z]*\).*/\1/p' "$tmp/cli.txt")
api_verdict=$(sed -n 's/^Verdict: \([A-Z]*\).*/\1/p' "$tmp/verdict.out")
[ -n "$cli_verdict" ] && [ "$cli_verdict" = "$api_verdict" ] ||
  fail "verdict.c says '$api_verdict', netvet assess says '$cli_verdict'"
sed -n '/^Rules$/,/^$/{s/^  \([a-z-]*\) *\([^ ]*\).*/\1 \2/p}' "$tmp/cli.txt" \
  >"$tmp/cli.rules"
awk 'NR > 1 {print $1, $2}' "$tmp/verdict.out" >"$tmp/api.rules"
[ -s "$tmp/cli.rules" ] && diff -u "$tmp/cli.rules" "$tmp/api.rules" ||
  fail "verdict.c's rule statuses differ from netvet assess's"
echo "install: verdict.c agrees with netvet assess ($cli_verdict, $(wc -l <"$tmp/cli.rules") rule results)"
echo "install: $n example(s) built (shared and static) and ran as expected"

# -- man pages and bash completion (generated by the built netvet)
if [ "${NETVET_DOCS:-1}" = 0 ]; then
  echo "install: NETVET_DOCS is off: man pages and completion not checked"
  exit 0
fi
man1=$pfx/share/man/man1
for page in netvet $(printf 'netvet-%s ' $commands); do
  [ -f "$man1/$page.1" ] || fail "not installed: share/man/man1/$page.1"
  MANWIDTH=80 MAN_DISABLE_SECCOMP=1 man -l "$man1/$page.1" >"$tmp/man.txt" 2>"$tmp/man.err" ||
    fail "man -l $page.1 exit $?: $(cat "$tmp/man.err")"
  grep -q NAME "$tmp/man.txt" || fail "man -l $page.1: no NAME section"
  grep -q "$page" "$tmp/man.txt" || fail "man -l $page.1 does not name $page"
  [ ! -s "$tmp/man.err" ] || fail "man -l $page.1 complains: $(cat "$tmp/man.err")"
done
comp=$pfx/share/bash-completion/completions/netvet
[ -f "$comp" ] || fail "not installed: share/bash-completion/completions/netvet"
spec=$(bash -c 'source "$1" && complete -p netvet' _ "$comp") ||
  fail "the completion script does not source or registers nothing for netvet"
func=$(sed -n 's/.* -F \([^ ]*\) .*/\1/p' <<<"$spec")
if [ -n "$func" ]; then   # `netvet <TAB>` offers every command
  words=$(bash -c '
    lib=/usr/share/bash-completion/bash_completion; [ -f "$lib" ] && source "$lib"
    source "$1"; COMP_WORDS=(netvet ""); COMP_CWORD=1; COMP_LINE="netvet "; COMP_POINT=7
    "$2" netvet "" netvet; printf "%s\n" "${COMPREPLY[@]}"' _ "$comp" "$func") ||
    fail "completion function $func fails"
  for c in $commands; do
    grep -qx -- "$c" <<<"$words" || fail "'netvet <TAB>' does not offer $c (got: $(echo $words))"
  done
fi
echo "install: man pages render, bash completion sources and offers every command"
