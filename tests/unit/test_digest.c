/* SPDX-License-Identifier: Apache-2.0 */
/* inventory/digest: the SHA-256 every report names the inventory's files
 * by, computed at idle priority after the load and finished by whoever
 * asks first. Checked against coreutils' sha256sum of the same files:
 * finished by the thread or by the caller (no thread), several chunks
 * long, from a buffer the caller frees at once, with a links file of a
 * header alone and none, asked by two threads at once, dropped unasked,
 * and a file that shrank before it was hashed. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "inventory/digest.h"
#include "inventory/inv.h"
#include "util/alloc.h"

/* `printf 'a,b\n' | sha256sum` */
#define A_B_SHA256 \
    "5be08c9684a1d25efcee09318204824278b08bbfb4aef973ffefd0b9d7478313"

typedef struct fixture {
    char dir[32];
    char el[64], ln[64];
    char *text; /* elements.csv's bytes */
    size_t len;
} fixture;

/* elements.csv of `rows` rows (about 40 bytes each) and links.csv with
 * `links_text`, in a new directory. */
static void make(fixture *f, size_t rows, const char *links_text)
{
    snprintf(f->dir, sizeof(f->dir), "/tmp/nv-digest-XXXXXX");
    assert_non_null(mkdtemp(f->dir));
    snprintf(f->el, sizeof(f->el), "%s/elements.csv", f->dir);
    snprintf(f->ln, sizeof(f->ln), "%s/links.csv", f->dir);
    f->text = malloc(64 + rows * 48);
    assert_non_null(f->text);
    f->len = (size_t)sprintf(f->text, "id,vendor,function,weight\n");
    for (size_t i = 0; i < rows; i++)
        f->len += (size_t)sprintf(f->text + f->len, "e%zu,Nokia,access,%zu\n",
                                  i, i % 97);
    FILE *out = fopen(f->el, "wb");
    assert_non_null(out);
    assert_int_equal(fwrite(f->text, 1, f->len, out), f->len);
    fclose(out);
    if (links_text) {
        out = fopen(f->ln, "wb");
        assert_non_null(out);
        fputs(links_text, out);
        fclose(out);
    }
}

static void unmake(fixture *f)
{
    remove(f->el);
    remove(f->ln);
    rmdir(f->dir);
    free(f->text);
}

/* What coreutils' sha256sum says of `path`. */
static void sha256sum(const char *path, char out[NV_SHA256_HEX])
{
    char cmd[128];
    snprintf(cmd, sizeof(cmd), "sha256sum '%s'", path);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    assert_non_null(fgets(out, NV_SHA256_HEX, p));
    pclose(p);
    assert_int_equal(strlen(out), 64);
}

static netvet_inventory *load_dir(const fixture *f)
{
    netvet_diag *diag;
    assert_int_equal(netvet_diag_new(&diag, NULL, NULL), 0);
    netvet_load_options o = NETVET_LOAD_OPTIONS_INIT;
    o.sha256 = 1;
    netvet_inventory *inv = NULL;
    assert_int_equal(netvet_inventory_load(&inv, f->dir, &o, diag), 0);
    netvet_diag_free(diag);
    return inv;
}

/* Both digests are sha256sum's, however the work was shared. */
static void assert_digests(const fixture *f, netvet_inventory *inv)
{
    char want[NV_SHA256_HEX];
    sha256sum(f->el, want);
    assert_int_equal(netvet_inventory_wait_sha256(inv), 0);
    assert_string_equal(netvet_inventory_sha256(inv, 0), want);
    sha256sum(f->ln, want);
    assert_string_equal(netvet_inventory_sha256(inv, 1), want);
}

/* 20,000 rows: about 460 KiB, several of the thread's chunks. */
static void test_thread_or_caller(void **state)
{
    (void)state;
    fixture f;
    make(&f, 20000, "a,b\ne1,e2\n");
    for (int thread = 1; thread >= 0; thread--) {
        nv_digest_thread = thread;
        netvet_inventory *inv = load_dir(&f);
        assert_int_equal(netvet_inventory_elements(inv), 20000);
        assert_digests(&f, inv);
        /* asked again: the same, nothing recomputed */
        assert_int_equal(netvet_inventory_wait_sha256(inv), 0);
        assert_int_equal(strlen(netvet_inventory_sha256(inv, 0)), 64);
        netvet_inventory_free(inv);
    }
    nv_digest_thread = 1;
    unmake(&f);
}

/* The thread may have finished, or not yet begun: the same digests. */
static void test_asked_at_once_or_late(void **state)
{
    (void)state;
    fixture f;
    make(&f, 5000, "a,b\ne1,e2\n");
    netvet_inventory *inv = load_dir(&f);
    assert_digests(&f, inv);
    netvet_inventory_free(inv);
    inv = load_dir(&f);
    usleep(200000);
    assert_digests(&f, inv);
    netvet_inventory_free(inv);
    unmake(&f);
}

