/* SPDX-License-Identifier: Apache-2.0 */
/* Unit tests for the synthetic network generator: exact counts, headers,
 * byte-for-byte determinism, where Huawei may and may not appear, its share
 * of access + ran, link integrity and dual homing. Each test writes into its
 * own mkdtemp directory, reads the CSV back with a small RFC 4180 reader and
 * removes the directory. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "netvet/synth.h"

#define ELEMENT_HEADER                                                      \
    "id,name,vendor,model,software,function,site,region,lat,lon,weight,"   \
    "installed,status,tags"

/* ---- helpers: temp dirs, files, a CSV table ---------------------------- */

static char *make_tmpdir(void)
{
    char tmpl[] = "/tmp/netvet-test-synth-XXXXXX";
    char *dir = mkdtemp(tmpl);
    assert_non_null(dir);
    return strdup(dir);
}

static void remove_tree(const char *path)
{
    DIR *d = opendir(path);
    if (!d) {
        unlink(path);
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char child[4096];
        snprintf(child, sizeof(child), "%s/%s", path, e->d_name);
        remove_tree(child);
    }
    closedir(d);
    rmdir(path);
}

/* dir/name in one of two static buffers (valid until the next-but-one
 * call). */
static char *path_in(const char *dir, const char *name)
{
    static char buf[2][4096];
    static int which;
    which ^= 1;
    int n = snprintf(buf[which], sizeof(buf[which]), "%s/%s", dir, name);
    assert_true(n > 0 && (size_t)n < sizeof(buf[which]));
    return buf[which];
}

static void copy_path(char *dst, size_t cap, const char *src)
{
    int n = snprintf(dst, cap, "%s", src);
    assert_true(n > 0 && (size_t)n < cap);
}

static char *read_file(const char *path, size_t *len_out)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    long len = ftell(f);
    assert_true(len >= 0);
    rewind(f);
    char *buf = malloc((size_t)len + 1);
    assert_non_null(buf);
    assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
    buf[len] = '\0';
    fclose(f);
    if (len_out)
        *len_out = (size_t)len;
    return buf;
}

/* Are dir_a/name and dir_b/name byte-identical? */
static int same_file(const char *dir_a, const char *dir_b, const char *name)
{
    size_t la, lb;
    char *x = read_file(path_in(dir_a, name), &la);
    char *y = read_file(path_in(dir_b, name), &lb);
    int same = la == lb && memcmp(x, y, la) == 0;
    free(x);
    free(y);
    return same;
}

typedef struct table {
    size_t n_cols, n_rows;  /* data rows, header excluded */
    char *buf;              /* the file; fields are decoded in place */
    char **header;          /* n_cols fields, then the cells */
    char **cells;           /* n_rows * n_cols, pointing into buf */
} table;

/* Decode the RFC 4180 field at *p in place (unquoting only shortens it),
 * advance past its separator, and say whether it ended its record. */
static char *next_field(char **p, int *eol)
{
    char *s = *p, *w = s, *field = s;
    int quoted = *s == '"';
    if (quoted)
        s++;
    for (;; s++) {
        if (quoted && *s == '"') {
            if (s[1] != '"') {
                quoted = 0;
                continue;
            }
            s++;
        } else if (!quoted && (*s == ',' || *s == '\n' || *s == '\0')) {
            break;
        }
        assert_true(*s != '\0'); /* no unterminated quotes */
        *w++ = *s;
    }
    *eol = *s != ',';
    *p = *s ? s + 1 : s;
    *w = '\0';
    return field;
}

static void load_table(table *t, const char *path)
{
    size_t cap = 4096, n = 0;
    char **f = malloc(cap * sizeof(*f));
    assert_non_null(f);
    memset(t, 0, sizeof(*t));
    t->buf = read_file(path, NULL);
    for (char *p = t->buf; *p;) {
        size_t start = n;
        for (int eol = 0; !eol;) {
            if (n == cap)
                assert_non_null(f = realloc(f, (cap *= 2) * sizeof(*f)));
            f[n++] = next_field(&p, &eol);
        }
        if (!t->n_cols)
            t->n_cols = n;
        assert_int_equal(n - start, t->n_cols); /* every row, every column */
    }
    assert_true(t->n_cols > 0);
    t->n_rows = n / t->n_cols - 1;
    t->header = f;
    t->cells = f + t->n_cols;
}

