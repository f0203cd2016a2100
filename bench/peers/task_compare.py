#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Compare netvet's JSON report with the task peer's result: the weight
lost without the CN risk domain (Huawei and ZTE) and without each vendor,
and the 20 largest single-point-of-failure impacts with their ids (ties by
id). Prints "same" or each difference; exit 1 when they differ.

usage: task_compare.py NETVET.json PEER.json"""
import json
import sys

TASK_NAMES = {"Huawei": "huawei", "ZTE": "zte"}


def main():
    nv = json.load(open(sys.argv[1]))["exposure"]
    peer = json.load(open(sys.argv[2]))
    diffs = []
    nv_dom = {g["domain"]: g["lost_weight"] for g in nv["domains"]}
    nv_ven = {g["vendor"]: g["lost_weight"] for g in nv["vendors"]}
    for d in peer["domains"]:
        name = d["domain"]
        if name == "CN":
            mine = nv_dom.get("CN")
        elif name == "unknown":
            continue  # netvet puts unresolved vendors in no group
        else:
            mine = nv_ven.get(TASK_NAMES.get(name, name))
        if mine is None or round(mine) != d["lost_weight"]:
            diffs.append(f"lost weight of {name}: netvet {mine}, "
                         f"peer {d['lost_weight']}")
    top = nv["single_points_of_failure"]["top"][:20]
    mine = [(s["id"], round(s["impact"])) for s in top]
    theirs = [(s["id"], s["impact"]) for s in peer["top_impact"]]
    if mine != theirs:
        diffs.append(f"top impacts: netvet {mine}, peer {theirs}")
    print("\n".join(diffs) if diffs else "same")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
