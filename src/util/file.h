/* Reading a small input file (registry, policy pack) whole, with a cap. */
#ifndef NV_UTIL_FILE_H
#define NV_UTIL_FILE_H

#include <stddef.h>

#include "netvet/errors.h"

/* Read at most `limit` bytes of `path` into a new buffer (NUL-terminated;
 * free with nv_free). The caller compares *len_out with its own maximum by
 * passing limit = maximum + 1. @return 0, NETVET_EIO (message names the
 * path) or NETVET_ENOMEM. */
int nv_read_file(char **out, size_t *len_out, const char *path, size_t limit,
                 netvet_diag *diag);

#endif
