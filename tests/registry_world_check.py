# SPDX-License-Identifier: Apache-2.0
"""Check data/registry-world.yaml, the v2 vendor entries that extend the
built-in registry (data/registry.yaml), before the integrator merges them.

  registry_world_check.py WORLD BUILTIN [--netvet BIN]
      exit 0 when WORLD is sound, 1 with one line per problem otherwise.
  registry_world_check.py --self-test WORLD BUILTIN [--netvet BIN]
      breaks copies of WORLD on purpose (one defect each) and exits 0 only
      if the check rejects every broken copy and accepts WORLD itself.

What "sound" means: every entry has an id ([a-z0-9_-], unique in both
files), a name, kind vendor|holder, an ISO alpha-2 country with a
country_source, a state_control, categories only from the fixed list, a
production_source when production is given; every owner names exactly one
of owner (an id in either file) or state, a share in (0, 100], `from` and
`until` as YYYY-MM-DD or "" (from before until) and a source; every
listing has a known id, `date` (and `until` if present) as YYYY-MM-DD or
"" and a source; PENs are enterprise numbers owned by no other entry of
either file; no key is unknown; within each "# ----" section ids are in
alphabetical order.  With --netvet, the real binary overlays the file on
its built-in registry, so netvet's own checks apply too (a name or alias
that normalises like another vendor's, a PEN that already belongs to a
vendor, and with a format-2 loader owners that name no entry, dates,
categories); a binary whose loader predates format 2 gets the file's v1
projection (the keys it knows).
"""
import copy
import datetime
import os
import re
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:  # python3-yaml comes from scripts/install-deps.sh
    print("registry_world_check: python3-yaml is not installed; skipped",
          file=sys.stderr)
    sys.exit(77)

CATEGORIES = {"router", "switch", "olt", "ont", "ran", "core", "transport",
              "optical", "cpe", "wlan", "firewall", "camera", "module",
              "server", "radio", "inverter", "drone", "other"}
LISTINGS = {"us-fcc-covered", "us-ndaa-889", "us-entity-list", "us-1260h",
            "us-denied-persons", "uk-ncsc-hrv", "uk-designated-vendor",
            "eu-commission-2023"}
VENDOR_KEYS = {"id", "kind", "name", "aliases", "country", "country_source",
               "state_control", "owners", "parent", "categories",
               "production", "production_source", "note", "listings", "pens"}
OWNER_KEYS = {"owner", "state", "share", "from", "until", "source"}
LISTING_KEYS = {"id", "date", "until", "source", "note"}
V1_KEYS = ["id", "name", "aliases", "parent", "country", "state_control",
           "note", "listings", "pens"]
# Ids the registry-v2 conversion adds to data/registry.yaml in parallel.
RESERVED_IDS = {"ale", "china-huaxin", "unisplendour", "legend"}
SUFFIXES = {"ab", "ag", "as", "asa", "bv", "co", "company", "corp",
            "corporation", "gmbh", "inc", "incorporated", "kg", "kk",
            "limited", "llc", "llp", "ltd", "ltda", "nv", "oao", "ooo", "oy",
            "oyj", "pao", "plc", "pte", "pty", "pvt", "sa", "sarl", "sas",
            "se", "spa", "srl", "zao"}
