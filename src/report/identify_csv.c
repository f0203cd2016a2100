/* SPDX-License-Identifier: Apache-2.0 */
/* identify's CSV format (RFC 4180): a header row, then one row per element
 * with its reasons in one field; no summary. A row of the format table
 * (formats.h). */
#include "report/formats.h"
#include "report/identify_out.h"

/* Does s[0..len) hold a byte that needs the field quoted? One pass for
 * short text (ids), memchr for long. */
static int needs_quotes(const char *s, size_t len)
{
    if (len > 64)
        return memchr(s, ',', len) || memchr(s, '"', len) ||
               memchr(s, '\n', len) || memchr(s, '\r', len);
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == ',' || c == '"' || c == '\n' || c == '\r')
            return 1;
    }
    return 0;
}

/* RFC 4180 field; a NULL s is an empty field. */
static void csv_field(nv_id_bytes *r, const char *s, size_t len)
{
    if (!s)
        return;
    if (!needs_quotes(s, len)) {
        nv_id_put(r, s, len);
        return;
    }
    nv_id_put(r, "\"", 1);
    const char *q;
    while ((q = memchr(s, '"', len)) != NULL) {
        nv_id_put(r, s, (size_t)(q - s) + 1);
        nv_id_put(r, "\"", 1);
        len -= (size_t)(q - s) + 1;
        s = q + 1;
    }
    nv_id_put(r, s, len);
    nv_id_put(r, "\"", 1);
}

static void csv_cstr(nv_id_bytes *r, const char *s)
{
    csv_field(r, s, s ? strlen(s) : 0);
}

static void hole(nv_id_bytes *r, int kind, const char *s, size_t len)
{
    csv_cstr(r, s); /* only the id appears in CSV */
}

/* "kind=vendor (detail); ..." into tmp, cut at NV_ID_REC_MAX bytes. */
static void reasons(const nv_id_out *o, const netvet_attribution *at,
                    nv_id_bytes *tmp)
{
    tmp->n = 0;
    for (size_t i = 0; i < at->n_evidence; i++) {
        const netvet_evidence *e = &at->evidence[i];
        const char *v = nv_id_vendor(o, e->vendor);
        if (i)
            nv_id_puts(tmp, "; ");
        nv_id_puts(tmp, netvet_evidence_kind_name(e->kind));
        nv_id_puts(tmp, "=");
        nv_id_puts(tmp, v ? v : "-");
        nv_id_puts(tmp, " (");
        nv_id_puts(tmp, e->detail);
        nv_id_puts(tmp, ")");
    }
    if (tmp->n > NV_ID_REC_MAX)
        tmp->n = NV_ID_REC_MAX;
}

static void render(const nv_id_out *o, nv_id_writer *w, const char *id,
                   const char *declared, const netvet_attribution *at)
{
    nv_id_bytes *r = &w->out;
    nv_id_hole(o, w, NV_ID_HOLE_ID, id, 0);
    nv_id_put(r, ",", 1);
    csv_cstr(r, nv_id_vendor(o, at->vendor));
    nv_id_put(r, ",", 1);
    nv_id_put_2dp(r, at->score);
    nv_id_put(r, ",", 1);
    nv_id_puts(r, netvet_confidence_name(at->level));
    nv_id_put(r, ",", 1);
    csv_cstr(r, declared);
    nv_id_put(r, ",", 1);
    csv_cstr(r, nv_id_vendor(o, at->declared));
    nv_id_puts(r, at->conflict ? ",yes," : ",no,");
    reasons(o, at, &w->tmp);
    csv_field(r, w->tmp.n ? w->tmp.b : "", w->tmp.n);
    nv_id_put(r, "\n", 1);
}

static void begin(nv_id_out *o)
{
    fputs("id,vendor,score,confidence,declared,declared_vendor,conflict,"
          "reasons\n", o->f);
}

static void end(nv_id_out *o, const char *const *files, size_t n_files)
{
}

const nv_id_format_ops nv_identify_csv = {
    begin, NULL, NULL, 1, render, hole, end,
};
