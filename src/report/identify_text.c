/* SPDX-License-Identifier: Apache-2.0 */
/* identify's text format, for people: one line per element, the evidence
 * indented under it, and a closing count. A row of the format table
 * (formats.h). */
#include <stdio.h>

#include "report/formats.h"
#include "report/identify_out.h"

#define TEXT_VALUE_MAX 72 /* value bytes shown in text before "..." */

/* A value on one line: control bytes as '?', long values cut. */
static void text_value(nv_id_bytes *r, const char *s, size_t len)
{
    size_t n = len > TEXT_VALUE_MAX ? TEXT_VALUE_MAX : len;
    if (r->cap - r->n < n && !nv_id_grow(r, n))
        return;
    for (size_t i = 0; i < n; i++)
        r->b[r->n + i] = (unsigned char)s[i] < 0x20 ? '?' : s[i];
    r->n += n;
    if (n < len)
        nv_id_put(r, "...", 3);
}

/* An element id as nv_text_safe prints it: C0 controls, DEL and C1
 * controls (UTF-8 C2 80..9F) as \xNN, so an id cannot forge a line. */
static void text_id(nv_id_bytes *r, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    for (;;) {
        const unsigned char *q = p;
        while (*q >= 0x20 && *q != 0x7f &&
               !(q[0] == 0xc2 && q[1] >= 0x80 && q[1] <= 0x9f))
            q++;
        nv_id_put(r, (const char *)p, (size_t)(q - p));
        if (!*q)
            return;
        size_t n = *q == 0xc2 ? 2 : 1;
        for (size_t i = 0; i < n; i++) {
            char t[5];
            snprintf(t, sizeof(t), "\\x%02x", q[i]);
            nv_id_put(r, t, 4);
        }
        p = q + n;
    }
}

static void hole(nv_id_bytes *r, int kind, const char *s, size_t len)
{
    if (kind == NV_ID_HOLE_ID)
        text_id(r, s);
    else
        text_value(r, s, len);
}

/* printf's "%.2f" (text shows the score as before: glibc's rounding). */
static void put_score(nv_id_bytes *r, double x)
{
    char t[32];
    int n = snprintf(t, sizeof(t), "%.2f", x);
    nv_id_put(r, t, n > 0 ? (size_t)n : 0);
}

static void text_evidence(const nv_id_out *o, nv_id_writer *w,
                          const netvet_evidence *e)
{
    nv_id_bytes *r = &w->out;
    const char *kind = netvet_evidence_kind_name(e->kind);
    const char *ev = nv_id_vendor(o, e->vendor);
    nv_id_puts(r, "    ");
    nv_id_puts(r, kind);
    for (size_t pad = strlen(kind); pad < 13; pad++) /* "%-13s" */
        nv_id_put(r, " ", 1);
    nv_id_put(r, " ", 1);
    if (e->kind == NETVET_EV_MAC) /* differs within a class */
        nv_id_hole(o, w, NV_ID_HOLE_MAC, e->value, e->value_len);
    else
        text_value(r, e->value, e->value_len);
    nv_id_puts(r, "\n        -> ");
    nv_id_puts(r, ev ? ev : "-");
    nv_id_puts(r, " (");
    nv_id_puts(r, e->detail);
    nv_id_puts(r, ")\n");
}

static void render(const nv_id_out *o, nv_id_writer *w, const char *id,
                   const char *declared, const netvet_attribution *at)
{
    nv_id_bytes *r = &w->out;
    const char *v = nv_id_vendor(o, at->vendor);
    nv_id_hole(o, w, NV_ID_HOLE_ID, id, 0);
    nv_id_puts(r, ": ");
    if (v) {
        nv_id_puts(r, v);
    } else if (at->unregistered) {
        nv_id_puts(r, "unregistered \"");
        text_value(r, at->unregistered, strlen(at->unregistered));
        nv_id_puts(r, "\"");
    } else {
        nv_id_puts(r, "unattributed");
    }
    nv_id_puts(r, ", ");
    nv_id_puts(r, netvet_confidence_name(at->level));
    nv_id_put(r, " ", 1);
    put_score(r, at->score);
    if (declared && *declared) {
        nv_id_puts(r, ", declared \"");
        text_value(r, declared, strlen(declared));
        nv_id_put(r, "\"", 1);
    }
    nv_id_puts(r, at->conflict ? "  CONFLICT\n" : "\n");
    for (size_t i = 0; i < at->n_evidence; i++)
        text_evidence(o, w, &at->evidence[i]);
}

static void begin(nv_id_out *o)
{
}

static void end(nv_id_out *o, const char *const *files, size_t n_files)
{
    const nv_id_counts *n = &o->n;
    fprintf(o->f, "\n%zu element%s: %zu attributed (%zu high, %zu medium, "
            "%zu low), %zu unattributed", n->elements,
            n->elements == 1 ? "" : "s", n->attributed,
            n->level[NETVET_CONF_HIGH], n->level[NETVET_CONF_MEDIUM],
            n->level[NETVET_CONF_LOW], n->unattributed);
    if (n->unregistered)
        fprintf(o->f, " (%zu naming an unregistered organisation)",
                n->unregistered);
    fprintf(o->f, ", %zu conflict%s\n", n->conflicts,
            n->conflicts == 1 ? "" : "s");
    nv_id_inputs_text(o);
    nv_id_provenance_text(o);
}

const nv_id_format_ops nv_identify_text = {
    begin, NULL, NULL, 0, render, hole, end,
};
