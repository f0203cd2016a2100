/* Unit tests of util/prefault.c: the page-aligned interior of a range, and
 * faulting ranges in on the helper thread without changing their bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/prefault.h"

static void test_interior(void **state)
{
    (void)state;
    const char *lo, *hi;
    const char *base = (const char *)(uintptr_t)0x10000;
    nv_prefault_interior(base + 16, 3 * 4096, 4096, &lo, &hi);
    assert_ptr_equal(lo, base + 4096);
    assert_ptr_equal(hi, base + 3 * 4096);
    nv_prefault_interior(base + 16, 4096, 4096, &lo, &hi);
    assert_ptr_equal(lo, hi); /* no whole page inside */
    nv_prefault_interior(base, 8192, 4096, &lo, &hi);
    assert_ptr_equal(lo, base);
    assert_ptr_equal(hi, base + 8192);
}

static void test_populate_keeps_bytes(void **state)
{
    (void)state;
    size_t n = 8u << 20;
    unsigned char *a = malloc(n), *b = malloc(n / 2);
    assert_non_null(a);
    assert_non_null(b);
    memset(a, 0xAB, 4096);
    nv_prefault pf = {0};
    nv_prefault_add(&pf, a, n, 1);
    nv_prefault_add(&pf, b, n / 2, 0);
    nv_prefault_add(&pf, NULL, 10, 0); /* ignored */
    assert_int_equal(pf.n, 2);
    nv_prefault_start(&pf);
    nv_prefault_join(&pf);
    assert_int_equal(a[0], 0xAB);
    assert_int_equal(a[4095], 0xAB);
    memset(b, 1, n / 2);
    assert_int_equal(b[n / 2 - 1], 1);
    free(a);
    free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_interior),
        cmocka_unit_test(test_populate_keeps_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
