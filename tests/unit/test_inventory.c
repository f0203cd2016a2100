/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests of the CSV inventory loader: header mapping, quoting, CRLF,
 * BOM, attributes, every kind of bad row with its exact diagnostic, strict
 * mode, and links. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "inventory/batch.h"
#include "inventory/inv.h"
#include "inventory/parts.h"
#include "util/alloc.h"

typedef struct captured {
    char text[8192];
    size_t n;
} captured;

static void capture(const netvet_diag_entry *e, void *payload)
{
    captured *c = payload;
    size_t used = strlen(c->text);
    snprintf(c->text + used, sizeof(c->text) - used, "%s:%lu:%lu: %s\n",
             e->file, e->line, e->column, e->message);
    c->n++;
}

static netvet_inventory *load(const char *el, const char *ln, int strict,
                              captured *cap, int *rc_out)
{
    netvet_diag *diag;
    assert_int_equal(netvet_diag_new(&diag, capture, cap), 0);
    netvet_load_options o = NETVET_LOAD_OPTIONS_INIT;
    o.strict = strict;
    netvet_inventory *inv = NULL;
    int rc = nv_inventory_load_buffers(&inv, el, strlen(el), "e.csv", ln,
                                       ln ? strlen(ln) : 0, "l.csv", &o, diag);
    *rc_out = rc;
    netvet_diag_free(diag);
    return inv;
}

static void test_header_any_order_and_attributes(void **state)
{
    (void)state;
    captured cap = {{0}, 0};
    int rc;
    netvet_inventory *inv = load(
        "\xEF\xBB\xBF" "Function,VENDOR, id ,Owner,weight,tags\r\n"
        "OLT,Huawei,olt-1,ops,0,FTTP; Sensitive\r\n"
        "gNB,\"Nokia, Oyj\",r-1,\"radio \"\"A\"\"\",250,\r\n",
        NULL, 0, &cap, &rc);
    assert_int_equal(rc, 0);
    assert_int_equal(inv->n, 2);
    assert_int_equal(inv->function[0], NETVET_FN_ACCESS);
    assert_int_equal(inv->function[1], NETVET_FN_RAN);
    assert_string_equal(nv_inv_id(inv, 1), "r-1");
    assert_string_equal(nv_inv_str(inv, inv->vendor[1]), "Nokia, Oyj");
    assert_true(inv->weight[1] == 250.0);
    assert_int_equal(inv->n_attrs, 1);
    assert_string_equal(nv_inv_str(inv, inv->attrs[0].name), "Owner");
    assert_string_equal(nv_inv_str(inv, inv->attrs[0].value[1]), "radio \"A\"");
    assert_int_equal(inv->tag_off[1] - inv->tag_off[0], 2);
    assert_string_equal(nv_inv_str(inv, inv->tags[1]), "sensitive");
    assert_int_equal(inv->tag_off[2], inv->tag_off[1]);
    assert_int_equal(inv->line[1], 3);
    assert_null(inv->site);
    assert_int_equal(cap.n, 0);
    netvet_inventory_free(inv);
}

static void test_bad_rows_are_skipped_and_counted(void **state)
{
    (void)state;
    captured cap = {{0}, 0};
    int rc;
    netvet_inventory *inv = load(
        "id,vendor,function,weight,installed,status,lat\n"
        "a,Cisco,core,0,2020-01-01,active,51.5\n"     /* 2 ok */
        "a,Cisco,core,0,,,\n"                         /* 3 duplicate */
        ",Cisco,core,0,,,\n"                          /* 4 empty id */
        "b,Cisco,router,0,,,\n"                       /* 5 function */
        "c,Cisco,core,-3,,,\n"                        /* 6 weight */
        "d,Cisco,core,1,2020-02-30,,\n"               /* 7 date */
        "e,Cisco,core,1,,gone,\n"                     /* 8 status */
        "f,Cisco,core,1,,,\n"                         /* 9 ok */
        "g,Cisco,core\n"                              /* 10 fields */
        "h,Ci\"sco,core,1,,,\n"                       /* 11 quote */
        "i,\xC3\x28,core,1,,,\n"                      /* 12 utf-8 */
        "j,Cisco,core,1,,,91\n"                       /* 13 lat */
        "\n"
        "k,Cisco,,1,,,\n",                            /* 15 function empty */
        NULL, 0, &cap, &rc);
    assert_int_equal(rc, 0);
    assert_int_equal(inv->n, 2);
    netvet_load_stats s = netvet_inventory_stats(inv, 0);
    assert_int_equal(s.rows_read, 13);
    assert_int_equal(s.rows_loaded, 2);
    assert_int_equal(s.rows_skipped, 11);
    assert_string_equal(cap.text,
        "e.csv:3:1: duplicate id 'a' (first defined at line 2); row skipped\n"
        "e.csv:4:1: empty id; row skipped\n"
        "e.csv:5:3: unknown function 'router' (expected core, management, "
        "security, aggregation, access, ran, cpe, other or an alias); row skipped\n"
        "e.csv:6:4: weight '-3' is not a number from 0 to 1e15; row skipped\n"
        "e.csv:7:5: installed '2020-02-30' is not a date YYYY-MM-DD; row skipped\n"
        "e.csv:8:6: status 'gone' is not active, planned or decommissioned; row skipped\n"
        "e.csv:10:0: expected 7 fields, found 3; row skipped\n"
        "e.csv:11:2: quote inside an unquoted field; row skipped\n"
        "e.csv:12:2: invalid UTF-8; row skipped\n"
        "e.csv:13:7: lat '91' is not a number in [-90, 90]; row skipped\n"
        "e.csv:15:3: empty function; row skipped\n");
    assert_string_equal(nv_inv_id(inv, 1), "f");
    assert_int_equal(inv->line[1], 9);
    netvet_inventory_free(inv);
}

