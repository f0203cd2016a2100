/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests of the string table: interning and appending, the packed
 * (offset, length) entries, and the shared tables parts of one file load
 * into: limits, shared bytes and rows, merging in place and by copy, and
 * copies that pack the gaps a merge leaves. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "netvet/errors.h"
#include "util/strtab.h"

static uint32_t add(nv_strtab *t, const char *s, int intern)
{
    uint32_t id;
    int rc = intern ? nv_strtab_intern(t, s, strlen(s), &id, NULL)
                    : nv_strtab_append(t, s, strlen(s), &id);
    assert_int_equal(rc, 0);
    return id;
}

static void assert_str(const nv_strtab *t, uint32_t id, const char *s)
{
    assert_int_equal(nv_strtab_strlen(t, id), strlen(s));
    assert_string_equal(nv_strtab_get(t, id), s);
}

static void test_intern_append_and_lengths(void **state)
{
    (void)state;
    nv_strtab t;
    assert_int_equal(nv_strtab_init(&t, 4, 1), 0);
    assert_str(&t, 0, "");
    assert_int_equal(add(&t, "alpha", 1), 1);
    assert_int_equal(add(&t, "alpha", 1), 1);
    assert_int_equal(add(&t, "alpha", 0), 2); /* appended: a new id */
    assert_int_equal(add(&t, "", 0), 0);      /* the reserved empty string */
    assert_int_equal(nv_strtab_find(&t, "alpha", 5), 1);
    assert_int_equal(nv_strtab_find(&t, "beta", 4), -1);
    for (int i = 0; i < 1000; i++) { /* rehashes several times */
        char s[16];
        snprintf(s, sizeof(s), "v%d", i);
        assert_int_equal(add(&t, s, 1), 3 + i);
    }
    assert_str(&t, 1002, "v999");
    assert_int_equal(nv_strtab_offset(&t, 1), 1);
    assert_int_equal(t.off[1], (1ull << 24) | 5); /* offset << 24 | length */
    static char big[NV_STRTAB_MAX_LEN + 1];
    uint32_t id;
    memset(big, 'x', sizeof(big));
    assert_int_equal(nv_strtab_append(&t, big, sizeof(big), &id), NETVET_ELIMIT);
    assert_int_equal(nv_strtab_append(&t, big, sizeof(big) - 1, &id), 0);
    assert_int_equal(nv_strtab_strlen(&t, id), NV_STRTAB_MAX_LEN);
    nv_strtab_dispose(&t);
}

static void test_limit(void **state)
{
    (void)state;
    nv_strtab t;
    assert_int_equal(nv_strtab_init(&t, 4, 1), 0);
    assert_int_equal(nv_strtab_reserve(&t, 16, 100), 0);
    assert_int_equal(nv_strtab_limit(&t, 0x1000), NETVET_ELIMIT); /* > cap */
    assert_int_equal(nv_strtab_limit(&t, 10), 0);
    const char *bytes = t.bytes; /* limited: reserving never moves them */
    assert_int_equal(nv_strtab_reserve(&t, 16, 1 << 20), 0);
    assert_true(t.bytes == bytes);
    add(&t, "abcd", 1); /* bytes 1..5 */
    add(&t, "efg", 0);  /* bytes 6..9 */
    uint32_t id;
    assert_int_equal(nv_strtab_append(&t, "h", 1, &id), NETVET_ELIMIT);
    assert_int_equal(nv_strtab_intern(&t, "hi", 2, &id, NULL), NETVET_ELIMIT);
    assert_int_equal(nv_strtab_intern(&t, "abcd", 4, &id, NULL), 0);
    assert_int_equal(id, 1); /* found: no room needed */
    assert_int_equal(nv_strtab_limit(&t, 5), NETVET_ELIMIT); /* < len */
    assert_int_equal(nv_strtab_limit(&t, 0), 0);
    assert_int_equal(nv_strtab_append(&t, "h", 1, &id), 0);
    assert_str(&t, id, "h");
    nv_strtab_dispose(&t);
}

/* Two parts into one table: part 0 is t itself, within [0, 64); the part
 * stores its strings in t's bytes [64, 128). */
static void test_shared_bytes_merged_in_place(void **state)
{
    (void)state;
    nv_strtab t, part;
    assert_int_equal(nv_strtab_init(&t, 4, 1), 0);
    assert_int_equal(nv_strtab_init(&part, 4, 1), 0);
    assert_int_equal(nv_strtab_reserve(&t, 64, 128), 0);
    assert_int_equal(nv_strtab_limit(&t, 64), 0);
    add(&part, "kept", 1); /* held before sharing: moved into the span */
    assert_int_equal(nv_strtab_share_bytes(&part, &t, 64, 128), 0);
    assert_str(&part, 1, "kept");
    assert_int_equal(nv_strtab_offset(&part, 0), 64);
    add(&t, "Nokia", 1);            /* 1 */
    add(&t, "name-a", 0);           /* 2 */
    add(&part, "name-b", 0);        /* part 2 */
    add(&part, "Nokia", 1);         /* part 3: t has it */
    add(&part, "Ericsson", 1);      /* part 4: new to t */
    add(&part, "name-c", 0);        /* part 5 */
    assert_true(part.bytes == t.bytes);
    uint32_t map[6];
    assert_int_equal(nv_strtab_merge(&t, &part, map), 0);
    uint32_t want[6] = {0, 3, 4, 1, 5, 6};
    assert_memory_equal(map, want, sizeof(want));
    assert_str(&t, 3, "kept");
    assert_str(&t, 4, "name-b");
    assert_str(&t, 5, "Ericsson");
    assert_str(&t, 6, "name-c");
    assert_int_equal(nv_strtab_find(&t, "Ericsson", 8), 5);
    assert_int_equal(nv_strtab_find(&t, "name-c", 6), -1); /* appended */
    assert_int_equal(nv_strtab_offset(&t, 6), nv_strtab_offset(&part, 5));
    assert_int_equal(t.len, part.len);
    assert_true(t.gaps);
    nv_strtab_dispose(&part); /* frees nothing of t's */
    assert_int_equal(nv_strtab_limit(&t, 0), 0);
    assert_int_equal(add(&t, "after", 0), 7);
    assert_true(nv_strtab_offset(&t, 7) >= 64 + 1);
    assert_str(&t, 6, "name-c");

    nv_strtab copy; /* packed: the gap between the spans is left out */
    assert_int_equal(nv_strtab_copy(&copy, &t), 0);
    assert_false(copy.gaps);
    size_t bytes = 0;
    for (uint32_t i = 0; i < t.n; i++) {
        assert_int_equal(nv_strtab_strlen(&copy, i), nv_strtab_strlen(&t, i));
        assert_string_equal(nv_strtab_get(&copy, i), nv_strtab_get(&t, i));
        bytes += nv_strtab_strlen(&t, i) + 1;
    }
    assert_int_equal(copy.len, bytes);
    assert_int_equal(nv_strtab_find(&copy, "Ericsson", 8), 5);
    assert_int_equal(add(&copy, "more", 1), 8);
    nv_strtab_dispose(&copy);
    nv_strtab_dispose(&t);
}

