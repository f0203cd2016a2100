# SPDX-License-Identifier: Apache-2.0
"""Shared input side of the peer implementations: read netvet's CSV
inventory, decide which elements exist on the assessment date, resolve
declared vendors against data/registry.yaml (same normalisation rules as
docs/registry-format.md), and name sources, sinks and groups.

Written independently of netvet's C code so the peers check it."""
import csv
import re
import sys

import yaml

SUFFIXES = set("ab ag as asa bv co company corp corporation gmbh inc "
               "incorporated kg kk limited llc llp ltd ltda nv oao ooo oy "
               "oyj pao plc pte pty pvt sa sarl sas se spa srl zao".split())
CORE = {"core", "5gc", "epc", "ims", "mobile-core", "ip-core", "bng",
        "p-router", "hlr", "hss", "udm"}


def normalise(name):
    words = re.split(r"[^0-9A-Za-z\x80-\uffff]+", name.lower())
    words = [w for w in words if w]
    while words:
        if words[-1] in SUFFIXES:
            words.pop()
            continue
        for k in range(min(4, len(words)), 1, -1):
            tail = words[-k:]
            if all(len(w) == 1 for w in tail) and "".join(tail) in SUFFIXES:
                del words[-k:]
                break
        else:
            break
    return " ".join(words)


def load_registry(path):
    doc = yaml.safe_load(open(path, encoding="utf-8"))
    vendors = {v["id"]: v for v in doc["vendors"]}
    keys = {}
    for v in vendors.values():
        for n in [v["id"], v["name"]] + list(v.get("aliases") or []):
            keys[normalise(n)] = v["id"]

    def root(vid):
        while vendors[vid].get("parent"):
            vid = vendors[vid]["parent"]
        return vid
    return keys, {vid: root(vid) for vid in vendors}, vendors


def days(date):
    return date  # ISO dates compare as strings


def load(inventory, registry, as_of):
    keys, root, vendors = load_registry(registry)
    ids, vendor, domain, weight, is_source, region = [], [], [], [], [], []
    index = {}
    resolved = {}
    with open(f"{inventory}/elements.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            status = (r.get("status") or "active").lower()
            inst = r.get("installed") or ""
            if status == "decommissioned" or (inst and inst > as_of) or \
               (status == "planned" and not inst):
                continue
            name = r["vendor"]
            if name not in resolved:
                vid = keys.get(normalise(name))
                vid = root[vid] if vid else None
                resolved[name] = (vid, vendors[vid]["country"] if vid else None)
            vid, country = resolved[name]
            index[r["id"]] = len(ids)
            ids.append(r["id"])
            vendor.append(vid)
            domain.append(country)
            weight.append(float(r.get("weight") or 0))
            is_source.append(r["function"].strip().lower() in CORE)
            region.append(r.get("region", ""))
    edges = []
    with open(f"{inventory}/links.csv", newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            a, b = index.get(r["a"]), index.get(r["b"])
            if a is not None and b is not None and a != b:
                edges.append((a, b))
    return ids, vendor, domain, weight, is_source, edges


def groups(vendor, domain):
    """Every domain and vendor present, as ('domain', code) / ('vendor', id)
    -> list of element indexes."""
    g = {}
    for k, (v, d) in enumerate(zip(vendor, domain)):
        if d is not None:
            g.setdefault(("domain", d), []).append(k)
            g.setdefault(("vendor", v), []).append(k)
    return g


def report(lost, disconnected, impact, ids, top=10, out=sys.stdout):
    """Print results in the form bench/compare.py reads."""
    out.write(f"disconnected {disconnected:.0f}\n")
    for (kind, name), w in sorted(lost.items()):
        out.write(f"{kind} {name} {w:.0f}\n")
    order = sorted(range(len(ids)), key=lambda k: (-impact[k], k))[:top]
    for k in order:
        out.write(f"spof {ids[k]} {impact[k]:.0f}\n")