static void test_strict_stops_at_first_bad_row(void **state)
{
    (void)state;
    captured cap = {{0}, 0};
    int rc;
    netvet_inventory *inv = load("id,vendor,function\na,X,core\na,X,core\n",
                                 NULL, 1, &cap, &rc);
    assert_int_equal(rc, NETVET_EPARSE);
    assert_null(inv);
    assert_string_equal(cap.text,
        "e.csv:3:1: duplicate id 'a' (first defined at line 2)\n");
}

static void test_missing_required_column(void **state)
{
    (void)state;
    captured cap = {{0}, 0};
    int rc;
    netvet_inventory *inv = load("id,function\na,core\n", NULL, 0, &cap, &rc);
    assert_int_equal(rc, NETVET_EPARSE);
    assert_null(inv);
    assert_string_equal(cap.text, "e.csv:1:0: missing required column 'vendor'\n");
}

static void test_quoted_newline_and_unterminated_quote(void **state)
{
    (void)state;
    captured cap = {{0}, 0};
    int rc;
    netvet_inventory *inv = load(
        "id,vendor,function,site\n"
        "a,X,core,\"two\nlines\"\n"
        "b,X,core,ok\n"
        "c,X,core,\"never closed\n"
        "d,X,core,ok\n",
        NULL, 0, &cap, &rc);
    assert_int_equal(rc, 0);
    assert_int_equal(inv->n, 3);
    assert_string_equal(nv_inv_str(inv, inv->site[0]), "two\nlines");
    assert_int_equal(inv->line[1], 4);
    assert_int_equal(inv->line[2], 6);
    assert_string_equal(cap.text,
        "e.csv:5:4: unterminated quoted field; row skipped\n");
    netvet_inventory_free(inv);
}

/* A quoted field holding many lines, with "" escapes, across the middle
 * of the file: a split there cuts the record, so the load is redone from
 * fresh bytes in one part and gives what a one-part load gives. */
static char *long_quoted_rows(void)
{
    size_t cap = 64 * 1024, used = 0;
    char *buf = test_malloc(cap);
    used += (size_t)snprintf(buf, cap, "id,vendor,function,site\n");
    for (int i = 0; i < 10; i++)
        used += (size_t)snprintf(buf + used, cap - used, "e%d,X,core,n%d\n", i, i);
    used += (size_t)snprintf(buf + used, cap - used, "q,X,core,\"a\"\"b");
    for (int i = 0; i < 300; i++)
        used += (size_t)snprintf(buf + used, cap - used, "\nq%d,Y,cpe,\"\"x\"\"", i);
    used += (size_t)snprintf(buf + used, cap - used, "\"\n");
    for (int i = 10; i < 20; i++)
        used += (size_t)snprintf(buf + used, cap - used, "e%d,X,core,n%d\n", i, i);
    return buf;
}

static void test_record_across_a_split(void **state)
{
    (void)state;
    captured cap = {{0}, 0};
    int rc;
    char *el = long_quoted_rows();
    netvet_inventory *inv = load(el, "a,b\nq,e19\n", 0, &cap, &rc);
    assert_int_equal(rc, 0);
    assert_string_equal(cap.text, "");
    assert_int_equal(inv->n, 21);
    assert_string_equal(nv_inv_id(inv, 10), "q");
    const char *name = nv_inv_str(inv, inv->site[10]);
    assert_int_equal(strncmp(name, "a\"b\nq0,Y,cpe,\"x\"\nq1,", 19), 0);
    assert_int_equal(strlen(name), 3 + 300 * 11 + 10 * 2 + 90 * 3 + 200 * 4);
    assert_int_equal(inv->line[11], 313);
    assert_string_equal(nv_inv_id(inv, 20), "e19");
    assert_int_equal(inv->line[20], 322);
    assert_int_equal(inv->n_links, 1);
    assert_int_equal(inv->link_a[0], 10);
    assert_int_equal(inv->link_b[0], 20);
    netvet_inventory_free(inv);
    test_free(el);
}

