/* SPDX-License-Identifier: Apache-2.0 */
/* Growable buffers and an RFC 4180 CSV row writer for the importers, plus
 * the shared bad-record convention (warn and skip, or fatal with strict). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "import/import.h"
#include "util/alloc.h"
#include "util/diag.h"

void nv_sbuf_put(nv_sbuf *b, const char *s, size_t len)
{
    if (b->oom || len == 0)
        return;
    if (len > SIZE_MAX / 2 - b->len - 1 ||
        NV_GROW(b->p, b->cap, b->len + len + 1) < 0) {
        b->oom = 1;
        return;
    }
    memcpy(b->p + b->len, s, len);
    b->len += len;
    b->p[b->len] = '\0';
}

void nv_sbuf_puts(nv_sbuf *b, const char *s)
{
    if (s)
        nv_sbuf_put(b, s, strlen(s));
}

void nv_sbuf_free(nv_sbuf *b)
{
    nv_free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}

void nv_csv_begin(nv_csv_row *r, nv_sbuf *b)
{
    r->b = b;
    r->n = 0;
}

void nv_csv_field(nv_csv_row *r, const char *s, size_t len)
{
    if (r->n++)
        nv_sbuf_put(r->b, ",", 1);
    int quote = 0;
    for (size_t i = 0; i < len && !quote; i++)
        quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (!quote) {
        nv_sbuf_put(r->b, s, len);
        return;
    }
    nv_sbuf_put(r->b, "\"", 1);
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '"')
            continue;
        nv_sbuf_put(r->b, s + start, i + 1 - start); /* includes the quote */
        nv_sbuf_put(r->b, "\"", 1);
        start = i + 1;
    }
    nv_sbuf_put(r->b, s + start, len - start);
    nv_sbuf_put(r->b, "\"", 1);
}

void nv_csv_cstr(nv_csv_row *r, const char *s)
{
    nv_csv_field(r, s ? s : "", s ? strlen(s) : 0);
}

void nv_csv_end(nv_csv_row *r)
{
    nv_sbuf_put(r->b, "\n", 1);
}

void nv_import_out_free(nv_import_out *o)
{
    nv_sbuf_free(&o->elements);
    nv_sbuf_free(&o->links);
    if (o->state && o->state_free)
        o->state_free(o->state);
    o->state = NULL;
}

int nv_import_bad(nv_import_out *o, nv_import_count *c, netvet_diag *diag,
                  const char *file, unsigned long line, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (o->strict)
        return nv_diag_fail(diag, NETVET_EPARSE, file, line, 0, "%s", msg);
    nv_diag_warn(diag, file, line, 0, "%s (record skipped)", msg);
    c->skipped++;
    return 0;
}
