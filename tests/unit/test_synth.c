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

static int files_equal(const char *a, const char *b)
{
    size_t la, lb;
    char *x = read_file(a, &la), *y = read_file(b, &lb);
    int same = la == lb && memcmp(x, y, la) == 0;
    free(x);
    free(y);
    return same;
}

typedef struct table {
    size_t n_cols, n_rows;  /* data rows, header excluded */
    char **header;
    char **cells;           /* n_rows * n_cols */
} table;

/* Parse one RFC 4180 field at *p; advance past it and its separator.
 * Sets *eol when the field ended its record. */
static char *parse_field(const char **p, int *eol)
{
    const char *s = *p;
    size_t cap = 64, n = 0;
    char *out = malloc(cap);
    assert_non_null(out);
    int quoted = *s == '"';
    if (quoted)
        s++;
    for (;;) {
        char c = *s;
        if (quoted && c == '"' && s[1] == '"') {
            c = '"';
            s++;
        } else if (quoted && c == '"') {
            quoted = 0;
            s++;
            continue;
        } else if (!quoted && (c == ',' || c == '\n' || c == '\0')) {
            break;
        }
        assert_true(c != '\0'); /* no unterminated quotes */
        if (n + 2 > cap)
            assert_non_null(out = realloc(out, cap *= 2));
        out[n++] = c;
        s++;
    }
    out[n] = '\0';
    *eol = *s != ',';
    *p = *s ? s + 1 : s;
    return out;
}

static char **parse_record(const char **p, size_t *n_out)
{
    size_t cap = 32, n = 0;
    char **fields = malloc(cap * sizeof(*fields));
    assert_non_null(fields);
    int eol = 0;
    while (!eol) {
        if (n == cap)
            assert_non_null(fields = realloc(fields, (cap *= 2) *
                                                         sizeof(*fields)));
        fields[n++] = parse_field(p, &eol);
    }
    *n_out = n;
    return fields;
}

static void load_table(table *t, const char *path)
{
    char *buf = read_file(path, NULL);
    const char *p = buf;
    size_t cap = 1024;
    memset(t, 0, sizeof(*t));
    assert_true(*p != '\0');
    t->header = parse_record(&p, &t->n_cols);
    t->cells = malloc(cap * t->n_cols * sizeof(char *));
    assert_non_null(t->cells);
    while (*p) {
        size_t n;
        char **rec = parse_record(&p, &n);
        assert_int_equal(n, t->n_cols); /* every row has every column */
        if (t->n_rows == cap)
            assert_non_null(t->cells = realloc(
                                t->cells, (cap *= 2) * t->n_cols *
                                              sizeof(char *)));
        memcpy(&t->cells[t->n_rows++ * t->n_cols], rec, n * sizeof(char *));
        free(rec);
    }
    free(buf);
}

