/* SPDX-License-Identifier: Apache-2.0 */
/* netvet_diag: holds the last fatal message, counts warnings, forwards every
 * entry to the caller's callback. Never prints by itself. */
#include "util/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/alloc.h"

struct netvet_diag {
    netvet_diag_fn fn;
    void *payload;
    size_t warnings;
    char message[2048];
};

int netvet_diag_new(netvet_diag **out, netvet_diag_fn fn, void *payload)
{
    netvet_diag *d = nv_calloc(1, sizeof(*d));
    if (!d)
        return NETVET_ENOMEM;
    d->fn = fn;
    d->payload = payload;
    *out = d;
    return NETVET_OK;
}

void netvet_diag_free(netvet_diag *diag) { nv_free(diag); }

const char *netvet_diag_message(const netvet_diag *diag)
{
    return diag ? diag->message : "";
}

size_t netvet_diag_warnings(const netvet_diag *diag)
{
    return diag ? diag->warnings : 0;
}

static void emit(netvet_diag *diag, netvet_severity sev, const char *file,
                 unsigned long line, unsigned long column, const char *msg)
{
    if (!diag->fn)
        return;
    netvet_diag_entry e = {sev, file ? file : "", line, column, msg};
    diag->fn(&e, diag->payload);
}

int nv_diag_fail(netvet_diag *diag, int status, const char *file,
                 unsigned long line, unsigned long column, const char *fmt,
                 ...)
{
    if (!diag)
        return status;
    char msg[1536];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (file && line && column)
        snprintf(diag->message, sizeof(diag->message), "%s:%lu:%lu: %s", file,
                 line, column, msg);
    else if (file && line)
        snprintf(diag->message, sizeof(diag->message), "%s:%lu: %s", file,
                 line, msg);
    else if (file)
        snprintf(diag->message, sizeof(diag->message), "%s: %s", file, msg);
    else
        snprintf(diag->message, sizeof(diag->message), "%s", msg);
    emit(diag, NETVET_SEV_ERROR, file, line, column, msg);
    return status;
}

void nv_diag_warn(netvet_diag *diag, const char *file, unsigned long line,
                  unsigned long column, const char *fmt, ...)
{
    if (!diag)
        return;
    char msg[1536];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    diag->warnings++;
    emit(diag, NETVET_SEV_WARNING, file, line, column, msg);
}

const char *netvet_strerror(int status)
{
    switch (status) {
    case NETVET_OK: return "success";
    case NETVET_ERROR: return "internal error";
    case NETVET_ENOMEM: return "out of memory";
    case NETVET_EIO: return "input/output error";
    case NETVET_EPARSE: return "malformed input";
    case NETVET_EINVAL: return "invalid argument";
    case NETVET_ENOTFOUND: return "not found";
    case NETVET_ELIMIT: return "input exceeds a limit";
    default: return "unknown error";
    }
}
