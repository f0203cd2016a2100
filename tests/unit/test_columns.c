/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests of the field conversions in inventory/columns.h: the inline
 * decimal fast path must give exactly what strtod gives (same verdict,
 * same bits) on every form, and hand it the forms it does not take; the
 * range check of coordinates judged from their digits agrees with it; the
 * memo of the last accepted number answers only for that exact text. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "inventory/columns.h"

/* The reference: strtod over the blank-trimmed field, whole and finite. */
static int reference(const char *s, double *out)
{
    nv_csv_field f = nv_field_trim((nv_csv_field){s, strlen(s)});
    char buf[64];
    if (f.len == 0 || f.len >= sizeof(buf))
        return -1;
    memcpy(buf, f.p, f.len);
    buf[f.len] = '\0';
    char *end;
    double v = strtod(buf, &end);
    if (*end != '\0' || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

static void check(const char *s)
{
    double got = 1234.5, want = 1234.5, trimmed = 1234.5;
    int rc = nv_field_double((nv_csv_field){s, strlen(s)}, &got);
    int ref = reference(s, &want);
    if (rc != ref || (rc == 0 && memcmp(&got, &want, sizeof(got)) != 0))
        fail_msg("'%s': got %d %.17g, strtod %d %.17g", s, rc, got, ref, want);
    /* the loader's form: the same on the field without its blanks */
    int rt = nv_field_number(nv_field_trim((nv_csv_field){s, strlen(s)}),
                             &trimmed);
    if (rt != ref || (rt == 0 && memcmp(&trimmed, &want, sizeof(want)) != 0))
        fail_msg("'%s' trimmed: got %d %.17g, strtod %d %.17g", s, rt,
                 trimmed, ref, want);
}

static void test_edge_forms(void **state)
{
    (void)state;
    static const char *const forms[] = {
        "0", "-0", "5", "5.", ".5", "-.5", "-", ".", "", " ", "-5.25", "1e3",
        "1E-3", " 12 ", "\t7\t", "0x10", "inf", "-inf", "nan", "1.2.3",
        "--1", "+1", "1-", "12a", "000000000000001", "0000000000000001",
        "123456789012345", "1234567890123456", "12345678.9012345",
        "1234567890123.456", "0.000000000000001", "99999999999999.9",
        "51.50850", "-0.01380", "1e400", "4.9e-324", "18446744073709551616",
        "9007199254740993", "0.1", "0.3", "2.675", "1.0000000000000002",
    };
    for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++)
        check(forms[i]);
}

/* Random decimals of 1 to 18 digits, a point anywhere (or none), a sign
 * sometimes: every one compared with strtod. */
static void test_random_decimals(void **state)
{
    (void)state;
    uint64_t x = 0x9E3779B97F4A7C15ULL;
    for (int n = 0; n < 300000; n++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        char s[32];
        size_t len = 0, digits = 1 + (size_t)(x % 18);
        size_t point = (size_t)((x >> 8) % (digits + 2)); /* digits + 1: none */
        if ((x >> 16) & 1)
            s[len++] = '-';
        for (size_t d = 0; d < digits; d++) {
            if (d == point)
                s[len++] = '.';
            s[len++] = (char)('0' + (x >> (20 + 2 * (d % 20))) % 10);
        }
        if (point == digits)
            s[len++] = '.';
        s[len] = '\0';
        check(s);
    }
}

/* nv_simple_decimal_within against strtod and fabs: the same verdict for
 * every coordinate of its form near the limits (88-92 and 178-182, 0-13
 * decimals, zeros and nines), -1 for the forms it leaves to strtod. */
static void check_within(const char *s, uint64_t lim)
{
    double v;
    int got = nv_simple_decimal_within((nv_csv_field){s, strlen(s)}, lim);
    if (got < 0) {
        double unused;
        if (nv_simple_decimal((nv_csv_field){s, strlen(s)}, &unused) == 0)
            fail_msg("'%s': left to strtod, but of the simple form", s);
        return;
    }
    assert_int_equal(reference(s, &v), 0);
    if (got != (fabs(v) <= (double)lim))
        fail_msg("'%s' within %llu: got %d, strtod %.17g", s,
                 (unsigned long long)lim, got, v);
}

static void test_coordinates_within(void **state)
{
    (void)state;
    static const char *const forms[] = {
        "90", "90.", "90.0", "90.000000000000", "-90", "90.0000000000001",
        "89.9999999999999", "0090", "91", "-90.5", "180", "180.000000000001",
        "179.999999999999", "1e1", "+45", "", "-", ".5", "-.0",
    };
    for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
        check_within(forms[i], 90);
        check_within(forms[i], 180);
    }
    static const char *const tails[] = {"", "0", "9", "00000", "99999",
                                        "0000000000001", "9999999999999",
                                        "5", "0000000000000"};
    char s[40];
    for (int whole = 88; whole <= 182; whole++) {
        if (whole == 93)
            whole = 178;
        for (size_t t = 0; t < sizeof(tails) / sizeof(tails[0]); t++)
            for (int neg = 0; neg < 2; neg++) {
                snprintf(s, sizeof(s), "%s%d%s%s", neg ? "-" : "", whole,
                         *tails[t] ? "." : "", tails[t]);
                check_within(s, 90);
                check_within(s, 180);
            }
    }
}

static nv_csv_field text(const char *s)
{
    return (nv_csv_field){s, strlen(s)};
}

static void test_number_memo(void **state)
{
    (void)state;
    nv_number_memo m = NV_NUMBER_MEMO_INIT;
    double v = -1;
    assert_int_equal(nv_number_memo_get(&m, text(""), &v), 0); /* empty */
    assert_int_equal(nv_number_memo_get(&m, text("12.5"), &v), 0);
    nv_number_memo_put(&m, text("12.5"), 12.5);
    assert_int_equal(nv_number_memo_get(&m, text("12.5"), &v), 1);
    assert_true(v == 12.5);
    v = -1; /* the same number spelt otherwise is parsed again */
    assert_int_equal(nv_number_memo_get(&m, text("12.50"), &v), 0);
    assert_int_equal(nv_number_memo_get(&m, text("12.4"), &v), 0);
    assert_int_equal(nv_number_memo_get(&m, text("12."), &v), 0);
    assert_true(v == -1);
    /* sixteen bytes are kept; seventeen replace the memo with nothing */
    nv_number_memo_put(&m, text("1234567890.12345"), 1234567890.12345);
    assert_int_equal(nv_number_memo_get(&m, text("1234567890.12345"), &v), 1);
    assert_true(v == 1234567890.12345);
    assert_int_equal(nv_number_memo_get(&m, text("1234567890.12346"), &v), 0);
    nv_number_memo_put(&m, text("1234567890.123456"), 1234567890.123456);
    assert_int_equal(nv_number_memo_get(&m, text("1234567890.123456"), &v), 0);
    assert_int_equal(nv_number_memo_get(&m, text("1234567890.12345"), &v), 0);
    /* the empty text is a value like any other once kept */
    nv_number_memo_put(&m, text(""), 0);
    assert_int_equal(nv_number_memo_get(&m, text(""), &v), 1);
    assert_true(v == 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_edge_forms),
        cmocka_unit_test(test_random_decimals),
        cmocka_unit_test(test_coordinates_within),
        cmocka_unit_test(test_number_memo),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
