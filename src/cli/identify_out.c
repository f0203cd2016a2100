/* Writers for netvet identify: text for people (one line per element, the
 * evidence indented under it), CSV (RFC 4180) and streamed JSON for
 * machines. Nothing here decides anything; it prints attributions. */
#include "cli/identify_out.h"

#include <string.h>

#define TEXT_VALUE_MAX 72 /* value bytes shown in text before "..." */

static const char *vendor_id(const nv_id_out *o, int v)
{
    return v >= 0 ? netvet_registry_vendor(o->reg, (size_t)v)->id : NULL;
}

static void count(nv_id_out *o, const netvet_attribution *at)
{
    o->n.elements++;
    if (at->vendor >= 0)
        o->n.attributed++;
    else
        o->n.unattributed++;
    if (at->conflict)
        o->n.conflicts++;
    o->n.level[at->level]++;
}

/* ---- JSON ----------------------------------------------------------- */

static void json_str(FILE *f, const char *s, size_t len)
{
    fputc('"', f);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void json_cstr(FILE *f, const char *s)
{
    if (s)
        json_str(f, s, strlen(s));
    else
        fputs("null", f);
}

static void json_record(nv_id_out *o, const char *id, const char *declared,
                        const netvet_attribution *at)
{
    FILE *f = o->f;
    fputs(o->records ? ",\n    {\"id\": " : "\n    {\"id\": ", f);
    json_cstr(f, id);
    fputs(", \"vendor\": ", f);
    json_cstr(f, vendor_id(o, at->vendor));
    fprintf(f, ", \"score\": %.2f, \"confidence\": \"%s\", \"declared\": ",
            at->score, netvet_confidence_name(at->level));
    json_cstr(f, declared);
    fputs(", \"declared_vendor\": ", f);
    json_cstr(f, vendor_id(o, at->declared));
    fprintf(f, ", \"conflict\": %s, \"evidence\": [",
            at->conflict ? "true" : "false");
    for (size_t i = 0; i < at->n_evidence; i++) {
        const netvet_evidence *e = &at->evidence[i];
        fprintf(f, "%s{\"kind\": \"%s\", \"value\": ", i ? ", " : "",
                netvet_evidence_kind_name(e->kind));
        json_str(f, e->value, e->value_len);
        fputs(", \"vendor\": ", f);
        json_cstr(f, vendor_id(o, e->vendor));
        fprintf(f, ", \"weight\": %.2f, \"detail\": ", e->weight);
        json_cstr(f, e->detail);
        fputc('}', f);
    }
    fputs("]}", f);
}

/* ---- CSV ------------------------------------------------------------ */

static void csv_field(FILE *f, const char *s, size_t len)
{
    if (!memchr(s, ',', len) && !memchr(s, '"', len) &&
        !memchr(s, '\n', len) && !memchr(s, '\r', len)) {
        fwrite(s, 1, len, f);
        return;
    }
    fputc('"', f);
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '"')
            fputc('"', f);
        fputc(s[i], f);
    }
    fputc('"', f);
}

static void csv_cstr(FILE *f, const char *s)
{
    if (s)
        csv_field(f, s, strlen(s));
}

/* "kind=vendor (detail); ..." built into buf, cut at its size. */
static size_t reasons(const nv_id_out *o, const netvet_attribution *at,
                      char *buf, size_t cap)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < at->n_evidence && n + 1 < cap; i++) {
        const netvet_evidence *e = &at->evidence[i];
        const char *v = vendor_id(o, e->vendor);
        int w = snprintf(buf + n, cap - n, "%s%s=%s (%s)", i ? "; " : "",
                         netvet_evidence_kind_name(e->kind), v ? v : "-",
                         e->detail);
        if (w < 0)
            break;
        n += (size_t)w < cap - n ? (size_t)w : cap - n - 1;
    }
    return n;
}

