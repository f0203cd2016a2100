/* Header handling for the native CSV: which known column each header name
 * is, and field conversions shared by the element and link loaders. */
#ifndef NV_INVENTORY_COLUMNS_H
#define NV_INVENTORY_COLUMNS_H

#include <stddef.h>
#include <stdint.h>

#include "inventory/csv.h"

typedef enum nv_col {
    NV_COL_ATTR = 0, /* unknown: kept as an attribute */
    NV_COL_ID, NV_COL_NAME, NV_COL_VENDOR, NV_COL_MODEL, NV_COL_SOFTWARE,
    NV_COL_FUNCTION, NV_COL_SITE, NV_COL_REGION, NV_COL_LAT, NV_COL_LON,
    NV_COL_WEIGHT, NV_COL_INSTALLED, NV_COL_STATUS, NV_COL_TAGS, NV_COL_MAC,
    NV_COL_SYS_OBJECT_ID, NV_COL_SYS_DESCR, NV_COL_LLDP_DESCR, NV_COL_CPE,
    NV_COL_A, NV_COL_B, NV_COL_KIND, NV_COL_CAPACITY,
    NV_COL_COUNT
} nv_col;

/* Column kind for a header name (case-insensitive, surrounding blanks
 * ignored); `links` selects the links file's vocabulary. */
nv_col nv_col_lookup(const char *name, size_t len, int links);
const char *nv_col_name(nv_col col);

/* Strip spaces and tabs around a field. */
static inline nv_csv_field nv_field_trim(nv_csv_field f)
{
    while (f.len && (f.p[0] == ' ' || f.p[0] == '\t')) {
        f.p++;
        f.len--;
    }
    while (f.len && (f.p[f.len - 1] == ' ' || f.p[f.len - 1] == '\t'))
        f.len--;
    return f;
}
/* Parse a finite double; 0 on success. */
int nv_field_double(nv_csv_field f, double *out);

#endif
