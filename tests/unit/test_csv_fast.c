/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests of the tokenizer's one-pass fast path (nv_csv_next_simple):
 * exact fields for the records it reads, no change at all for those it
 * leaves to nv_csv_next, and a differential test: random and edge-case
 * buffers give identical batches with the fast path on and forced off. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "inventory/batch.h"
#include "util/strtab.h"

static nv_csv_field out[NV_CSV_SIMPLE_ROOM];

/* A malloc'd copy of exactly len bytes, so ASan sees any read past it. */
static char *copy(const char *s, size_t len)
{
    char *p = malloc(len ? len : 1);
    assert_non_null(p);
    memcpy(p, s, len);
    return p;
}

static void assert_field(size_t i, const char *want)
{
    assert_int_equal(out[i].len, strlen(want));
    assert_memory_equal(out[i].p, want, out[i].len);
}

static void test_plain_quoted_crlf_and_last_line(void **state)
{
    (void)state;
    static const char text[] =
        "a, b ,\tc\t\n"
        "x,\"Juniper Networks, Inc.\",\" pad \"\r\n"
        ",\n"
        "0123456789abcde,0123456789abcdef,\"0123456789abcd\",\xC3\xA9\n"
        "k1,k2";
    char *buf = copy(text, sizeof(text) - 1);
    nv_csv c;
    int high = -1;
    nv_csv_init(&c, buf, sizeof(text) - 1);
    assert_int_equal(nv_csv_next_simple(&c, out, &high), 3);
    assert_field(0, "a"), assert_field(1, "b"), assert_field(2, "c");
    assert_int_equal(high, 0);
    assert_int_equal(c.line, 1);
    assert_int_equal(c.next_line, 2);
    assert_true(c.cur == buf + 10);
    assert_int_equal(nv_csv_next_simple(&c, out, &high), 3);
    assert_field(0, "x"), assert_field(1, "Juniper Networks, Inc.");
    assert_field(2, "pad");
    assert_true(out[1].p == buf + 13);
    assert_int_equal(c.line, 2);
    assert_int_equal(nv_csv_next_simple(&c, out, &high), 2);
    assert_field(0, ""), assert_field(1, "");
    assert_int_equal(c.line, 3);
    assert_int_equal(nv_csv_next_simple(&c, out, &high), 4);
    assert_field(1, "0123456789abcdef"), assert_field(2, "0123456789abcd");
    assert_field(3, "\xC3\xA9");
    assert_int_equal(high, 1);
    assert_int_equal(nv_csv_next_simple(&c, out, &high), 2);
    assert_field(0, "k1"), assert_field(1, "k2");
    assert_int_equal(high, 0);
    assert_int_equal(c.line, 5);
    assert_int_equal(c.next_line, 5); /* no line end */
    assert_true(c.cur == buf + sizeof(text) - 1);
    assert_int_equal(nv_csv_next_simple(&c, out, &high), 0); /* end */
    nv_csv_dispose(&c);
    free(buf);
}

/* Records the fast path must leave to nv_csv_next, untouched. */
static void test_fallbacks_leave_the_reader_alone(void **state)
{
    (void)state;
    static const char *cases[] = {
        "a\"b\n",          "\"a\"\"b\"\n",    "\"a\nb\"\n",
        "a\rb\n",          "a\r",             "\n",
        "\r\nx\n",         "x,\"b\" ,c\n",    "\"abc",
        "\"abc\"x\n",      " \"a\"\n",        "0123456789abcdef\"\n",
        "x,\"0123456789abcdef,0123456789\"x\n",
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        size_t len = strlen(cases[i]);
        char *buf = copy(cases[i], len);
        nv_csv c;
        int high = 0;
        nv_csv_init(&c, buf, len);
        nv_csv before = c;
        assert_int_equal(nv_csv_next_simple(&c, out, &high), 0);
        assert_memory_equal(&c, &before, sizeof(c));
        free(buf);
    }
}

/* A NUL byte inside a field, quoted or not, and in a record longer than a
 * block, is a bad record at its field; the next record reads on. */
static void test_nul_byte_is_bad(void **state)
{
    (void)state;
    static const struct { const char *s; size_t len; } cases[] = {
        {"c1,Hua\0wei,core\nc2,x,y\n", 23},
        {"c1,\"Hua\0wei\",core\nc2,x,y\n", 25},
        {"c1,0123456789abcdef0123456789abcdef\0,core\nc2,x,y\n", 49},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *buf = copy(cases[i].s, cases[i].len);
        nv_csv c;
        int high = 0;
        nv_csv_init(&c, buf, cases[i].len);
        assert_int_equal(nv_csv_next_simple(&c, out, &high), 0);
        assert_int_equal(nv_csv_next(&c), NV_CSV_BAD);
        assert_string_equal(c.err, "NUL byte in field");
        assert_int_equal(c.line, 1);
        assert_int_equal(c.err_column, 2);
        assert_int_equal(nv_csv_next_simple(&c, out, &high), 3);
        assert_int_equal(c.line, 2);
        nv_csv_dispose(&c);
        free(buf);
    }
}

