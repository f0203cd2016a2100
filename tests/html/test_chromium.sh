#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The HTML report in a real browser: headless Chromium (Debian package
# `chromium`, installed by scripts/install-deps.sh), started and stopped
# here, each run with its own temporary profile.
#
# 1. The bundled example's report (netvet assess examples/uk-operator):
#    a screenshot (a PNG of the window size), and the DOM after load: the
#    verdict, exactly one rules-table row per rule measurement of the JSON
#    report, SVG charts and the site map present, the page's own script
#    ran (the findings filter box is shown), and nothing on the console
#    (no Content-Security-Policy violation, no script error); printed to
#    PDF, it is a PDF of a few pages.
# 2. A hostile inventory (vendor, element, site names and a pack title
#    holding <script>, "><img onerror>, <svg onload> payloads, and a 1 MB
#    vendor name): the payloads appear as text, no element they would
#    create exists, no payload ran (each would set document.title or a
#    data-pwned attribute), nothing on the console, and the network log
#    holds no request made by the page (Chromium's own background
#    requests, which carry no page origin, are told apart and listed).
# 3. The page's own script in the browser (a copy of the hostile page
#    without the CSP, with clicks and a typed filter appended): a click on
#    a column heading sorts the rows up, a second one down; typing into
#    the findings box hides exactly the rows that do not match.
# 4. Controls that prove the probes can fail: a page with the same
#    payloads unescaped must show them run (title, attribute) and its
#    http image request must be in the network log; a page with a CSP
#    that blocks its script must put the violation on the console.
#
# Exits 77 (skipped) when chromium is not installed. With
# NETVET_SCREENSHOT=FILE the example's screenshot is copied to FILE (the
# README's docs/report-example.png).
set -euo pipefail
netvet=$1
chromium=${NETVET_CHROMIUM:-$(command -v chromium || true)}
if [ -z "$chromium" ]; then
  echo "SKIP: chromium is not installed (Debian package chromium; run scripts/install-deps.sh)"
  exit 77
fi
src=${NETVET_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
work=$(mktemp -d)
pgids=()
cleanup() {
  for g in "${pgids[@]}"; do kill -TERM -- "-$g" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
echo "browser: $("$chromium" --version 2>/dev/null)"

# browse NAME MODE FILE: run Chromium on file FILE in its own process
# group and profile; MODE dom writes $work/NAME.dom, shot $work/NAME.png.
# Its stderr (console messages) goes to $work/NAME.log, its network log to
# $work/NAME.net.json.
browse() {
  local name=$1 mode=$2 file=$3 out=()
  case $mode in
    dom) out=(--dump-dom) ;;
    shot) out=(--hide-scrollbars --window-size=1200,1700 "--screenshot=$work/$name.png") ;;
    pdf) out=("--print-to-pdf=$work/$name.pdf") ;;
  esac
  setsid timeout 45 "$chromium" --headless=new --no-sandbox --disable-gpu \
    --no-first-run --no-default-browser-check --disable-extensions \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-default-apps --host-resolver-rules="MAP * ~NOTFOUND" \
    --user-data-dir="$work/profile-$name" --enable-logging=stderr --v=0 \
    --log-net-log="$work/$name.net.json" --virtual-time-budget=5000 \
    "${out[@]}" "file://$file" >"$work/$name.dom" 2>"$work/$name.log" &
  local pid=$!
  pgids+=("$pid")
  wait "$pid" || fail "$name: chromium exited with $? (log: $(tail -3 "$work/$name.log"))"
  rm -rf "$work/profile-$name"
}

# console NAME: the page's console messages (CSP violations, errors).
console() { grep -F ':CONSOLE' "$work/$1.log" || true; }

