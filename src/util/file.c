/* SPDX-License-Identifier: Apache-2.0 */
/* Whole-file reads with a byte cap, for the small YAML inputs; the
 * temporaries that output files are written through. */
#include "util/file.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/alloc.h"
#include "util/diag.h"

int nv_read_file(char **out, size_t *len_out, const char *path, size_t max,
                 netvet_diag *diag)
{
    size_t limit = max + 1; /* one byte more tells "too large" */
    FILE *f = fopen(path, "rb");
    if (!f)
        return nv_diag_fail(diag, NETVET_EIO, path, 0, 0, "cannot open: %s",
                            strerror(errno));
    char *buf = NULL;
    size_t len = 0, cap = 0;
    int rc = NETVET_OK;
    while (len < limit) {
        size_t want = limit - len < 65536 ? limit - len : 65536;
        if (NV_GROW(buf, cap, len + want + 1) < 0) {
            rc = nv_diag_fail(diag, NETVET_ENOMEM, path, 0, 0, "out of memory");
            break;
        }
        size_t got = fread(buf + len, 1, want, f);
        len += got;
        if (got < want)
            break;
    }
    if (rc == NETVET_OK && ferror(f))
        rc = nv_diag_fail(diag, NETVET_EIO, path, 0, 0, "cannot read");
    fclose(f);
    if (rc == NETVET_OK && !buf && NV_GROW(buf, cap, 1) < 0)
        rc = nv_diag_fail(diag, NETVET_ENOMEM, path, 0, 0, "out of memory");
    if (rc == NETVET_OK && len > max)
        rc = nv_diag_fail(diag, NETVET_ELIMIT, path, 0, 0,
                          "larger than %zu bytes", max);
    if (rc < 0) {
        nv_free(buf);
        return rc;
    }
    buf[len] = '\0';
    *out = buf;
    *len_out = len;
    return NETVET_OK;
}

int nv_load_file(const char *path, size_t max,
                 int (*load)(void *payload, char *buf, size_t len,
                             const char *name, netvet_diag *diag),
                 void *payload, netvet_diag *diag)
{
    char *buf;
    size_t len;
    int rc = nv_read_file(&buf, &len, path, max, diag);
    if (rc < 0)
        return rc;
    rc = load(payload, buf, len, path, diag);
    nv_free(buf);
    return rc;
}

int nv_file_mktemp(char *tmpl)
{
    int fd = mkstemp(tmpl);
    if (fd < 0)
        return -1;
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0) {
        int e = errno;
        close(fd);
        unlink(tmpl);
        errno = e;
        return -1;
    }
    return fd;
}
