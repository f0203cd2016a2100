/* SPDX-License-Identifier: Apache-2.0 */
/* Importer dispatch: format names, reading an input file whole (capped),
 * and writing the converted CSV into a directory (temporary name, then
 * rename, so a failed run never leaves half a file). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

/* Fail with "DIR/NAME: cannot write: REASON". */
static int fail_write(const char *dir, const char *name, int e,
                      netvet_diag *diag)
{
    char final[4096];
    snprintf(final, sizeof final, "%s/%s", dir, name);
    return nv_diag_fail(diag, NETVET_EIO, final, 0, 0, "cannot write: %s",
                        strerror(e));
}

/* Write all of p to fd and fsync it. @return 0 or an errno. */
static int write_all(int fd, const char *p, size_t len)
{
    size_t done = 0;
    ssize_t w = 0;
    while (done < len && (w = write(fd, p + done, len - done)) > 0)
        done += (size_t)w;
    if (done < len)
        return w < 0 ? errno : EIO;
    return fsync(fd) != 0 ? errno : 0;
}

/* Write buf (or fallback when empty) to a new temporary DIR/.NAME.XXXXXX
 * (nv_file_mktemp: unpredictable, never follows a link), fsync'd. On
 * success *tmp_out is its name (nv_free); on failure nothing is left. */
static int write_tmp(const char *dir, const char *name, const nv_sbuf *b,
                     const char *fallback, char **tmp_out, netvet_diag *diag)
{
    size_t n = strlen(dir) + strlen(name) + 10;
    char *tmp = nv_malloc(n);
    if (!tmp)
        return nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0, "out of memory");
    snprintf(tmp, n, "%s/.%s.XXXXXX", dir, name);
    int fd = nv_file_mktemp(tmp), e = fd < 0 ? errno : 0;
    if (fd >= 0) {
        e = b->len ? write_all(fd, b->p, b->len)
                   : write_all(fd, fallback, strlen(fallback));
        if (close(fd) != 0 && !e)
            e = errno;
        if (e)
            unlink(tmp);
    }
    if (e) {
        nv_free(tmp);
        return fail_write(dir, name, e, diag);
    }
    *tmp_out = tmp;
    return 0;
}

/* Both files are complete and fsync'd before either is renamed: a failure
 * never leaves a new elements.csv beside a stale links.csv, only the old
 * pair. A failure between the two renames (one directory: rare) is
 * reported and leaves the new links.csv beside the old elements.csv. */
int nv_import_write(const nv_import_out *o, const char *dir,
                    netvet_diag *diag)
{
    char *tmp[2] = {NULL, NULL};
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return nv_diag_fail(diag, NETVET_EIO, dir, 0, 0,
                            "cannot create directory: %s", strerror(errno));
    int rc = write_tmp(dir, "elements.csv", &o->elements, "id\n", &tmp[0],
                       diag);
    if (rc == 0)
        rc = write_tmp(dir, "links.csv", &o->links, "a,b,kind\n", &tmp[1],
                       diag);
    static const char *const names[2] = {"elements.csv", "links.csv"};
    for (int i = 1; i >= 0 && rc == 0; i--) {
        char final[4096];
        snprintf(final, sizeof final, "%s/%s", dir, names[i]);
        if (rename(tmp[i], final) != 0)
            rc = fail_write(dir, names[i], errno, diag);
        else {
            nv_free(tmp[i]);
            tmp[i] = NULL;
        }
    }
    for (int i = 0; i < 2; i++) {
        if (tmp[i])
            unlink(tmp[i]);
        nv_free(tmp[i]);
    }
    return rc;
}
