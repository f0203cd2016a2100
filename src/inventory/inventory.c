/* Inventory lifetime and public accessors: map the CSV files (privately
 * writable, so quoted fields can be unescaped in place), run the element
 * then link loaders, free everything in one call. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inventory/load.h"
#include "inventory/pipe.h"
#include "util/alloc.h"
#include "util/diag.h"

/* One input file: its bytes (mapped, or a private copy) and how many rows
 * to size the columns for. */
typedef struct input {
    char *p;
    size_t len;
    size_t rows;  /* line count, or an estimate (links) */
    int is_mmap;
} input;

/* Lines in buf: an upper bound on rows, so columns are sized once. */
static size_t count_lines(const char *buf, size_t len)
{
    size_t n = 1;
    for (const char *p = buf, *end = buf + len;
         p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        n++;
    return n;
}

/* Newlines in bytes [from, to) of fd, read with pread (maps nothing). */
typedef struct count_job {
    int fd;
    off_t from, to;
    size_t newlines;
    int rc;
} count_job;

static void *count_range(void *arg)
{
    enum { CHUNK = 1 << 20 };
    count_job *j = arg;
    char *buf = nv_malloc(CHUNK);
    j->rc = buf ? 0 : NETVET_ENOMEM;
    for (off_t at = j->from; buf && at < j->to;) {
        size_t want = (size_t)(j->to - at) < CHUNK ? (size_t)(j->to - at) : CHUNK;
        ssize_t got = pread(j->fd, buf, want, at);
        if (got <= 0) {
            j->rc = got < 0 ? NETVET_EIO : 0;
            break;
        }
        j->newlines += count_lines(buf, (size_t)got) - 1;
        at += got;
    }
    nv_free(buf);
    return NULL;
}

/* Lines of a len-byte file; halves counted on two threads when wanted. */
static int count_file_lines(int fd, size_t len, size_t *lines)
{
    count_job lo = {fd, 0, (off_t)len, 0, 0}, hi = lo;
    pthread_t t;
    int split = nv_pipe_wanted(len);
    if (split) {
        lo.to = hi.from = (off_t)(len / 2);
        split = pthread_create(&t, NULL, count_range, &hi) == 0;
        if (!split)
            lo.to = (off_t)len;
    }
    count_range(&lo);
    if (split)
        pthread_join(t, NULL);
    *lines = 1 + lo.newlines + hi.newlines;
    return lo.rc < 0 ? lo.rc : hi.rc;
}

/* Rows in a file not counted: length / mean length of the first lines,
 * plus an eighth (columns grow if it is short). */
static size_t estimate_rows(const char *buf, size_t len)
{
    size_t sample = len < (64u << 10) ? len : (64u << 10);
    size_t lines = buf ? count_lines(buf, sample) : 1;
    if (sample == len)
        return lines;
    return (size_t)((double)len / (double)sample * (double)lines * 1.125) + 16;
}

static int map_file(input *m, const char *path, int count,
                    netvet_diag *diag)
{
    memset(m, 0, sizeof(*m));
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return nv_diag_fail(diag, NETVET_EIO, path, 0, 0, "cannot open: %s",
                            strerror(errno));
    struct stat st;
    int rc = 0;
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
        rc = nv_diag_fail(diag, NETVET_EIO, path, 0, 0, "not a regular file");
    m->len = rc == 0 ? (size_t)st.st_size : 0;
    if (m->len && count && (rc = count_file_lines(fd, m->len, &m->rows)) < 0)
        nv_diag_fail(diag, rc, path, 0, 0, "cannot read: %s", strerror(errno));
    if (rc == 0 && m->len) {
        m->p = mmap(NULL, m->len, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
        if (m->p == MAP_FAILED) {
            m->p = NULL;
            rc = nv_diag_fail(diag, NETVET_EIO, path, 0, 0,
                              "cannot map: %s", strerror(errno));
        } else {
            m->is_mmap = 1;
            madvise(m->p, m->len, MADV_SEQUENTIAL);
        }
    }
    close(fd);
    if (rc == 0 && !count)
        m->rows = estimate_rows(m->p, m->len);
    return rc;
}

static void unmap(input *m)
{
    if (m->is_mmap)
        munmap(m->p, m->len);
    else
        nv_free(m->p);
}

static int new_inventory(netvet_inventory **out, size_t expect)
{
    static uint64_t serial;
    netvet_inventory *inv = nv_calloc(1, sizeof(*inv));
    if (!inv)
        return NETVET_ENOMEM;
    inv->serial = __atomic_add_fetch(&serial, 1, __ATOMIC_RELAXED);
    if (nv_strtab_init(&inv->strings, 1024, 1) < 0 ||
        nv_strtab_init(&inv->ids, 16, 0) < 0 ||
        nv_idmap_init(&inv->idmap, expect) < 0) {
        netvet_inventory_free(inv);
        return NETVET_ENOMEM;
    }
    *out = inv;
    return 0;
}

static int run_loader(netvet_inventory *inv, int links, const input *in,
                      const char *name, const netvet_load_options *opts,
                      netvet_diag *diag)
{
    static const netvet_load_options defaults = NETVET_LOAD_OPTIONS_INIT;
    nv_loader L;
    memset(&L, 0, sizeof(L));
    L.inv = inv;
    L.opts = opts ? opts : &defaults;
    L.evidence_only = L.opts->version >= 2 && L.opts->evidence_only;
    L.diag = diag;
    L.file = name;
    L.stats = &inv->stats[links];
    L.total_bytes = in->len;
    L.expect_rows = in->rows ? in->rows : 1;
    L.drop_from = in->is_mmap ? in->p : NULL;
    L.threaded = nv_pipe_wanted(in->len);
    inv->path[links] = nv_strdup(name);
    if (!inv->path[links])
        return NETVET_ENOMEM;
    nv_csv_init(&L.csv, in->p ? in->p : (char *)"", in->len);
    int rc = links ? nv_load_links(&L) : nv_load_elements(&L);
    if (rc == NETVET_ENOMEM)
        nv_diag_fail(diag, rc, name, 0, 0, "out of memory");
    nv_loader_dispose(&L);
    return rc;
}

static int load_pair(netvet_inventory **out, const input *el,
                     const char *el_name, const input *ln,
                     const char *ln_name, const netvet_load_options *opts,
                     netvet_diag *diag)
{
    netvet_inventory *inv;
    int rc = new_inventory(&inv, el->rows ? el->rows : 1);
    if (rc < 0)
        return nv_diag_fail(diag, rc, el_name, 0, 0, "out of memory");
    rc = run_loader(inv, 0, el, el_name, opts, diag);
    if (rc == 0 && ln_name)
        rc = run_loader(inv, 1, ln, ln_name, opts, diag);
    if (rc == 0 && !inv->path[1])
        inv->path[1] = nv_strdup("");
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
    input el = {nv_strndup(elements, elements_len), elements_len, 0, 0};
    input ln = {links ? nv_strndup(links, links_len) : NULL, links_len, 0, 0};
    el.rows = el.p ? count_lines(el.p, el.len) : 1;
    ln.rows = ln.p ? count_lines(ln.p, ln.len) : 1;
    int rc = NETVET_ENOMEM;
    if (el.p && (ln.p || !links))
        rc = load_pair(out, &el, elements_name, &ln,
                       links ? links_name : NULL, opts, diag);
    else
        nv_diag_fail(diag, rc, elements_name, 0, 0, "out of memory");
    nv_free(el.p);
    nv_free(ln.p);
    return rc;
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
    input el = {0}, ln = {0};
    int rc = NETVET_ENOMEM;
    if (!el_path || (is_dir(path) && !ln_path))
        goto done;
    if ((rc = map_file(&el, el_path, 1, diag)) < 0)
        goto done;
    if (ln_path && access(ln_path, F_OK) != 0) {
        nv_free(ln_path);
        ln_path = NULL;
    }
    if (ln_path && (rc = map_file(&ln, ln_path, 0, diag)) < 0)
        goto done;
    rc = load_pair(out, &el, el_path, &ln, ln_path, opts, diag);
done:
    unmap(&el);
    unmap(&ln);
    nv_free(el_path);
    nv_free(ln_path);
    return rc;
}

void netvet_inventory_free(netvet_inventory *inv)
{
    if (!inv)
        return;
    nv_strtab_dispose(&inv->strings);
    nv_strtab_dispose(&inv->ids);
    nv_idmap_dispose(&inv->idmap);
    void *cols[] = {inv->vendor, inv->function, inv->function_raw,
                    inv->status, inv->weight, inv->line, inv->tag_off,
                    inv->tags, inv->name, inv->model, inv->software,
                    inv->site, inv->region, inv->lat, inv->lon,
                    inv->installed, inv->mac, inv->sys_object_id,
                    inv->sys_descr, inv->lldp_descr, inv->cpe, inv->link_a,
                    inv->link_b, inv->link_kind, inv->link_capacity,
                    inv->link_line, inv->path[0], inv->path[1]};
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

const char *netvet_inventory_path(const netvet_inventory *inv, int which)
{
    const char *p = inv->path[which ? 1 : 0];
    return p ? p : "";
}

int64_t nv_inv_find_id(const netvet_inventory *inv, const char *s, size_t len)
{
    return nv_idmap_find(&inv->idmap, inv->ids.bytes, nv_hash_bytes(s, len),
                         s, len);
}

int netvet_inventory_has_evidence(const netvet_inventory *inv)
{
    return inv->mac || inv->sys_object_id || inv->sys_descr ||
           inv->lldp_descr || inv->cpe;
}

int nv_inv_has_tag(const netvet_inventory *inv, size_t k, uint32_t tag)
{
    for (uint32_t i = inv->tag_off[k]; i < inv->tag_off[k + 1]; i++)
        if (inv->tags[i] == tag)
            return 1;
    return 0;
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