/* A record of n fields "x", or one field of n bytes. */
static char *wide(size_t n, int one_field, size_t *len)
{
    char *buf = malloc(n + 1);
    assert_non_null(buf);
    for (size_t i = 0; i < n; i++)
        buf[i] = one_field ? 'y' : (i % 2 ? ',' : 'x');
    *len = n; /* "x,x,...,x": n / 2 + 1 fields */
    buf[(*len)++] = '\n';
    return buf;
}

static void test_limits(void **state)
{
    (void)state;
    size_t len;
    int high;
    nv_csv c;
    /* 4096 fields are read, 4097 are left to nv_csv_next's error. */
    char *buf = wide(2 * NV_CSV_MAX_FIELDS - 1, 0, &len);
    nv_csv_init(&c, buf, len);
    assert_int_equal(nv_csv_next_simple(&c, out, &high), NV_CSV_MAX_FIELDS);
    free(buf);
    buf = wide(2 * NV_CSV_MAX_FIELDS + 1, 0, &len);
    nv_csv_init(&c, buf, len);
    assert_int_equal(nv_csv_next_simple(&c, out, &high), 0);
    free(buf);
    /* a line of up to 1 MiB with its line end is read, longer ones not */
    buf = wide(NV_CSV_MAX_FIELD - 1, 1, &len);
    nv_csv_init(&c, buf, len);
    assert_int_equal(nv_csv_next_simple(&c, out, &high), 1);
    assert_int_equal(out[0].len, NV_CSV_MAX_FIELD - 1);
    free(buf);
    buf = wide(NV_CSV_MAX_FIELD, 1, &len);
    nv_csv_init(&c, buf, len);
    assert_int_equal(nv_csv_next_simple(&c, out, &high), 0);
    free(buf);
    buf = wide(NV_CSV_MAX_FIELD - 1, 1, &len);
    nv_csv_init(&c, buf, len - 1); /* no line end */
    assert_int_equal(nv_csv_next_simple(&c, out, &high), 1);
    free(buf);
    /* a part: nothing starts at or after stop */
    char text[] = "a,b\nc,d\n";
    nv_csv_init_part(&c, text, text + 4, text + 8);
    assert_int_equal(nv_csv_next_simple(&c, out, &high), 2);
    assert_int_equal(nv_csv_next_simple(&c, out, &high), 0);
}

/* ---- differential: fast path on vs forced off ---- */

static uint64_t rng_state;

static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

static size_t below(size_t n)
{
    return (size_t)(rnd() % n);
}

typedef struct text {
    char *p;
    size_t len, cap;
} text;

static void put(text *t, const char *s, size_t n)
{
    if (n == 0)
        return; /* t->p may still be NULL */
    if (t->len + n > t->cap) {
        t->cap = (t->len + n) * 2;
        t->p = realloc(t->p, t->cap);
        assert_non_null(t->p);
    }
    memcpy(t->p + t->len, s, n);
    t->len += n;
}

static void puts_(text *t, const char *s)
{
    put(t, s, strlen(s));
}

/* Flagged columns are hashed beside their fields, with up to 64 columns
 * (a bit set) and more (the flags read per record). */
static void test_flagged_columns_are_hashed(void **state)
{
    (void)state;
    for (size_t n_cols = 3; n_cols <= 70; n_cols += 67) {
        text t = {NULL, 0, 0};
        uint8_t flags[70] = {0};
        flags[1] = flags[n_cols - 1] = 1;
        for (size_t i = 0; i < n_cols; i++) {
            char field[32];
            snprintf(field, sizeof(field), "%s f%zu ", i ? "," : "", i);
            puts_(&t, field);
        }
        puts_(&t, "\n");
        nv_csv c;
        nv_batch b = {0};
        nv_batch_keys k = {n_cols, 1, {0, 0}, flags};
        nv_csv_init(&c, t.p, t.len);
        assert_int_equal(nv_batch_fill(&b, &c, 4, &k), 1);
        char last[8];
        snprintf(last, sizeof(last), "f%zu", n_cols - 1);
        assert_int_equal(b.rec[0].hash[0], nv_hash_bytes("f0", 2));
        assert_int_equal(b.hashes[1], nv_hash_bytes("f1", 2));
        assert_int_equal(b.hashes[n_cols - 1],
                         nv_hash_bytes(last, strlen(last)));
        nv_batch_dispose(&b);
        nv_csv_dispose(&c);
        free(t.p);
    }
}

