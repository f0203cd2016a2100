# SPDX-License-Identifier: Apache-2.0
"""Check that every fact of the built-in vendor registry carries its source
and its date (issue 17: "a test checks every listing and ownership fact
carries a source and a date").

  registry_facts_check.py FILE...
      exit 0 when every FILE is sound, 1 with one line per problem.
  registry_facts_check.py --self-test FILE...
      breaks copies of the files on purpose (one defect each) and exits 0
      only if the check rejects every broken copy and accepts the files.

What "sound" means, for every entry of every file:
  - `country_source` is a non-empty string;
  - every listing has a non-empty `source` and a `date` that is a real
    YYYY-MM-DD day; an empty date is accepted only when the listing's
    `note` says "date not found"; `until`, when given, is "" or a day after
    `date`;
  - every owner has a non-empty `source`, a share in (0, 100], and a `from`
    that is a real day; `from: ""` is accepted only when the entry's
    `note` (or the owner's `source`) says the start date is unknown
    (UNKNOWN_RE below); `until`, when given, is "" or a day after `from`;
  - `production` appears only together with a non-empty
    `production_source`.
The schema itself (keys, ids, categories, PENs) is checked elsewhere
(netvet's loader, tests/registry_world_check.py); this file checks sources
and dates only.
"""
import copy
import datetime
import re
import sys

try:
    import yaml
except ImportError:  # python3-yaml comes from scripts/install-deps.sh
    print("registry_facts_check: python3-yaml is not installed; skipped",
          file=sys.stderr)
    sys.exit(77)

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# How a note says that an owner's start date is unknown.
UNKNOWN_RE = re.compile(
    r"date (is )?(unknown|not found|not in the source)", re.I)
LISTING_UNKNOWN = "date not found"


def day(v):
    """The datetime.date of a YYYY-MM-DD field (PyYAML may already have
    made it a date), or None when it is not a real day."""
    if isinstance(v, datetime.datetime):
        return None
    if isinstance(v, datetime.date):
        return v
    if not isinstance(v, str) or not DATE_RE.match(v):
        return None
    try:
        return datetime.date.fromisoformat(v)
    except ValueError:
        return None


def text(v):
    return isinstance(v, str) and v.strip() != ""


def check_until(o, start, where, errs):
    if "until" not in o or o["until"] == "":
        return
    u = day(o["until"])
    if u is None:
        errs.append(f"{where}: until {o['until']!r} is not YYYY-MM-DD")
    elif start is not None and not start < u:
        errs.append(f"{where}: until {u} is not after {start}")


def check(name, doc, errs):
    if not isinstance(doc, dict) or not isinstance(doc.get("vendors"), list):
        errs.append(f"{name}: no vendors list")
        return
    for i, v in enumerate(doc["vendors"]):
        if not isinstance(v, dict):
            errs.append(f"{name}: vendor #{i + 1} is not a mapping")
            continue
        where = f"{name}: vendor '{v.get('id', '#' + str(i + 1))}'"
        note = v.get("note") if isinstance(v.get("note"), str) else ""
        if not text(v.get("country_source")):
            errs.append(f"{where}: no country_source")
        if "production" in v and not text(v.get("production_source")):
            errs.append(f"{where}: production without production_source")
        for j, o in enumerate(v.get("owners") or []):
            ow = f"{where} owner #{j + 1}"
            if not isinstance(o, dict):
                errs.append(f"{ow}: not a mapping")
                continue
            if not text(o.get("source")):
                errs.append(f"{ow}: no source")
            share = o.get("share")
            if isinstance(share, bool) or not isinstance(share, (int, float)) \
                    or not 0 < share <= 100:
                errs.append(f"{ow}: share {share!r} not in (0, 100]")
            start = None
            if "from" not in o:
                errs.append(f"{ow}: no from")
            elif o["from"] == "":
                src = o.get("source") if isinstance(o.get("source"), str) \
                    else ""
                if not UNKNOWN_RE.search(note) \
                        and not UNKNOWN_RE.search(src):
                    errs.append(f"{ow}: from is \"\" but no note says the "
                                f"start date is unknown")
            else:
                start = day(o["from"])
                if start is None:
                    errs.append(f"{ow}: from {o['from']!r} is not YYYY-MM-DD")
            check_until(o, start, ow, errs)
        for j, ls in enumerate(v.get("listings") or []):
            lw = f"{where} listing #{j + 1} ({ls.get('id')})" \
                if isinstance(ls, dict) else f"{where} listing #{j + 1}"
            if not isinstance(ls, dict):
                errs.append(f"{lw}: not a mapping")
                continue
            if not text(ls.get("source")):
                errs.append(f"{lw}: no source")
            start = None
            lnote = ls.get("note") if isinstance(ls.get("note"), str) else ""
            if "date" not in ls:
                errs.append(f"{lw}: no date")
            elif ls["date"] == "":
                if LISTING_UNKNOWN not in lnote.lower():
                    errs.append(f"{lw}: date is \"\" but its note does not "
                                f"say \"{LISTING_UNKNOWN}\"")
            else:
                start = day(ls["date"])
                if start is None:
                    errs.append(f"{lw}: date {ls['date']!r} is not "
                                f"YYYY-MM-DD")
            check_until(ls, start, lw, errs)