# page_requests NAME: the requests the page made (its network isolation
# key or initiator names the file:// page); Chromium's own background
# requests have neither and are printed to stderr for the record.
page_requests() {
  python3 - "$work/$1.net.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
types = {v: k for k, v in d['constants']['logEventTypes'].items()}
other = set()
for e in d['events']:
    p = e.get('params', {})
    if types.get(e['type']) != 'URL_REQUEST_START_JOB' or 'url' not in p:
        continue
    page = 'file://' in p.get('network_isolation_key', '') or \
        p.get('initiator', 'not an origin') != 'not an origin'
    if page:
        print(p['url'])
    else:
        other.add(p['url'].split('?')[0])
if other:
    print(f'  (not the page: {len(other)} browser background requests, '
          f'{", ".join(sorted(other))})', file=sys.stderr)
PY
}

cd "$src"
# ---- 1. the example ----
"$netvet" assess examples/uk-operator --as-of 2026-11-23 --format html \
  -o "$work/report.html" || fail "assess --format html: exit $?"
"$netvet" assess examples/uk-operator --as-of 2026-11-23 --format json \
  -o "$work/report.json" || fail "assess --format json: exit $?"
browse example-shot shot "$work/report.html"
python3 - "$work/example-shot.png" <<'PY' || fail "screenshot"
import struct, sys
b = open(sys.argv[1], 'rb').read()
assert b[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
w, h = struct.unpack('>II', b[16:24])
assert (w, h) == (1200, 1700), (w, h)
assert len(b) > 50000, f'{len(b)} bytes: a blank page?'
print(f'screenshot: {w}x{h}, {len(b)} bytes')
PY
if [ -n "${NETVET_SCREENSHOT:-}" ]; then cp "$work/example-shot.png" "$NETVET_SCREENSHOT"; fi
browse example-pdf pdf "$work/report.html"
python3 - "$work/example-pdf.pdf" <<'PY' || fail "PDF"
import re, sys
b = open(sys.argv[1], 'rb').read()
assert b[:5] == b'%PDF-', 'not a PDF'
pages = max(int(n) for n in re.findall(rb'/Count (\d+)', b))
assert 3 <= pages <= 40, f'{pages} pages'
print(f'pdf: {pages} pages, {len(b)} bytes')
PY
browse example dom "$work/report.html"
python3 - "$work/example.dom" "$work/report.json" <<'PY' || fail "example DOM"
import json, re, sys
dom = open(sys.argv[1], encoding='utf-8').read()
doc = json.load(open(sys.argv[2]))
assert '<title>netvet assessment</title>' in dom, 'title'
v = re.search(r'<section class="verdict v-\w+" data-verdict="(\w+)">.*?<span class="word">(\w+)</span>', dom, re.S)
assert v and v.group(1) == v.group(2) == doc['verdict'].upper(), (v and v.groups(), doc['verdict'])
body = re.search(r'<table id="rules"[^>]*>.*?<tbody>(.*?)</tbody>', dom, re.S).group(1)
rows = re.findall(r'<tr data-rule="([^"]*)">', body)
want = [r['rule'] for r in doc['results']]
assert rows == want, (rows, want)
assert body.count('<tr') == len(want)
assert len(re.findall(r'<svg[ >]', dom)) >= 10, 'charts'
assert re.search(r'<svg class="map"[^>]*>.*?<circle', dom, re.S), 'site map'
# the page's script ran (allowed by its CSP hash): the filter box shows
box = re.search(r'<input type="search" data-for="findings"[^>]*>', dom)
assert box is None or 'hidden' not in box.group(0), box.group(0)
assert dom.count('<script') == 1
print(f'example: {v.group(1)}, {len(rows)} rule rows')
PY
[ -z "$(console example)" ] || { console example; fail "example: console messages"; }
[ -z "$(page_requests example)" ] || fail "example: the page made requests: $(page_requests example)"

# ---- 2. a hostile inventory ----
mkdir -p "$work/hostile"
python3 - "$work/hostile" <<'PY'
import csv, json, sys
d = sys.argv[1]
P1 = "<script>document.title='PWNED'</script>"
P2 = '"><img src=x onerror="document.documentElement.setAttribute(\'data-pwned\',\'img\')">'
P3 = '<svg onload="document.documentElement.setAttribute(\'data-pwned\',\'svg\')">'
P4 = "</title></text></svg><script>document.title='PWNED'</script>"
big = 'X' * 1000000
rows = [  # id, vendor, function, site, lat, lon, weight
    ('c1', 'Huawei', 'core', P1, '51.5', '-0.12', '0'),
    ('c2', 'Nokia', 'core', 'LON', '51.6', '-0.10', '0'),
    ('g1', 'Nokia', 'aggregation', P3, '52.5', '-1.9', '0'),
    (P2, P1, 'access', P4, '53.4', '-2.2', '0'),
    ('a2', big, 'access', P2, '53.8', '-1.5', '0'),
    ('u1', P3, 'cpe', P4, '53.4', '-2.2', '100'),
    ('u2', P4, 'cpe', P4, '53.4', '-2.2', '100'),
    ('u3', 'Nokia', 'cpe', P2, '53.8', '-1.5', '100'),
]
with open(f'{d}/elements.csv', 'w', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['id', 'vendor', 'function', 'site', 'lat', 'lon', 'weight'])
    w.writerows(rows)
links = [('c1', 'c2'), ('c1', 'g1'), ('c2', 'g1'), ('g1', P2), ('g1', 'a2'),
         (P2, 'u1'), (P2, 'u2'), ('a2', 'u3')]
with open(f'{d}/links.csv', 'w', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['a', 'b'])
    w.writerows(links)
q = json.dumps  # a JSON string is a YAML double-quoted scalar
with open(f'{d}/pack.yaml', 'w') as f:
    f.write("pack: hostile\n"
            f"title: {q(P1 + ' ' + P3)}\n"
            f"source: {q(P1)}\n"
            "rules:\n"
            "  - id: hostile-no-huawei\n"
            "    kind: forbid\n"
            f"    title: {q(P2)}\n"
            "    severity: error\n"
            "    vendors: [huawei]\n"
            f"    source: {q(P4)}\n")
PY
rc=0
"$netvet" assess "$work/hostile" --policy uk-ncsc-2020 --policy "$work/hostile/pack.yaml" --as-of 2026-11-23 \
  --format html -o "$work/hostile.html" 2>"$work/hostile.err" || rc=$?
[ "$rc" = 1 ] || { cat "$work/hostile.err"; fail "hostile: exit $rc, expected 1 (FAIL)"; }
browse hostile dom "$work/hostile.html"
cat >"$work/hostile_check.py" <<'PY'
# hostile_check.py DOM TITLE VERDICT BIG PAYLOAD-NUMBERS...: the dumped
# DOM's elements and attributes are netvet's own (one script, no img,
# iframe, object, embed, link, base or form, no event handler, nothing
# that fetches, no data-pwned), its title unchanged, and each payload
# (1-4) and, with BIG=1, the 1 MB name appear as text.
import re, sys
from html.parser import HTMLParser
dom = open(sys.argv[1], encoding='utf-8').read()
want_title, want_verdict, big = sys.argv[2], sys.argv[3], sys.argv[4] == '1'

class Elements(HTMLParser):
    """Every element and attribute of the dumped DOM, and its text."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.text = [], [], []
    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += [(tag, k, v) for k, v in attrs]
    handle_startendtag = handle_starttag
    def handle_data(self, data):
        self.text.append(data)

e = Elements()
e.feed(dom)
text = ''.join(e.text)
title = re.search(r'<title>(.*?)</title>', dom, re.S).group(1)
assert title == want_title, f'the title is {title[:80]!r}'
assert e.tags.count('script') == 1, f'{e.tags.count("script")} script elements'
for tag in ('img', 'iframe', 'object', 'embed', 'link', 'base', 'form'):
    assert tag not in e.tags, f'a {tag} element'
handlers = [(t, k) for t, k, v in e.attrs if k.startswith('on')]
assert not handlers, f'event handler attributes: {handlers[:5]}'
assert not [a for a in e.attrs if a[1] == 'data-pwned'], 'a payload set data-pwned'
assert not [a for a in e.attrs if a[1] in ('src', 'href', 'srcset', 'action')], 'a fetching attribute'
P = {'1': "<script>document.title='PWNED'</script>",
     '2': '"><img src=x onerror="document.documentElement.setAttribute(\'data-pwned\',\'img\')">',
     '3': '<svg onload="document.documentElement.setAttribute(\'data-pwned\',\'svg\')">',
     '4': "</title></text></svg><script>document.title='PWNED'</script>"}
for n in sys.argv[5:]:
    assert P[n] in text, f'payload {n} not shown as text: {P[n]}'
if big:
    assert 'X' * 1000000 in text, 'the 1 MB name is not shown'
v = re.search(r'data-verdict="([A-Z ]+)"', dom)
assert v and v.group(1) == want_verdict, v and v.group(1)
print(f'{sys.argv[1].rsplit("/", 1)[-1]}: {len(e.tags)} elements, payloads '
      f'{" ".join(sys.argv[5:])} shown as text, none ran')
PY
python3 "$work/hostile_check.py" "$work/hostile.dom" "netvet assessment" FAIL 1 1 2 3 4 \
  || fail "hostile DOM"
[ -z "$(console hostile)" ] || { console hostile; fail "hostile: console messages (a blocked load or script?)"; }
[ -z "$(page_requests hostile)" ] || fail "hostile: the page made requests: $(page_requests hostile)"

# the same inventory in what-if (a scenario described with payloads; its
# name may only be letters, digits, '.', '_', '-') and check (a site named
# with one)
python3 - "$work/hostile" <<'PY'
import json, sys
P1 = "<script>document.title='PWNED'</script>"
P3 = '<svg onload="document.documentElement.setAttribute(\'data-pwned\',\'svg\')">'
with open(f'{sys.argv[1]}/scenario.yaml', 'w') as f:
    f.write(f"scenario: hostile\ndescription: {json.dumps(P1 + ' ' + P3)}\n"
            "changes:\n  - replace: {from: Nokia, to: Huawei}\n"
            "    where: {function: aggregation}\n")
PY
rc=0
"$netvet" whatif "$work/hostile" --scenario "$work/hostile/scenario.yaml" --as-of 2026-11-23 \
  --format html -o "$work/hostile-whatif.html" 2>"$work/hostile-whatif.err" || rc=$?
[ "$rc" = 1 ] || { cat "$work/hostile-whatif.err"; fail "hostile whatif: exit $rc"; }
browse hostile-whatif dom "$work/hostile-whatif.html"
python3 "$work/hostile_check.py" "$work/hostile-whatif.dom" "netvet what-if" FAIL 0 1 2 3 4 \
  || fail "hostile whatif DOM"
rc=0
"$netvet" check "$work/hostile" --vendor Huawei --function access \
  --site "<script>document.title='PWNED'</script>" --as-of 2026-11-23 \
  --format html -o "$work/hostile-check.html" 2>"$work/hostile-check.err" || rc=$?
[ "$rc" = 0 ] || { cat "$work/hostile-check.err"; fail "hostile check: exit $rc"; }
browse hostile-check dom "$work/hostile-check.html"
python3 "$work/hostile_check.py" "$work/hostile-check.dom" "netvet procurement check" \
  ALLOWED 0 1 || fail "hostile check DOM"
for h in hostile-whatif hostile-check; do
  [ -z "$(console $h)" ] || { console $h; fail "$h: console messages"; }
  [ -z "$(page_requests $h)" ] || fail "$h: the page made requests: $(page_requests $h)"
done

# ---- 3. the page's own script, run in the browser: sort and filter ----
# A copy of the hostile report without its CSP, with a script appended
# that clicks the rules' value heading (ascending; the order is noted in
# an attribute), clicks it again (descending), and types into the
# findings filter box.
python3 - "$work/hostile.html" "$work/script.html" <<'PY'
import re, sys
page = open(sys.argv[1], encoding='utf-8').read()
page, n = re.subn(r'<meta http-equiv="Content-Security-Policy"[^>]*/>\n', '', page, count=1)
assert n == 1
js = ("var h=document.querySelector('#rules thead th:nth-child(5)');"
      "var order=function(){return Array.prototype.map.call("
      "document.querySelectorAll('#rules tbody tr'),function(r){"
      "var v=r.cells[4].getAttribute('data-v');return v===null?'-':v;}).join(' ');};"
      "h.click();document.body.setAttribute('data-up',order());h.click();"
      "var q=document.querySelector('input[data-for=findings]');"
      "q.value='UNKNOWN-vendor';q.dispatchEvent(new Event('input'));")
page = page.replace('</body>', '<script>' + js + '</script>\n</body>')
open(sys.argv[2], 'w', encoding='utf-8').write(page)
PY
browse script dom "$work/script.html"
python3 - "$work/script.dom" <<'PY' || fail "the page's script"
import re, sys
dom = open(sys.argv[1], encoding='utf-8').read()
num = lambda vals: [float(v) for v in vals if v != '-']
up = re.search(r'<body data-up="([^"]*)"', dom).group(1).split(' ')
body = re.search(r'<table id="rules"[^>]*>.*?<tbody>(.*?)</tbody>', dom, re.S).group(1)
down = []
for r in re.findall(r'<tr data-rule="[^"]*">(.*?)</tr>', body, re.S):
    m = re.search(r'data-v="([^"]*)"', re.findall(r'<td[^>]*>', r)[4])
    down.append(m.group(1) if m else '-')
assert len(up) == len(down) >= 5 and len(set(num(up))) >= 2, (up, down)
assert num(up) == sorted(num(up)) and up[:len(num(up))] == [v for v in up if v != '-'], up
assert num(down) == sorted(num(down), reverse=True) and down[-len(num(down)):] == [v for v in down if v != '-'], down
body = re.search(r'<table id="findings"[^>]*>.*?<tbody>(.*?)</tbody>', dom, re.S).group(1)
rows = re.findall(r'<tr( hidden="")?>(.*?)</tr>', body, re.S)
shown = [r for h, r in rows if not h]
assert shown and len(shown) < len(rows), (len(shown), len(rows))
assert all('unknown-vendor' in r for r in shown), 'a shown row does not match'
assert not any('unknown-vendor' in r for h, r in rows if h), 'a hidden row matches'
print(f'script: sorted {len(up)} rule rows up and down; filter shows {len(shown)} of {len(rows)} findings')
PY

# ---- 4. the probes can fail ----
cat >"$work/control.html" <<'EOF'
<!DOCTYPE html><html><head><title>control</title></head><body>
<script>document.title='PWNED'</script>
<img src=x onerror="document.documentElement.setAttribute('data-pwned','img')">
<img src="http://probe.invalid/p.png">
</body></html>
EOF
browse control dom "$work/control.html"
grep -q '<title>PWNED</title>' "$work/control.dom" || fail "control: the title probe did not see the script"
grep -q 'data-pwned="img"' "$work/control.dom" || fail "control: the attribute probe did not see onerror"
page_requests control | grep -q 'http://probe.invalid/p.png' || fail "control: the network log missed the page's request"
cat >"$work/control-csp.html" <<'EOF'
<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"/>
<title>control</title></head><body><script>document.title='PWNED'</script></body></html>
EOF
browse control-csp dom "$work/control-csp.html"
console control-csp | grep -q 'Content Security Policy' || fail "control: the console probe missed a CSP violation"
echo "ok: example and hostile reports checked in $("$chromium" --version 2>/dev/null)"