/* Any mix of CSV's hard bytes. */
static void random_tokens(text *t)
{
    static const char *tok[] = {
        "a", "bc", "word", "0123456789abcdefghijklmnop", " ", "\t", ",", ",",
        ",", ",", "\n", "\n", "\r\n", "\r", "\"", "\"\"", "\"q, r\"",
        ",\"Juniper Networks, Inc.\",", "\xC3\xA9", "\xC3", "\xFF",
        "\xE2\x82\xAC", "\xEF\xBB\xBF", "\xED\xA0\x80", " \"x\" ", "\"\n\"",
    };
    size_t n = below(60);
    for (size_t i = 0; i < n; i++) {
        puts_(t, tok[below(sizeof(tok) / sizeof(tok[0]))]);
    }
    if (below(8) == 0)
        put(t, "x\0y", 3);
}

/* One field of a mostly well-formed file. */
static void random_field(text *t)
{
    static const char *plain[] = {"NE0000001", "core", "51.50850", "",
                                  " padded\t", "caf\xC3\xA9", "\xC3\x28",
                                  "Junos OS 21.4R3-S5", "x"};
    static const char *quoted[] = {
        "\"Juniper Networks, Inc.\"", "\"\"", "\" in quotes \"",
        "\"a \"\"b\"\" c\"", "\"two\nlines\"", "\"cr\rinside\"",
        "\"x\" ", "\"unterminated", "\"0123456789abcdef,0123456789abc\""};
    size_t r = below(20);
    if (r < 13)
        puts_(t, plain[below(sizeof(plain) / sizeof(plain[0]))]);
    else if (r < 19)
        puts_(t, quoted[below(3) ? below(3) : below(9)]);
    else
        for (size_t i = below(300); i > 0; i--)
            put(t, &"0123456789"[below(10)], 1);
}

static void random_rows(text *t)
{
    size_t rows = below(40), cols = 1 + below(6);
    static const char *ends[] = {"\n", "\n", "\n", "\n", "\r\n", "\r",
                                 "\n\n", "\r\n\r\n", ",\n"};
    for (size_t r = 0; r < rows; r++) {
        size_t n = below(10) ? cols : 1 + below(8);
        for (size_t i = 0; i < n; i++) {
            if (i)
                puts_(t, ",");
            random_field(t);
        }
        if (r + 1 < rows || below(2))
            puts_(t, ends[below(3) ? 0 : below(9)]);
    }
}

static void same_field(const nv_csv_field *a, const nv_csv_field *b,
                       const char *buf, size_t len)
{
    assert_int_equal(a->len, b->len);
    assert_memory_equal(a->p, b->p, a->len);
    if (a->p >= buf && a->p < buf + len)
        assert_true(a->p == b->p);
}

static void same_record(const nv_batch *a, const nv_batch *b, size_t i,
                        const nv_batch_keys *k, const char *buf, size_t len)
{
    const nv_rec *x = &a->rec[i], *y = &b->rec[i];
    assert_true(x->end == y->end);
    assert_int_equal(x->line, y->line);
    assert_int_equal(x->field0, y->field0);
    assert_int_equal(x->n_fields, y->n_fields);
    assert_int_equal(x->status, y->status);
    assert_int_equal(x->err_column, y->err_column);
    assert_true(x->err == y->err);
    assert_int_equal(x->bad_utf8, y->bad_utf8);
    assert_int_equal(x->hash[0], y->hash[0]);
    assert_int_equal(x->hash[1], y->hash[1]);
    for (size_t f = 0; f < x->n_fields; f++) {
        same_field(&a->fields[x->field0 + f], &b->fields[y->field0 + f], buf,
                   len);
        if (k->hash_col && x->status == NV_CSV_RECORD &&
            x->n_fields == k->n_cols && k->hash_col[f])
            assert_int_equal(a->hashes[x->field0 + f],
                             b->hashes[y->field0 + f]);
    }
}

static void init_reader(nv_csv *c, char *buf, size_t len, size_t from,
                        size_t stop)
{
    if (from == 0 && stop == len)
        nv_csv_init(c, buf, len);
    else
        nv_csv_init_part(c, buf + from, buf + stop, buf + len);
}

/* Read buf in batches of max with the fast path on (a) and off (b), in
 * lockstep; @return the number of records the fast path read. */
