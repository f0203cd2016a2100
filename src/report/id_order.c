/* SPDX-License-Identifier: Apache-2.0 */
/* Element lists in element id order (bytewise), so what a report lists
 * never depends on the order of the input rows (issue 16, item 12). */
#include <stdlib.h>
#include <string.h>

#include "report/report.h"
#include "util/alloc.h"

/* qsort has no context argument: the ids being sorted, per thread. */
static _Thread_local const nv_strtab *sort_ids;

static int by_id(const void *pa, const void *pb)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    size_t la = nv_strtab_strlen(sort_ids, a), lb = nv_strtab_strlen(sort_ids, b);
    int c = memcmp(nv_strtab_get(sort_ids, a), nv_strtab_get(sort_ids, b),
                   la < lb ? la : lb);
    return c ? c : la < lb ? -1 : la > lb;
}

void nv_report_sort_by_id(const netvet_inventory *inv, uint32_t *k, size_t n)
{
    if (inv->ids_sorted || n < 2)
        return; /* index order is id order */
    sort_ids = &inv->ids;
    qsort(k, n, sizeof(*k), by_id);
}

int nv_report_id_order(const netvet_inventory *inv, const uint32_t *k,
                       size_t n, uint32_t **copy, const uint32_t **out)
{
    *copy = NULL;
    *out = k;
    if (inv->ids_sorted || n < 2)
        return 0;
    if (!(*copy = nv_malloc(n * sizeof(**copy))))
        return NETVET_ENOMEM;
    memcpy(*copy, k, n * sizeof(**copy));
    nv_report_sort_by_id(inv, *copy, n);
    *out = *copy;
    return 0;
}
