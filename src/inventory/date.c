/* SPDX-License-Identifier: Apache-2.0 */
/* ISO calendar dates <-> days since 1970-01-01 (proleptic Gregorian), for
 * install dates, rule effective dates and --as-of. */
#include "inventory/inv.h"
#include "util/bits.h"

/* "YYYY-MM-DD" into numbers: the first eight bytes are checked as one
 * word (digits and the two dashes at once), then the day's two bytes.
 * @return 0, or -1 when the text has another shape. */
static int split_date(const char *s, unsigned *y, unsigned *m, unsigned *d)
{
    const uint64_t dash_bytes = 0xFF0000FF00000000ULL; /* bytes 4 and 7 */
    const uint64_t high = 0xF0F0F0F0F0F0F0F0ULL, zeros = 0x3030303030303030ULL;
    uint64_t w = nv_load_le64(s);
    if ((w & dash_bytes) != (0x2D00002D00000000ULL & dash_bytes))
        return -1;
    w = (w & ~dash_bytes) | (zeros & dash_bytes); /* the dashes as '0' */
    /* a byte is a digit when its high nibble is 3 both as it is and
     * plus 6 (a byte that would carry fails the first test) */
    if ((w & high) != zeros || ((w + 0x0606060606060606ULL) & high) != zeros)
        return -1;
    w -= zeros;
    unsigned char d8 = (unsigned char)(s[8] - '0');
    unsigned char d9 = (unsigned char)(s[9] - '0');
    if (d8 > 9 || d9 > 9)
        return -1;
    *y = (unsigned)((w & 0xFF) * 1000 + (w >> 8 & 0xFF) * 100 +
                    (w >> 16 & 0xFF) * 10 + (w >> 24 & 0xFF));
    *m = (unsigned)((w >> 40 & 0xFF) * 10 + (w >> 48 & 0xFF));
    *d = d8 * 10u + d9;
    return 0;
}

/* Howard Hinnant's days_from_civil for the years 0-9999 a date has, in
 * unsigned arithmetic (cheaper divisions): years are counted from one
 * era (400 years, 146097 days) earlier, so year 0's January stays
 * positive. */
static int32_t days_from_civil(unsigned y, unsigned m, unsigned d)
{
    y = y + 400 - (m <= 2);
    unsigned era = y / 400, yoe = y - era * 400;
    unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + doe) - 719468 - 146097;
}

static unsigned days_in_month(unsigned y, unsigned m)
{
    static const unsigned char dm[12] = {31, 28, 31, 30, 31, 30,
                                         31, 31, 30, 31, 30, 31};
    if (m != 2)
        return dm[m - 1];
    return 28 + ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0);
}

int nv_parse_date(const char *s, size_t len, int32_t *days_out)
{
    unsigned y, m, d;
    if (len != 10 || split_date(s, &y, &m, &d) < 0)
        return -1;
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return -1;
    *days_out = days_from_civil(y, m, d);
    return 0;
}

void nv_format_date(int32_t days, char *buf)
{
    int z = days + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1;
    int m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    unsigned yy = (unsigned)y % 10000u, mm = (unsigned)m % 100u,
             dd = (unsigned)d % 100u;
    buf[0] = (char)('0' + yy / 1000);
    buf[1] = (char)('0' + yy / 100 % 10);
    buf[2] = (char)('0' + yy / 10 % 10);
    buf[3] = (char)('0' + yy % 10);
    buf[4] = '-';
    buf[5] = (char)('0' + mm / 10);
    buf[6] = (char)('0' + mm % 10);
    buf[7] = '-';
    buf[8] = (char)('0' + dd / 10);
    buf[9] = (char)('0' + dd % 10);
    buf[10] = '\0';
}

int32_t nv_add_months(int32_t days, int months)
{
    char buf[16];
    unsigned y, m, d;
    nv_format_date(days, buf);
    if (split_date(buf, &y, &m, &d) < 0)
        return days;
    long total = (long)y * 12 + (long)(m - 1) + months;
    if (total < 0)
        return days;
    y = (unsigned)(total / 12);
    m = (unsigned)(total % 12) + 1;
    unsigned last = days_in_month(y, m);
    return days_from_civil(y, m, d > last ? last : d);
}
