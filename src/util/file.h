/* SPDX-License-Identifier: Apache-2.0 */
/* Reading a small input file (registry, policy pack) whole, with a cap;
 * creating the temporary an output file is written through. */
#ifndef NV_UTIL_FILE_H
#define NV_UTIL_FILE_H

#include <stddef.h>

#include "netvet/errors.h"

/* Read all of `path` into a new buffer (NUL-terminated; free with
 * nv_free). @return 0, NETVET_EIO (message names the path), NETVET_ELIMIT
 * ("larger than max bytes") or NETVET_ENOMEM. */
int nv_read_file(char **out, size_t *len_out, const char *path, size_t max,
                 netvet_diag *diag);

/* Read `path` whole (at most max bytes) and hand the writable buffer to
 * load(payload, buf, len, path, diag); the buffer is freed after.
 * @return load's result or nv_read_file's error. */
int nv_load_file(const char *path, size_t max,
                 int (*load)(void *payload, char *buf, size_t len,
                             const char *name, netvet_diag *diag),
                 void *payload, netvet_diag *diag);

/* Create the temporary named by tmpl, which ends in "XXXXXX" (replaced):
 * mkstemp's O_CREAT|O_EXCL, so a symlink or file already at the name is
 * never followed or reused; mode 0666 & ~umask like fopen's (umask is read
 * by setting it back: call before starting threads).
 * @return the open descriptor, or -1 with errno set (nothing left). */
int nv_file_mktemp(char *tmpl);

#endif