static void test_links(void **state)
{
    (void)state;
    captured cap = {{0}, 0};
    int rc;
    netvet_inventory *inv = load(
        "id,vendor,function\na,X,core\nb,X,access\n",
        "a,b,kind,capacity,colour\n"
        "a,b,fibre,10,red\n"
        "a,zz,fibre,10,red\n"
        "b,,fibre,10,red\n"
        "b,a,,x,red\n"
        "b,b,,,\n",
        0, &cap, &rc);
    assert_int_equal(rc, 0);
    assert_int_equal(inv->n_links, 2);
    assert_int_equal(inv->link_a[0], 0);
    assert_int_equal(inv->link_b[0], 1);
    assert_int_equal(inv->link_a[1], 1);
    assert_int_equal(inv->link_b[1], 1);
    /* kinds are checked, not kept: none was interned */
    assert_int_equal(nv_strtab_find(&inv->strings, "fibre", 5), -1);
    netvet_load_stats s = netvet_inventory_stats(inv, 1);
    assert_int_equal(s.rows_read, 5);
    assert_int_equal(s.rows_skipped, 3);
    assert_string_equal(cap.text,
        "l.csv:1:5: column 'colour' is not used in links and is ignored\n"
        "l.csv:3:2: link end 'zz' is not a known element id; row skipped\n"
        "l.csv:4:2: empty link end 'b'; row skipped\n"
        "l.csv:5:4: capacity 'x' is not a number from 0 to 1e15; row skipped\n");
    netvet_inventory_free(inv);
}

/* Link ends are first compared with each end's last row and the row
 * after it (files grouped by device, or in element order): every order
 * must give the rows the id map gives, including ids that are prefixes of
 * others, an end at the last element, and jumps back. */
static void test_link_end_guesses(void **state)
{
    (void)state;
    captured cap = {{0}, 0};
    int rc;
    netvet_inventory *inv = load(
        "id,vendor,function\nn1,X,core\nn10,X,access\nn2,X,access\n"
        "n,X,access\nn20,X,access\n",
        "a,b\n"
        "n1,n10\n"  /* first lookups */
        "n1,n2\n"   /* a repeats; b is the row after the last b */
        "n1,n\n"    /* b: the next row again */
        "n2,n20\n"  /* a: two rows after the last a (the id map) */
        "n20,n1\n"  /* a at the last row; b jumps back */
        "n20,n1\n"  /* both repeat */
        "n,n10\n"   /* a prefix of n1 and n10 */
        "n10,n\n",
        0, &cap, &rc);
    assert_int_equal(rc, 0);
    assert_int_equal(inv->n_links, 8);
    static const uint32_t a[8] = {0, 0, 0, 2, 4, 4, 3, 1};
    static const uint32_t b[8] = {1, 2, 3, 4, 0, 0, 1, 3};
    for (size_t i = 0; i < 8; i++) {
        assert_int_equal(inv->link_a[i], a[i]);
        assert_int_equal(inv->link_b[i], b[i]);
    }
    assert_string_equal(cap.text, "");
    netvet_inventory_free(inv);
}

/* A long run of links in element order (the batches after it neither
 * hash nor prefetch their ends), then links in scrambled order and an
 * unknown id (ends hashed on demand, then batches hash again): every end
 * must be the row the id map gives. */
static void link_ends_after_ordered_run(int padded)
{
    enum { N = 6000, ORDERED = 2000, SCRAMBLED = 6000 };
    char *el = test_malloc(N * 24 + 64), *ln = test_malloc((ORDERED + SCRAMBLED) * 24 + 64);
    size_t e = (size_t)sprintf(el, "id,vendor,function\n"), l = (size_t)sprintf(ln, "a,b\n");
    char a[32], b[32];
    for (int i = 0; i < N; i++) {
        snprintf(a, sizeof(a), padded ? "e%05d" : "e%d", i);
        e += (size_t)sprintf(el + e, "%s,X,core\n", a);
    }
    for (int i = 0; i < ORDERED + SCRAMBLED; i++) {
        int x = i < ORDERED ? i / 8 : ((i - ORDERED) * 7919) % N;
        int y = i < ORDERED ? i + 1 : ((i - ORDERED) * 104729 + 13) % N;
        snprintf(a, sizeof(a), padded ? "e%05d" : "e%d", x);
        snprintf(b, sizeof(b), padded ? "e%05d" : "e%d", y);
        l += (size_t)sprintf(ln + l, "%s,%s\n", a, b);
    }
    snprintf(a, sizeof(a), padded ? "e%05d" : "e%d", 1);
    l += (size_t)sprintf(ln + l, "%s,nowhere\n", a);
    captured cap = {{0}, 0};
    int rc;
    netvet_inventory *inv = load(el, ln, 0, &cap, &rc);
    assert_int_equal(rc, 0);
    assert_int_equal(inv->n_links, ORDERED + SCRAMBLED);
    for (int i = 0; i < ORDERED; i++) {
        assert_int_equal(inv->link_a[i], i / 8);
        assert_int_equal(inv->link_b[i], i + 1);
    }
    for (int i = 0; i < SCRAMBLED; i++) {
        assert_int_equal(inv->link_a[ORDERED + i], (i * 7919) % N);
        assert_int_equal(inv->link_b[ORDERED + i], (i * 104729 + 13) % N);
    }
    assert_string_equal(cap.text, "l.csv:8002:2: link end 'nowhere' is not a "
                                  "known element id; row skipped\n");
    netvet_inventory_free(inv);
    test_free(el);
    test_free(ln);
}