static void free_table(table *t)
{
    free(t->header);
    free(t->buf);
}

static size_t col(const table *t, const char *name)
{
    for (size_t i = 0; i < t->n_cols; i++)
        if (!strcmp(t->header[i], name))
            return i;
    fail_msg("no column %s", name);
    return 0;
}

static const char *cell(const table *t, size_t row, size_t c)
{
    return t->cells[row * t->n_cols + c];
}

/* The taxonomy name for a function as the generator writes it. */
static const char *canon(const char *f)
{
    static const char *const map[][2] = {
        {"core", "core"},       {"5GC", "core"},       {"EPC", "core"},
        {"IMS", "core"},        {"management", "management"},
        {"OSS", "management"},  {"NMS", "management"},
        {"security", "security"}, {"aggregation", "aggregation"},
        {"access", "access"},   {"OLT", "access"},     {"ran", "ran"},
        {"gNB", "ran"},         {"eNB", "ran"},        {"BBU", "ran"},
        {"RRU", "ran"},         {"cpe", "cpe"},        {"CPE", "cpe"},
        {"ONT", "cpe"},
    };
    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
        if (!strcasecmp(map[i][0], f))
            return map[i][1];
    fail_msg("unknown function '%s'", f);
    return "";
}

static int is_huawei(const char *vendor)
{
    for (const char *p = vendor; *p; p++)
        if (!strncasecmp(p, "huawei", 6))
            return 1;
    return 0;
}

static int has_tag(const char *tags, const char *tag)
{
    size_t n = strlen(tag);
    for (const char *p = tags; *p;) {
        const char *end = strchr(p, ';');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && !strncmp(p, tag, n))
            return 1;
        p += len + (end != NULL);
    }
    return 0;
}

static int is_access_ran(const char *fn)
{
    const char *c = canon(fn);
    return !strcmp(c, "access") || !strcmp(c, "ran");
}

/* Write a network; assert success. */
static void generate(const char *dir, uint64_t n, uint64_t seed,
                     double share, int evidence, netvet_synth_stats *st)
{
    netvet_synth_options o = NETVET_SYNTH_OPTIONS_INIT;
    o.n_elements = n;
    o.seed = seed;
    o.hrv_share = share;
    o.has_evidence = evidence;
    netvet_diag *diag = NULL;
    assert_int_equal(netvet_diag_new(&diag, NULL, NULL), NETVET_OK);
    int rc = netvet_synth_write_stats(st, dir, &o, diag);
    if (rc != NETVET_OK)
        fail_msg("synth failed: %s", netvet_diag_message(diag));
    netvet_diag_free(diag);
}

/* Element ids sorted with their row numbers, to look link ends up. */
typedef struct id_row {
    const char *id;
    size_t row;
} id_row;

static int cmp_id(const void *a, const void *b)
{
    return strcmp(((const id_row *)a)->id, ((const id_row *)b)->id);
}

static size_t row_of(const id_row *index, size_t n, const char *id)
{
    id_row key = {id, 0};
    const id_row *hit = bsearch(&key, index, n, sizeof(key), cmp_id);
    if (!hit)
        fail_msg("link end %s is not an element", id);
    return hit->row;
}

/* ---- tests ------------------------------------------------------------- */