ID_RE = re.compile(r"^[a-z0-9_-]+$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def load(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return text, yaml.safe_load(text)


def date_ok(v):
    """A date field: "" or a real YYYY-MM-DD day (PyYAML may give a date)."""
    if isinstance(v, datetime.date):
        return True
    if v == "":
        return True
    if not isinstance(v, str) or not DATE_RE.match(v):
        return False
    try:
        datetime.date.fromisoformat(v)
    except ValueError:
        return False
    return True


def date_str(v):
    return v.isoformat() if isinstance(v, datetime.date) else v


def text_ok(v):
    return isinstance(v, str) and v.strip() != ""


def name_key(s):
    """Approximation of netvet's name key (vendors/names.h): ASCII fold,
    words split on non-alphanumerics, trailing legal-form words dropped."""
    words = [w for w in re.split(r"[^0-9a-z]+", s.lower()) if w]
    while words and words[-1] in SUFFIXES:
        words.pop()
    return " ".join(words)


def check(text, doc, builtin, errs):
    bvend = builtin.get("vendors") or []
    bids = {v["id"] for v in bvend}
    bpens = {p: v["id"] for v in bvend for p in (v.get("pens") or [])}
    bkeys = {}
    for v in bvend:
        for s in [v["id"], v.get("name", "")] + list(v.get("aliases") or []):
            if name_key(s):
                bkeys.setdefault(name_key(s), v["id"])
    if not isinstance(doc, dict):
        errs.append("top level is not a mapping")
        return
    if doc.get("format") != "netvet-registry/2":
        errs.append("format is not netvet-registry/2")
    vend = doc.get("vendors")
    if not isinstance(vend, list) or not vend:
        errs.append("no vendors list")
        return
    ids = [v.get("id") for v in vend if isinstance(v, dict)]
    known = set(ids) | bids | RESERVED_IDS
    seen, pens, keys = set(), {}, {}
    for i, v in enumerate(vend):
        where = f"vendor #{i + 1}"
        if not isinstance(v, dict):
            errs.append(f"{where}: not a mapping")
            continue
        vid = v.get("id")
        if not isinstance(vid, str) or not ID_RE.match(vid):
            errs.append(f"{where}: bad id {vid!r}")
            continue
        where = f"vendor '{vid}'"
        if vid in seen:
            errs.append(f"{where}: duplicate id in this file")
        if vid in bids:
            errs.append(f"{where}: id already in the built-in registry")
        if vid in RESERVED_IDS:
            errs.append(f"{where}: id reserved for the v2 conversion")
        seen.add(vid)
        for k in sorted(set(v) - VENDOR_KEYS):
            errs.append(f"{where}: unknown key '{k}'")
        if v.get("kind", "vendor") not in ("vendor", "holder"):
            errs.append(f"{where}: kind is not vendor or holder")
        if not text_ok(v.get("name")):
            errs.append(f"{where}: no name")
        c = v.get("country")
        if not isinstance(c, str) or not re.match(r"^[A-Z]{2}$", c):
            errs.append(f"{where}: country is not ISO alpha-2")
        if not text_ok(v.get("country_source")):
            errs.append(f"{where}: no country_source")
        if v.get("state_control") not in ("none", "influence", "owned"):
            errs.append(f"{where}: state_control missing or invalid")
        if "parent" in v and v["parent"] not in known:
            errs.append(f"{where}: parent '{v['parent']}' is no entry")
        cats = v.get("categories", [])
        if not isinstance(cats, list):
            errs.append(f"{where}: categories is not a list")
            cats = []
        for cat in cats:
            if cat not in CATEGORIES:
                errs.append(f"{where}: category '{cat}' not in the fixed list")
        if "production" in v:
            prod = v["production"]
            if not isinstance(prod, list) or not all(
                    isinstance(p, str) and re.match(r"^[A-Z]{2}$", p)
                    for p in prod):
                errs.append(f"{where}: production is not a list of alpha-2")
            if not text_ok(v.get("production_source")):
                errs.append(f"{where}: production without production_source")
        aliases = v.get("aliases", [])
        if not isinstance(aliases, list) or not all(
                text_ok(a) for a in aliases):
            errs.append(f"{where}: aliases is not a list of names")
            aliases = []
        for s in [vid, v.get("name") or ""] + aliases:
            k = name_key(s)
            if not k:
                errs.append(f"{where}: '{s}' has no words once normalised")
                continue
            other = keys.get(k) or bkeys.get(k)
            if other and other != vid:
                errs.append(f"{where}: '{s}' normalises like a name of "
                            f"'{other}'")
            keys.setdefault(k, vid)
        for j, o in enumerate(v.get("owners") or []):
            ow = f"{where} owner #{j + 1}"
            if not isinstance(o, dict):
                errs.append(f"{ow}: not a mapping")
                continue
            for k in sorted(set(o) - OWNER_KEYS):
                errs.append(f"{ow}: unknown key '{k}'")
            if ("owner" in o) == ("state" in o):
                errs.append(f"{ow}: needs exactly one of owner and state")
            if "owner" in o and o["owner"] not in known:
                errs.append(f"{ow}: owner '{o['owner']}' is no entry")
            if "state" in o and not re.match(r"^[A-Z]{2}$", str(o["state"])):
                errs.append(f"{ow}: state is not ISO alpha-2")
            share = o.get("share")
            if isinstance(share, bool) or not isinstance(share, (int, float)) \
                    or not 0 < share <= 100:
                errs.append(f"{ow}: share not in (0, 100]")
            if "from" not in o or not date_ok(o["from"]):
                errs.append(f"{ow}: from missing or not YYYY-MM-DD/\"\"")
            if not date_ok(o.get("until", "")):
                errs.append(f"{ow}: until not YYYY-MM-DD/\"\"")
            f, u = date_str(o.get("from", "")), date_str(o.get("until", ""))
            if f and u and isinstance(f, str) and isinstance(u, str) \
                    and not f < u:
                errs.append(f"{ow}: from is not before until")
            if not text_ok(o.get("source")):
                errs.append(f"{ow}: no source")
        for j, ls in enumerate(v.get("listings") or []):
            lw = f"{where} listing #{j + 1}"
            if not isinstance(ls, dict):
                errs.append(f"{lw}: not a mapping")
                continue
            for k in sorted(set(ls) - LISTING_KEYS):
                errs.append(f"{lw}: unknown key '{k}'")
            if ls.get("id") not in LISTINGS:
                errs.append(f"{lw}: unknown listing id {ls.get('id')!r}")
            if "date" not in ls or not date_ok(ls["date"]):
                errs.append(f"{lw}: date missing or not YYYY-MM-DD/\"\"")
            if not date_ok(ls.get("until", "")):
                errs.append(f"{lw}: until not YYYY-MM-DD/\"\"")
            if not text_ok(ls.get("source")):
                errs.append(f"{lw}: no source")
        for p in v.get("pens") or []:
            if isinstance(p, bool) or not isinstance(p, int) \
                    or not 1 <= p <= 4294967295:
                errs.append(f"{where}: pen {p!r} is not an enterprise number")
                continue
            other = pens.get(p) or bpens.get(p)
            if other:
                errs.append(f"{where}: pen {p} already belongs to '{other}'")
            pens[p] = vid
    # Alphabetical order within each "# ----" section of the file.
    section, prev = "(top)", None
    for line in text.splitlines():
        if re.match(r"^\s*# ----", line):
            section, prev = line.strip(), None
            continue
        m = re.match(r"^  - id:\s*(\S+)", line)
        if m:
            cur = m.group(1).strip("\"'")
            if prev is not None and cur < prev:
                errs.append(f"vendor '{cur}': not in alphabetical order "
                            f"after '{prev}' in section {section}")
            prev = cur


def netvet_assess(netvet, src, path):
    return subprocess.run([netvet, "assess",
                           os.path.join(src, "tests/data/small"),
                           "--registry", path, "--as-of", "2026-01-01",
                           "-o", os.devnull],
                          capture_output=True, text=True, check=False)


def netvet_check(doc, netvet, src, errs):
    """Overlay the file with the real binary; its own checks (name keys,
    PENs, and with a format-2 loader owners, dates, categories) must pass
    (exit status 2 is a load error). A netvet whose loader predates format
    2 gets the file's v1 projection instead."""
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False,
                                     encoding="utf-8") as f:
        yaml.safe_dump(doc, f, allow_unicode=True, sort_keys=False)
        path = f.name
    try:
        r = netvet_assess(netvet, src, path)
        v1 = r.returncode == 2 and "unknown key 'format'" in r.stderr
        if v1:
            proj = {"vendors": []}
            for v in doc.get("vendors") or []:
                p = {k: copy.deepcopy(v[k]) for k in V1_KEYS if k in v}
                for ls in p.get("listings") or []:
                    ls.pop("until", None)
                    ls["date"] = date_str(ls.get("date", ""))
                proj["vendors"].append(p)
            with open(path, "w", encoding="utf-8") as f:
                yaml.safe_dump(proj, f, allow_unicode=True, sort_keys=False)
            r = netvet_assess(netvet, src, path)
    finally:
        os.unlink(path)
    if r.returncode not in (0, 1):
        errs.append(f"netvet rejects the {'v1 projection' if v1 else 'file'}"
                    f" (exit {r.returncode}): {r.stderr.strip()}")


