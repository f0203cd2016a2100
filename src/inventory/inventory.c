/* SPDX-License-Identifier: Apache-2.0 */
/* Inventory lifetime and public accessors: map the CSV files (read only:
 * the tokenizer never writes its input), load the elements then the
 * links (parts.h), free everything in one call. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inventory/input_hash.h"
#include "inventory/load.h"
#include "inventory/merge.h"
#include "inventory/parts.h"
#include "util/alloc.h"
#include "util/diag.h"

/* One input file: its bytes (mapped, or a private copy) and where they
 * come from. */
typedef struct input {
    nv_file_input in;
    const char *path;   /* mapped from this file, or */
    const char *source; /* copied from this buffer */
    int given;          /* the bytes belong to the hasher (input_hash.h) */
} input;

/* O_NONBLOCK: opening a FIFO for reading would wait for a writer forever;
 * it opens at once and fstat refuses it (issue 16, item 10). Standard
 * input reaches the loader as a copied buffer, never through here. */
static int map_input(input *m, netvet_diag *diag)
{
    int fd = open(m->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return nv_diag_fail(diag, NETVET_EIO, m->path, 0, 0,
                            "cannot open: %s", strerror(errno));
    struct stat st;
    int rc = 0;
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
        rc = nv_diag_fail(diag, NETVET_EIO, m->path, 0, 0,
                          "not a regular file");
    m->in.len = rc == 0 ? (size_t)st.st_size : 0;
    if (rc == 0 && m->in.len) {
        m->in.p = mmap(NULL, m->in.len, PROT_READ, MAP_PRIVATE, fd, 0);
        if (m->in.p == MAP_FAILED) {
            m->in.p = NULL;
            rc = nv_diag_fail(diag, NETVET_EIO, m->path, 0, 0,
                              "cannot map: %s", strerror(errno));
        } else {
            m->in.is_mmap = 1;
            /* start reading what the page cache lacks; parts read ahead.
             * Not MADV_SEQUENTIAL: with it, a file read from disk entered
             * the page cache in 4 KiB folios (Linux 6.18, ext4), and
             * mapping those cost every later run 11-16 ms per 67 MB part
             * (MADV_POPULATE_READ) against 1-3 ms for the large folios
             * the kernel's read-around gives (bench/README.md). */
            madvise(m->in.p, m->in.len, MADV_WILLNEED);
        }
    }
    close(fd);
    return rc;
}

static int copy_input(input *m, netvet_diag *diag)
{
    m->in.p = nv_strndup(m->source, m->in.len);
    if (!m->in.p)
        return nv_diag_fail(diag, NETVET_ENOMEM, m->in.name, 0, 0,
                            "out of memory");
    return 0;
}

static void release_input(input *m)
{
    if (m->given)
        ; /* the hasher releases them */
    else if (m->in.is_mmap)
        munmap(m->in.p, m->in.len);
    else
        nv_free(m->in.p);
    m->in.p = NULL;
    m->in.is_mmap = 0;
}

static int open_input(input *m, netvet_diag *diag)
{
    return m->path ? map_input(m, diag) : copy_input(m, diag);
}

int nv_inventory_new(netvet_inventory **out)
{
    static uint64_t serial;
    netvet_inventory *inv = nv_calloc(1, sizeof(*inv));
    if (!inv)
        return NETVET_ENOMEM;
    inv->serial = __atomic_add_fetch(&serial, 1, __ATOMIC_RELAXED);
    if (nv_strtab_init(&inv->strings, 1024, 1) < 0 ||
        nv_strtab_init(&inv->ids, 16, 0) < 0) {
        netvet_inventory_free(inv);
        return NETVET_ENOMEM;
    }
    *out = inv;
    return 0;
}

/* Forget the links loaded so far (before loading them again). */
static void reset_links(netvet_inventory *inv)
{
    inv->n_links = 0;
    memset(&inv->stats[1], 0, sizeof(inv->stats[1]));
}

/* Load one file; when a record crossed a part boundary, once more in one
 * part; links whose ends the elements' order did not find, once more
 * with the id map built. */
static int run_loader(netvet_inventory **inv, int links, input *m,
                      const netvet_load_options *opts, netvet_diag *diag)
{
    int rc = nv_parts_load(*inv, links, &m->in, opts, diag,
                           nv_parts_for(m->in.len));
    if (rc == NV_ENEEDMAP) {
        reset_links(*inv);
        if ((rc = nv_id_map_build(*inv)) < 0)
            return rc;
        rc = nv_parts_load(*inv, links, &m->in, opts, diag,
                           nv_parts_for(m->in.len));
    }
    if (rc == NV_ERESPLIT) {
        if (links) {
            reset_links(*inv);
        } else {
            netvet_inventory_free(*inv);
            *inv = NULL;
            if ((rc = nv_inventory_new(inv)) < 0)
                return rc;
        }
        rc = nv_parts_load(*inv, links, &m->in, opts, diag, 1);
    }
    return rc;
}

/* Hand both files' bytes to a hasher (input_hash.h), which computes
 * their SHA-256 while the load and the analysis run; the parse keeps the
 * pages of a small file for it. @return 0 or NETVET_ENOMEM (the bytes
 * are then released). */
static int start_hash(nv_input_hash **out, input *el, input *ln)
{
    input *m[2] = {el, ln};
    nv_hash_input in[2];
    for (int i = 0; i < 2; i++) {
        in[i] = (nv_hash_input){m[i]->in.p, m[i]->in.len, m[i]->in.is_mmap,
                                m[i]->in.name != NULL};
        m[i]->given = 1;
    }
    int rc = nv_input_hash_start(out, in);
    for (int i = 0; rc == 0 && i < 2; i++)
        m[i]->in.keep_pages = nv_input_hash_keeps_pages(*out, i);
    return rc;
}

static int load_pair(netvet_inventory **out, input *el, input *ln,
                     const netvet_load_options *opts, netvet_diag *diag)
{
    netvet_inventory *inv = NULL;
    nv_input_hash *hash = NULL;
    int hashing = opts && opts->version >= 3 && opts->sha256;
    int rc = hashing ? start_hash(&hash, el, ln) : 0;
    if (rc == 0)
        rc = nv_inventory_new(&inv);
    if (rc == 0)
        rc = run_loader(&inv, 0, el, opts, diag);
    if (rc == 0)
        nv_inv_site_geo_compact(inv);
    if (rc == 0 && ln->in.name)
        rc = run_loader(&inv, 1, ln, opts, diag);
    if (rc == 0 && inv) {
        inv->hash = hash;
        hash = NULL;
        inv->size[0] = el->in.len;
        inv->size[1] = ln->in.name ? ln->in.len : 0;
    }
    if (rc == 0 && (!(inv->path[0] = nv_strdup(el->in.name)) ||
                    !(inv->path[1] = nv_strdup(ln->in.name ? ln->in.name : ""))))
        rc = NETVET_ENOMEM;
    nv_input_hash_free(hash); /* not handed to the inventory */
    if (rc == NETVET_ENOMEM)
        nv_diag_fail(diag, rc, el->in.name, 0, 0, "out of memory");
    if (rc < 0) {
        netvet_inventory_free(inv);
        return rc;
    }
    *out = inv;
    return 0;
}

int nv_inventory_load_buffers(netvet_inventory **out, const char *elements,
                              size_t elements_len, const char *elements_name,
                              const char *links, size_t links_len,
                              const char *links_name,
                              const netvet_load_options *opts,
                              netvet_diag *diag)
{
    input el = {{NULL, elements_len, 0, elements_name, 0}, NULL, elements, 0};
    input ln = {{NULL, links_len, 0, links ? links_name : NULL, 0}, NULL,
                links, 0};
    int rc = open_input(&el, diag);
    if (rc == 0 && links)
        rc = open_input(&ln, diag);
    if (rc == 0)
        rc = load_pair(out, &el, &ln, opts, diag);
    release_input(&el);
    release_input(&ln);
    return rc;
}

int netvet_inventory_load_buffers(netvet_inventory **out,
                                  const char *elements, size_t elements_len,
                                  const char *elements_name,
                                  const char *links, size_t links_len,
                                  const char *links_name,
                                  const netvet_load_options *opts,
                                  netvet_diag *diag)
{
    return nv_inventory_load_buffers(out, elements, elements_len,
                                     elements_name, links, links_len,
                                     links_name, opts, diag);
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static char *join(const char *dir, const char *file)
{
    size_t a = strlen(dir), b = strlen(file);
    char *p = nv_malloc(a + b + 2);
    if (!p)
        return NULL;
    memcpy(p, dir, a);
    p[a] = '/';
    memcpy(p + a + 1, file, b + 1);
    return p;
}

int netvet_inventory_load(netvet_inventory **out, const char *path,
                          const netvet_load_options *opts, netvet_diag *diag)
{
    char *el_path = is_dir(path) ? join(path, "elements.csv") : nv_strdup(path);
    char *ln_path = is_dir(path) ? join(path, "links.csv") : NULL;
    input el = {{0}, NULL, NULL, 0}, ln = {{0}, NULL, NULL, 0};
    int rc = NETVET_ENOMEM;
    if (!el_path || (is_dir(path) && !ln_path))
        goto done;
    if (ln_path && access(ln_path, F_OK) != 0) {
        nv_free(ln_path);
        ln_path = NULL;
    }
    el.path = el.in.name = el_path;
    ln.path = ln.in.name = ln_path;
    if ((rc = open_input(&el, diag)) < 0 ||
        (ln_path && (rc = open_input(&ln, diag)) < 0))
        goto done;
    rc = load_pair(out, &el, &ln, opts, diag);
done:
    release_input(&el);
    release_input(&ln);
    nv_free(el_path);
    nv_free(ln_path);
    return rc;
}

void netvet_inventory_free(netvet_inventory *inv)
{
    if (!inv)
        return;
    nv_input_hash_free(inv->hash);
    nv_strtab_dispose(&inv->strings);
    nv_strtab_dispose(&inv->ids);
    nv_idmap_dispose(&inv->idmap);
    void *cols[] = {inv->vendor, inv->function, inv->status, inv->weight,
                    inv->line, inv->tag_off, inv->tags, inv->site,
                    inv->region, inv->installed, inv->mac,
                    inv->sys_object_id, inv->sys_descr, inv->lldp_descr,
                    inv->cpe, inv->link_a, inv->link_b, inv->path[0],
                    inv->path[1], inv->site_geo};
    for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++)
        nv_free(cols[i]);
    for (size_t k = 0; k < inv->n_attrs; k++)
        nv_free(inv->attrs[k].value);
    nv_free(inv->attrs);
    nv_free(inv);
}

size_t netvet_inventory_elements(const netvet_inventory *inv) { return inv->n; }
size_t netvet_inventory_links(const netvet_inventory *inv) { return inv->n_links; }

netvet_load_stats netvet_inventory_stats(const netvet_inventory *inv, int which)
{
    return inv->stats[which ? 1 : 0];
}

/* The hasher is shared state behind the inventory: the first caller may
 * finish the hash (input_hash.h), so the pointer is not const. */
const char *netvet_inventory_sha256(const netvet_inventory *inv, int which)
{
    return inv->hash ? nv_input_hash_hex(inv->hash, which) : "";
}

uint64_t netvet_inventory_file_size(const netvet_inventory *inv, int which)
{
    return inv->size[which ? 1 : 0];
}

const char *netvet_inventory_path(const netvet_inventory *inv, int which)
{
    const char *p = inv->path[which ? 1 : 0];
    return p ? p : "";
}

/* Binary search for s in rows [lo, hi); *steps counts the compares. */
static int64_t search_in(const netvet_inventory *inv, size_t lo, size_t hi,
                         const char *s, size_t len, unsigned long *steps)
{
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = nv_inv_id_cmp(inv, mid, s, len);
        ++*steps;
        if (c == 0)
            return (int64_t)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

int64_t nv_inv_search_id(const netvet_inventory *inv, const char *s, size_t len)
{
    unsigned long steps = 0;
    return search_in(inv, 0, inv->n, s, len, &steps);
}

int64_t nv_inv_search_near(const netvet_inventory *inv, size_t from,
                           const char *s, size_t len, unsigned long *steps)
{
    if (from >= inv->n)
        return search_in(inv, 0, inv->n, s, len, steps);
    int c = nv_inv_id_cmp(inv, from, s, len);
    ++*steps;
    if (c == 0)
        return (int64_t)from;
    size_t lo = c < 0 ? from + 1 : 0, hi = c < 0 ? inv->n : from;
    /* steps of 1, 2, 4, ... away from `from`, towards s, narrow [lo, hi) */
    for (size_t step = 1;; step *= 2) {
        if (c < 0 ? from + step >= inv->n : step > from)
            break;
        size_t probe = c < 0 ? from + step : from - step;
        int d = nv_inv_id_cmp(inv, probe, s, len);
        ++*steps;
        if (d == 0)
            return (int64_t)probe;
        if ((d < 0) != (c < 0)) { /* passed s */
            if (c < 0)
                hi = probe;
            else
                lo = probe + 1;
            break;
        }
        if (c < 0)
            lo = probe + 1;
        else
            hi = probe;
    }
    return search_in(inv, lo, hi, s, len, steps);
}

int64_t nv_inv_find_id(const netvet_inventory *inv, const char *s, size_t len)
{
    if (!inv->idmap.slots)
        return inv->ids_sorted ? nv_inv_search_id(inv, s, len) : -1;
    return nv_idmap_find(&inv->idmap, inv->ids.bytes, nv_hash_bytes(s, len),
                         s, len);
}

int netvet_inventory_has_evidence(const netvet_inventory *inv)
{
    return inv->mac || inv->sys_object_id || inv->sys_descr ||
           inv->lldp_descr || inv->cpe;
}

const char *netvet_inventory_element_id(const netvet_inventory *inv, size_t k)
{
    return k < inv->n ? nv_inv_id(inv, k) : "";
}

const char *netvet_inventory_element_vendor(const netvet_inventory *inv,
                                            size_t k)
{
    return k < inv->n ? nv_inv_str(inv, inv->vendor[k]) : "";
}

unsigned long netvet_inventory_element_line(const netvet_inventory *inv,
                                            size_t k)
{
    return k < inv->n ? inv->line[k] : 0;
}

static int geo_cmp(const void *x, const void *y)
{
    const nv_site_geo *a = x, *b = y;
    if (a->site != b->site)
        return a->site < b->site ? -1 : 1;
    if (a->lat != b->lat)
        return a->lat < b->lat ? -1 : 1;
    return (a->lon > b->lon) - (a->lon < b->lon);
}

static void compact_by_sort(netvet_inventory *inv)
{
    size_t kept = 0;
    qsort(inv->site_geo, inv->n_site_geo, sizeof(nv_site_geo), geo_cmp);
    for (size_t i = 0; i < inv->n_site_geo; i++)
        if (kept == 0 || inv->site_geo[kept - 1].site != inv->site_geo[i].site)
            inv->site_geo[kept++] = inv->site_geo[i];
    inv->n_site_geo = kept;
}

/* The same as sorting and keeping each site's first entry, by the sites'
 * string ids: the best entry of each site, then the sites in id order, in
 * time linear in the entries and their largest site id. The sort (glibc's
 * merge sort through geo_cmp) took 5-8 ms at 1M rows, between the
 * elements and the links. @return 0, or -1 when the ids run far past the
 * entries (a site first seen after many distinct MACs has a large id;
 * the loader compacts a short list often) or without memory: sort then. */
static int compact_by_site(netvet_inventory *inv)
{
    size_t n = inv->n_site_geo, n_ids = 0, kept = 0;
    for (size_t i = 0; i < n; i++)
        if (inv->site_geo[i].site >= n_ids)
            n_ids = (size_t)inv->site_geo[i].site + 1;
    if (n_ids > 4 * n)
        return -1;
    uint32_t *best = nv_reallocarray(NULL, n_ids, sizeof(uint32_t));
    nv_site_geo *out = nv_reallocarray(NULL, n, sizeof(nv_site_geo));
    if (!best || !out) {
        nv_free(best);
        nv_free(out);
        return -1;
    }
    memset(best, 0xff, n_ids * sizeof(uint32_t));
    for (size_t i = 0; i < n; i++) {
        uint32_t s = inv->site_geo[i].site, *b = &best[s];
        if (*b == UINT32_MAX || geo_cmp(&inv->site_geo[i], &inv->site_geo[*b]) < 0)
            *b = (uint32_t)i;
    }
    for (size_t s = 0; s < n_ids; s++)
        if (best[s] != UINT32_MAX)
            out[kept++] = inv->site_geo[best[s]];
    memcpy(inv->site_geo, out, kept * sizeof(nv_site_geo));
    inv->n_site_geo = kept;
    nv_free(best);
    nv_free(out);
    return 0;
}

void nv_inv_site_geo_compact(netvet_inventory *inv)
{
    if (inv->n_site_geo < 2)
        return;
    if (compact_by_site(inv) < 0)
        compact_by_sort(inv);
}

int nv_inv_add_site_geo(netvet_inventory *inv, uint32_t site, double lat,
                        double lon)
{
    size_t n = inv->n_site_geo, need = n + 1;
    if (nv_inv_site_geo_is_last(inv, site))
        return 0;
    if (n == inv->site_geo_cap && n >= 64) {
        nv_inv_site_geo_compact(inv);
        /* grow (double) only when over half the entries are distinct */
        need = inv->n_site_geo <= n / 2 ? inv->n_site_geo + 1 : 2 * n;
    }
    if (NV_GROW(inv->site_geo, inv->site_geo_cap, need) < 0)
        return NETVET_ENOMEM;
    inv->site_geo[inv->n_site_geo++] = (nv_site_geo){site, (float)lat,
                                                      (float)lon};
    return 0;
}
