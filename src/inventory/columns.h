/* SPDX-License-Identifier: Apache-2.0 */
/* Header handling for the native CSV: which known column each header name
 * is, and field conversions shared by the element and link loaders. */
#ifndef NV_INVENTORY_COLUMNS_H
#define NV_INVENTORY_COLUMNS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "inventory/csv.h"
#include "util/strtab.h"

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
/* A cheap 64-bit mix of a field (its length and first and last bytes:
 * two overlapping loads of eight or four bytes, or three single bytes,
 * multiplied), for small caches keyed by value; the top bits are the best
 * mixed. */
static inline uint64_t nv_field_mix(nv_csv_field f)
{
    uint64_t a = 0, b = 0;
    if (f.len >= 8) {
        memcpy(&a, f.p, 8);
        memcpy(&b, f.p + f.len - 8, 8);
    } else if (f.len >= 4) {
        uint32_t x, y;
        memcpy(&x, f.p, 4);
        memcpy(&y, f.p + f.len - 4, 4);
        a = x;
        b = y;
    } else if (f.len) {
        const unsigned char *u = (const unsigned char *)f.p;
        a = (uint64_t)u[0] | (uint64_t)u[f.len / 2] << 8 |
            (uint64_t)u[f.len - 1] << 16;
    }
    uint64_t x = f.len ^ a * 0x9E3779B97F4A7C15ULL ^ b * 0xC2B2AE3D27D4EB4FULL;
    return x * 0xFF51AFD7ED558CCDULL;
}

/* nv_field_double by strtod (any form strtod takes). */
int nv_field_double_strtod(nv_csv_field f, double *out);

/* [-]digits[.digits] with at most 15 digits, in one pass each side of the
 * point: the quotient of two exactly representable doubles is correctly
 * rounded (Clinger's fast path), so this equals strtod without its cost.
 * Plain integers (most weights) and coordinates take this path.
 * @return 0, or -1 when the field has another form. */
static inline int nv_simple_decimal(nv_csv_field f, double *out)
{
    static const double pow10[16] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                                     1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
                                     1e15};
    const char *p = f.p, *end = f.p + f.len, *from;
    int neg = p < end && *p == '-';
    uint64_t m = 0;
    p += neg;
    for (from = p; p < end && (unsigned char)(*p - '0') <= 9; p++)
        m = m * 10 + (uint64_t)(*p - '0');
    size_t digits = (size_t)(p - from), frac = 0;
    if (p < end && *p == '.') {
        for (from = ++p; p < end && (unsigned char)(*p - '0') <= 9; p++)
            m = m * 10 + (uint64_t)(*p - '0');
        if ((frac = (size_t)(p - from)) == 0)
            return -1;
    }
    if (p != end || digits + frac == 0 || digits + frac > 15)
        return -1;
    double v = frac ? (double)m / pow10[frac] : (double)m;
    *out = neg ? -v : v;
    return 0;
}

/* Is f, of nv_simple_decimal's form, within [-lim, lim]? Judged from its
 * digits, without the division computing it takes: with at most 15
 * digits a value below lim is at least 1e-13 below it (lim <= 999), far
 * more than the rounding of a double there, so this is exactly
 * fabs(value) <= lim. @return 1 within, 0 outside, -1 for another form. */
static inline int nv_simple_decimal_within(nv_csv_field f, uint64_t lim)
{
    const char *p = f.p, *end = f.p + f.len, *from;
    uint64_t whole = 0;
    int frac_zero = 1;
    p += p < end && *p == '-';
    for (from = p; p < end && (unsigned char)(*p - '0') <= 9; p++)
        whole = whole * 10 + (uint64_t)(*p - '0');
    size_t digits = (size_t)(p - from), frac = 0;
    if (p < end && *p == '.') {
        for (from = ++p; p < end && (unsigned char)(*p - '0') <= 9; p++)
            frac_zero &= *p == '0';
        if ((frac = (size_t)(p - from)) == 0)
            return -1;
    }
    if (p != end || digits + frac == 0 || digits + frac > 15)
        return -1;
    return whole < lim || (whole == lim && frac_zero);
}

/* The largest weight or capacity a file may give: 2^32 rows of it sum to
 * about 4.3e24, far from overflow, and every sum stays finite
 * (docs/inventory-format.md). Scenarios, cost files and check use it too. */
#define NV_WEIGHT_MAX 1e15

/* nv_field_double of a field already trimmed, as every batched field
 * is (the loader's rows): the trim took 13 of 913 million instructions
 * of a 200k-element assessment. */
static inline int nv_field_number(nv_csv_field f, double *out)
{
    return nv_simple_decimal(f, out) == 0 ? 0 : nv_field_double_strtod(f, out);
}

/* The last value a numeric column accepted, by its text: files repeat a
 * column's value row after row (a 1M links.csv repeats its capacity in
 * 92 % of rows, elements.csv its weight in 68 %), and comparing at most
 * 16 bytes costs less than parsing them again. */
typedef struct nv_number_memo {
    char text[16];
    size_t len; /* > sizeof(text): nothing kept */
    double value;
} nv_number_memo;

#define NV_NUMBER_MEMO_INIT {{0}, SIZE_MAX, 0}

/* f's value if it is the text last kept (then *out is set): 1, else 0. */
static inline int nv_number_memo_get(const nv_number_memo *m, nv_csv_field f,
                                     double *out)
{
    if (f.len > sizeof(m->text) || f.len != m->len ||
        !nv_equal_bytes(f.p, m->text, f.len))
        return 0;
    *out = m->value;
    return 1;
}

/* Keep f, an accepted value v (texts longer than 16 bytes are not). */
static inline void nv_number_memo_put(nv_number_memo *m, nv_csv_field f,
                                      double v)
{
    m->len = SIZE_MAX;
    if (f.len > sizeof(m->text))
        return;
    memcpy(m->text, f.p, f.len);
    m->len = f.len;
    m->value = v;
}

/* A weight or capacity (trimmed f, not empty): a number from 0 to
 * NV_WEIGHT_MAX into *out, the memo's when f is the text it kept.
 * @return 0, or -1 for anything else (the memo keeps only accepted
 * values). */
static inline int nv_field_weight(nv_number_memo *m, nv_csv_field f,
                                  double *out)
{
    if (nv_number_memo_get(m, f, out))
        return 0;
    if (nv_field_number(f, out) < 0 || *out < 0 || *out > NV_WEIGHT_MAX)
        return -1;
    nv_number_memo_put(m, f, *out);
    return 0;
}

/* Parse a finite double, blanks around it allowed; 0 on success. */
static inline int nv_field_double(nv_csv_field f, double *out)
{
    return nv_field_number(nv_field_trim(f), out);
}

#endif
