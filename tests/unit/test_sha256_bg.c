/* SPDX-License-Identifier: Apache-2.0 */
/* Unit test of util/sha256_bg.h: digests equal to the published values
 * (FIPS 180-2 "abc" and a million 'a', the empty string, a 3 MiB buffer
 * checked with Python's hashlib), whether the worker or the caller
 * finishes them; every buffer released exactly once, only after both the
 * caller and the hasher are done with it; free without a digest. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/sha256_bg.h"

#define ABC "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
#define EMPTY "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
#define MILLION_A \
    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
/* bytes (i * 31) % 251 for i < 3 MiB + 5 (hashlib.sha256) */
#define PATTERN \
    "1f9eae91654553bf05993cd06e527c46694d7dfc7c56fb0b5ee415b40ea0ce6b"
#define PATTERN_LEN ((size_t)3 * 1024 * 1024 + 5)

typedef struct released {
    int count[4];
} released;

static void on_release(void *arg, size_t i)
{
    released *r = arg;
    r->count[i]++;
}

static char *pattern(void)
{
    char *p = malloc(PATTERN_LEN);
    assert_non_null(p);
    for (size_t i = 0; i < PATTERN_LEN; i++)
        p[i] = (char)((i * 31) % 251);
    return p;
}

static void test_digests(void **state)
{
    (void)state;
    char *big = pattern(), *as = malloc(1000000);
    assert_non_null(as);
    memset(as, 'a', 1000000);
    const void *bufs[4] = {"abc", NULL, big, as};
    size_t lens[4] = {3, 0, PATTERN_LEN, 1000000};
    released r = {{0}};
    nv_sha256_bg *bg;
    assert_int_equal(nv_sha256_bg_start(&bg, bufs, lens, 4, on_release, &r),
                     0);
    assert_string_equal(nv_sha256_bg_digest(bg, 2), PATTERN);
    assert_string_equal(nv_sha256_bg_digest(bg, 0), ABC);
    assert_string_equal(nv_sha256_bg_digest(bg, 1), EMPTY);
    assert_string_equal(nv_sha256_bg_digest(bg, 3), MILLION_A);
    assert_string_equal(nv_sha256_bg_digest(bg, 4), ""); /* out of range */
    assert_string_equal(nv_sha256_bg_digest(bg, 2), PATTERN); /* again */
    /* the caller still reads them: none is released yet */
    for (int i = 0; i < 4; i++)
        assert_int_equal(r.count[i], 0);
    nv_sha256_bg_done_reading(bg);
    for (int i = 0; i < 4; i++)
        assert_int_equal(r.count[i], 1);
    nv_sha256_bg_free(bg);
    for (int i = 0; i < 4; i++)
        assert_int_equal(r.count[i], 1); /* never twice */
    free(big);
    free(as);
}

/* Done reading first: each buffer goes back when its digest is done, and
 * the digests are right whoever finished them. */
static void test_release_after_digest(void **state)
{
    (void)state;
    char *big = pattern();
    const void *bufs[1] = {big};
    size_t lens[1] = {PATTERN_LEN};
    released r = {{0}};
    nv_sha256_bg *bg;
    assert_int_equal(nv_sha256_bg_start(&bg, bufs, lens, 1, on_release, &r),
                     0);
    nv_sha256_bg_done_reading(bg);
    assert_string_equal(nv_sha256_bg_digest(bg, 0), PATTERN);
    assert_int_equal(r.count[0], 1);
    nv_sha256_bg_free(bg);
    assert_int_equal(r.count[0], 1);
    free(big);
}

/* Freed without asking: the workers stop and every buffer is released
 * once (the caller may free them right after). */
static void test_free_unasked(void **state)
{
    (void)state;
    char *big = pattern();
    const void *bufs[2] = {big, big};
    size_t lens[2] = {PATTERN_LEN, PATTERN_LEN / 2};
    released r = {{0}};
    nv_sha256_bg *bg;
    assert_int_equal(nv_sha256_bg_start(&bg, bufs, lens, 2, on_release, &r),
                     0);
    nv_sha256_bg_free(bg);
    assert_int_equal(r.count[0], 1);
    assert_int_equal(r.count[1], 1);
    free(big);
    nv_sha256_bg_free(NULL); /* a no-op */
}

typedef struct asker {
    nv_sha256_bg *bg;
    const char *hex;
} asker;

static void *ask(void *arg)
{
    asker *a = arg;
    a->hex = nv_sha256_bg_digest(a->bg, 0);
    return NULL;
}

/* Several threads asking at once all get the one digest. */
static void test_concurrent_askers(void **state)
{
    (void)state;
    char *big = pattern();
    const void *bufs[1] = {big};
    size_t lens[1] = {PATTERN_LEN};
    released r = {{0}};
    nv_sha256_bg *bg;
    assert_int_equal(nv_sha256_bg_start(&bg, bufs, lens, 1, on_release, &r),
                     0);
    pthread_t t[4];
    asker a[4];
    for (int i = 0; i < 4; i++) {
        a[i] = (asker){bg, NULL};
        assert_int_equal(pthread_create(&t[i], NULL, ask, &a[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
        assert_string_equal(a[i].hex, PATTERN);
    }
    nv_sha256_bg_done_reading(bg);
    assert_int_equal(r.count[0], 1);
    nv_sha256_bg_free(bg);
    assert_int_equal(r.count[0], 1);
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_digests),
        cmocka_unit_test(test_release_after_digest),
        cmocka_unit_test(test_free_unasked),
        cmocka_unit_test(test_concurrent_askers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