static void test_exact_row_counts(void **state)
{
    (void)state;
    static const uint64_t sizes[] = {50, 51, 53, 64, 299, 301, 1999, 2000,
                                     3601, 5000, 20011};
    char *dir = make_tmpdir();
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        netvet_synth_stats st;
        table el, ln;
        generate(dir, sizes[i], 100 + i, 0.25, 0, &st);
        load_table(&el, path_in(dir, "elements.csv"));
        load_table(&ln, path_in(dir, "links.csv"));
        assert_int_equal(el.n_rows, sizes[i]);
        assert_int_equal(st.n_elements, sizes[i]);
        assert_int_equal(ln.n_rows, st.n_links);
        assert_true(st.n_links >= sizes[i] - 1); /* connected */
        free_table(&el);
        free_table(&ln);
    }
    remove_tree(dir);
    free(dir);
}

static void test_headers_exact(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    generate(dir, 50, 1, 0.25, 0, NULL);
    char *el = read_file(path_in(dir, "elements.csv"), NULL);
    char *ln = read_file(path_in(dir, "links.csv"), NULL);
    assert_memory_equal(el, ELEMENT_HEADER "\n", strlen(ELEMENT_HEADER) + 1);
    assert_memory_equal(ln, "a,b,kind,capacity\n", 18);
    free(el);
    generate(dir, 50, 1, 0.25, 1, NULL);
    el = read_file(path_in(dir, "elements.csv"), NULL);
    const char *ev = ELEMENT_HEADER ",mac,sys_object_id,sys_descr\n";
    assert_memory_equal(el, ev, strlen(ev));
    free(el);
    free(ln);
    remove_tree(dir);
    free(dir);
}

static void test_deterministic(void **state)
{
    (void)state;
    char *a = make_tmpdir(), *b = make_tmpdir();
    generate(a, 5000, 77, 0.25, 1, NULL);
    generate(b, 5000, 77, 0.25, 1, NULL);
    assert_true(same_file(a, b, "elements.csv"));
    assert_true(same_file(a, b, "links.csv"));
    generate(b, 5000, 78, 0.25, 1, NULL); /* another seed, another network */
    assert_false(same_file(a, b, "elements.csv"));

    /* --evidence adds columns and changes nothing else */
    table with, without;
    generate(b, 5000, 77, 0.25, 0, NULL);
    assert_true(same_file(a, b, "links.csv"));
    load_table(&with, path_in(a, "elements.csv"));
    load_table(&without, path_in(b, "elements.csv"));
    assert_int_equal(with.n_rows, without.n_rows);
    assert_int_equal(with.n_cols, without.n_cols + 3);
    for (size_t r = 0; r < with.n_rows; r++)
        for (size_t c = 0; c < without.n_cols; c++)
            assert_string_equal(cell(&with, r, c), cell(&without, r, c));
    free_table(&with);
    free_table(&without);
    remove_tree(a);
    remove_tree(b);
    free(a);
    free(b);
}

/* Huawei never in core, management, security or sensitive elements, never
 * planned; its evidence points at Huawei. */
static void check_huawei_placement(const table *el)
{
    size_t cv = col(el, "vendor"), cf = col(el, "function");
    size_t ct = col(el, "tags"), cs = col(el, "status");
    size_t coid = col(el, "sys_object_id"), cmac = col(el, "mac");
    size_t n_huawei = 0;
    for (size_t r = 0; r < el->n_rows; r++) {
        if (!is_huawei(cell(el, r, cv)))
            continue;
        n_huawei++;
        const char *fn = canon(cell(el, r, cf));
        assert_string_not_equal(fn, "core");
        assert_string_not_equal(fn, "management");
        assert_string_not_equal(fn, "security");
        assert_false(has_tag(cell(el, r, ct), "sensitive"));
        assert_string_not_equal(cell(el, r, cs), "planned");
        const char *oid = cell(el, r, coid);
        assert_true(!*oid || !strncmp(oid, "1.3.6.1.4.1.2011.", 17));
        assert_int_equal(strlen(cell(el, r, cmac)), 17);
    }
    assert_true(n_huawei > 0);
}

