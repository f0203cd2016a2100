#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Independent check of the what-if example figures (tests/unit/
test_whatif.c pins them): the China risk domain's dependent weight in
examples/uk-operator before and after the two example scenarios, computed
here from the CSV files with a plain BFS, not with netvet's code.

A sink (weight > 0) is lost when no path from a core element avoids every
element of the domain; sinks of the domain count as lost; sinks no core
reaches in the intact network are charged to no domain. Elements count when
active, or planned with an installed date on or before AS_OF."""
import collections
import csv
import sys

AS_OF = '2026-11-23'
CN = ('huawei', 'zte')


def counted(r):
    if r['status'] == 'decommissioned':
        return False
    if r['installed'] and r['installed'] > AS_OF:
        return False
    return r['status'] != 'planned' or bool(r['installed'])


def load(base):
    rows = list(csv.DictReader(open(base + '/elements.csv', newline='')))
    links = list(csv.DictReader(open(base + '/links.csv', newline='')))
    return rows, links


def lost_weight(rows, links, in_domain):
    keep = {r['id'] for r in rows if counted(r)}
    adj = collections.defaultdict(list)
    for l in links:
        if l['a'] in keep and l['b'] in keep:
            adj[l['a']].append(l['b'])
            adj[l['b']].append(l['a'])

    def reach(blocked):
        seen = {r['id'] for r in rows if r['id'] in keep and
                r['function'].lower() == 'core' and r['id'] not in blocked}
        todo = list(seen)
        while todo:
            for m in adj[todo.pop()]:
                if m not in seen and m not in blocked:
                    seen.add(m)
                    todo.append(m)
        return seen

    intact = reach(set())
    blocked = {r['id'] for r in rows if r['id'] in keep and in_domain(r)}
    cut = reach(blocked)
    sinks = [r for r in rows if r['id'] in keep and float(r['weight']) > 0]
    total = sum(float(r['weight']) for r in sinks)
    lost = sum(float(r['weight']) for r in sinks
               if r['id'] in intact and r['id'] not in cut)
    return lost, total


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else 'examples/uk-operator'
    rows, links = load(base)
    cn = lambda r: any(v in r['vendor'].lower() for v in CN)
    lost, total = lost_weight(rows, links, cn)
    print(f'before: CN lost {lost:.0f} of {total:.0f} ({100*lost/total:.2f}%)')
    for name, to_cn in (('add-zte-aggregation', True),
                        ('add-ericsson-aggregation', False)):
        def moved(r):
            return (r['function'] == 'aggregation' and
                    r['region'] in ('London', 'South East') and
                    'juniper' in r['vendor'].lower())
        n = sum(1 for r in rows if moved(r))
        dom = lambda r: cn(r) or (to_cn and moved(r))
        lost, total = lost_weight(rows, links, dom)
        print(f'{name}: {n} elements changed; CN lost {lost:.0f} of '
              f'{total:.0f} ({100*lost/total:.2f}%)')


if __name__ == '__main__':
    main()
