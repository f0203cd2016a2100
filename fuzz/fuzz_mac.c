/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target for the evidence parsers: the input as a MAC address,
 * as a sysObjectID, as an IEEE CSV and as an enterprises.tsv table, with
 * their invariants (a parsed MAC round-trips through hex; an OID's PEN
 * reappears in its text; every loaded block is found by lookup). Under gcc
 * it links fuzz/replay.c, which feeds it the corpus files. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "attrib/oui.h"
#include "attrib/pen.h"
#include "util/alloc.h"

static void check_mac(const char *s, size_t len)
{
    uint64_t mac = 0;
    nv_mac_status st = nv_mac_parse(s, len, &mac);
    if (st == NV_MAC_INVALID)
        return;
    char hex[13];
    snprintf(hex, sizeof(hex), "%012llx", (unsigned long long)mac);
    uint64_t again = 0;
    if (mac >> 48 || nv_mac_parse(hex, 12, &again) != st || again != mac)
        __builtin_trap();
}

static int contains(const char *s, size_t len, const char *w, size_t wl)
{
    for (size_t i = 0; i + wl <= len; i++)
        if (memcmp(s + i, w, wl) == 0)
            return 1;
    return 0;
}

static void check_oid(const char *s, size_t len)
{
    uint32_t pen;
    if (!nv_pen_parse_oid(s, len, &pen))
        return;
    char num[16];
    int n = snprintf(num, sizeof(num), ".%lu", (unsigned long)pen);
    if (n <= 0 || !contains(s, len, num, (size_t)n))
        __builtin_trap();
}

static void check_tables(const uint8_t *data, size_t size)
{
    nv_oui_db db;
    nv_pen_db pens;
    char *copy = nv_malloc(size + 1);
    if (!copy || nv_oui_db_init(&db) < 0) {
        nv_free(copy);
        return;
    }
    if (size) /* data may be NULL when empty */
        memcpy(copy, data, size);
    if (nv_oui_db_add_buffer(&db, copy, size, "fuzz.csv", NULL) == 0 &&
        nv_oui_db_finish(&db) == 0) {
        for (size_t k = 0; k < db.n[0]; k++) {
            nv_oui_hit hit;
            if (!nv_oui_lookup(&db, db.blk[0][k].prefix << 24, &hit))
                __builtin_trap();
        }
    }
    nv_oui_db_dispose(&db);
    nv_free(copy);
    if (nv_pen_db_init(&pens) < 0)
        return;
    if (nv_pen_db_add_buffer(&pens, (const char *)data, size, "fuzz.tsv",
                             NULL) == 0 &&
        nv_pen_db_finish(&pens) == 0) {
        for (size_t k = 0; k < pens.n; k++)
            if (!nv_pen_db_lookup(&pens, pens.pen[k]))
                __builtin_trap();
    }
    nv_pen_db_dispose(&pens);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_mac((const char *)data, size);
    check_oid((const char *)data, size);
    check_tables(data, size);
    return 0;
}
