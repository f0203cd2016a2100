#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Write a netvet inventory as the five-column input of the task peer
(an independent python-igraph program of the exposure task: elements.csv
with id,vendor,function,site,weight and links.csv with a,b), keeping only
the elements netvet counts on the date and naming each by its resolved
root vendor, so both tools analyse the same graph. Not timed.

usage: to_task_input.py INVENTORY_DIR REGISTRY.yaml AS_OF OUT_DIR

Vendors are written as their registry root id, except Huawei and ZTE
(written "Huawei" and "ZTE", the task's CN domain); an unresolved vendor
as "unknown". Sources (netvet's core functions) get function "core", the
others "other"; the task reads nothing else from the function."""
import csv
import os
import sys

from common import load

TASK_NAMES = {"huawei": "Huawei", "zte": "ZTE"}


def main():
    inventory, registry, as_of, out = sys.argv[1:5]
    ids, vendor, domain, weight, is_source, edges = load(inventory, registry,
                                                         as_of)
    cn_other = {v for v, d in zip(vendor, domain)
                if d == "CN" and v not in TASK_NAMES}
    if cn_other:
        sys.exit(f"other CN vendors {sorted(cn_other)}: the task's CN domain "
                 "is Huawei and ZTE only")
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "elements.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "vendor", "function", "site", "weight"])
        for k, i in enumerate(ids):
            v = vendor[k]
            w.writerow([i, TASK_NAMES.get(v, v) if v else "unknown",
                        "core" if is_source[k] else "other", "",
                        int(round(weight[k]))])
    with open(os.path.join(out, "links.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["a", "b"])
        for a, b in edges:
            w.writerow([ids[a], ids[b]])


if __name__ == "__main__":
    main()