def run(text, doc, builtin, netvet, src):
    errs = []
    check(text, doc, builtin, errs)
    if netvet and not errs:
        netvet_check(doc, netvet, src, errs)
    return errs


def mutations(doc):
    """(what, broken copy, expected error text, use netvet) tuples, one
    defect each."""
    v0 = doc["vendors"][0]

    def with_(fn):
        d = copy.deepcopy(doc)
        try:
            fn(d)
        except StopIteration:  # no entry has the key the defect needs
            return None
        return d

    def first(d, key):
        return next(v for v in d["vendors"] if v.get(key))[key][0]


    yield ("country_source removed",
           with_(lambda d: d["vendors"][0].pop("country_source")),
           "no country_source", False)
    yield ("listing source removed",
           with_(lambda d: first(d, "listings").pop("source")),
           "no source", False)
    yield ("listing date removed",
           with_(lambda d: first(d, "listings").pop("date")),
           "date missing", False)
    yield ("listing date 2026-02-30",
           with_(lambda d: first(d, "listings").__setitem__(
               "date", "2026-02-30")),
           "date missing or not", False)
    yield ("listing until 2026-13-01",
           with_(lambda d: first(d, "listings").__setitem__(
               "until", "2026-13-01")),
           "until not", False)
    yield ("owner source removed",
           with_(lambda d: first(d, "owners").pop("source")),
           "no source", False)
    yield ("owner from 2019/05/01",
           with_(lambda d: first(d, "owners").__setitem__(
               "from", "2019/05/01")),
           "from missing or not", False)
    yield ("owner share 0",
           with_(lambda d: first(d, "owners").__setitem__("share", 0)),
           "share not in", False)
    yield ("owner naming no entry",
           with_(lambda d: first(d, "owners").__setitem__(
               "owner", "no-such-vendor")),
           "is no entry", False)
    yield ("id of the built-in huawei",
           with_(lambda d: d["vendors"][0].__setitem__("id", "huawei")),
           "already in the built-in registry", False)
    yield ("id twice in this file",
           with_(lambda d: d["vendors"][1].__setitem__("id", v0["id"])),
           "duplicate id", False)
    yield ("category 'modem'",
           with_(lambda d: d["vendors"][0].__setitem__(
               "categories", ["modem"])),
           "not in the fixed list", False)
    yield ("pen 2011 (Huawei's)",
           with_(lambda d: d["vendors"][0].__setitem__("pens", [2011])),
           "already belongs to 'huawei'", False)
    yield ("alias 'Huawei Technologies'",
           with_(lambda d: d["vendors"][0].__setitem__(
               "aliases", list(v0.get("aliases") or [])
               + ["Huawei Technologies"])),
           "normalises like a name of 'huawei'", False)
    # Only netvet's own loader sees this one: a zero-width space inside
    # "Huawei" folds away (NFKC), so the alias is Huawei's key.
    yield ("alias 'Hua<U+200B>wei' (netvet's check)",
           with_(lambda d: d["vendors"][0].__setitem__(
               "aliases", list(v0.get("aliases") or [])
               + ["Hua\u200bwei"])),
           "netvet rejects", True)


