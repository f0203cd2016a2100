# SPDX-License-Identifier: Apache-2.0
# Writes elements.csv and links.csv of the uk-operator-2023 example: a small
# UK operator as of 2022 (four regions; Huawei in 5G RAN, FTTP access,
# aggregation and core). Deterministic: `python3 make.py` rewrites the same
# files.
import random

REGIONS = [("North", "NTH"), ("Midlands", "MID"), ("London", "LON"),
           ("South", "STH")]
rng = random.Random(2023)
els, links = [], []


def el(eid, name, vendor, function, site, region, weight, installed, tags):
    els.append((eid, name, vendor, function, site, region, weight,
                installed, "active", tags))
    return eid


def date():
    return "20%02d-%02d-%02d" % (rng.randint(18, 21), rng.randint(1, 12),
                                 rng.randint(1, 28))


def core():
    c = [el("CR01", "lon-dc1-cr01", "Huawei", "core", "LON-DC1", "London",
            0, "2019-03-14", ""),
         el("CR02", "man-dc1-cr02", "Huawei", "core", "MAN-DC1", "North",
            0, "2019-03-14", ""),
         el("CR03", "lon-dc1-cr03", "Nokia", "core", "LON-DC1", "London",
            0, "2020-05-02", ""),
         el("CR04", "man-dc1-cr04", "Nokia", "core", "MAN-DC1", "North",
            0, "2020-05-02", "")]
    el("5GC01", "lon-dc1-amf01", "Huawei", "core", "LON-DC1", "London", 0,
       "2020-09-01", "5g")
    el("5GC02", "man-dc1-amf02", "Huawei", "core", "MAN-DC1", "North", 0,
       "2020-09-01", "5g")
    el("OSS01", "lon-dc1-oss01", "Huawei", "management", "LON-DC1",
       "London", 0, "2019-06-30", "")
    el("SEC01", "lon-dc1-fw01", "Juniper", "security", "LON-DC1", "London",
       0, "2019-06-30", "")
    for a, b in [("CR01", "CR02"), ("CR02", "CR04"), ("CR04", "CR03"),
                 ("CR03", "CR01"), ("CR01", "5GC01"), ("CR02", "5GC02"),
                 ("CR03", "OSS01"), ("CR03", "SEC01")]:
        links.append((a, b, "core"))
    return c


def region(rname, code, cores):
    aggs = []
    for i in range(2):
        v = "Huawei" if i == 0 else "Cisco"
        a = el("%s-AG%d" % (code, i + 1), "%s-agg%d" % (code.lower(), i + 1),
               v, "aggregation", "%s-AGG" % code, rname, 0, date(), "")
        links.append((a, cores[i], "backbone"))
        links.append((a, cores[2 + i], "backbone"))
        aggs.append(a)
    links.append((aggs[0], aggs[1], "backbone"))
    for i in range(20):  # 5G gNBs, half Huawei
        v = "Huawei" if i % 2 == 0 else "Ericsson"
        g = el("%s-GNB%02d" % (code, i + 1), "%s-gnb%02d" % (code.lower(), i + 1),
               v, "ran", "%s-CS%02d" % (code, i + 1), rname,
               rng.randint(80, 160), date(), "5g")
        links.append((g, aggs[i % 2], "backhaul"))
    for i in range(10):  # 4G eNBs
        v = "Huawei" if i % 2 == 0 else "Ericsson"
        e = el("%s-ENB%02d" % (code, i + 1), "%s-enb%02d" % (code.lower(), i + 1),
               v, "ran", "%s-CS%02d" % (code, i + 1), rname,
               rng.randint(40, 90), date(), "4g")
        links.append((e, aggs[i % 2], "backhaul"))
    for i in range(4):  # FTTP OLTs and their ONTs, half Huawei
        v = "Huawei" if i % 2 == 0 else "Nokia"
        o = el("%s-OLT%d" % (code, i + 1), "%s-olt%d" % (code.lower(), i + 1),
               v, "access", "%s-EX%d" % (code, i + 1), rname, 0, date(),
               "fttp")
        links.append((o, aggs[i % 2], "backhaul"))
        for j in range(8):
            n = el("%s-ONT%d%02d" % (code, i + 1, j + 1), "", v, "cpe",
                   "%s-EX%d" % (code, i + 1), rname, rng.randint(20, 60),
                   date(), "fttp")
            links.append((n, o, "fibre"))


def sensitive():
    for i in range(3):  # radio at a site significant to national security
        g = el("SEC-GNB%d" % (i + 1), "mod1-gnb%d" % (i + 1), "Huawei", "ran",
               "MOD-1", "South", 30, "2021-02-11", "5g;sensitive")
        links.append((g, "STH-AG1", "backhaul"))


cores = core()
for rname, code in REGIONS:
    region(rname, code, cores)
sensitive()
with open("elements.csv", "w") as f:
    f.write("id,name,vendor,function,site,region,weight,installed,status,"
            "tags\n")
    for e in els:
        f.write(",".join(str(x) for x in e) + "\n")
with open("links.csv", "w") as f:
    f.write("a,b,kind\n")
    for a, b, k in links:
        f.write("%s,%s,%s\n" % (a, b, k))