/* Freed unasked, at once: the thread stops and everything is released
 * (the sanitizer build would report a leak or a use after free). */
static void test_dropped_unasked(void **state)
{
    (void)state;
    fixture f;
    make(&f, 20000, "a,b\n");
    for (int i = 0; i < 8; i++)
        netvet_inventory_free(load_dir(&f));
    unmake(&f);
}

/* links.csv of a header alone, then none: "" for the missing file. */
static void test_short_links_and_none(void **state)
{
    (void)state;
    fixture f;
    make(&f, 10, "a,b\n");
    netvet_inventory *inv = load_dir(&f);
    assert_string_equal(netvet_inventory_sha256(inv, 1), A_B_SHA256);
    netvet_inventory_free(inv);
    remove(f.ln);
    inv = load_dir(&f);
    assert_string_equal(netvet_inventory_sha256(inv, 1), "");
    assert_int_equal(strlen(netvet_inventory_sha256(inv, 0)), 64);
    netvet_inventory_free(inv);
    unmake(&f);
}

/* A buffer's digest comes from the loader's copy: the caller's bytes
 * may be gone (overwritten here) before anyone asks. */
static void test_buffer_freed_by_caller(void **state)
{
    (void)state;
    fixture f;
    make(&f, 20000, NULL);
    char want[NV_SHA256_HEX];
    sha256sum(f.el, want);
    char *copy = malloc(f.len);
    assert_non_null(copy);
    memcpy(copy, f.text, f.len);
    netvet_diag *diag;
    assert_int_equal(netvet_diag_new(&diag, NULL, NULL), 0);
    netvet_load_options o = NETVET_LOAD_OPTIONS_INIT;
    o.sha256 = 1;
    netvet_inventory *inv = NULL;
    assert_int_equal(netvet_inventory_load_buffers(&inv, copy, f.len, "-",
                                                   NULL, 0, NULL, &o, diag),
                     0);
    memset(copy, 'x', f.len);
    free(copy);
    assert_string_equal(netvet_inventory_sha256(inv, 0), want);
    assert_string_equal(netvet_inventory_sha256(inv, 1), "");
    netvet_inventory_free(inv);
    netvet_diag_free(diag);
    unmake(&f);
}

static void *ask(void *arg)
{
    return (void *)netvet_inventory_sha256(arg, 0);
}

static void test_two_threads_ask(void **state)
{
    (void)state;
    fixture f;
    make(&f, 20000, "a,b\n");
    char want[NV_SHA256_HEX];
    sha256sum(f.el, want);
    netvet_inventory *inv = load_dir(&f);
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, ask, inv), 0);
    const char *mine = netvet_inventory_sha256(inv, 0);
    void *theirs;
    pthread_join(t, &theirs);
    assert_string_equal(mine, want);
    assert_string_equal((const char *)theirs, want);
    netvet_inventory_free(inv);
    unmake(&f);
}

/* Without the thread nothing is hashed before the question: a file cut
 * short meanwhile is an I/O error, and no digest is given. */
static void test_file_shrank(void **state)
{
    (void)state;
    fixture f;
    make(&f, 20000, "a,b\n");
    nv_digest_thread = 0;
    netvet_inventory *inv = load_dir(&f);
    nv_digest_thread = 1;
    assert_int_equal(truncate(f.el, (off_t)(f.len / 2)), 0);
    assert_int_equal(netvet_inventory_wait_sha256(inv), NETVET_EIO);
    assert_string_equal(netvet_inventory_sha256(inv, 0), "");
    assert_string_equal(netvet_inventory_sha256(inv, 1), "");
    netvet_inventory_free(inv);
    unmake(&f);
}

static void test_not_hashed(void **state)
{
    (void)state;
    fixture f;
    make(&f, 10, "a,b\n");
    netvet_diag *diag;
    assert_int_equal(netvet_diag_new(&diag, NULL, NULL), 0);
    netvet_inventory *inv = NULL;
    assert_int_equal(netvet_inventory_load(&inv, f.dir, NULL, diag), 0);
    assert_int_equal(netvet_inventory_wait_sha256(inv), 0);
    assert_string_equal(netvet_inventory_sha256(inv, 0), "");
    netvet_inventory_free(inv);
    netvet_diag_free(diag);
    unmake(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_thread_or_caller),
        cmocka_unit_test(test_asked_at_once_or_late),
        cmocka_unit_test(test_dropped_unasked),
        cmocka_unit_test(test_short_links_and_none),
        cmocka_unit_test(test_buffer_freed_by_caller),
        cmocka_unit_test(test_two_threads_ask),
        cmocka_unit_test(test_file_shrank),
        cmocka_unit_test(test_not_hashed),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
