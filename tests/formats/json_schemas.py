#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Validate netvet's JSON documents against schemas/*.schema.json with
python3-jsonschema (JSON Schema 2020-12): the expected output of every
e2e case that writes JSON, and live runs of the built netvet for each
document kind (assess, whatif, check, plan, timeline, identify; the bundled
example and the hostile inventory). A document is matched to its schema by
its "schema" member. First the schemas must reject broken documents, so a
schema that accepts everything cannot pass. Skipped (77) without jsonschema.
Usage: json_schemas.py NETVET"""
import glob
import json
import os
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    print("SKIP: python3-jsonschema is not installed (scripts/install-deps.sh)")
    sys.exit(77)

src = os.environ.get("NETVET_SOURCE_DIR") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..")
netvet = sys.argv[1]
schemas = {}
for path in glob.glob(os.path.join(src, "schemas", "*.schema.json")):
    with open(path, encoding="utf-8") as f:
        s = json.load(f)
    jsonschema.Draft202012Validator.check_schema(s)
    name = os.path.basename(path)[: -len(".schema.json")]
    schemas[name] = jsonschema.Draft202012Validator(s)


def errors(doc):
    kind = str(doc.get("schema", "")).replace("/", "-")
    if kind not in schemas:
        return ["no schema for %r" % doc.get("schema")]
    return ["%s: %s" % ("/".join(map(str, e.absolute_path)), e.message)
            for e in schemas[kind].iter_errors(doc)]


failed = 0
checked = 0


def check(label, text):
    global failed, checked
    try:
        doc = json.loads(text)
    except ValueError as e:
        print("FAIL %s: not JSON: %s" % (label, e))
        failed += 1
        return None
    errs = errors(doc)
    checked += 1
    if errs:
        failed += 1
        print("FAIL %s (%s):" % (label, doc.get("schema")))
        for e in errs[:10]:
            print("  " + e)
    return doc


# e2e expected outputs
for case in sorted(glob.glob(os.path.join(src, "tests", "e2e", "*", "args"))):
    with open(case, encoding="utf-8") as f:
        args = f.read().split("\n")
    if "--format" not in args or args[args.index("--format") + 1] != "json":
        continue
    out = os.path.join(os.path.dirname(case), "expected.stdout")
    if not os.path.exists(out) or os.path.getsize(out) == 0:
        continue
    with open(out, encoding="utf-8") as f:
        check(os.path.basename(os.path.dirname(case)), f.read())

# live runs
ex = "examples/uk-operator"
runs = {
    "assess-example": ["assess", ex, "--as-of", "2026-11-23"],
    "assess-hostile": ["assess", "tests/data/hostile", "--as-of", "2026-01-01"],
    "assess-control-chars": ["assess", "tests/data/bad/control-chars.csv",
                             "--as-of", "2026-01-01"],
    "whatif-zte": ["whatif", ex, "--scenario",
                   ex + "/scenarios/add-zte-aggregation.yaml",
                   "--as-of", "2026-11-23"],
    "check-example": ["check", ex, "--vendor", "Huawei", "--function", "ran",
                      "--region", "London", "--count", "200", "--as-of",
                      "2026-11-23"],
    "plan-small": ["plan", "tests/data/small", "--target",
                   "uk-hrv-access-cap", "--as-of", "2026-01-01"],
    "timeline-example": ["timeline", "examples/uk-operator-2023",
                         "--policy", "uk-dvd-2022", "--scenario",
                         "examples/uk-operator-2023/plan.yaml"],
    "identify-evidence": ["identify", "tests/data/evidence/small.csv"],
}
docs = {}
for label, args in runs.items():
    p = subprocess.run([netvet] + args + ["--format", "json"], cwd=src,
                       capture_output=True, text=True)
    if p.returncode not in (0, 1, 3):
        print("FAIL %s: netvet exit %d: %s" % (label, p.returncode, p.stderr))
        failed += 1
        continue
    docs[label] = check(label, p.stdout)

# the schemas must reject what netvet must never write
bad = []
a = docs.get("assess-example")
if a:
    bad.append(("verdict 'maybe'", dict(a, verdict="maybe")))
    bad.append(("no findings", {k: v for k, v in a.items() if k != "findings"}))
    bad.append(("extra member", dict(a, surprise=1)))
    bad.append(("share 1.5", dict(a, shares=[dict(a["shares"][0], hhi_count=1.5)])))
t = docs.get("timeline-example")
if t:
    bad.append(("timeline verdict lower case",
                dict(t, points=[dict(t["points"][0], verdict="pass")])))
for label, doc in bad:
    if not errors(doc):
        print("FAIL: the schema accepts a document with %s" % label)
        failed += 1
print("%d documents checked against %d schemas, %d broken ones rejected"
      % (checked, len(schemas), len(bad)))
sys.exit(1 if failed else 0)
