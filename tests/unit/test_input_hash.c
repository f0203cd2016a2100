/* SPDX-License-Identifier: Apache-2.0 */
/* inventory/input_hash: the digests of the inventory files, whether the
 * idle-priority thread computes them or the caller does (a thread that
 * never runs must not make the caller wait: alarm() fails the test if it
 * does), for buffers, a mapped file, several 4 MiB steps, an empty file
 * and a file not to hash; asked from two threads at once; and the hasher
 * let go of before anyone asked (the thread stops; nothing leaks). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cmocka.h>

#include "inventory/input_hash.h"
#include "util/alloc.h"

static const char *const EMPTY =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/* n bytes of a fixed pattern, allocated as the hasher frees them. */
static char *pattern(size_t n, unsigned seed)
{
    char *p = nv_malloc(n ? n : 1);
    assert_non_null(p);
    for (size_t i = 0; i < n; i++)
        p[i] = (char)('a' + (i * 7 + seed) % 26);
    return p;
}

static void expect(const char *p, size_t n, char out[NV_SHA256_HEX])
{
    assert_int_equal(nv_sha256_hex(p, n, out), 0);
}

static nv_input_hash *start_two(size_t a, size_t b, char want[2][NV_SHA256_HEX])
{
    nv_hash_input in[2] = {{pattern(a, 1), a, 0, 1}, {pattern(b, 2), b, 0, 1}};
    expect(in[0].p, a, want[0]);
    expect(in[1].p, b, want[1]);
    nv_input_hash *h = NULL;
    assert_int_equal(nv_input_hash_start(&h, in), 0);
    assert_non_null(h);
    return h;
}

static void test_digests(void **state)
{
    (void)state;
    char want[2][NV_SHA256_HEX];
    /* three steps and a bit, and three bytes */
    nv_input_hash *h = start_two(((size_t)12 << 20) + 5, 3, want);
    assert_string_equal(nv_input_hash_hex(h, 0), want[0]);
    assert_string_equal(nv_input_hash_hex(h, 1), want[1]);
    const char *again = nv_input_hash_hex(h, 0);
    assert_string_equal(again, want[0]); /* asked twice: the same */
    nv_input_hash_free(h);
}

/* The thread stalls as if starved: the caller hashes both itself. */
static void test_starved_thread(void **state)
{
    (void)state;
    char want[2][NV_SHA256_HEX];
    nv_input_hash_test_stall = 1;
    alarm(20); /* waiting for the thread would hang here */
    nv_input_hash *h = start_two(((size_t)9 << 20) + 1, 100, want);
    assert_string_equal(nv_input_hash_hex(h, 1), want[1]);
    assert_string_equal(nv_input_hash_hex(h, 0), want[0]);
    alarm(0);
    nv_input_hash_free(h);
    nv_input_hash_test_stall = 0;
}

static void test_empty_and_unhashed(void **state)
{
    (void)state;
    nv_hash_input in[2] = {{NULL, 0, 0, 1}, {pattern(10, 3), 10, 0, 0}};
    nv_input_hash *h = NULL;
    assert_int_equal(nv_input_hash_start(&h, in), 0);
    assert_string_equal(nv_input_hash_hex(h, 0), EMPTY);
    assert_string_equal(nv_input_hash_hex(h, 1), ""); /* not to hash */
    assert_false(nv_input_hash_keeps_pages(h, 1));
    nv_input_hash_free(h);
}

/* A mapped file: the loader reads it through the hasher, whose pages it
 * keeps (small), then hands back; the digest is the file's. */
static void test_mapped_file(void **state)
{
    (void)state;
    char path[] = "/tmp/netvet-input-hash-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    size_t n = ((size_t)5 << 20) + 123;
    char *bytes = pattern(n, 4), want[NV_SHA256_HEX];
    expect(bytes, n, want);
    assert_int_equal(write(fd, bytes, n), (ssize_t)n);
    char *map = mmap(NULL, n, PROT_READ, MAP_PRIVATE, fd, 0);
    assert_true(map != MAP_FAILED);
    close(fd);
    unlink(path);
    nv_hash_input in[2] = {{map, n, 1, 1}, {NULL, 0, 0, 0}};
    nv_input_hash *h = NULL;
    assert_int_equal(nv_input_hash_start(&h, in), 0);
    assert_ptr_equal(nv_input_hash_bytes(h, 0), map);
    assert_true(nv_input_hash_keeps_pages(h, 0));
    assert_memory_equal(nv_input_hash_bytes(h, 0), bytes, n);
    assert_string_equal(nv_input_hash_hex(h, 0), want);
    assert_string_equal(nv_input_hash_hex(h, 1), "");
    nv_input_hash_free(h);
    nv_free(bytes);
}

typedef struct asker {
    nv_input_hash *h;
    const char *got;
} asker;

static void *ask(void *arg)
{
    asker *a = arg;
    a->got = nv_input_hash_hex(a->h, 0);
    return NULL;
}

static void test_two_askers(void **state)
{
    (void)state;
    char want[2][NV_SHA256_HEX];
    nv_input_hash_test_stall = 1; /* both askers race to compute */
    nv_input_hash *h = start_two((size_t)8 << 20, 1, want);
    asker a = {h, NULL}, b = {h, NULL};
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, ask, &a), 0);
    ask(&b);
    pthread_join(t, NULL);
    assert_string_equal(a.got, want[0]);
    assert_ptr_equal(a.got, b.got);
    nv_input_hash_free(h);
    nv_input_hash_test_stall = 0;
}

static void test_free_unasked(void **state)
{
    (void)state;
    char want[2][NV_SHA256_HEX];
    nv_input_hash *h = start_two((size_t)20 << 20, 7, want);
    nv_input_hash_free(h); /* the thread stops at its next step */
    nv_input_hash_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_digests),
        cmocka_unit_test(test_starved_thread),
        cmocka_unit_test(test_empty_and_unhashed),
        cmocka_unit_test(test_mapped_file),
        cmocka_unit_test(test_two_askers),
        cmocka_unit_test(test_free_unasked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
