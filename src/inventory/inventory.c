/* Inventory lifetime and public accessors: map the CSV files (privately
 * writable, so quoted fields can be unescaped in place), run the element
 * then link loaders, free everything in one call. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inventory/load.h"
#include "util/alloc.h"
#include "util/diag.h"

typedef struct mapped {
    char *p;
    size_t len;
    int is_mmap;
} mapped;

static int map_file(mapped *m, const char *path, netvet_diag *diag)
{
    memset(m, 0, sizeof(*m));
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return nv_diag_fail(diag, NETVET_EIO, path, 0, 0, "cannot open: %s",
                            strerror(errno));
    struct stat st;
    if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return nv_diag_fail(diag, NETVET_EIO, path, 0, 0,
                            "not a regular file");
    }
    m->len = (size_t)st.st_size;
    if (m->len == 0) {
        close(fd);
        m->p = NULL;
        return 0;
    }
    m->p = mmap(NULL, m->len, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
    close(fd);
    if (m->p == MAP_FAILED) {
        m->p = NULL;
        return nv_diag_fail(diag, NETVET_EIO, path, 0, 0, "cannot map: %s",
                            strerror(errno));
    }
    m->is_mmap = 1;
    madvise(m->p, m->len, MADV_SEQUENTIAL);
    return 0;
}

static void unmap(mapped *m)
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
        nv_strtab_init(&inv->ids, expect, 0) < 0) {
        netvet_inventory_free(inv);
        return NETVET_ENOMEM;
    }
    *out = inv;
    return 0;
}

/* Lines in buf: an upper bound on rows, so columns are sized once. */
static size_t count_lines(const char *buf, size_t len)
{
    size_t n = 1;
    for (const char *p = buf, *end = buf + len;
         p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        n++;
    return n;
}

static int run_loader(netvet_inventory *inv, int links, char *buf, size_t len,
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
    L.total_bytes = len;
    L.expect_rows = buf ? count_lines(buf, len) : 1;
    inv->path[links] = nv_strdup(name);
    if (!inv->path[links])
        return NETVET_ENOMEM;
    nv_csv_init(&L.csv, buf ? buf : (char *)"", len);
    int rc = links ? nv_load_links(&L) : nv_load_elements(&L);
    if (rc == NETVET_ENOMEM)
        nv_diag_fail(diag, rc, name, 0, 0, "out of memory");
    nv_loader_dispose(&L);
    return rc;
}

static int load_pair(netvet_inventory **out, char *el, size_t el_len,
                     const char *el_name, char *ln, size_t ln_len,
                     const char *ln_name, const netvet_load_options *opts,
                     netvet_diag *diag)
{
    netvet_inventory *inv;
    int rc = new_inventory(&inv, el ? count_lines(el, el_len) : 1);
    if (rc < 0)
        return nv_diag_fail(diag, rc, el_name, 0, 0, "out of memory");
    rc = run_loader(inv, 0, el, el_len, el_name, opts, diag);
    if (rc == 0 && ln_name)
        rc = run_loader(inv, 1, ln, ln_len, ln_name, opts, diag);
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
    char *el = nv_strndup(elements, elements_len);
    char *ln = links ? nv_strndup(links, links_len) : NULL;
    int rc = NETVET_ENOMEM;
    if (el && (ln || !links))
        rc = load_pair(out, el, elements_len, elements_name, ln, links_len,
                       links ? links_name : NULL, opts, diag);
    else
        nv_diag_fail(diag, rc, elements_name, 0, 0, "out of memory");
    nv_free(el);
    nv_free(ln);
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
    mapped el = {0}, ln = {0};
    int rc = NETVET_ENOMEM;
    if (!el_path || (is_dir(path) && !ln_path))
        goto done;
    if ((rc = map_file(&el, el_path, diag)) < 0)
        goto done;
    if (ln_path && access(ln_path, F_OK) != 0) {
        nv_free(ln_path);
        ln_path = NULL;
    }
    if (ln_path && (rc = map_file(&ln, ln_path, diag)) < 0)
        goto done;
    rc = load_pair(out, el.p, el.len, el_path, ln.p, ln.len, ln_path, opts,
                   diag);
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
