#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Write tests/data/attrib-data/: the rows of the IEEE registries (Debian
ieee-data: oui.csv, mam.csv, oui36.csv, iab.csv, with its .lastupdate) and
of the IANA enterprise numbers (Wireshark's enterprises.tsv, with its
header) that the MAC addresses and sysObjectIDs in tests/data and examples
point at, so the e2e cases that attribute vendors read small files of
their own (--ieee-dir, --enterprises) and their expected provenance (the
files' SHA-256) does not depend on the machine's packages. Rows are copied
verbatim; for every MAC, the MA-L row of its 24-bit prefix, the MA-M rows
of its 28-bit prefix and the MA-S and IAB rows of its 36-bit prefix, so
the longest-prefix lookup of each MAC is what the full files give.
Usage: make-attrib-data.py [IEEE_DIR [ENTERPRISES]] (run from the source
tree; defaults /usr/share/ieee-data, /usr/share/wireshark/enterprises.tsv)
"""
import glob
import os
import re
import sys

ieee = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/ieee-data"
pens_file = (sys.argv[2] if len(sys.argv) > 2
             else "/usr/share/wireshark/enterprises.tsv")
out = "tests/data/attrib-data"

MAC = re.compile(r"\b([0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\2[0-9A-Fa-f]{2}){4}"
                 r"|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}"
                 r"|[0-9A-Fa-f]{12})\b")
OID = re.compile(r"(?:1\.3\.6\.1\.4\.1\.|enterprises\.)(\d+)")

macs, pens = set(), set()
for f in sorted(glob.glob("tests/data/**/*", recursive=True) +
                glob.glob("examples/**/*", recursive=True)):
    if not os.path.isfile(f) or f.startswith(out):
        continue
    with open(f, encoding="utf-8", errors="replace") as fh:
        text = fh.read()
    for m in MAC.finditer(text):
        macs.add(re.sub("[^0-9A-F]", "", m.group(1).upper()))
    pens.update(int(p) for p in OID.findall(text))



def records(text):
    """CSV records with their line ends, verbatim (a quoted field may hold
    a newline: a record ends at a line end outside quotes)."""
    out, cur = [], ""
    for line in text.splitlines(keepends=True):
        cur += line
        if cur.count('"') % 2 == 0:
            out.append(cur)
            cur = ""
    if cur:
        out.append(cur)
    return out


os.makedirs(os.path.join(out, "ieee"), exist_ok=True)
for name, digits in (("oui.csv", 6), ("mam.csv", 7), ("oui36.csv", 9),
                     ("iab.csv", 9)):
    want = {m[:digits] for m in macs}
    with open(os.path.join(ieee, name), encoding="utf-8", newline="") as fh:
        lines = records(fh.read())
    rows = [l for l in lines[1:]
            if len(l.split(",", 2)) > 2 and l.split(",", 2)[1] in want]
    with open(os.path.join(out, "ieee", name), "w", encoding="utf-8",
              newline="") as fh:
        fh.write(lines[0])
        fh.writelines(rows)
with open(os.path.join(ieee, ".lastupdate"), encoding="ascii") as fh:
    stamp = fh.read()
with open(os.path.join(out, "ieee", ".lastupdate"), "w",
          encoding="ascii") as fh:
    fh.write(stamp)

with open(pens_file, encoding="utf-8", newline="") as fh:
    lines = fh.read().splitlines(keepends=True)
head = []
for l in lines:
    if l[:1].isdigit():
        break
    head.append(l)
rows = [l for l in lines if l[:1].isdigit() and int(l.split()[0]) in pens]
with open(os.path.join(out, "enterprises.tsv"), "w", encoding="utf-8",
          newline="") as fh:
    fh.writelines(head + rows)
print("%d MACs, %d enterprise numbers" % (len(macs), len(pens)))