static size_t compare_readers(char *buf, size_t len, size_t from, size_t stop,
                              size_t max, const nv_batch_keys *k)
{
    nv_csv ca, cb, cn;
    nv_batch a = {0}, b = {0};
    init_reader(&ca, buf, len, from, stop);
    init_reader(&cb, buf, len, from, stop);
    for (;;) {
        nv_csv_fast_disabled = 0;
        long na = nv_batch_fill(&a, &ca, max, k);
        nv_csv_fast_disabled = 1;
        long nb = nv_batch_fill(&b, &cb, max, k);
        nv_csv_fast_disabled = 0;
        assert_int_equal(na, nb);
        assert_int_equal(a.n_fields, b.n_fields);
        for (long i = 0; i < na; i++)
            same_record(&a, &b, (size_t)i, k, buf, len);
        assert_true(ca.cur == cb.cur);
        assert_int_equal(ca.line, cb.line);
        assert_int_equal(ca.next_line, cb.next_line);
        if (na <= 0)
            break;
    }
    nv_batch_dispose(&a);
    nv_batch_dispose(&b);
    nv_csv_dispose(&ca);
    nv_csv_dispose(&cb);
    size_t fast = 0;
    int high;
    init_reader(&cn, buf, len, from, stop);
    for (;;) {
        if (nv_csv_next_simple(&cn, out, &high))
            fast++;
        else if (nv_csv_next(&cn) == NV_CSV_EOF)
            break;
    }
    nv_csv_dispose(&cn);
    return fast;
}

/* Compare whole-buffer reads and a random part starting at a line. */
static size_t compare_buffer(const char *s, size_t len)
{
    static const uint8_t flags[6] = {1, 0, 1, 1, 0, 1};
    char *buf = copy(s, len);
    nv_batch_keys k = {1 + below(6), (int)below(3), {0, 0}, NULL};
    k.pos[0] = (int)below(k.n_cols);
    k.pos[1] = (int)below(k.n_cols);
    k.hash_col = below(2) ? flags : NULL;
    size_t max = 1 + below(7);
    size_t fast = compare_readers(buf, len, 0, len, max, &k);
    size_t from = len ? below(len) : 0;
    const char *nl = memchr(buf + from, '\n', len - from);
    from = nl ? (size_t)(nl + 1 - buf) : len;
    size_t stop = from + below(len - from + 1);
    fast += compare_readers(buf, len, from, stop, max, &k);
    free(buf);
    return fast;
}

static void test_differential_random(void **state)
{
    (void)state;
    size_t fast = 0;
    rng_state = 0x9E3779B97F4A7C15ULL;
    for (int i = 0; i < 30000; i++) {
        text t = {NULL, 0, 0};
        if (below(4) == 0)
            puts_(&t, "\xEF\xBB\xBF");
        if (i % 2)
            random_tokens(&t);
        else
            random_rows(&t);
        fast += compare_buffer(t.p ? t.p : "", t.len);
        free(t.p);
    }
    assert_true(fast > 100000); /* the fast path was really exercised */
}

/* Field and line lengths around the block size and the limits. */
static void test_differential_lengths(void **state)
{
    (void)state;
    rng_state = 12345;
    for (size_t n = 0; n < 70; n++) {
        for (int shape = 0; shape < 6; shape++) {
            text t = {NULL, 0, 0};
            for (size_t i = 0; i < n; i++)
                put(&t, shape == 1 ? "," : shape == 2 && i % 7 == 3 ? "\"" :
                        shape == 3 && i == n / 2 ? "\r" :
                        shape == 4 && i % 16 == 15 ? "\xC3" : "z", 1);
            if (shape != 5)
                put(&t, "\n", 1);
            compare_buffer(t.p ? t.p : "", t.len);
            free(t.p);
        }
    }
    static const size_t sizes[] = {2 * NV_CSV_MAX_FIELDS - 1,
                                   2 * NV_CSV_MAX_FIELDS + 1,
                                   NV_CSV_MAX_FIELD - 1, NV_CSV_MAX_FIELD,
                                   NV_CSV_MAX_FIELD + 1};
    for (int i = 0; i < 5; i++) {
        size_t len;
        char *buf = wide(sizes[i], i >= 2, &len);
        compare_buffer(buf, len - 1);
        compare_buffer(buf, len);
        free(buf);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_quoted_crlf_and_last_line),
        cmocka_unit_test(test_fallbacks_leave_the_reader_alone),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_nul_byte_is_bad),
        cmocka_unit_test(test_flagged_columns_are_hashed),
        cmocka_unit_test(test_differential_random),
        cmocka_unit_test(test_differential_lengths),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
