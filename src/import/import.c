/* SPDX-License-Identifier: Apache-2.0 */
/* Importer dispatch: format names, reading an input file whole (capped),
 * and writing the converted CSV into a directory (temporary name, then
 * rename, so a failed run never leaves half a file). */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "import/import.h"
#include "util/alloc.h"
#include "util/diag.h"
#include "util/file.h"

const nv_import_format nv_import_table[] = {
    {"nmap", "nmap XML scan results (nmap -oX): MAC, OS and service CPEs",
     nv_import_nmap, NULL, 1},
    {"graphml", "GraphML network maps (Internet Topology Zoo): nodes and "
     "edges", nv_import_graphml, NULL, 0},
    {"netbox", "NetBox REST API JSON: devices, sites and cables",
     nv_import_netbox, nv_import_netbox_finish, 0},
    {"snmpwalk", "snmpwalk -On output, one file per device: sysDescr, "
     "sysObjectID, sysName, ifPhysAddress", nv_import_snmpwalk, NULL, 1},
};
const size_t nv_import_table_len =
    sizeof nv_import_table / sizeof nv_import_table[0];

const nv_import_format *nv_import_find(const char *name)
{
    for (size_t i = 0; name && i < nv_import_table_len; i++)
        if (strcmp(name, nv_import_table[i].name) == 0)
            return &nv_import_table[i];
    return NULL;
}

static char format_list[256];

static void fill_format_list(void)
{
    size_t len = 0;
    for (size_t i = 0; i < nv_import_table_len; i++) {
        int n = snprintf(format_list + len, sizeof format_list - len, "%s%s",
                         i ? ", " : "", nv_import_table[i].name);
        if (n < 0 || (size_t)n >= sizeof format_list - len)
            break;
        len += (size_t)n;
    }
}

const char *nv_import_formats(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, fill_format_list);
    return format_list;
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
