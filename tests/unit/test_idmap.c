/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests of the element-id map (util/idmap.c): insert and find with
 * keys stored outside the map, duplicates, growth past the sized-for
 * count, prefetch calls on present and absent keys. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "netvet/errors.h"
#include "util/idmap.h"
#include "util/strtab.h"

/* Add key s as the next index of t, as the element loader does. */
static int add(nv_idmap *m, nv_strtab *t, const char *s, uint32_t *existing)
{
    size_t len = strlen(s);
    uint64_t h = nv_idmap_hash(s, len);
    int r = nv_idmap_insert(m, t->bytes, h, s, len, t->len, (uint32_t)t->n,
                            existing);
    uint32_t id;
    if (r == 1)
        assert_int_equal(nv_strtab_append(t, s, len, &id), 0);
    return r;
}

static int64_t find(const nv_idmap *m, const nv_strtab *t, const char *s)
{
    size_t len = strlen(s);
    uint64_t h = nv_idmap_hash(s, len);
    nv_idmap_prefetch(m, h);
    nv_idmap_prefetch_key(m, h, t->bytes);
    return nv_idmap_find(m, t->bytes, h, s, len);
}

static void test_insert_find_duplicate(void **state)
{
    (void)state;
    nv_idmap m;
    nv_strtab t;
    uint32_t ex = 77;
    assert_int_equal(nv_idmap_init(&m, 4), 0);
    assert_int_equal(nv_strtab_init(&t, 16, 0), 0);
    assert_int_equal(add(&m, &t, "NE1", &ex), 1);
    assert_int_equal(add(&m, &t, "NE2", &ex), 1);
    assert_int_equal(add(&m, &t, "NE", &ex), 1);
    assert_int_equal(ex, 77);
    assert_int_equal(add(&m, &t, "NE2", &ex), 0);
    assert_int_equal(ex, 1);
    assert_int_equal(find(&m, &t, "NE1"), 0);
    assert_int_equal(find(&m, &t, "NE2"), 1);
    assert_int_equal(find(&m, &t, "NE"), 2);
    assert_int_equal(find(&m, &t, "NE3"), -1);
    assert_int_equal(find(&m, &t, ""), -1);
    assert_int_equal(m.n, 3);
    nv_idmap_dispose(&m);
    nv_strtab_dispose(&t);
}

static void test_grows_past_expected_count(void **state)
{
    (void)state;
    nv_idmap m;
    nv_strtab t;
    char key[32];
    uint32_t ex;
    assert_int_equal(nv_idmap_init(&m, 1), 0);
    assert_int_equal(m.mask + 1, 64);
    assert_int_equal(nv_strtab_init(&t, 16, 0), 0);
    for (int i = 0; i < 5000; i++) {
        snprintf(key, sizeof(key), "id-%d", i);
        assert_int_equal(add(&m, &t, key, &ex), 1);
    }
    assert_int_equal(m.mask + 1, 8192);
    for (int i = 0; i < 5000; i++) {
        snprintf(key, sizeof(key), "id-%d", i);
        assert_int_equal(find(&m, &t, key), i);
    }
    assert_int_equal(add(&m, &t, "id-4999", &ex), 0);
    assert_int_equal(ex, 4999);
    assert_int_equal(find(&m, &t, "id-5000"), -1);
    nv_idmap_dispose(&m);
    nv_strtab_dispose(&t);
}

static void test_limits(void **state)
{
    (void)state;
    nv_idmap m;
    uint32_t ex;
    assert_int_equal(nv_idmap_init(&m, 1), 0);
    assert_int_equal(nv_idmap_insert(&m, "", 1, "x", 1, 1ULL << 40, 0, &ex),
                     NETVET_ELIMIT);
    assert_int_equal(nv_idmap_insert(&m, "", 1, "x", 1, 0, UINT32_MAX, &ex),
                     NETVET_ELIMIT);
    assert_int_equal(m.n, 0);
    nv_idmap_dispose(&m);
}

/* Every length through the three paths (up to 16, 17-32 with two
 * overlapping 16-byte halves, memcmp beyond), a difference at each byte. */
static void test_equal_bytes_every_length(void **state)
{
    (void)state;
    const char *a = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKL";
    char b[49];
    for (size_t len = 0; len <= 48; len++) {
        assert_true(nv_equal_bytes(a, a, len));
        for (size_t at = 0; at < len; at++) {
            memcpy(b, a, 49);
            b[at] = 'X';
            assert_false(nv_equal_bytes(a, b, len));
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_insert_find_duplicate),
        cmocka_unit_test(test_grows_past_expected_count),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_equal_bytes_every_length),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