static void test_huawei_placement(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    for (uint64_t seed = 1; seed <= 4; seed++) {
        table el;
        generate(dir, 5000, seed, 0.25, 1, NULL);
        load_table(&el, path_in(dir, "elements.csv"));
        check_huawei_placement(&el);
        free_table(&el);
    }
    remove_tree(dir);
    free(dir);
}

static void shares(const table *el, double *by_count, double *by_weight)
{
    size_t cv = col(el, "vendor"), cf = col(el, "function");
    size_t cw = col(el, "weight");
    uint64_t n = 0, hn = 0, w = 0, hw = 0;
    for (size_t r = 0; r < el->n_rows; r++) {
        if (!is_access_ran(cell(el, r, cf)))
            continue;
        uint64_t weight = strtoull(cell(el, r, cw), NULL, 10);
        int hrv = is_huawei(cell(el, r, cv));
        n++;
        w += weight;
        hn += (uint64_t)hrv;
        hw += hrv ? weight : 0;
    }
    assert_true(n > 0 && w > 0);
    *by_count = (double)hn / (double)n;
    *by_weight = (double)hw / (double)w;
}

/* Default: Huawei holds 20-30% of access + ran by count and by weight, as
 * the stats say; --hrv-share moves it (0 means none at all). */
static void test_huawei_share(void **state)
{
    (void)state;
    static const struct {
        uint64_t n, seed;
        double share, lo, hi;
    } cases[] = {
        {5000, 1, 0.25, 0.20, 0.30}, {5000, 2, 0.25, 0.20, 0.30},
        {5000, 3, 0.25, 0.20, 0.30}, {5000, 4, 0.25, 0.20, 0.30},
        {5000, 5, 0.25, 0.20, 0.30}, {5000, 6, 0.25, 0.20, 0.30},
        {20000, 3, 0.0, 0.0, 0.0},   {20000, 3, 0.5, 0.45, 0.55},
    };
    char *dir = make_tmpdir();
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        netvet_synth_stats st;
        table el;
        double count, weight;
        generate(dir, cases[i].n, cases[i].seed, cases[i].share, 0, &st);
        load_table(&el, path_in(dir, "elements.csv"));
        shares(&el, &count, &weight);
        assert_true(count >= cases[i].lo && count <= cases[i].hi);
        assert_true(weight >= cases[i].lo && weight <= cases[i].hi);
        assert_true(fabs(count - (double)st.n_access_ran_hrv /
                                     (double)st.n_access_ran) < 1e-12);
        free_table(&el);
    }
    remove_tree(dir);
    free(dir);
}

/* Every link end exists; every access element has exactly two uplinks,
 * both to aggregation elements. */
static void check_topology(const table *el, const table *ln)
{
    size_t n = el->n_rows, ci = col(el, "id"), cf = col(el, "function");
    id_row *index = malloc(n * sizeof(*index));
    unsigned *uplinks = calloc(n, sizeof(unsigned));
    assert_true(index && uplinks);
    for (size_t r = 0; r < n; r++)
        index[r] = (id_row){cell(el, r, ci), r};
    qsort(index, n, sizeof(*index), cmp_id);
    for (size_t r = 1; r < n; r++) /* ids are unique */
        assert_string_not_equal(index[r - 1].id, index[r].id);
    for (size_t l = 0; l < ln->n_rows; l++) {
        size_t a = row_of(index, n, cell(ln, l, 0));
        size_t b = row_of(index, n, cell(ln, l, 1));
        assert_true(a != b);
        const char *fa = canon(cell(el, a, cf)), *fb = canon(cell(el, b, cf));
        if (!strcmp(fa, "access") && !strcmp(fb, "aggregation"))
            uplinks[a]++;
        if (!strcmp(fb, "access") && !strcmp(fa, "aggregation"))
            uplinks[b]++;
    }
    size_t n_access = 0;
    for (size_t r = 0; r < n; r++) {
        if (!strcmp(canon(cell(el, r, cf)), "access")) {
            n_access++;
            assert_int_equal(uplinks[r], 2);
        }
    }
    assert_true(n_access > 0);
    free(index);
    free(uplinks);
}

