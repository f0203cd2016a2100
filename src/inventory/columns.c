/* SPDX-License-Identifier: Apache-2.0 */
/* Known column names of elements.csv and links.csv, and field parsing. */
#include "inventory/columns.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const names[NV_COL_COUNT] = {
    "", "id", "name", "vendor", "model", "software", "function", "site",
    "region", "lat", "lon", "weight", "installed", "status", "tags", "mac",
    "sys_object_id", "sys_descr", "lldp_descr", "cpe", "a", "b", "kind",
    "capacity",
};

const char *nv_col_name(nv_col col) { return names[col]; }

nv_col nv_col_lookup(const char *name, size_t len, int links)
{
    nv_csv_field f = nv_field_trim((nv_csv_field){name, len});
    int first = links ? NV_COL_A : NV_COL_ID;
    int last = links ? NV_COL_CAPACITY : NV_COL_CPE;
    for (int c = first; c <= last; c++) {
        if (strlen(names[c]) == f.len && strncasecmp(names[c], f.p, f.len) == 0)
            return (nv_col)c;
    }
    return NV_COL_ATTR;
}

int nv_field_double_strtod(nv_csv_field f, double *out)
{
    char buf[64];
    f = nv_field_trim(f);
    if (f.len == 0 || f.len >= sizeof(buf))
        return -1;
    memcpy(buf, f.p, f.len);
    buf[f.len] = '\0';
    char *endp;
    double v = strtod(buf, &endp);
    if (*endp != '\0' || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}
