/* SPDX-License-Identifier: Apache-2.0 */
/* Unit test of util/bits.h: nv_popcount64 against a bit-by-bit count on
 * edge words and a million pseudo-random ones. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "util/bits.h"

static unsigned slow_count(uint64_t x)
{
    unsigned n = 0;
    for (int i = 0; i < 64; i++)
        n += (unsigned)((x >> i) & 1u);
    return n;
}

static void test_popcount(void **state)
{
    (void)state;
    assert_int_equal(nv_popcount64(0), 0);
    assert_int_equal(nv_popcount64(UINT64_MAX), 64);
    assert_int_equal(nv_popcount64(1), 1);
    assert_int_equal(nv_popcount64(1ULL << 63), 1);
    assert_int_equal(nv_popcount64(0x8000000000000001ULL), 2);
    assert_int_equal(nv_popcount64(0xF0F0F0F0F0F0F0F0ULL), 32);
    uint64_t x = 0x9E3779B97F4A7C15ULL;
    for (int i = 0; i < 1000000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        uint64_t y = x & (x >> (i % 64)); /* sparser words too */
        assert_int_equal(nv_popcount64(x), slow_count(x));
        assert_int_equal(nv_popcount64(y), slow_count(y));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_popcount)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