static void test_topology(void **state)
{
    (void)state;
    static const uint64_t sizes[] = {50, 57, 5000};
    char *dir = make_tmpdir();
    for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
        table el, ln;
        generate(dir, sizes[i], 9 + i, 0.25, 0, NULL);
        load_table(&el, path_in(dir, "elements.csv"));
        load_table(&ln, path_in(dir, "links.csv"));
        check_topology(&el, &ln);
        free_table(&el);
        free_table(&ln);
    }
    remove_tree(dir);
    free(dir);
}

/* Weights are customers; dates ISO; statuses known; planned in future. */
static void test_values(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    table el;
    generate(dir, 5000, 5, 0.25, 0, NULL);
    load_table(&el, path_in(dir, "elements.csv"));
    size_t cf = col(&el, "function"), cw = col(&el, "weight");
    size_t cd = col(&el, "installed"), cs = col(&el, "status");
    size_t ct = col(&el, "tags");
    for (size_t r = 0; r < el.n_rows; r++) {
        const char *f = cell(&el, r, cf), *fn = canon(f);
        unsigned long w = strtoul(cell(&el, r, cw), NULL, 10);
        const char *date = cell(&el, r, cd), *status = cell(&el, r, cs);
        if (!strcmp(f, "RRU"))
            assert_true(w >= 200 && w <= 2000);
        else if (!strcmp(fn, "cpe"))
            assert_true(w == 1 || (w >= 5 && w <= 20));
        else if (strcmp(fn, "ran") != 0)
            assert_int_equal(w, 0);
        if (!strcmp(fn, "access") || !strcmp(fn, "ran"))
            assert_true(has_tag(cell(&el, r, ct), "5g") ||
                        has_tag(cell(&el, r, ct), "4g") ||
                        has_tag(cell(&el, r, ct), "fttp"));
        if (!strcmp(f, "eNB") || !strcmp(f, "EPC"))
            assert_true(has_tag(cell(&el, r, ct), "4g"));
        if (!strcmp(f, "gNB") || !strcmp(f, "5GC"))
            assert_true(has_tag(cell(&el, r, ct), "5g"));
        assert_int_equal(strlen(date), 10);
        assert_true(date[4] == '-' && date[7] == '-');
        assert_true(!strcmp(status, "active") || !strcmp(status, "planned") ||
                    !strcmp(status, "decommissioned"));
        if (!strcmp(status, "planned"))
            assert_true(strcmp(date, "2027-01-01") >= 0);
    }
    free_table(&el);
    remove_tree(dir);
    free(dir);
}

static void test_bad_options(void **state)
{
    (void)state;
    static const struct {
        unsigned version;
        uint64_t n;
        double share;
    } bad[] = {
        {1, 49, 0.25},   {1, NETVET_SYNTH_MAX_ELEMENTS + 1ull, 0.25},
        {1, 1000, 1.01}, {1, 1000, -0.01}, {1, 1000, NAN}, {99, 1000, 0.25},
    };
    char *dir = make_tmpdir();
    netvet_diag *d = NULL;
    assert_int_equal(netvet_diag_new(&d, NULL, NULL), NETVET_OK);
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        netvet_synth_options o = {bad[i].version, bad[i].n, 1, bad[i].share,
                                  0, NULL, NULL, NULL, NULL};
        assert_int_equal(netvet_synth_write(dir, &o, d), NETVET_EINVAL);
        assert_true(strlen(netvet_diag_message(d)) > 0);
    }
    netvet_synth_options o = NETVET_SYNTH_OPTIONS_INIT;
    assert_int_equal(netvet_synth_write(NULL, &o, d), NETVET_EINVAL);
    assert_int_equal(netvet_synth_write("", &o, NULL), NETVET_EINVAL);
    /* nothing was written by the failures */
    assert_int_equal(access(path_in(dir, "elements.csv"), F_OK), -1);

    /* a regular file where a directory should be */
    FILE *f = fopen(path_in(dir, "plain"), "w");
    assert_non_null(f);
    fclose(f);
    assert_int_equal(netvet_synth_write(path_in(dir, "plain/net"), &o, d),
                     NETVET_EIO);
    assert_non_null(strstr(netvet_diag_message(d), "plain"));
    assert_int_equal(netvet_synth_write(path_in(dir, "plain"), &o, d),
                     NETVET_EIO);
    netvet_diag_free(d);
    remove_tree(dir);
    free(dir);
}