/* Ids out of order (e10 before e2): the id map from the start. In order
 * (zero-padded): no id map, ends searched, until the scrambled links make
 * too many searches and the links are loaded again with the map built. */
static void test_link_ends_after_ordered_run(void **state)
{
    (void)state;
    link_ends_after_ordered_run(0);
    link_ends_after_ordered_run(1);
}

/* Ids in strictly increasing order need no id map and cannot repeat; any
 * other order (a repeat, a step back, also where two parts meet) builds
 * the map, which finds the duplicates. */
static void test_sorted_ids(void **state)
{
    (void)state;
    captured cap = {{0}, 0};
    int rc;
    netvet_inventory *inv = load("id,vendor,function\na,X,core\nb,X,core\n"
                                 "c,X,core\nca,X,core\nd,X,core\n",
                                 NULL, 0, &cap, &rc);
    assert_int_equal(rc, 0);
    assert_int_equal(inv->ids_sorted, 1);
    assert_null(inv->idmap.slots);
    assert_int_equal(nv_inv_find_id(inv, "ca", 2), 3);
    assert_int_equal(nv_inv_find_id(inv, "d", 1), 4);
    assert_int_equal(nv_inv_find_id(inv, "a", 1), 0);
    assert_int_equal(nv_inv_find_id(inv, "c", 1), 2);
    assert_int_equal(nv_inv_find_id(inv, "cb", 2), -1);
    assert_int_equal(nv_inv_find_id(inv, "", 0), -1);
    assert_int_equal(nv_inv_find_id(inv, "e", 1), -1);
    /* outward search from every row (and none) for every id and gap */
    static const char *const keys[] = {"", "a", "aa", "b", "c", "c0", "ca",
                                       "cb", "d", "e"};
    static const int64_t want[] = {-1, 0, -1, 1, 2, -1, 3, -1, 4, -1};
    for (size_t from = 0; from <= 6; from++)
        for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
            unsigned long steps = 0;
            size_t at = from == 6 ? SIZE_MAX : from;
            assert_int_equal(nv_inv_search_near(inv, at, keys[i],
                                                strlen(keys[i]), &steps),
                             want[i]);
            assert_true(steps >= 1 && steps <= 6);
        }
    netvet_inventory_free(inv);
    static const char *const repeats[] = {
        "id,vendor,function\na,X,core\nb,X,core\nb,X,core\nc,X,core\n",
        "id,vendor,function\na,X,core\nb,X,core\nc,X,core\nb,X,core\n",
    };
    for (int i = 0; i < 2; i++) {
        memset(&cap, 0, sizeof(cap));
        inv = load(repeats[i], NULL, 0, &cap, &rc);
        assert_int_equal(rc, 0);
        assert_int_equal(inv->ids_sorted, 0);
        assert_non_null(inv->idmap.slots);
        assert_int_equal(inv->n, 3);
        assert_string_equal(cap.text, i == 0
            ? "e.csv:4:1: duplicate id 'b' (first defined at line 3); row skipped\n"
            : "e.csv:5:1: duplicate id 'b' (first defined at line 3); row skipped\n");
        netvet_inventory_free(inv);
    }
}

/* nv_add_months: calendar months, a day past the month's end clamped. */
static void test_add_months(void **state)
{
    (void)state;
    int32_t d;
    char buf[16];
    static const struct {
        const char *from;
        int months;
        const char *to;
    } cases[] = {
        {"2027-03-01", 36, "2030-03-01"}, {"2024-01-31", 1, "2024-02-29"},
        {"2023-01-31", 1, "2023-02-28"},  {"2030-03-01", -36, "2027-03-01"},
        {"2026-12-15", 1, "2027-01-15"},  {"2027-01-15", -1, "2026-12-15"},
        {"2024-02-29", 12, "2025-02-28"}, {"2026-05-05", 0, "2026-05-05"},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        assert_int_equal(nv_parse_date(cases[i].from, 10, &d), 0);
        nv_format_date(nv_add_months(d, cases[i].months), buf);
        assert_string_equal(buf, cases[i].to);
    }
}

