#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# -o FILE is all or nothing (src/cli/outfile.c): a run that fails while
# writing leaves the previous FILE byte for byte and no temporary; a write
# failure names the file and the reason in every command; SIGTERM during
# the write removes the temporary; -o to a device writes it directly.
# import -o DIR and synth -o DIR never follow a symlink planted at a
# temporary's name.
set -uo pipefail
netvet=$1
data=${NETVET_TEST_DATA}
src=${NETVET_SOURCE_DIR}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
cd "$src" || fail "no source dir"
ex=examples/uk-operator
at=(--as-of 2026-11-23)
no_tmp() { ! compgen -G "$work/.$1.*" >/dev/null || fail "$2: temporary left"; }

# a complete run replaces the file; mode follows the umask like a new file
echo OLD >"$work/r.txt"
"$netvet" assess "$ex" "${at[@]}" >"$work/want"
"$netvet" assess "$ex" "${at[@]}" -o "$work/r.txt"
cmp -s "$work/want" "$work/r.txt" || fail "-o FILE differs from stdout"
no_tmp r.txt "success"
[ "$(umask 022; "$netvet" assess "$ex" "${at[@]}" -o "$work/m.txt";
     stat -c %a "$work/m.txt")" = 644 ] || fail "mode is not 0666 & ~umask"

# a write failure mid-way (file size limit: EFBIG) keeps the old file
for fmt in text json; do
  printf 'OLD REPORT\n' >"$work/r.$fmt"
  (trap '' XFSZ; ulimit -f 2
   "$netvet" assess "$ex" "${at[@]}" --format "$fmt" -o "$work/r.$fmt") \
    2>"$work/err"
  rc=$?
  [ "$rc" = 2 ] || fail "$fmt EFBIG: exit $rc"
  grep -qxF "netvet assess: cannot write $work/r.$fmt: File too large" \
    "$work/err" || { cat "$work/err"; fail "$fmt EFBIG message"; }
  [ "$(cat "$work/r.$fmt")" = "OLD REPORT" ] || fail "$fmt: old file lost"
  no_tmp "r.$fmt" "$fmt EFBIG"
done

# a run that fails before writing keeps the old file too
"$netvet" assess "$work/no-such-inventory" -o "$work/r.text" 2>/dev/null
[ "$(cat "$work/r.text")" = "OLD REPORT" ] || fail "failed load: file lost"

# every command names the file and the reason (a device: written directly)
cmds=(
  "assess $ex ${at[*]}"
  "whatif $ex --scenario $ex/scenarios/add-ericsson-aggregation.yaml ${at[*]}"
  "check $ex --vendor Huawei --function gNB --region London --count 100 ${at[*]} --policy uk-ncsc-2020"
  "plan $ex --policy tests/data/whatif/tight-pack.yaml --target tight-access-cap --target tight-london-access ${at[*]}"
  "timeline examples/uk-operator-2023 --policy uk-dvd-2022 --scenario examples/uk-operator-2023/plan.yaml --from 2022-10-13"
  "identify $data/small/elements.csv")
for c in "${cmds[@]}"; do
  read -ra argv <<<"$c"
  for fmt in "" json; do
    f=(); [ -n "$fmt" ] && [ "${argv[0]}" != identify ] && f=(--format json)
    "$netvet" "${argv[@]}" "${f[@]}" -o /dev/full 2>"$work/err"
    rc=$?
    [ "$rc" = 2 ] || fail "${argv[0]} $fmt -o /dev/full: exit $rc"
    want="netvet ${argv[0]}: cannot write /dev/full: No space left on device"
    grep -qxF "$want" "$work/err" || { cat "$work/err"; fail "${argv[0]} $fmt: message"; }
  done
  "$netvet" "${argv[@]}" >/dev/full 2>"$work/err"
  want="netvet ${argv[0]}: cannot write standard output: No space left on device"
  grep -qxF "$want" "$work/err" || { cat "$work/err"; fail "${argv[0]} stdout: message"; }
  "$netvet" "${argv[@]}" -o /dev/null >/dev/null 2>&1
  [ -c /dev/null ] || fail "${argv[0]}: /dev/null replaced"
done

# a directory that cannot be written (root ignores the mode: skipped)
if [ "$(id -u)" != 0 ]; then
  mkdir "$work/ro" && chmod 555 "$work/ro"
  "$netvet" assess "$ex" "${at[@]}" -o "$work/ro/r.txt" 2>"$work/err"
  grep -qxF "netvet assess: cannot write $work/ro/r.txt: Permission denied" \
    "$work/err" || { cat "$work/err"; fail "EACCES message"; }
  chmod 755 "$work/ro"
else
  echo "skipped: read-only directory (running as root)"
fi