static void count_progress(uint64_t done, uint64_t total, void *payload)
{
    uint64_t *calls = payload;
    assert_true(done <= total);
    calls[0]++;
    calls[1] = done;
}

/* Parents are created, NULL options mean the defaults, no .tmp is left,
 * and progress is reported every 65,536 elements and at the end. */
static void test_dirs_defaults_progress(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    char sub[4096];
    copy_path(sub, sizeof(sub), path_in(dir, "a/b/c"));
    assert_int_equal(netvet_synth_write(sub, NULL, NULL), NETVET_OK);
    table el;
    load_table(&el, path_in(sub, "elements.csv"));
    assert_int_equal(el.n_rows, 1000); /* NETVET_SYNTH_OPTIONS_INIT */
    free_table(&el);
    assert_int_equal(access(path_in(sub, "elements.csv.tmp"), F_OK), -1);
    assert_int_equal(access(path_in(sub, "links.csv.tmp"), F_OK), -1);

    uint64_t calls[2] = {0, 0};
    netvet_synth_options o = NETVET_SYNTH_OPTIONS_INIT;
    o.n_elements = 200000;
    o.progress_fn = count_progress;
    o.progress_payload = calls;
    assert_int_equal(netvet_synth_write(dir, &o, NULL), NETVET_OK);
    assert_int_equal(calls[0], 200000 / 65536 + 1);
    assert_int_equal(calls[1], 200000); /* the last call reports the end */
    remove_tree(dir);
    free(dir);
}

/* temp_fn sees each temporary while it exists; none is left after. */
typedef struct seen_temps {
    char path[2][4096];
    int n, existed;
} seen_temps;

static void note_temp(const char *path, void *payload)
{
    seen_temps *t = payload;
    if (t->n < 2) {
        snprintf(t->path[t->n++], sizeof t->path[0], "%s", path);
        t->existed += access(path, F_OK) == 0;
    }
}

static void test_temp_fn_names_each_temporary(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    seen_temps t = {.n = 0};
    netvet_synth_options o = NETVET_SYNTH_OPTIONS_INIT;
    o.temp_fn = note_temp;
    o.temp_payload = &t;
    assert_int_equal(netvet_synth_write(dir, &o, NULL), NETVET_OK);
    assert_int_equal(t.n, 2);
    assert_int_equal(t.existed, 2);
    assert_non_null(strstr(t.path[0], "/.elements.csv."));
    assert_non_null(strstr(t.path[1], "/.links.csv."));
    assert_int_equal(access(t.path[0], F_OK), -1);
    assert_int_equal(access(t.path[1], F_OK), -1);
    assert_int_equal(access(path_in(dir, "elements.csv"), F_OK), 0);

    /* options of version 1 (no temp_fn member read) still work */
    netvet_synth_options v1 = NETVET_SYNTH_OPTIONS_INIT;
    v1.version = 1;
    v1.temp_fn = note_temp; /* must be ignored */
    v1.temp_payload = NULL;
    assert_int_equal(netvet_synth_write(dir, &v1, NULL), NETVET_OK);
    remove_tree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_temp_fn_names_each_temporary),
        cmocka_unit_test(test_exact_row_counts),
        cmocka_unit_test(test_headers_exact),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_huawei_placement),
        cmocka_unit_test(test_huawei_share),
        cmocka_unit_test(test_topology),
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_bad_options),
        cmocka_unit_test(test_dirs_defaults_progress),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
