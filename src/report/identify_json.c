/* SPDX-License-Identifier: Apache-2.0 */
/* identify's JSON format (schema netvet-identify/1), streamed: the header,
 * one object per element with its evidence, then the files read and the
 * counts. A row of the format table (formats.h). */
#include <stdlib.h>

#include "report/formats.h"
#include "report/identify_out.h"
#include "util/alloc.h"

static void json_str(nv_id_bytes *r, const char *s, size_t len)
{
    nv_id_put(r, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c != '"' && c != '\\' && c >= 0x20)
            continue;
        nv_id_put(r, s + run, i - run);
        char esc[8];
        int n = c == '"' || c == '\\' ? snprintf(esc, sizeof(esc), "\\%c", c)
                                       : snprintf(esc, sizeof(esc), "\\u%04x", c);
        nv_id_put(r, esc, (size_t)n);
        run = i + 1;
    }
    nv_id_put(r, s + run, len - run);
    nv_id_put(r, "\"", 1);
}

static void json_cstr(nv_id_bytes *r, const char *s)
{
    if (s)
        json_str(r, s, strlen(s));
    else
        nv_id_puts(r, "null");
}

static void hole(nv_id_bytes *r, int kind, const char *s, size_t len)
{
    if (kind == NV_ID_HOLE_ID)
        json_cstr(r, s);
    else
        json_str(r, s, len);
}

static void json_evidence(const nv_id_out *o, nv_id_writer *w,
                          const netvet_evidence *e)
{
    nv_id_bytes *r = &w->out;
    nv_id_puts(r, "{\"kind\": \"");
    nv_id_puts(r, netvet_evidence_kind_name(e->kind));
    nv_id_puts(r, "\", \"value\": ");
    if (e->kind == NETVET_EV_MAC) /* differs within a class */
        nv_id_hole(o, w, NV_ID_HOLE_MAC, e->value, e->value_len);
    else
        json_str(r, e->value, e->value_len);
    nv_id_puts(r, ", \"vendor\": ");
    json_cstr(r, nv_id_vendor(o, e->vendor));
    nv_id_puts(r, ", \"weight\": ");
    nv_id_put_2dp(r, e->weight);
    nv_id_puts(r, ", \"detail\": ");
    json_cstr(r, e->detail);
    nv_id_puts(r, "}");
}

/* The record after its leading ",\n    " (which is not the class's). */
static void render(const nv_id_out *o, nv_id_writer *w, const char *id,
                   const char *declared, const netvet_attribution *at)
{
    nv_id_bytes *r = &w->out;
    nv_id_puts(r, "{\"id\": ");
    nv_id_hole(o, w, NV_ID_HOLE_ID, id, 0);
    nv_id_puts(r, ", \"vendor\": ");
    json_cstr(r, nv_id_vendor(o, at->vendor));
    nv_id_puts(r, ", \"unregistered\": ");
    json_cstr(r, at->unregistered);
    nv_id_puts(r, ", \"score\": ");
    nv_id_put_2dp(r, at->score);
    nv_id_puts(r, ", \"confidence\": \"");
    nv_id_puts(r, netvet_confidence_name(at->level));
    nv_id_puts(r, "\", \"declared\": ");
    json_cstr(r, declared);
    nv_id_puts(r, ", \"declared_vendor\": ");
    json_cstr(r, nv_id_vendor(o, at->declared));
    nv_id_puts(r, at->conflict ? ", \"conflict\": true, \"evidence\": ["
                               : ", \"conflict\": false, \"evidence\": [");
    for (size_t i = 0; i < at->n_evidence; i++) {
        if (i)
            nv_id_puts(r, ", ");
        json_evidence(o, w, &at->evidence[i]);
    }
    nv_id_puts(r, "]}");
}

static void begin(nv_id_out *o)
{
    fputs("{\n  \"schema\": \"netvet-identify/1\",\n  \"elements\": [", o->f);
}

static void end(nv_id_out *o, const char *const *files, size_t n_files)
{
    const nv_id_counts *n = &o->n;
    fputs(o->records ? "\n  ],\n  \"files\": [" : "],\n  \"files\": [", o->f);
    nv_id_bytes r = {NULL, 0, 0, 0};
    for (size_t i = 0; i < n_files; i++) {
        nv_id_puts(&r, i ? ", " : "");
        json_cstr(&r, files[i]);
    }
    if (r.failed)
        o->failed = 1;
    else if (r.n)
        fwrite(r.b, 1, r.n > NV_ID_REC_MAX ? NV_ID_REC_MAX : r.n, o->f);
    nv_free(r.b);
    fputc(']', o->f);
    if (nv_id_inputs_json(o) < 0 || nv_id_provenance_json(o) < 0)
        o->failed = 1;
    fprintf(o->f, ",\n  \"summary\": {\"elements\": %zu, \"attributed\": %zu, "
            "\"high\": %zu, \"medium\": %zu, \"low\": %zu, "
            "\"unattributed\": %zu, \"unregistered\": %zu, "
            "\"conflicts\": %zu}\n}\n", n->elements,
            n->attributed, n->level[NETVET_CONF_HIGH],
            n->level[NETVET_CONF_MEDIUM], n->level[NETVET_CONF_LOW],
            n->unattributed, n->unregistered, n->conflicts);
}

const nv_id_format_ops nv_identify_json = {
    begin, "\n    ", ",\n    ", 1, render, hole, end,
};
