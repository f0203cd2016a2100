/* SPDX-License-Identifier: Apache-2.0 */
/* nv_diag_log: a netvet_diag whose callback copies each entry into an
 * array; replay forwards them through the ordinary diag calls. */
#include "util/diaglog.h"

#include <string.h>

#include "util/alloc.h"
#include "util/diag.h"

int nv_diag_log_add(nv_diag_log *log, netvet_severity sev,
                    unsigned long line, unsigned long column,
                    const char *message)
{
    char *copy = nv_strdup(message);
    if (!copy || NV_GROW(log->entries, log->cap, log->n + 1) < 0) {
        nv_free(copy);
        log->failed = 1;
        return NETVET_ENOMEM;
    }
    log->entries[log->n++] = (nv_logged){sev, line, column, copy};
    return 0;
}

static void record(const netvet_diag_entry *e, void *payload)
{
    nv_diag_log_add(payload, e->severity, e->line, e->column, e->message);
}

int nv_diag_log_init(nv_diag_log *log)
{
    memset(log, 0, sizeof(*log));
    return netvet_diag_new(&log->sink, record, log);
}

void nv_diag_log_dispose(nv_diag_log *log)
{
    for (size_t i = 0; i < log->n; i++)
        nv_free(log->entries[i].message);
    nv_free(log->entries);
    netvet_diag_free(log->sink);
    memset(log, 0, sizeof(*log));
}

void nv_diag_replay(netvet_diag *to, const char *file,
                    unsigned long line_offset, const nv_logged *e)
{
    unsigned long line = e->line ? e->line + line_offset : 0;
    if (e->severity == NETVET_SEV_ERROR)
        nv_diag_fail(to, NETVET_EPARSE, file, line, e->column, "%s",
                     e->message);
    else
        nv_diag_warn(to, file, line, e->column, "%s", e->message);
}