static void test_function_aliases_and_dates(void **state)
{
    (void)state;
    netvet_function fn;
    assert_int_equal(netvet_function_parse(&fn, "5GC", 3), 0);
    assert_int_equal(fn, NETVET_FN_CORE);
    assert_int_equal(netvet_function_parse(&fn, " ont ", 5), 0);
    assert_int_equal(fn, NETVET_FN_CPE);
    assert_int_equal(netvet_function_parse(&fn, "EMS", 3), 0);
    assert_int_equal(fn, NETVET_FN_MANAGEMENT);
    assert_int_equal(netvet_function_parse(&fn, "coreish", 7), NETVET_ENOTFOUND);
    int32_t d;
    char buf[11];
    assert_int_equal(nv_parse_date("2027-12-31", 10, &d), 0);
    assert_int_equal(d, 21183);
    nv_format_date(d, buf);
    assert_string_equal(buf, "2027-12-31");
    assert_int_equal(nv_parse_date("2024-02-29", 10, &d), 0);
    assert_int_equal(nv_parse_date("2023-02-29", 10, &d), -1);
    assert_int_equal(nv_parse_date("2023-2-28", 9, &d), -1);
}

/* Reference for nv_parse_date's shape and range checks, byte by byte. */
static int date_ok(const char *s)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return 0;
    int y = atoi(s), m = (s[5] - '0') * 10 + s[6] - '0',
        d = (s[8] - '0') * 10 + s[9] - '0';
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m >= 1 && m <= 12 && d >= 1 &&
           d <= dm[m - 1] + (m == 2 && leap);
}

/* Every day of 1896-2104 round-trips through nv_format_date; every one
 * of its bytes replaced by each of the 256 values is accepted exactly
 * when the reference accepts it. */
static void test_parse_date_every_byte(void **state)
{
    (void)state;
    int32_t from, to, d, prev;
    assert_int_equal(nv_parse_date("1896-01-01", 10, &from), 0);
    assert_int_equal(nv_parse_date("2104-12-31", 10, &to), 0);
    assert_int_equal(to - from + 1, 76336);
    /* the ends of the range of 4-digit years, and century leap rules */
    const struct { const char *s; int32_t days; } edge[] = {
        {"0000-01-01", -719528}, {"0000-02-29", -719469},
        {"0000-03-01", -719468}, {"0001-01-01", -719162},
        {"9999-12-31", 2932896}, {"2000-02-29", 11016}};
    for (size_t i = 0; i < sizeof(edge) / sizeof(edge[0]); i++) {
        assert_int_equal(nv_parse_date(edge[i].s, 10, &d), 0);
        assert_int_equal(d, edge[i].days);
    }
    assert_int_equal(nv_parse_date("1900-02-29", 10, &d), -1);
    assert_int_equal(nv_parse_date("2100-02-29", 10, &d), -1);
    prev = from - 1;
    for (int32_t day = from; day <= to; day++) {
        char buf[11];
        nv_format_date(day, buf);
        assert_int_equal(nv_parse_date(buf, 10, &d), 0);
        assert_int_equal(d, prev + 1);
        prev = d;
        if (day % 97 != 0) /* every byte value at every position: a sample */
            continue;
        for (int i = 0; i < 10; i++) {
            char keep = buf[i];
            for (int v = 0; v < 256; v++) {
                buf[i] = (char)v;
                int32_t got;
                int ok = nv_parse_date(buf, 10, &got) == 0;
                if (ok != date_ok(buf))
                    fail_msg("'%.10s' (byte %d = %d): parsed %d", buf, i, v, ok);
            }
            buf[i] = keep;
        }
    }
}

/* 200 rows cycling through 64 spellings of four functions (case
 * variants: more than the loader's table of seen spellings keeps, so it
 * fills up and later spellings are parsed each time) and two unknown
 * ones: every row gets its spelling's function, each unknown row is
 * reported. */
