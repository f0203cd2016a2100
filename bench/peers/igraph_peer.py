#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Peer of `netvet assess`'s topology exposure written with python-igraph,
the way a user would script it: dependent weight of every risk domain and
vendor (delete the group, BFS from the sources) and single-point-of-failure
impact from igraph's dominator tree. Prints what bench/compare.py reads.

usage: igraph_peer.py INVENTORY REGISTRY AS_OF"""
import math
import sys
import time

import igraph as ig

from common import groups, load, report


def subtree_weights(idom, weight, n):
    children = [[] for _ in range(n + 1)]
    for v, d in enumerate(idom):
        if isinstance(d, float) and math.isnan(d) or d < 0:
            continue
        children[int(d)].append(v)
    impact = [0.0] * (n + 1)
    order, stack = [], [n]
    while stack:
        v = stack.pop()
        order.append(v)
        stack.extend(children[v])
    for v in reversed(order):
        if v < n:
            impact[v] += weight[v]
        for c in children[v]:
            impact[v] += impact[c]
    return impact[:n]


def main(inventory, registry, as_of):
    t0 = time.time()
    ids, vendor, domain, weight, is_source, edges = load(inventory, registry, as_of)
    t1 = time.time()
    n = len(ids)
    root = n
    sources = [k for k in range(n) if is_source[k]]
    g = ig.Graph(n=n + 1, edges=edges + [(root, s) for s in sources])
    g.vs["orig"] = list(range(n + 1))
    base = set(g.subcomponent(root))
    sinks = [k for k in range(n) if weight[k] > 0]
    disconnected = sum(weight[k] for k in sinks if k not in base)
    lost = {}
    for key, members in groups(vendor, domain).items():
        gone = set(members)
        h = g.induced_subgraph([v for v in range(n + 1) if v not in gone])
        hroot = h.vs.find(orig=root).index
        alive = {h.vs[i]["orig"] for i in h.subcomponent(hroot)}
        lost[key] = sum(weight[k] for k in sinks
                        if k in base and (k in gone or k not in alive))
    t2 = time.time()
    arcs = edges + [(b, a) for a, b in edges] + [(root, s) for s in sources]
    dg = ig.Graph(n=n + 1, edges=arcs, directed=True)
    idom = dg.dominator(root, mode="out")
    impact = subtree_weights(idom, weight, n)
    t3 = time.time()
    report(lost, disconnected, impact, ids)
    print(f"peer igraph: load {t1 - t0:.3f} s, exposure {t2 - t1:.3f} s, "
          f"dominators {t3 - t2:.3f} s", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:4])
