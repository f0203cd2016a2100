#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Turn a `netvet assess --format json` report into the lines the peers
print (disconnected weight, dependent weight per domain and vendor, top
single points of failure), so that `diff` compares them.

usage: netvet_to_peer.py REPORT.json"""
import json
import sys

d = json.load(open(sys.argv[1]))
x = d["exposure"]
print(f"disconnected {x['disconnected_weight']:.0f}")
rows = [("domain", g["domain"], g["lost_weight"]) for g in x["domains"]]
rows += [("vendor", g["vendor"], g["lost_weight"]) for g in x["vendors"]]
for kind, name, w in sorted(rows):
    print(f"{kind} {name} {w:.0f}")
for s in x["single_points_of_failure"]["top"]:
    print(f"spof {s['id']} {s['impact']:.0f}")