static void test_function_spellings_beyond_cache(void **state)
{
    (void)state;
    static const char *const base[4] = {"aggregation", "access", "core",
                                        "security"};
    static const netvet_function want[4] = {
        NETVET_FN_AGGREGATION, NETVET_FN_ACCESS, NETVET_FN_CORE,
        NETVET_FN_SECURITY};
    static char csv[200 * 40 + 64];
    size_t used = (size_t)snprintf(csv, sizeof(csv), "id,vendor,function\n");
    for (int r = 0; r < 200; r++) {
        char sp[16];
        int v = r % 66, b = v % 4;
        snprintf(sp, sizeof(sp), "%s", base[b]);
        for (int i = 0; sp[i]; i++) /* bits of v / 4 pick upper case */
            if ((v / 4) >> (i % 4) & 1)
                sp[i] = (char)(sp[i] - 32);
        used += (size_t)snprintf(csv + used, sizeof(csv) - used, "e%d,x,%s\n",
                                 r, v >= 64 ? (v == 64 ? "corex" : "acc") : sp);
    }
    captured cap = {{0}, 0};
    int rc;
    netvet_inventory *inv = load(csv, NULL, 0, &cap, &rc);
    assert_int_equal(rc, 0);
    assert_int_equal(cap.n, 6); /* rows 64, 65, 130, 131, 196, 197 */
    assert_int_equal(inv->n, 194);
    for (size_t k = 0, r = 0; r < 200; r++) {
        if (r % 66 >= 64)
            continue;
        assert_int_equal(inv->function[k], want[r % 66 % 4]);
        k++;
    }
    netvet_inventory_free(inv);
}

static void test_batch_records(void **state)
{
    (void)state;
    char buf[] = "a, k1 ,x\n"
                 "\n"
                 "b,\"two\nlines\",caf\xC3\xA9\n"
                 "c,k\"3,x\n"
                 "d,k4,\xC3\x28\r\n"
                 "e,k5\n"
                 "f,k6,y";
    nv_csv c;
    nv_batch b = {0};
    static const uint8_t hash_col[3] = {0, 0, 1};
    nv_batch_keys k = {3, 1, {1, 0}, hash_col};
    nv_csv_init(&c, buf, sizeof(buf) - 1);
    assert_int_equal(nv_batch_fill(&b, &c, 4, &k), 4);
    assert_int_equal(b.rec[0].line, 1);
    assert_int_equal(b.rec[0].hash[0], nv_hash_bytes("k1", 2));
    assert_int_equal(b.fields[b.rec[0].field0 + 1].len, 2); /* trimmed */
    assert_int_equal(b.rec[0].bad_utf8, -1);
    assert_int_equal(b.hashes[b.rec[0].field0 + 2], nv_hash_bytes("x", 1));
    assert_int_equal(b.rec[1].line, 3);
    assert_int_equal(b.rec[1].n_fields, 3);
    assert_int_equal(b.fields[b.rec[1].field0 + 1].len, 9);
    assert_memory_equal(b.fields[b.rec[1].field0 + 1].p, "two\nlines", 9);
    assert_int_equal(b.rec[1].bad_utf8, -1);
    assert_int_equal(b.rec[2].line, 5);
    assert_int_equal(b.rec[2].status, NV_CSV_BAD);
    assert_int_equal(b.rec[2].err_column, 2);
    assert_string_equal(b.rec[2].err, "quote inside an unquoted field");
    assert_int_equal(b.rec[3].line, 6);
    assert_int_equal(b.rec[3].bad_utf8, 2);
    assert_int_equal(nv_batch_fill(&b, &c, 4, &k), 2);
    assert_int_equal(b.rec[0].line, 7);
    assert_int_equal(b.rec[0].n_fields, 2);
    assert_int_equal(b.rec[0].hash[0], 0); /* wrong field count: not hashed */
    assert_int_equal(b.rec[1].hash[0], nv_hash_bytes("k6", 2));
    assert_true(b.rec[1].end == buf + sizeof(buf) - 1);
    assert_int_equal(nv_batch_fill(&b, &c, 4, &k), 0);
    nv_batch_dispose(&b);
    nv_csv_dispose(&c);
    assert_true(nv_is_ascii("0123456789abcdef0123456789abcdef0123456789", 42));
    assert_false(nv_is_ascii("0123456789abcdef0123456789abcdef012345678\x80", 42));
}

/* 5000 rows: 5 batches; a quoted newline spans the first batch boundary,
 * a duplicate refers back across batches, bad rows sit late. The last
 * column is mac: stored per row, not interned. */
static char *many_rows(void)
{
    size_t cap = 5000 * 40 + 64, used = 0;
    char *buf = test_malloc(cap);
    used += (size_t)snprintf(buf, cap, "id,vendor,function,mac\n");
    for (int i = 0; i < 5000; i++) {
        const char *name = i == 1023 ? "\"x\ny\"" : "n";
        if (i == 1500)
            used += (size_t)snprintf(buf + used, cap - used, "e2,V,core,n\n");
        else if (i == 4000)
            used += (size_t)snprintf(buf + used, cap - used, "e%d,V\xC3,core,n\n", i);
        else
            used += (size_t)snprintf(buf + used, cap - used, "e%d,V%d,core,%s\n",
                                     i, i % 7, name);
    }
    return buf;
}