def run(docs):
    errs = []
    for name, doc in docs:
        check(name, doc, errs)
    return errs


def mutations(docs):
    """(what, broken copy of docs, expected error text) tuples, one defect
    each, applied to the first entry of any file that has what the defect
    needs."""
    def broken(pred, fn):
        d = copy.deepcopy(docs)
        for _, doc in d:
            for v in doc["vendors"]:
                if pred(v):
                    fn(v)
                    return d
        return None

    def has(key):
        return lambda v: bool(v.get(key))

    def dated_owner(v):
        return any(o.get("from") not in ("", None)
                   for o in v.get("owners") or [])

    def first_dated_owner(v):
        return next(o for o in v["owners"] if o.get("from") not in ("", None))

    def undated_owner(v):
        return any(o.get("from") == "" for o in v.get("owners") or [])

    yield ("country_source removed",
           broken(has("country_source"), lambda v: v.pop("country_source")),
           "no country_source")
    yield ("country_source empty",
           broken(has("country_source"),
                  lambda v: v.__setitem__("country_source", " ")),
           "no country_source")
    yield ("listing source removed",
           broken(has("listings"), lambda v: v["listings"][0].pop("source")),
           "no source")
    yield ("listing date removed",
           broken(has("listings"), lambda v: v["listings"][0].pop("date")),
           "no date")
    yield ("listing date \"\" without a note",
           broken(has("listings"), lambda v: v["listings"][0].update(
               date="", note="")),
           "does not say")
    yield ("listing date 2021-02-30",
           broken(has("listings"), lambda v: v["listings"][0].__setitem__(
               "date", "2021-02-30")),
           "is not YYYY-MM-DD")
    yield ("listing until before its date",
           broken(has("listings"), lambda v: v["listings"][0].update(
               date="2021-03-12", until="2020-01-01")),
           "is not after")
    yield ("owner source removed",
           broken(has("owners"), lambda v: v["owners"][0].pop("source")),
           "no source")
    yield ("owner share 0",
           broken(has("owners"), lambda v: v["owners"][0].__setitem__(
               "share", 0)),
           "not in (0, 100]")
    yield ("owner share 101",
           broken(has("owners"), lambda v: v["owners"][0].__setitem__(
               "share", 101)),
           "not in (0, 100]")
    yield ("owner from removed",
           broken(has("owners"), lambda v: v["owners"][0].pop("from")),
           "no from")
    yield ("owner from 2019/05/01",
           broken(dated_owner, lambda v: first_dated_owner(v).__setitem__(
               "from", "2019/05/01")),
           "is not YYYY-MM-DD")
    yield ("owner from \"\" without a note",
           broken(lambda v: dated_owner(v) and not undated_owner(v),
                  lambda v: (first_dated_owner(v).__setitem__("from", ""),
                             v.__setitem__("note", ""))),
           "no note says")
    yield ("owner from \"\" whose note no longer says so",
           broken(undated_owner, lambda v: v.__setitem__("note", "")),
           "no note says")
    yield ("production without production_source",
           broken(has("country_source"), lambda v: (
               v.__setitem__("production", ["CN"]),
               v.pop("production_source", None))),
           "production without production_source")


def main(argv):
    args = list(argv)
    self_test = "--self-test" in args
    if self_test:
        args.remove("--self-test")
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    docs = []
    for path in args:
        with open(path, encoding="utf-8") as f:
            docs.append((path, yaml.safe_load(f)))
    errs = run(docs)
    if not self_test:
        for e in errs:
            print(e)
        if not errs:
            for name, doc in docs:
                v = doc["vendors"]
                nl = sum(len(x.get("listings") or []) for x in v)
                no = sum(len(x.get("owners") or []) for x in v)
                print(f"{name}: {len(v)} entries, {nl} listings, {no} owners"
                      f" sourced and dated")
        return 1 if errs else 0
    if errs:
        print(f"self-test: the unbroken files fail: {errs[0]}")
        return 1
    bad = 0
    for what, d, want in mutations(docs):
        if d is None:
            print(f"self-test: {what}: NOT RUN (no entry has what it needs)")
            bad += 1
            continue
        hit = [x for x in run(d) if want in x]
        print(f"self-test: {what}: "
              f"{'rejected: ' + hit[0] if hit else 'NOT REJECTED as expected'}")
        bad += not hit
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
