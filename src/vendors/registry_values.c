/* SPDX-License-Identifier: Apache-2.0 */
/* Format checks for registry values (ids, dates, PENs) and a safe excerpt
 * of untrusted text for diagnostics. Used by the YAML loader; kept apart so
 * each check can be read (and tested) on its own. */
#include <stdlib.h>
#include <string.h>

#include "inventory/inv.h"
#include "vendors/registry_int.h"

const char *nv_reg_show(const char *s, size_t len, char out[72])
{
    size_t n = len > 64 ? 64 : len;
    while (n < len && n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
        n--; /* do not cut a UTF-8 sequence */
    for (size_t i = 0; i < n; i++)
        out[i] = (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? '?' : s[i];
    memcpy(out + n, len > n ? "..." : "", len > n ? 4 : 1);
    return out;
}

int nv_reg_valid_id(const char *s, size_t len)
{
    if (len == 0 || len > NV_REG_MAX_ID)
        return 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        int ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                 (i > 0 && (c == '-' || c == '_'));
        if (!ok)
            return 0;
    }
    return 1;
}

/* Value of the n decimal digits at s, or -1. */
static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

int nv_reg_valid_date(const char *s, size_t len)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (len == 0)
        return 1;
    if (len != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    int y = digits(s, 4), m = digits(s + 5, 2), d = digits(s + 8, 2);
    if (y < 0 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

int nv_reg_parse_pen(const char *s, size_t len, uint32_t *out)
{
    uint64_t v = 0;
    if (len == 0 || len > 10)
        return 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (uint64_t)(s[i] - '0');
    }
    if (v == 0 || v > UINT32_MAX)
        return 0;
    *out = (uint32_t)v;
    return 1;
}

int32_t nv_reg_date_days(const char *s, int32_t open)
{
    int32_t d;
    if (!s || !*s || nv_parse_date(s, strlen(s), &d) < 0)
        return open;
    return d;
}

int nv_reg_parse_share(const char *s, size_t len, double *out)
{
    char buf[32];
    size_t dots = 0, digits_seen = 0;
    if (len == 0 || len >= sizeof(buf))
        return 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '.' && i > 0 && i + 1 < len)
            dots++;
        else if (s[i] >= '0' && s[i] <= '9')
            digits_seen++;
        else
            return 0;
    }
    if (dots > 1 || !digits_seen)
        return 0;
    memcpy(buf, s, len);
    buf[len] = '\0';
    double v = strtod(buf, NULL);
    if (!(v > 0 && v <= 100))
        return 0;
    *out = v;
    return 1;
}