static void test_many_rows_in_batches(void **state)
{
    (void)state;
    captured cap = {{0}, 0};
    int rc;
    char *el = many_rows();
    netvet_inventory *inv = load(el, "a,b\ne1,e4999\ne4998,e2\ne5,e4000\n",
                                 0, &cap, &rc);
    assert_int_equal(rc, 0);
    assert_int_equal(inv->n, 4998);
    assert_string_equal(nv_inv_id(inv, 4997), "e4999");
    assert_int_equal(inv->line[4997], 5002);
    assert_string_equal(nv_inv_str(inv, inv->mac[1023]), "x\ny");
    assert_int_equal(inv->line[1024], 1027);
    assert_int_equal(inv->n_links, 2);
    assert_int_equal(inv->link_a[1], 4996);
    assert_int_equal(inv->link_b[1], 2);
    assert_string_equal(cap.text,
        "e.csv:1503:1: duplicate id 'e2' (first defined at line 4); row skipped\n"
        "e.csv:4003:2: invalid UTF-8; row skipped\n"
        "l.csv:4:2: link end 'e4000' is not a known element id; row skipped\n");
    netvet_inventory_free(inv);
    memset(&cap, 0, sizeof(cap));
    inv = load(el, NULL, 1, &cap, &rc);
    assert_int_equal(rc, NETVET_EPARSE);
    assert_null(inv);
    assert_string_equal(cap.text,
        "e.csv:1503:1: duplicate id 'e2' (first defined at line 4)\n");
    test_free(el);
}

/* The same rows through netvet_inventory_load on a directory: the mapped
 * path (line count by pread, in halves when piped; pages released). */
static void test_many_rows_from_files(void **state)
{
    (void)state;
    char dir[] = "/tmp/nv-test-XXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    char *el = many_rows();
    const char *files[2][2] = {{"elements.csv", el},
                               {"links.csv", "a,b\ne1,e4999\ne4998,e2\n"}};
    for (int i = 0; i < 2; i++) {
        snprintf(path, sizeof(path), "%s/%s", dir, files[i][0]);
        FILE *f = fopen(path, "wb");
        assert_non_null(f);
        fputs(files[i][1], f);
        fclose(f);
    }
    captured cap = {{0}, 0};
    netvet_diag *diag;
    assert_int_equal(netvet_diag_new(&diag, capture, &cap), 0);
    netvet_inventory *inv = NULL;
    assert_int_equal(netvet_inventory_load(&inv, dir, NULL, diag), 0);
    assert_int_equal(inv->n, 4998);
    assert_int_equal(inv->line[4997], 5002);
    assert_int_equal(inv->n_links, 2);
    assert_int_equal(inv->link_b[1], 2);
    assert_int_equal(cap.n, 2);
    netvet_inventory_free(inv);
    netvet_diag_free(diag);
    for (int i = 0; i < 2; i++) {
        snprintf(path, sizeof(path), "%s/%s", dir, files[i][0]);
        remove(path);
    }
    rmdir(dir);
    test_free(el);
}

/* Same string ids, strings and element ids as a one-part load. */
static void assert_same_load(const netvet_inventory *a, const netvet_inventory *b)
{
    assert_int_equal(a->n, b->n);
    assert_int_equal(a->strings.n, b->strings.n);
    for (uint32_t s = 0; s < a->strings.n; s++)
        assert_string_equal(nv_inv_str(a, s), nv_inv_str(b, s));
    for (size_t k = 0; k < a->n; k++) {
        assert_string_equal(nv_inv_id(a, k), nv_inv_id(b, k));
        assert_int_equal(a->vendor[k], b->vendor[k]);
        assert_int_equal(a->mac[k], b->mac[k]);
        assert_int_equal(a->line[k], b->line[k]);
    }
}

/* Parts store their strings in one table's bytes, each in its span; a
 * part past its span (spans cut short here) loads the file in one part. */
static void test_parts_share_string_bytes(void **state)
{
    (void)state;
    captured cap = {{0}, 0};
    int rc;
    char *el = many_rows();
    size_t parts = nv_parts_forced;
    nv_parts_forced = 1;
    netvet_inventory *one = load(el, NULL, 0, &cap, &rc);
    nv_parts_forced = parts;
    netvet_inventory *inv = load(el, NULL, 0, &cap, &rc);
    assert_same_load(one, inv);
    netvet_inventory_free(inv);
    nv_part_span_bytes = 64;
    memset(&cap, 0, sizeof(cap));
    inv = load(el, NULL, 0, &cap, &rc);
    nv_part_span_bytes = 0;
    assert_int_equal(rc, 0);
    assert_int_equal(cap.n, 2); /* reported once */
    assert_same_load(one, inv);
    netvet_inventory_free(inv);
    netvet_inventory_free(one);
    test_free(el);
}

