/* SPDX-License-Identifier: Apache-2.0 */
/* A diagnostics sink that keeps its entries instead of passing them on, so
 * work done out of order (a file loaded in parts on several threads) can
 * replay them later, in file order, into the caller's sink. */
#ifndef NV_UTIL_DIAGLOG_H
#define NV_UTIL_DIAGLOG_H

#include <stddef.h>

#include "netvet/errors.h"

typedef struct nv_logged {
    netvet_severity severity;
    unsigned long line, column;
    char *message; /* owned */
} nv_logged;

typedef struct nv_diag_log {
    netvet_diag *sink; /* owned: records into entries */
    nv_logged *entries;
    size_t n, cap;
    int failed;        /* an entry could not be kept (out of memory) */
} nv_diag_log;

/* @return 0 or NETVET_ENOMEM. */
int nv_diag_log_init(nv_diag_log *log);
void nv_diag_log_dispose(nv_diag_log *log);

/* Append an entry (message copied). @return 0 or NETVET_ENOMEM. */
int nv_diag_log_add(nv_diag_log *log, netvet_severity sev,
                    unsigned long line, unsigned long column,
                    const char *message);

/* Pass entry e to `to` as about `file`, `line_offset` lines further down:
 * warnings as warnings, errors as the fatal error (status EPARSE). */
void nv_diag_replay(netvet_diag *to, const char *file,
                    unsigned long line_offset, const nv_logged *e);

#endif
