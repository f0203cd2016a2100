#!/usr/bin/python3
# SPDX-License-Identifier: Apache-2.0
"""Peer of `netvet assess`'s topology exposure written with NetworkX: the
same computation as igraph_peer.py (delete each group, BFS from the
sources; immediate_dominators on the mutual-arc digraph with a virtual
root). Prints what bench/compare.py reads.

usage: networkx_peer.py INVENTORY REGISTRY AS_OF"""
import sys
import time

import networkx as nx

from common import groups, load, report


def main(inventory, registry, as_of):
    t0 = time.time()
    ids, vendor, domain, weight, is_source, edges = load(inventory, registry, as_of)
    t1 = time.time()
    n = len(ids)
    root = n
    g = nx.Graph()
    g.add_nodes_from(range(n + 1))
    g.add_edges_from(edges)
    g.add_edges_from((root, k) for k in range(n) if is_source[k])
    base = nx.node_connected_component(g, root)
    sinks = [k for k in range(n) if weight[k] > 0]
    disconnected = sum(weight[k] for k in sinks if k not in base)
    lost = {}
    for key, members in groups(vendor, domain).items():
        gone = set(members)
        h = g.subgraph(v for v in g if v not in gone)
        alive = nx.node_connected_component(h, root)
        lost[key] = sum(weight[k] for k in sinks
                        if k in base and (k in gone or k not in alive))
    t2 = time.time()
    idom = nx.immediate_dominators(g.to_directed(), root)
    children = {}
    for v, d in idom.items():
        if v != d:
            children.setdefault(d, []).append(v)
    impact = [0.0] * (n + 1)
    order, stack = [], [root]
    while stack:
        v = stack.pop()
        order.append(v)
        stack.extend(children.get(v, []))
    for v in reversed(order):
        if v < n:
            impact[v] += weight[v]
        for c in children.get(v, []):
            impact[v] += impact[c]
    t3 = time.time()
    report(lost, disconnected, impact[:n], ids)
    print(f"peer networkx: load {t1 - t0:.3f} s, exposure {t2 - t1:.3f} s, "
          f"dominators {t3 - t2:.3f} s", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:4])