def main(argv):
    args = list(argv)
    self_test = "--self-test" in args
    if self_test:
        args.remove("--self-test")
    netvet = None
    if "--netvet" in args:
        i = args.index("--netvet")
        netvet = args[i + 1]
        del args[i:i + 2]
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    world, builtin_path = args
    src = os.path.dirname(os.path.dirname(os.path.abspath(builtin_path)))
    text, doc = load(world)
    _, builtin = load(builtin_path)
    errs = run(text, doc, builtin, netvet, src)
    if not self_test:
        for e in errs:
            print(f"{world}: {e}")
        if not errs:
            n = len(doc["vendors"])
            print(f"{world}: {n} entries OK")
        return 1 if errs else 0
    if errs:
        print(f"self-test: the unbroken file fails: {errs[0]}")
        return 1
    bad = 0
    for what, d, want, use_netvet in mutations(doc):
        if d is None:
            print(f"self-test: {what}: skipped (the file has none)")
            continue
        if use_netvet and not netvet:
            print(f"self-test: {what}: skipped (no --netvet)")
            continue
        e = run(text, d, builtin, netvet if use_netvet else None, src)
        hit = [x for x in e if want in x]
        print(f"self-test: {what}: "
              f"{'rejected: ' + hit[0] if hit else 'NOT REJECTED as expected'}")
        bad += not hit
    # The order check: swap the first two vendor entries in the text.
    blocks = re.split(r"(?m)^(?=  - id: )", text)
    entries = [i for i, b in enumerate(blocks) if b.startswith("  - id: ")]
    i, j = entries[0], entries[1]
    tail_i = re.search(r"\n\s*# ----.*$", blocks[i], re.S)
    head_i = blocks[i][:tail_i.start()] + "\n\n" if tail_i else blocks[i]
    swapped_blocks = list(blocks)
    swapped_blocks[i], swapped_blocks[j] = blocks[j].rstrip("\n") + "\n\n", \
        head_i.rstrip("\n") + "\n\n"
    swapped = "".join(swapped_blocks)
    e = run(swapped, yaml.safe_load(swapped), builtin, None, src)
    hit = [x for x in e if "alphabetical order" in x]
    print(f"self-test: first two entries swapped: "
          f"{'rejected: ' + hit[0] if hit else 'NOT REJECTED as expected'}")
    bad += not hit
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
