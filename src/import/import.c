/* Importer dispatch: format names, reading an input file whole (capped),
 * and writing the converted CSV into a directory (temporary name, then
 * rename, so a failed run never leaves half a file). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "import/import.h"
#include "util/alloc.h"
#include "util/diag.h"
#include "util/file.h"

static const nv_import_format formats[] = {
    {"nmap", nv_import_nmap, NULL, 1},
    {"graphml", nv_import_graphml, NULL, 0},
    {"netbox", nv_import_netbox, nv_import_netbox_finish, 0},
    {"snmpwalk", nv_import_snmpwalk, NULL, 1},
};
#define N_FORMATS (sizeof formats / sizeof formats[0])

const nv_import_format *nv_import_find(const char *name)
{
    for (size_t i = 0; name && i < N_FORMATS; i++)
        if (strcmp(name, formats[i].name) == 0)
            return &formats[i];
    return NULL;
}

const char *nv_import_formats(void)
{
    return "nmap, graphml, netbox, snmpwalk";
}

int nv_import_finish(nv_import_out *o, const nv_import_format *f,
                     netvet_diag *diag)
{
    return f->finish ? f->finish(o, diag) : 0;
}

int nv_import_file(nv_import_out *o, nv_import_fn fn, const char *path,
                   netvet_diag *diag)
{
    char *data = NULL;
    size_t len = 0;
    int rc = nv_read_file(&data, &len, path, NV_IMPORT_MAX_BYTES + 1, diag);
    if (rc < 0)
        return rc;
    if (len > NV_IMPORT_MAX_BYTES)
        rc = nv_diag_fail(diag, NETVET_ELIMIT, path, 0, 0,
                          "file is over %zu MiB", NV_IMPORT_MAX_BYTES >> 20);
    else
        rc = fn(o, data, len, path, diag);
    nv_free(data);
    return rc;
}

/* Write buf to dir/name through dir/.name.tmp. */
static int write_one(const char *dir, const char *name, const nv_sbuf *b,
                     const char *fallback, netvet_diag *diag)
{
    char final[4096], tmp[4096];
    int n1 = snprintf(final, sizeof final, "%s/%s", dir, name);
    int n2 = snprintf(tmp, sizeof tmp, "%s/.%s.tmp", dir, name);
    if (n1 < 0 || n2 < 0 || (size_t)n2 >= sizeof tmp)
        return nv_diag_fail(diag, NETVET_EINVAL, dir, 0, 0, "path too long");
    FILE *f = fopen(tmp, "wb");
    if (!f)
        return nv_diag_fail(diag, NETVET_EIO, tmp, 0, 0, "cannot create: %s",
                            strerror(errno));
    const char *p = b->len ? b->p : fallback;
    size_t len = b->len ? b->len : strlen(fallback);
    int bad = fwrite(p, 1, len, f) != len;
    bad |= fclose(f) != 0;
    if (bad || rename(tmp, final) != 0) {
        int e = errno;
        remove(tmp);
        return nv_diag_fail(diag, NETVET_EIO, final, 0, 0,
                            "cannot write: %s", strerror(e));
    }
    return 0;
}

int nv_import_write(const nv_import_out *o, const char *dir,
                    netvet_diag *diag)
{
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return nv_diag_fail(diag, NETVET_EIO, dir, 0, 0,
                            "cannot create directory: %s", strerror(errno));
    int rc = write_one(dir, "elements.csv", &o->elements, "id\n", diag);
    if (rc == 0)
        rc = write_one(dir, "links.csv", &o->links, "a,b,kind\n", diag);
    return rc;
}