/* A part whose bytes are its own is copied in (link parts). */
static void test_merge_by_copy(void **state)
{
    (void)state;
    nv_strtab t, part;
    assert_int_equal(nv_strtab_init(&t, 4, 1), 0);
    assert_int_equal(nv_strtab_init(&part, 4, 1), 0);
    add(&t, "fibre", 1);
    add(&part, "radio", 1);
    add(&part, "fibre", 1);
    add(&part, "n1", 0);
    uint32_t map[4];
    assert_int_equal(nv_strtab_merge(&t, &part, map), 0);
    uint32_t want[4] = {0, 2, 1, 3};
    assert_memory_equal(map, want, sizeof(want));
    assert_false(t.gaps);
    nv_strtab_dispose(&part); /* t keeps copies */
    assert_str(&t, 2, "radio");
    assert_str(&t, 3, "n1");
    nv_strtab_dispose(&t);
}

/* Ids (id = row): a part writes its entries at t's rows [first, ..) and
 * its bytes in its span; merged, they follow t's rows. */
static void test_shared_rows(void **state)
{
    (void)state;
    nv_strtab t, p1, p2, p3;
    assert_int_equal(nv_strtab_init(&t, 4, 0), 0);
    assert_int_equal(nv_strtab_init(&p1, 4, 0), 0);
    assert_int_equal(nv_strtab_init(&p2, 4, 0), 0);
    assert_int_equal(nv_strtab_init(&p3, 4, 0), 0);
    assert_int_equal(nv_strtab_reserve(&t, 16, 128), 0);
    assert_int_equal(nv_strtab_limit(&t, 32), 0);
    assert_int_equal(nv_strtab_share_rows(&p1, &t, 4, 4, 32, 64), 0);
    assert_int_equal(nv_strtab_share_rows(&p2, &t, 8, 4, 64, 96), 0);
    assert_int_equal(nv_strtab_share_rows(&p2, &t, 8, 4, 64, 96), NETVET_ELIMIT);
    assert_int_equal(nv_strtab_share_rows(&p3, &t, 14, 4, 96, 128), NETVET_ELIMIT);
    assert_int_equal(nv_strtab_share_rows(&p3, &t, 12, 4, 96, 128), 0);
    add(&t, "e1", 0);
    add(&t, "e2", 0); /* row 2 of 4: rows 2, 3 are a gap */
    add(&p1, "e3", 0);
    add(&p1, "e4", 0);
    add(&p1, "e5", 0);
    add(&p2, "e6", 0);
    /* a part past its span of bytes, or of rows */
    char big[40];
    uint32_t id;
    memset(big, 'z', sizeof(big));
    add(&p3, "q", 0);
    assert_int_equal(nv_strtab_append(&p3, big, 31, &id), NETVET_ELIMIT);
    assert_int_equal(nv_strtab_append(&p3, big, 26, &id), 0);
    assert_int_equal(nv_strtab_append(&p3, "", 0, &id), 0);
    assert_int_equal(nv_strtab_append(&p3, "", 0, &id), 0);
    /* rows: a byte is left, no row */
    assert_int_equal(nv_strtab_append(&p3, "", 0, &id), NETVET_ELIMIT);
    assert_int_equal(p3.n, 4);
    nv_strtab_dispose(&p3);
    nv_strtab_merge_rows(&t, &p1, 4);
    nv_strtab_merge_rows(&t, &p2, 8);
    assert_int_equal(t.n, 6);
    const char *want[6] = {"e1", "e2", "e3", "e4", "e5", "e6"};
    for (uint32_t i = 0; i < 6; i++)
        assert_str(&t, i, want[i]);
    assert_int_equal(nv_strtab_offset(&t, 2), 32);
    nv_strtab_dispose(&p1);
    nv_strtab_dispose(&p2);
    assert_int_equal(nv_strtab_limit(&t, 0), 0);
    assert_int_equal(add(&t, "e7", 0), 6);
    assert_str(&t, 5, "e6");
    assert_str(&t, 6, "e7");
    nv_strtab_dispose(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_intern_append_and_lengths),
        cmocka_unit_test(test_limit),
        cmocka_unit_test(test_shared_bytes_merged_in_place),
        cmocka_unit_test(test_merge_by_copy),
        cmocka_unit_test(test_shared_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
