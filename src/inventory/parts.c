/* SPDX-License-Identifier: Apache-2.0 */
/* One file, several parts: choose line-start split points, count each
 * part's lines to size one set of columns they all write into, run a
 * loader per part (the first on the calling thread), check that each part
 * ended exactly where the next began, merge the parts in order, build the
 * id map (elements, unless their ids are in order) and replay the
 * diagnostics in line order. */
#include "inventory/parts.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <sys/mman.h>
#include <unistd.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "inventory/load.h"
#include "inventory/merge.h"
#include "util/alloc.h"
#include "util/diag.h"
#include "util/diaglog.h"
#include "util/pages.h"
#include "util/clock.h"

#define MAX_PARTS 16

size_t nv_part_min_bytes = 4u << 20;
size_t nv_parts_forced;
size_t nv_part_span_bytes;

size_t nv_parts_for(size_t len)
{
    if (nv_parts_forced)
        return nv_parts_forced < MAX_PARTS ? nv_parts_forced : MAX_PARTS;
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    size_t n = len / (nv_part_min_bytes ? nv_part_min_bytes : 1);
    if (cpus > 0 && n > (size_t)cpus)
        n = (size_t)cpus;
    return n < 1 ? 1 : n > MAX_PARTS ? MAX_PARTS : n;
}

/* Each part starts on its own 128-byte block (two cache lines: the
 * adjacent-line prefetcher pairs them): part i's thread bumps its row
 * counts (stats) on every row, and part i + 1's thread reads its loader's
 * first fields on every row; sharing a line, the two stalled each other
 * (a quarter of load_link's samples sat on the count). */
typedef struct part {
    _Alignas(128) nv_loader L;
    netvet_inventory *own; /* parts > 0: the part's rows */
    const char *from, *stop; /* its byte range */
    size_t lines;          /* line ends in the range */
    size_t base;           /* row of part 0's columns where its rows
                            * start (the parts share them) */
    nv_part_span span;     /* elements: its stretch of part 0's string
                            * and id bytes */
    nv_diag_log log;
    netvet_load_stats stats;
    int links, rc;
    int mapped;            /* the input is a mapped file (map_ahead) */
    pthread_t thread;
    int started;
} part;

/* Rows in [p, p + len): length / mean length of the first lines, plus an
 * eighth (columns grow if it is short). */
static size_t estimate_rows(const char *p, size_t len)
{
    size_t sample = len < (64u << 10) ? len : (64u << 10), lines = 1;
    for (const char *q = p, *end = p + sample;
         q < end && (q = memchr(q, '\n', (size_t)(end - q))) != NULL; q++)
        lines++;
    if (sample == len)
        return lines;
    return (size_t)((double)len / (double)sample * (double)lines * 1.125) + 16;
}

/* Line ends in [p, end): 16 bytes a step with SSE2, counted in byte
 * lanes (a match is -1) and summed every 255 steps. */
static size_t count_lines(const char *p, const char *end)
{
    size_t n = 0;
#ifdef __SSE2__
    const __m128i lf = _mm_set1_epi8('\n'), zero = _mm_setzero_si128();
    while (end - p >= 16) {
        __m128i acc = zero;
        for (int k = 0; k < 255 && end - p >= 16; k++, p += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
            acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(v, lf));
        }
        __m128i sum = _mm_sad_epu8(acc, zero);
        n += (size_t)_mm_cvtsi128_si32(sum) +
             (size_t)_mm_cvtsi128_si32(_mm_srli_si128(sum, 8));
    }
#endif
    for (; p < end; p++)
        n += *p == '\n';
    return n;
}

/* Map the part's pages of the input in one call before counting (Linux
 * 5.14 and later; elsewhere the count's page faults do it): the first touch
 * of a mapped file took 15-22 ms of faults for 135 MB, a warm count 6 ms.
 * Each part's thread does its own, so they map side by side. 1M assess,
 * two series of 15-run rounds: 0.309 -> 0.303 s and 0.300 -> 0.296 s,
 * task-clock 559 -> 532 ms and 523 -> 505 ms. */