# SIGTERM while the output is being written: identify has written the
# first file's rows and waits for the second on a FIFO we hold open
printf 'OLD IDS\n' >"$work/ids.csv"
mkfifo "$work/fifo"
"$netvet" identify "$data/small/elements.csv" - -o "$work/ids.csv" \
  <"$work/fifo" 2>/dev/null &
pid=$!
exec 3>"$work/fifo"
for _ in $(seq 600); do # up to 30 s (sanitizer builds, busy CI)
  compgen -G "$work/.ids.csv.*" >/dev/null && break
  sleep 0.05
done
compgen -G "$work/.ids.csv.*" >/dev/null || fail "no temporary while writing"
kill -TERM "$pid"
wait "$pid"; rc=$?
exec 3>&-
[ "$rc" = 143 ] || fail "SIGTERM: exit $rc, expected 143"
no_tmp ids.csv "SIGTERM"
[ "$(cat "$work/ids.csv")" = "OLD IDS" ] || fail "SIGTERM: old file lost"

# import and synth: a symlink at the old predictable names is not followed
echo VICTIM >"$work/victim"
for cmd in synth import; do
  d=$work/$cmd; mkdir "$d"
  for f in elements links; do # import's old names, then synth's
    ln -s ../victim "$d/.$f.csv.tmp"; ln -s ../victim "$d/$f.csv.tmp"
  done
  if [ $cmd = synth ]; then "$netvet" synth -n 200 -q -o "$d"
  else "$netvet" import snmpwalk "$data/snmpwalk/agg-huawei-01.txt" -o "$d" 2>/dev/null
  fi || fail "$cmd exit $?"
  [ "$(cat "$work/victim")" = VICTIM ] || fail "$cmd followed a symlink"
  [ -f "$d/elements.csv" ] && [ -f "$d/links.csv" ] || fail "$cmd: no output"
  [ "$(find "$d" -name '.*.csv.??????' | wc -l)" = 0 ] || fail "$cmd: temporary left"
done

# synth: a failure while writing leaves the old pair, no new elements.csv
d=$work/synth
cp "$d/elements.csv" "$work/el.old"; cp "$d/links.csv" "$work/ln.old"
(trap '' XFSZ; ulimit -f 8; "$netvet" synth -n 2000 -q -o "$d") 2>"$work/err"
[ $? = 2 ] || fail "synth EFBIG: exit"
cmp -s "$d/elements.csv" "$work/el.old" && cmp -s "$d/links.csv" "$work/ln.old" \
  || fail "synth failure changed the old pair"
[ "$(find "$d" -name '.*.csv.??????' | wc -l)" = 0 ] || fail "synth: temporary left"

# import: a write failure leaves the old pair, names the file, no temporary
d=$work/import
echo OLD-EL >"$d/elements.csv"; echo OLD-LN >"$d/links.csv"
(trap '' XFSZ; ulimit -f 0 # stderr through a pipe: not limited
 "$netvet" import snmpwalk "$data/snmpwalk/agg-huawei-01.txt" -o "$d") \
  2>&1 >/dev/null | cat >"$work/err"
[ "${PIPESTATUS[0]}" = 2 ] || fail "import EFBIG: exit"
grep -qxF "netvet import: $d/elements.csv: cannot write: File too large" \
  "$work/err" || { cat "$work/err"; fail "import EFBIG message"; }
[ "$(cat "$d/elements.csv")$(cat "$d/links.csv")" = OLD-ELOLD-LN ] \
  || fail "import failure changed the old pair"
[ "$(find "$d" -name '.*.csv.??????' | wc -l)" = 0 ] || fail "import: temporary left"

# SIGTERM while synth writes (stopped once its temporaries exist, so the
# signal lands mid-write): they are removed and the old pair stays
d=$work/synth-term
mkdir -p "$d"
printf 'OLD\n' >"$d/elements.csv"
printf 'OLD\n' >"$d/links.csv"
"$netvet" synth -n 1000000 -q -o "$d" &
pid=$!
# rows in the elements temporary: both temporaries exist and are armed
writing() { [ -n "$(find "$d" -name '.elements.csv.*' -size +0c)" ]; }
for _ in $(seq 3000); do # up to 30 s
  writing && break
  sleep 0.01
done
kill -STOP "$pid"
writing || fail "synth: no temporary while writing"
kill -TERM "$pid"
kill -CONT "$pid"
wait "$pid"; rc=$?
[ "$rc" = 143 ] || fail "synth SIGTERM: exit $rc, expected 143"
[ "$(find "$d" -name '.*.csv.??????' | wc -l)" = 0 ] || fail "synth SIGTERM: temporary left"
[ "$(cat "$d/elements.csv" "$d/links.csv")" = "$(printf 'OLD\nOLD')" ] \
  || fail "synth SIGTERM: old pair changed"

echo "ok: atomic -o FILE and -o DIR"