static void csv_record(nv_id_out *o, const char *id, const char *declared,
                       const netvet_attribution *at)
{
    FILE *f = o->f;
    char buf[4096];
    csv_cstr(f, id);
    fputc(',', f);
    csv_cstr(f, vendor_id(o, at->vendor));
    fprintf(f, ",%.2f,%s,", at->score, netvet_confidence_name(at->level));
    csv_cstr(f, declared);
    fputc(',', f);
    csv_cstr(f, vendor_id(o, at->declared));
    fprintf(f, ",%s,", at->conflict ? "yes" : "no");
    csv_field(f, buf, reasons(o, at, buf, sizeof(buf)));
    fputc('\n', f);
}

/* ---- text ----------------------------------------------------------- */

/* A value on one line: control bytes as '?', long values cut. */
static void text_value(FILE *f, const char *s, size_t len)
{
    size_t n = len > TEXT_VALUE_MAX ? TEXT_VALUE_MAX : len;
    for (size_t i = 0; i < n; i++)
        fputc((unsigned char)s[i] < 0x20 ? '?' : s[i], f);
    if (n < len)
        fputs("...", f);
}

static void text_record(nv_id_out *o, const char *id, const char *declared,
                        const netvet_attribution *at)
{
    FILE *f = o->f;
    const char *v = vendor_id(o, at->vendor);
    fprintf(f, "%s: %s, %s %.2f", id, v ? v : "unattributed",
            netvet_confidence_name(at->level), at->score);
    if (declared && *declared) {
        fputs(", declared \"", f);
        text_value(f, declared, strlen(declared));
        fputc('"', f);
    }
    fputs(at->conflict ? "  CONFLICT\n" : "\n", f);
    for (size_t i = 0; i < at->n_evidence; i++) {
        const netvet_evidence *e = &at->evidence[i];
        const char *ev = vendor_id(o, e->vendor);
        fprintf(f, "    %-13s ", netvet_evidence_kind_name(e->kind));
        text_value(f, e->value, e->value_len);
        fprintf(f, "\n        -> %s (%s)\n", ev ? ev : "-", e->detail);
    }
}

/* ---- public --------------------------------------------------------- */

void nv_id_begin(nv_id_out *o)
{
    memset(&o->n, 0, sizeof(o->n));
    o->records = 0;
    if (o->format == NV_ID_CSV)
        fputs("id,vendor,score,confidence,declared,declared_vendor,conflict,"
              "reasons\n", o->f);
    else if (o->format == NV_ID_JSON)
        fputs("{\n  \"schema\": \"netvet-identify/1\",\n  \"elements\": [",
              o->f);
}

void nv_id_record(nv_id_out *o, const char *id, const char *declared,
                  const netvet_attribution *at)
{
    count(o, at);
    if (o->format == NV_ID_CSV)
        csv_record(o, id, declared, at);
    else if (o->format == NV_ID_JSON)
        json_record(o, id, declared, at);
    else
        text_record(o, id, declared, at);
    o->records++;
}

void nv_id_end(nv_id_out *o, const char *const *files, size_t n_files)
{
    const nv_id_counts *n = &o->n;
    if (o->format == NV_ID_TEXT) {
        fprintf(o->f, "\n%zu elements: %zu attributed (%zu high, %zu medium, "
                "%zu low), %zu unattributed, %zu conflicts\n", n->elements,
                n->attributed, n->level[NETVET_CONF_HIGH],
                n->level[NETVET_CONF_MEDIUM], n->level[NETVET_CONF_LOW],
                n->unattributed, n->conflicts);
        return;
    }
    if (o->format != NV_ID_JSON)
        return;
    fputs(o->records ? "\n  ],\n  \"files\": [" : "],\n  \"files\": [", o->f);
    for (size_t i = 0; i < n_files; i++) {
        fputs(i ? ", " : "", o->f);
        json_cstr(o->f, files[i]);
    }
    fprintf(o->f, "],\n  \"summary\": {\"elements\": %zu, \"attributed\": %zu, "
            "\"high\": %zu, \"medium\": %zu, \"low\": %zu, "
            "\"unattributed\": %zu, \"conflicts\": %zu}\n}\n", n->elements,
            n->attributed, n->level[NETVET_CONF_HIGH],
            n->level[NETVET_CONF_MEDIUM], n->level[NETVET_CONF_LOW],
            n->unattributed, n->conflicts);
}