static void map_ahead(const char *from, const char *stop)
{
#ifdef MADV_POPULATE_READ
    uintptr_t lo = nv_page_down(from);
    if ((uintptr_t)stop > lo)
        madvise((void *)lo, (size_t)((uintptr_t)stop - lo),
                MADV_POPULATE_READ);
#else
    (void)from;
    (void)stop;
#endif
}

static void *count_part(void *arg)
{
    part *p = arg;
    if (p->mapped)
        map_ahead(p->from, p->stop);
    p->lines = count_lines(p->from, p->stop);
    return NULL;
}

static void *run_part(void *arg)
{
    part *p = arg;
    p->rc = p->links ? nv_load_links(&p->L) : nv_load_elements(&p->L);
    return NULL;
}

/* Split [from, end) at line starts into up to n ranges: starts[0..n). */
static size_t split_points(char *from, char *end, size_t n, char **starts)
{
    starts[0] = from;
    for (size_t i = 1; i < n; i++) {
        char *target = from + (size_t)(end - from) / n * i;
        if (target < starts[i - 1])
            target = starts[i - 1];
        char *nl = memchr(target, '\n', (size_t)(end - target));
        if (!nl || nl + 1 >= end)
            return i;
        starts[i] = nl + 1;
    }
    return n;
}

/* Part i > 0: the header's map copied from part 0, its own inventory
 * (its element or link columns a slice of part 0's). */
static int setup_part(part *p, part *first, char *from, char *stop,
                      const nv_file_input *in)
{
    nv_loader *L0 = &first->L;
    nv_loader *L = &p->L;
    *L = *L0;
    L->shared_columns = 0; /* until nv_elements_share / nv_links_share */
    memset(&L->csv, 0, sizeof(L->csv));
    L->report_progress = 0;
    L->stats = &p->stats;
    L->diag = p->log.sink;
    L->drop_from = in->is_mmap && !in->keep_pages ? (char *)nv_page_up(from) : NULL;
    L->expect_rows = estimate_rows(from, (size_t)(stop - from));
    L->expect_bytes = (size_t)(stop - from);
    L->hash_col = nv_calloc(L0->n_cols, sizeof(*L->hash_col));
    if (!L->hash_col || nv_inventory_new(&p->own) < 0)
        return NETVET_ENOMEM;
    p->own->n_attrs = L0->inv->n_attrs;
    p->own->attrs = nv_calloc(p->own->n_attrs ? p->own->n_attrs : 1,
                              sizeof(nv_attr_column));
    if (!p->own->attrs)
        return NETVET_ENOMEM;
    L->inv = p->own;
    nv_csv_init_part(&L->csv, from, stop, in->p + in->len);
    return p->links ? nv_links_share(L, L0, p->base, p->lines)
                    : nv_elements_share(L, L0, p->base, p->lines, &p->span);
}

static void dispose_part(part *p, int first)
{
    if (!first) {
        if (p->links)
            nv_links_unshare(&p->L);
        else
            nv_elements_unshare(&p->L);
        nv_free(p->L.hash_col);
        p->L.hash_col = NULL;
        nv_csv_dispose(&p->L.csv);
        netvet_inventory_free(p->own);
    }
    nv_diag_log_dispose(&p->log);
}

/* Replay the parts' entries (lines moved down by off[i]) merged with the
 * duplicate-id entries, in line order, up to the first error.
 * @return 0, or NETVET_EPARSE when an error was replayed. */