#ifdef NETVET_FAULT_INJECTION
/* Load elements and links with the at-th allocation and every later one
 * failing: out of memory, never a crash (a part whose columns point into
 * part 0's freed them when its own tag offsets could not be allocated). */
static void test_parts_out_of_memory(void **state)
{
    (void)state;
    captured cap = {{0}, 0};
    char *el = many_rows(), ln[] = "a,b\ne1,e3\ne5,e7\ne9,e11\n";
    netvet_diag *diag;
    assert_int_equal(netvet_diag_new(&diag, capture, &cap), 0);
    netvet_load_options o = NETVET_LOAD_OPTIONS_INIT;
    long total = 0;
    for (long at = 0; at == 0 || at <= total; at++) {
        netvet_inventory *inv = NULL;
        nv_alloc_fault_set(at);
        int rc = nv_inventory_load_buffers(&inv, el, strlen(el), "e.csv", ln,
                                           strlen(ln), "l.csv", &o, diag);
        if (at == 0)
            total = nv_alloc_fault_count();
        nv_alloc_fault_set(0);
        assert_true(at == 0 ? rc == 0 : rc == NETVET_ENOMEM || rc == 0);
        netvet_inventory_free(inv);
        cap.text[0] = '\0';
    }
    assert_true(total > 10);
    netvet_diag_free(diag);
    test_free(el);
}
#endif

/* Run every test again with each file read in 2, 3 and 7 parts (most
 * inputs here are a few lines: parts start at line starts, so short files
 * give fewer parts). */
/* An empty elements buffer given as (NULL, 0), as a caller with nothing
 * read may pass it: the same "empty file" error as for "", and no
 * memcpy from NULL on the way (UBSan nonnull-attribute under clang). */
static void test_null_empty_buffer(void **state)
{
    (void)state;
    char *s = nv_strndup(NULL, 0);
    assert_non_null(s);
    assert_string_equal(s, "");
    nv_free(s);
    captured cap = {{0}, 0};
    netvet_diag *diag;
    assert_int_equal(netvet_diag_new(&diag, capture, &cap), 0);
    netvet_inventory *inv = NULL;
    int rc = nv_inventory_load_buffers(&inv, NULL, 0, "e.csv", NULL, 0,
                                       "l.csv", NULL, diag);
    netvet_diag_free(diag);
    assert_int_equal(rc, NETVET_EPARSE);
    assert_null(inv);
    assert_string_equal(cap.text, "e.csv:0:0: empty file: no header row\n");
    captured same = {{0}, 0}; /* as for a non-NULL empty buffer */
    assert_null(load("", NULL, 0, &same, &rc));
    assert_int_equal(rc, NETVET_EPARSE);
    assert_string_equal(same.text, cap.text);
}

static int two_parts(void **state)
{
    (void)state;
    nv_parts_forced = 2;
    return 0;
}
static int three_parts(void **state)
{
    (void)state;
    nv_parts_forced = 3;
    return 0;
}
static int seven_parts(void **state)
{
    (void)state;
    nv_parts_forced = 7;
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_add_months),
        cmocka_unit_test(test_header_any_order_and_attributes),
        cmocka_unit_test(test_bad_rows_are_skipped_and_counted),
        cmocka_unit_test(test_strict_stops_at_first_bad_row),
        cmocka_unit_test(test_missing_required_column),
        cmocka_unit_test(test_quoted_newline_and_unterminated_quote),
        cmocka_unit_test(test_record_across_a_split),
        cmocka_unit_test(test_links),
        cmocka_unit_test(test_link_end_guesses),
        cmocka_unit_test(test_link_ends_after_ordered_run),
        cmocka_unit_test(test_sorted_ids),
        cmocka_unit_test(test_function_aliases_and_dates),
        cmocka_unit_test(test_parse_date_every_byte),
        cmocka_unit_test(test_function_spellings_beyond_cache),
        cmocka_unit_test(test_batch_records),
        cmocka_unit_test(test_many_rows_in_batches),
        cmocka_unit_test(test_many_rows_from_files),
        cmocka_unit_test(test_parts_share_string_bytes),
        cmocka_unit_test(test_null_empty_buffer),
#ifdef NETVET_FAULT_INJECTION
        cmocka_unit_test(test_parts_out_of_memory),
#endif
    };
    int failed = cmocka_run_group_tests_name("one part", tests, NULL, NULL);
    failed += cmocka_run_group_tests_name("two parts", tests, two_parts, NULL);
    failed += cmocka_run_group_tests_name("three parts", tests, three_parts, NULL);
    return failed + cmocka_run_group_tests_name("seven parts", tests, seven_parts, NULL);
}