static void free_table(table *t)
{
    for (size_t i = 0; i < t->n_rows * t->n_cols; i++)
        free(t->cells[i]);
    for (size_t i = 0; i < t->n_cols; i++)
        free(t->header[i]);
    free(t->cells);
    free(t->header);
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

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted copy of the id column, for bsearch. */
static char **sorted_ids(const table *el)
{
    size_t ci = col(el, "id");
    char **ids = malloc(el->n_rows * sizeof(char *));
    assert_non_null(ids);
    for (size_t r = 0; r < el->n_rows; r++)
        ids[r] = el->cells[r * el->n_cols + ci];
    qsort(ids, el->n_rows, sizeof(char *), cmp_str);
    return ids;
}

static size_t row_of(const table *el, char **ids, size_t *index_of_sorted,
                     const char *id)
{
    char **hit = bsearch(&id, ids, el->n_rows, sizeof(char *), cmp_str);
    if (!hit)
        fail_msg("link end %s is not an element", id);
    return index_of_sorted[hit - ids];
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
    char pa[4096], pb[4096];
    generate(a, 5000, 77, 0.25, 1, NULL);
    generate(b, 5000, 77, 0.25, 1, NULL);
    copy_path(pa, sizeof(pa), path_in(a, "elements.csv"));
    copy_path(pb, sizeof(pb), path_in(b, "elements.csv"));
    assert_true(files_equal(pa, pb));
    copy_path(pa, sizeof(pa), path_in(a, "links.csv"));
    copy_path(pb, sizeof(pb), path_in(b, "links.csv"));
    assert_true(files_equal(pa, pb));

    generate(b, 5000, 78, 0.25, 1, NULL); /* another seed, another network */
    copy_path(pa, sizeof(pa), path_in(a, "elements.csv"));
    copy_path(pb, sizeof(pb), path_in(b, "elements.csv"));
    assert_false(files_equal(pa, pb));

    /* --evidence adds columns and changes nothing else */
    table with, without;
    generate(b, 5000, 77, 0.25, 0, NULL);
    load_table(&with, pa);
    load_table(&without, pb);
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

static void test_huawei_share_default(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    for (uint64_t seed = 1; seed <= 8; seed++) {
        netvet_synth_stats st;
        table el;
        double count, weight;
        generate(dir, 5000, seed, 0.25, 0, &st);
        load_table(&el, path_in(dir, "elements.csv"));
        shares(&el, &count, &weight);
        assert_true(count >= 0.20 && count <= 0.30);
        assert_true(weight >= 0.20 && weight <= 0.30);
        /* the stats agree with the file */
        assert_true(fabs(count - (double)st.n_access_ran_hrv /
                                     (double)st.n_access_ran) < 1e-12);
        free_table(&el);
    }
    remove_tree(dir);
    free(dir);
}

static void test_huawei_share_option(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    table el;
    double count, weight;
    generate(dir, 20000, 3, 0.0, 0, NULL);
    load_table(&el, path_in(dir, "elements.csv"));
    shares(&el, &count, &weight);
    assert_true(count == 0.0 && weight == 0.0);
    free_table(&el);
    generate(dir, 20000, 3, 0.5, 0, NULL);
    load_table(&el, path_in(dir, "elements.csv"));
    shares(&el, &count, &weight);
    assert_true(count >= 0.45 && count <= 0.55);
    assert_true(weight >= 0.45 && weight <= 0.55);
    free_table(&el);
    remove_tree(dir);
    free(dir);
}

/* Every link end exists; every access element has exactly two uplinks,
 * both to aggregation elements. */
static void check_topology(const table *el, const table *ln)
{
    char **ids = sorted_ids(el);
    size_t *orig = malloc(el->n_rows * sizeof(size_t));
    unsigned *uplinks = calloc(el->n_rows, sizeof(unsigned));
    assert_true(orig && uplinks);
    size_t ci = col(el, "id"), cf = col(el, "function");
    for (size_t r = 0; r < el->n_rows; r++) {
        const char *id = cell(el, r, ci);
        char **hit = bsearch(&id, ids, el->n_rows, sizeof(char *), cmp_str);
        assert_non_null(hit);
        orig[hit - ids] = r;
        if (hit > ids)
            assert_string_not_equal(hit[-1], id); /* ids are unique */
    }
    for (size_t l = 0; l < ln->n_rows; l++) {
        size_t a = row_of(el, ids, orig, cell(ln, l, 0));
        size_t b = row_of(el, ids, orig, cell(ln, l, 1));
        assert_true(a != b);
        const char *fa = canon(cell(el, a, cf)), *fb = canon(cell(el, b, cf));
        if (!strcmp(fa, "access") && !strcmp(fb, "aggregation"))
            uplinks[a]++;
        if (!strcmp(fb, "access") && !strcmp(fa, "aggregation"))
            uplinks[b]++;
    }
    size_t n_access = 0;
    for (size_t r = 0; r < el->n_rows; r++) {
        if (strcmp(canon(cell(el, r, cf)), "access") != 0)
            continue;
        n_access++;
        assert_int_equal(uplinks[r], 2);
    }
    assert_true(n_access > 0);
    free(ids);
    free(orig);
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
                        has_tag(cell(&el, r, ct), "fttp"));
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

static int synth_rc(const char *dir, netvet_synth_options o, netvet_diag *d)
{
    return netvet_synth_write(dir, &o, d);
}

static void test_bad_options(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
    netvet_diag *d = NULL;
    assert_int_equal(netvet_diag_new(&d, NULL, NULL), NETVET_OK);
    netvet_synth_options o = NETVET_SYNTH_OPTIONS_INIT, bad;
    bad = o, bad.n_elements = 49;
    assert_int_equal(synth_rc(dir, bad, d), NETVET_EINVAL);
    assert_true(strlen(netvet_diag_message(d)) > 0);
    bad = o, bad.n_elements = NETVET_SYNTH_MAX_ELEMENTS + 1ull;
    assert_int_equal(synth_rc(dir, bad, d), NETVET_EINVAL);
    bad = o, bad.hrv_share = 1.01;
    assert_int_equal(synth_rc(dir, bad, d), NETVET_EINVAL);
    bad = o, bad.hrv_share = -0.01;
    assert_int_equal(synth_rc(dir, bad, d), NETVET_EINVAL);
    bad = o, bad.hrv_share = NAN;
    assert_int_equal(synth_rc(dir, bad, d), NETVET_EINVAL);
    bad = o, bad.version = 99;
    assert_int_equal(synth_rc(dir, bad, d), NETVET_EINVAL);
    assert_int_equal(netvet_synth_write(NULL, &o, d), NETVET_EINVAL);
    assert_int_equal(netvet_synth_write("", &o, NULL), NETVET_EINVAL);
    /* nothing was written by the failures */
    assert_int_equal(access(path_in(dir, "elements.csv"), F_OK), -1);

    /* a regular file where a directory should be */
    FILE *f = fopen(path_in(dir, "plain"), "w");
    assert_non_null(f);
    fclose(f);
    char sub[4096];
    copy_path(sub, sizeof(sub), path_in(dir, "plain/net"));
    assert_int_equal(synth_rc(sub, o, d), NETVET_EIO);
    assert_non_null(strstr(netvet_diag_message(d), "plain"));
    copy_path(sub, sizeof(sub), path_in(dir, "plain"));
    assert_int_equal(synth_rc(sub, o, d), NETVET_EIO);
    netvet_diag_free(d);
    remove_tree(dir);
    free(dir);
}

static void test_creates_dirs_and_defaults(void **state)
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
    /* no temporary files left behind */
    assert_int_equal(access(path_in(sub, "elements.csv.tmp"), F_OK), -1);
    assert_int_equal(access(path_in(sub, "links.csv.tmp"), F_OK), -1);
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

static void test_progress(void **state)
{
    (void)state;
    char *dir = make_tmpdir();
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exact_row_counts),
        cmocka_unit_test(test_headers_exact),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_huawei_placement),
        cmocka_unit_test(test_huawei_share_default),
        cmocka_unit_test(test_huawei_share_option),
        cmocka_unit_test(test_topology),
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_bad_options),
        cmocka_unit_test(test_creates_dirs_and_defaults),
        cmocka_unit_test(test_progress),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