static int replay(const part *parts, size_t last, const unsigned long *off,
                  const nv_diag_log *dups, netvet_diag *diag,
                  const char *file)
{
    size_t i = 0, e = 0, d = 0;
    for (;;) {
        while (i <= last && e >= parts[i].log.n) {
            i++;
            e = 0;
        }
        const nv_logged *pe = i <= last ? &parts[i].log.entries[e] : NULL;
        const nv_logged *de = d < dups->n ? &dups->entries[d] : NULL;
        if (!pe && !de)
            return 0;
        unsigned long pline = pe && pe->line ? pe->line + off[i] : 0;
        int take_part = pe && (!de || pline <= de->line);
        const nv_logged *x = take_part ? pe : de;
        nv_diag_replay(diag, file, take_part ? off[i] : 0, x);
        if (x->severity == NETVET_SEV_ERROR)
            return NETVET_EPARSE;
        if (take_part)
            e++;
        else
            d++;
    }
}

static int merge_links(netvet_inventory *inv, part *parts, size_t last)
{
    double t0 = nv_clock_seconds();
    for (size_t i = 1; i <= last; i++)
        nv_merge_links_shared(inv, parts[i].own, parts[i].base);
    inv->times[1].merge = nv_clock_seconds() - t0;
    return 0;
}

/* Are the merged ids in strictly increasing order? Each part checked its
 * own rows; here the rows where parts meet. */
static int ids_in_order(const netvet_inventory *inv, const part *parts,
                        size_t last)
{
    size_t at = 0;
    for (size_t i = 0; i <= last; i++) {
        size_t rows = i == 0 ? parts[0].L.inv->n : parts[i].own->n;
        if (parts[i].L.ids_unsorted)
            return 0;
        if (at > 0 && rows > 0 &&
            nv_inv_id_cmp(inv, at - 1, nv_inv_id(inv, at),
                          nv_strtab_strlen(&inv->ids, (uint32_t)at)) >= 0)
            return 0;
        at += rows;
    }
    return 1;
}

/* Ids first; then, unless they are in order (no id can repeat, and
 * lookups can search them), the id map on a thread while the other
 * columns are merged; duplicates are logged into dups once the lines are
 * in. */
static int merge_elements(netvet_inventory *inv, part *parts, size_t last,
                          const unsigned long *off, nv_diag_log *dups)
{
    nv_loader *L0 = &parts[0].L;
    int rc = 0;
    for (size_t i = 1; i <= last; i++)
        nv_merge_ids(inv, parts[i].own, parts[i].base);
    /* strings and ids were kept within part 0's spans while the parts
     * ran; merged, they may grow again (after the last part's) */
    nv_strtab_limit(&inv->ids, 0);
    size_t n = inv->ids.n;
    inv->ids_sorted = ids_in_order(inv, parts, last);
    uint64_t *hash = inv->ids_sorted ? NULL : nv_id_hashes(inv, n);
    if (!inv->ids_sorted && !hash)
        return NETVET_ENOMEM;
    nv_id_build b = {inv, hash, n, L0->opts->strict, NULL, 0, 0, 0};
    pthread_t thread;
    double t0 = nv_clock_seconds();
    int threaded = !inv->ids_sorted && last > 0 &&
                   pthread_create(&thread, NULL, nv_id_map_run, &b) == 0;
    for (size_t i = 1; i <= last && rc == 0; i++)
        rc = nv_merge_shared(inv, parts[i].own, parts[i].base, off[i]);
    nv_strtab_limit(&inv->strings, 0);
    inv->times[0].merge = nv_clock_seconds() - t0;
    if (threaded)
        pthread_join(thread, NULL);
    else if (!inv->ids_sorted)
        nv_id_map_run(&b);
    inv->times[0].index = nv_clock_seconds() - t0;
    if (rc == 0 && !inv->ids_sorted)
        rc = nv_id_map_finish(&b, hash,
                              (unsigned long)L0->pos[NV_COL_ID] + 1, dups);
    nv_free(b.dups);
    nv_free(hash);
    return rc;
}

/* After the parts ran: check the splits, merge, build the id map, report.
 * @return as nv_parts_load. */
