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

/* [-]digits[.digits] with at most 15 significant digits, in one pass: the
 * quotient of two exactly representable doubles is correctly rounded
 * (Clinger's fast path), so this equals strtod without its cost. Plain
 * integers (most weights) and coordinates take this path. */
static int simple_decimal(nv_csv_field f, double *out)
{
    static const double pow10[16] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                                     1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
                                     1e15};
    size_t i = 0, digits = 0, frac = 0;
    int neg = f.len > 0 && f.p[0] == '-', dot = 0;
    uint64_t m = 0;
    for (i = (size_t)neg; i < f.len; i++) {
        unsigned d = (unsigned char)f.p[i] - '0';
        if (d > 9) {
            if (f.p[i] != '.' || dot)
                return -1;
            dot = 1;
            continue;
        }
        if (++digits > 15)
            return -1;
        m = m * 10 + d;
        frac += (size_t)dot;
    }
    if (digits == 0 || (dot && frac == 0))
        return -1;
    double v = frac ? (double)m / pow10[frac] : (double)m;
    *out = neg ? -v : v;
    return 0;
}

int nv_field_double(nv_csv_field f, double *out)
{
    char buf[64];
    f = nv_field_trim(f);
    if (simple_decimal(f, out) == 0)
        return 0;
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
