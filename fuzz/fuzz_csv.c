/* Fuzz target: arbitrary bytes as elements.csv (and the same bytes as
 * links.csv), loaded in one part and in three: rows read = loaded +
 * skipped, and both loads agree on the status, every element (id, line,
 * vendor, name), every link, the counts and the diagnostics. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "inventory/inv.h"
#include "inventory/parts.h"

typedef struct trace {
    uint64_t hash; /* of every diagnostic, in order */
    size_t n;
} trace;

static void record(const netvet_diag_entry *e, void *payload)
{
    trace *t = payload;
    uint64_t h = nv_hash_bytes(e->message, strlen(e->message));
    t->hash = (t->hash ^ h ^ e->line * 31 ^ e->column) * 0x100000001b3ULL;
    t->n++;
}

static int load(netvet_inventory **inv, const uint8_t *data, size_t size,
                size_t parts, trace *t)
{
    netvet_diag *diag = NULL;
    if (netvet_diag_new(&diag, record, t) < 0)
        abort();
    nv_parts_forced = parts;
    int rc = nv_inventory_load_buffers(inv, (const char *)data, size, "fuzz",
                                       (const char *)data, size,
                                       "fuzz-links", NULL, diag);
    nv_parts_forced = 0;
    netvet_diag_free(diag);
    return rc;
}

static int same_str(const netvet_inventory *a, const netvet_inventory *b,
                    uint32_t sa, uint32_t sb)
{
    return strcmp(nv_inv_str(a, sa), nv_inv_str(b, sb)) == 0;
}

static void compare(const netvet_inventory *a, const netvet_inventory *b)
{
    if (a->n != b->n || a->n_links != b->n_links)
        abort();
    for (int w = 0; w < 2; w++) {
        netvet_load_stats s = netvet_inventory_stats(a, w),
                          u = netvet_inventory_stats(b, w);
        if (s.rows_read != s.rows_loaded + s.rows_skipped ||
            memcmp(&s, &u, sizeof(s)) != 0)
            abort();
    }
    for (size_t k = 0; k < a->n; k++)
        if (strcmp(nv_inv_id(a, k), nv_inv_id(b, k)) != 0 ||
            a->line[k] != b->line[k] ||
            !same_str(a, b, a->vendor[k], b->vendor[k]) ||
            (a->name && !same_str(a, b, a->name[k], b->name[k])))
            abort();
    for (size_t i = 0; i < a->n_links; i++)
        if (a->link_a[i] != b->link_a[i] || a->link_b[i] != b->link_b[i] ||
            a->link_line[i] != b->link_line[i])
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    netvet_inventory *one = NULL, *three = NULL;
    trace t1 = {0, 0}, t3 = {0, 0};
    int rc1 = load(&one, data, size, 1, &t1);
    int rc3 = load(&three, data, size, 3, &t3);
    if (rc1 != rc3 || t1.n != t3.n || t1.hash != t3.hash)
        abort();
    if (rc1 == 0)
        compare(one, three);
    netvet_inventory_free(one);
    netvet_inventory_free(three);
    return 0;
}