static int finish(netvet_inventory *inv, part *parts, size_t n, int links,
                  netvet_diag *diag, const char *file)
{
    size_t last = n - 1;
    for (size_t i = 0; i < n; i++) {
        if (parts[i].rc == NETVET_ELIMIT && !links && n > 1)
            return NV_ERESPLIT; /* past its span (or a real limit) */
        if (parts[i].rc < 0 && parts[i].rc != NETVET_EPARSE)
            return parts[i].rc;
        if (parts[i].log.failed)
            return NETVET_ENOMEM;
        if (parts[i].rc < 0) {
            last = i;
            break;
        }
    }
    unsigned long off[MAX_PARTS] = {0};
    for (size_t i = 0; i < last; i++) {
        const nv_csv *c = &parts[i].L.csv;
        if (c->cur != c->stop)
            return NV_ERESPLIT;
        off[i + 1] = off[i] + c->next_line - 1;
    }
    netvet_load_stats *st = &inv->stats[links];
    for (size_t i = 0; i <= last; i++) {
        st->rows_read += parts[i].stats.rows_read;
        st->rows_loaded += parts[i].stats.rows_loaded;
        st->rows_skipped += parts[i].stats.rows_skipped;
    }
    nv_diag_log dups;
    if (nv_diag_log_init(&dups) < 0)
        return NETVET_ENOMEM;
    int rc = links ? merge_links(inv, parts, last)
                   : merge_elements(inv, parts, last, off, &dups);
    if (rc == 0 || rc == NETVET_EPARSE)
        rc = dups.failed ? NETVET_ENOMEM
                         : replay(parts, last, off, &dups, diag, file);
    nv_diag_log_dispose(&dups);
    return rc;
}

static void start_first(part *p, netvet_inventory *inv, int links,
                        const nv_file_input *in,
                        const netvet_load_options *opts, uint64_t *bytes_done)
{
    static const netvet_load_options defaults = NETVET_LOAD_OPTIONS_INIT;
    nv_loader *L = &p->L;
    L->inv = inv;
    L->lookup = inv;
    L->opts = opts ? opts : &defaults;
    L->evidence_only = L->opts->version >= 2 && L->opts->evidence_only;
    L->site_points = L->opts->version < 4 || L->opts->site_points;
    L->diag = p->log.sink;
    L->file = in->name;
    L->far_installed = (int32_t)(time(NULL) / 86400) + NV_FAR_INSTALLED;
    L->stats = &p->stats;
    L->total_bytes = in->len;
    L->bytes_done = bytes_done;
    L->report_progress = 1;
    L->drop_from = in->is_mmap && !in->keep_pages ? in->p : NULL;
    p->links = links;
    nv_csv_init(&L->csv, in->p ? in->p : (char *)"", in->len);
}

/* Elements: each part's stretch of part 0's string bytes (after what the
 * table held before the parts: the empty string, attribute names) and id
 * bytes, in file order: its input length and NV_PART_SLACK (load.h), or
 * nv_part_span_bytes when a test sets it. @return the bytes of all. */
static size_t plan_spans(part *parts, size_t n, size_t held)
{
    size_t str = held, id = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = nv_part_span_bytes
                         ? nv_part_span_bytes
                         : (size_t)(parts[i].stop - parts[i].from) + NV_PART_SLACK;
        parts[i].span = (nv_part_span){str, str + len, id, id + len};
        str += len;
        id += len;
    }
    return id;
}

/* A file in several parts: count each part's lines (on a thread per
 * part), which bounds its rows, and size part 0's columns (and string
 * bytes) for them all; part i will write its rows from the sum of the
 * earlier parts' bounds on, so no part's rows are copied when they are
 * merged. A part that is not the last ends just after a line end: its
 * rows are at most its line ends; the last may lack its final one. */
static int share_columns(part *parts, size_t n, char **starts, char *end)
{
    for (size_t i = 0; i < n; i++) {
        parts[i].from = starts[i];
        parts[i].stop = i + 1 < n ? starts[i + 1] : end;
    }
    for (size_t i = 1; i < n; i++)
        parts[i].started =
            pthread_create(&parts[i].thread, NULL, count_part, &parts[i]) == 0;
    count_part(&parts[0]);
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && parts[i].started)
            pthread_join(parts[i].thread, NULL);
        else if (i > 0)
            count_part(&parts[i]);
        parts[i].started = 0;
        parts[i].lines += i + 1 == n;
        parts[i].base = total;
        total += parts[i].lines;
    }
    nv_loader *L = &parts[0].L;
    L->shared_columns = 1;
    if (parts[0].links)
        return nv_links_alloc(L, total);
    size_t bytes = plan_spans(parts, n, L->inv->strings.len);
    int rc = nv_elements_alloc(L, total, bytes);
    return rc < 0 ? rc : nv_elements_limit(L, &parts[0].span);
}

/* Set up parts 1..n-1 over starts[]; returns how many parts are ready
 * (parts beyond a failure are not used). */
static size_t setup_rest(part *parts, size_t n, char **starts, char *end,
                         const nv_file_input *in, int *rc)
{
    for (size_t i = 0; i < n; i++)
        parts[i].mapped = in->is_mmap;
    if (n > 1 && (*rc = share_columns(parts, n, starts, end)) < 0)
        return 1;
    for (size_t i = 1; i < n; i++) {
        parts[i].links = parts[0].links;
        if (nv_diag_log_init(&parts[i].log) < 0 ||
            setup_part(&parts[i], &parts[0], starts[i],
                       i + 1 < n ? starts[i + 1] : end, in) < 0) {
            *rc = NETVET_ENOMEM;
            return i + 1;
        }
    }
    return n;
}

static void run_all(part *parts, size_t n)
{
    for (size_t i = 1; i < n; i++)
        parts[i].started =
            pthread_create(&parts[i].thread, NULL, run_part, &parts[i]) == 0;
    run_part(&parts[0]);
    for (size_t i = 1; i < n; i++) {
        if (parts[i].started)
            pthread_join(parts[i].thread, NULL);
        else
            run_part(&parts[i]);
    }
}

int nv_parts_load(netvet_inventory *inv, int links, const nv_file_input *in,
                  const netvet_load_options *opts, netvet_diag *diag,
                  size_t nparts)
{
    part parts[MAX_PARTS];
    uint64_t bytes_done = 0;
    memset(parts, 0, sizeof(parts));
    if (nv_diag_log_init(&parts[0].log) < 0)
        return NETVET_ENOMEM;
    start_first(&parts[0], inv, links, in, opts, &bytes_done);
    nv_loader *L = &parts[0].L;
    size_t n = 1;
    int rc = nv_loader_header(L, links);
    if (rc == 0) {
        char *starts[MAX_PARTS], *end = L->csv.end;
        n = split_points(L->csv.cur, end, nparts > MAX_PARTS ? MAX_PARTS : nparts,
                         starts);
        L->csv.stop = n > 1 ? starts[1] : end;
        /* the first part's columns will take every part's rows (in
         * several parts: sized exactly by share_columns) */
        L->expect_rows = estimate_rows(L->csv.cur, (size_t)(end - L->csv.cur));
        L->expect_bytes = (size_t)(end - L->csv.cur);
        n = setup_rest(parts, n, starts, end, in, &rc);
    }
    if (rc == 0) {
        double t0 = nv_clock_seconds();
        run_all(parts, n);
        inv->times[links].parse = nv_clock_seconds() - t0;
        inv->times[links].parts = (unsigned)n;
        rc = finish(inv, parts, n, links, diag, in->name);
    } else if (rc == NETVET_EPARSE) {
        unsigned long off[1] = {0};
        nv_diag_log none = {0};
        replay(parts, 0, off, &none, diag, in->name);
    }
    nv_loader_dispose(L);
    for (size_t i = 0; i < n; i++)
        dispose_part(&parts[i], i == 0);
    return rc;
}
