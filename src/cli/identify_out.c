/* Writers for netvet identify: text for people (one line per element, the
 * evidence indented under it), CSV (RFC 4180) and streamed JSON for
 * machines. Nothing here decides anything; it prints attributions. Records
 * go into a per-thread buffer; the first record of an attribution class is
 * rendered whole and kept with holes for the id and MAC text, and the
 * class's later records are that template with the holes filled in. */
#include "cli/identify_out.h"

#include <stdlib.h>
#include <string.h>

#define TEXT_VALUE_MAX 72 /* value bytes shown in text before "..." */

static const char *vendor_id(const nv_id_out *o, int v)
{
    return v >= 0 ? netvet_registry_vendor(o->reg, (size_t)v)->id : NULL;
}

static void count(nv_id_out *o, int attributed, int conflict,
                  netvet_confidence level)
{
    o->n.elements++;
    if (attributed)
        o->n.attributed++;
    else
        o->n.unattributed++;
    if (conflict)
        o->n.conflicts++;
    o->n.level[level]++;
}

/* ---- bytes ---------------------------------------------------------- */

#define REC_MAX 16384 /* CSV and JSON records are cut after this many bytes
                         (values are capped by the loader, details short) */

static int grow(nv_id_bytes *r, size_t more)
{
    size_t cap = r->cap ? r->cap : 1 << 16;
    while (cap - r->n < more)
        cap *= 2;
    char *b = r->failed ? NULL : realloc(r->b, cap);
    if (!b) {
        r->failed = 1;
        return 0;
    }
    r->b = b;
    r->cap = cap;
    return 1;
}

static inline void put(nv_id_bytes *r, const char *s, size_t len)
{
    if (len == 0) /* also when nothing is allocated yet: no memcpy(NULL) */
        return;
    if (r->cap - r->n < len && !grow(r, len))
        return;
    memcpy(r->b + r->n, s, len);
    r->n += len;
}

static void puts_(nv_id_bytes *r, const char *s)
{
    put(r, s, strlen(s));
}

/* x in [0, 1] with two decimals, without printf. */
static void put_2dp(nv_id_bytes *r, double x)
{
    long c = (long)(x * 100.0 + 0.5);
    c = c < 0 ? 0 : c > 100 ? 100 : c;
    char t[4] = {(char)('0' + c / 100), '.', (char)('0' + c / 10 % 10),
                 (char)('0' + c % 10)};
    put(r, t, 4);
}

/* ---- JSON ----------------------------------------------------------- */

static void json_str(nv_id_bytes *r, const char *s, size_t len)
{
    put(r, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c != '"' && c != '\\' && c >= 0x20)
            continue;
        put(r, s + run, i - run);
        char esc[8];
        int n = c == '"' || c == '\\' ? snprintf(esc, sizeof(esc), "\\%c", c)
                                       : snprintf(esc, sizeof(esc), "\\u%04x", c);
        put(r, esc, (size_t)n);
        run = i + 1;
    }
    put(r, s + run, len - run);
    put(r, "\"", 1);
}

static void json_cstr(nv_id_bytes *r, const char *s)
{
    if (s)
        json_str(r, s, strlen(s));
    else
        puts_(r, "null");
}

/* ---- CSV ------------------------------------------------------------ */

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
        put(r, s, len);
        return;
    }
    put(r, "\"", 1);
    const char *q;
    while ((q = memchr(s, '"', len)) != NULL) {
        put(r, s, (size_t)(q - s) + 1);
        put(r, "\"", 1);
        len -= (size_t)(q - s) + 1;
        s = q + 1;
    }
    put(r, s, len);
    put(r, "\"", 1);
}

static void csv_cstr(nv_id_bytes *r, const char *s)
{
    csv_field(r, s, s ? strlen(s) : 0);
}

/* ---- text ----------------------------------------------------------- */

/* A value on one line: control bytes as '?', long values cut. */
static void text_value(nv_id_bytes *r, const char *s, size_t len)
{
    size_t n = len > TEXT_VALUE_MAX ? TEXT_VALUE_MAX : len;
    if (r->cap - r->n < n && !grow(r, n))
        return;
    for (size_t i = 0; i < n; i++)
        r->b[r->n + i] = (unsigned char)s[i] < 0x20 ? '?' : s[i];
    r->n += n;
    if (n < len)
        put(r, "...", 3);
}

/* ---- holes ---------------------------------------------------------- */

/* What differs between the records of one attribution class. */
enum { HOLE_ID, HOLE_MAC };

/* The bytes of a hole: the same whether the record is rendered whole or
 * from its class's template. */
static void put_hole(const nv_id_out *o, nv_id_bytes *r, int kind,
                     const char *s, size_t len)
{
    if (o->format == NV_ID_CSV)
        csv_cstr(r, s); /* only the id appears in CSV */
    else if (o->format == NV_ID_JSON && kind == HOLE_ID)
        json_cstr(r, s);
    else if (o->format == NV_ID_JSON)
        json_str(r, s, len);
    else if (kind == HOLE_ID)
        puts_(r, s);
    else
        text_value(r, s, len);
}

/* Render a hole into w->out, noting where it lies. */
static void hole(const nv_id_out *o, nv_id_writer *w, int kind,
                 const char *s, size_t len)
{
    int h = w->n_holes < 2 ? w->n_holes++ : 1;
    w->hole_kind[h] = (uint8_t)kind;
    w->hole_at[h][0] = w->out.n;
    put_hole(o, &w->out, kind, s, len);
    w->hole_at[h][1] = w->out.n;
}

/* Evidence value: a hole for the MAC, which differs within a class. */
static void value(const nv_id_out *o, nv_id_writer *w,
                  const netvet_evidence *e)
{
    if (e->kind == NETVET_EV_MAC)
        hole(o, w, HOLE_MAC, e->value, e->value_len);
    else if (o->format == NV_ID_JSON)
        json_str(&w->out, e->value, e->value_len);
    else
        text_value(&w->out, e->value, e->value_len);
}

/* ---- records -------------------------------------------------------- */

static void json_evidence(const nv_id_out *o, nv_id_writer *w,
                          const netvet_evidence *e)
{
    nv_id_bytes *r = &w->out;
    puts_(r, "{\"kind\": \"");
    puts_(r, netvet_evidence_kind_name(e->kind));
    puts_(r, "\", \"value\": ");
    value(o, w, e);
    puts_(r, ", \"vendor\": ");
    json_cstr(r, vendor_id(o, e->vendor));
    puts_(r, ", \"weight\": ");
    put_2dp(r, e->weight);
    puts_(r, ", \"detail\": ");
    json_cstr(r, e->detail);
    puts_(r, "}");
}

/* The record after its leading ",\n    " (which is not the class's). */
static void json_record(const nv_id_out *o, nv_id_writer *w, const char *id,
                        const char *declared, const netvet_attribution *at)
{
    nv_id_bytes *r = &w->out;
    puts_(r, "{\"id\": ");
    hole(o, w, HOLE_ID, id, 0);
    puts_(r, ", \"vendor\": ");
    json_cstr(r, vendor_id(o, at->vendor));
    puts_(r, ", \"score\": ");
    put_2dp(r, at->score);
    puts_(r, ", \"confidence\": \"");
    puts_(r, netvet_confidence_name(at->level));
    puts_(r, "\", \"declared\": ");
    json_cstr(r, declared);
    puts_(r, ", \"declared_vendor\": ");
    json_cstr(r, vendor_id(o, at->declared));
    puts_(r, at->conflict ? ", \"conflict\": true, \"evidence\": ["
                          : ", \"conflict\": false, \"evidence\": [");
    for (size_t i = 0; i < at->n_evidence; i++) {
        if (i)
            puts_(r, ", ");
        json_evidence(o, w, &at->evidence[i]);
    }
    puts_(r, "]}");
}

/* "kind=vendor (detail); ..." into tmp, cut at REC_MAX bytes. */
static void reasons(const nv_id_out *o, const netvet_attribution *at,
                    nv_id_bytes *tmp)
{
    tmp->n = 0;
    for (size_t i = 0; i < at->n_evidence; i++) {
        const netvet_evidence *e = &at->evidence[i];
        const char *v = vendor_id(o, e->vendor);
        if (i)
            puts_(tmp, "; ");
        puts_(tmp, netvet_evidence_kind_name(e->kind));
        puts_(tmp, "=");
        puts_(tmp, v ? v : "-");
        puts_(tmp, " (");
        puts_(tmp, e->detail);
        puts_(tmp, ")");
    }
    if (tmp->n > REC_MAX)
        tmp->n = REC_MAX;
}

static void csv_record(const nv_id_out *o, nv_id_writer *w, const char *id,
                       const char *declared, const netvet_attribution *at)
{
    nv_id_bytes *r = &w->out;
    hole(o, w, HOLE_ID, id, 0);
    put(r, ",", 1);
    csv_cstr(r, vendor_id(o, at->vendor));
    put(r, ",", 1);
    put_2dp(r, at->score);
    put(r, ",", 1);
    puts_(r, netvet_confidence_name(at->level));
    put(r, ",", 1);
    csv_cstr(r, declared);
    put(r, ",", 1);
    csv_cstr(r, vendor_id(o, at->declared));
    puts_(r, at->conflict ? ",yes," : ",no,");
    reasons(o, at, &w->tmp);
    csv_field(r, w->tmp.n ? w->tmp.b : "", w->tmp.n);
    put(r, "\n", 1);
}

/* printf's "%.2f" (text shows the score as before: glibc's rounding). */
static void put_score(nv_id_bytes *r, double x)
{
    char t[32];
    int n = snprintf(t, sizeof(t), "%.2f", x);
    put(r, t, n > 0 ? (size_t)n : 0);
}

static void text_evidence(const nv_id_out *o, nv_id_writer *w,
                          const netvet_evidence *e)
{
    nv_id_bytes *r = &w->out;
    const char *kind = netvet_evidence_kind_name(e->kind);
    const char *ev = vendor_id(o, e->vendor);
    puts_(r, "    ");
    puts_(r, kind);
    for (size_t pad = strlen(kind); pad < 13; pad++) /* "%-13s" */
        put(r, " ", 1);
    put(r, " ", 1);
    value(o, w, e);
    puts_(r, "\n        -> ");
    puts_(r, ev ? ev : "-");
    puts_(r, " (");
    puts_(r, e->detail);
    puts_(r, ")\n");
}

static void text_record(const nv_id_out *o, nv_id_writer *w, const char *id,
                        const char *declared, const netvet_attribution *at)
{
    nv_id_bytes *r = &w->out;
    const char *v = vendor_id(o, at->vendor);
    hole(o, w, HOLE_ID, id, 0);
    puts_(r, ": ");
    puts_(r, v ? v : "unattributed");
    puts_(r, ", ");
    puts_(r, netvet_confidence_name(at->level));
    put(r, " ", 1);
    put_score(r, at->score);
    if (declared && *declared) {
        puts_(r, ", declared \"");
        text_value(r, declared, strlen(declared));
        put(r, "\"", 1);
    }
    puts_(r, at->conflict ? "  CONFLICT\n" : "\n");
    for (size_t i = 0; i < at->n_evidence; i++)
        text_evidence(o, w, &at->evidence[i]);
}

/* ---- templates ------------------------------------------------------ */

#define TPL_MAX 4096 /* longer records of a class are rendered every time */

/* Keep the record of `a` just rendered at w->out.b[start..] as class
 * cls's. */
static void keep(nv_id_writer *w, uint32_t cls, const netvet_attribution *a,
                 size_t start)
{
    if (cls >= w->n_tpl) {
        size_t n = w->n_tpl ? w->n_tpl : 256;
        while (n <= cls)
            n *= 2;
        nv_id_tpl *t = realloc(w->tpl, n * sizeof(*t));
        if (!t)
            return; /* not kept: rendered again next time */
        memset(t + w->n_tpl, 0, (n - w->n_tpl) * sizeof(*t));
        w->tpl = t;
        w->n_tpl = n;
    }
    nv_id_tpl *t = &w->tpl[cls];
    size_t end = w->out.n, at = start;
    t->state = 2;
    t->attributed = a->vendor >= 0;
    t->conflict = a->conflict != 0;
    t->level = (uint8_t)a->level;
    if (end - start > TPL_MAX || w->lit.failed)
        return;
    t->off = (uint32_t)w->lit.n;
    t->n_holes = (uint8_t)w->n_holes;
    for (int h = 0; h <= w->n_holes; h++) {
        size_t to = h < w->n_holes ? w->hole_at[h][0] : end;
        put(&w->lit, w->out.b + at, to - at);
        t->len[h] = (uint32_t)(to - at);
        if (h < w->n_holes) {
            t->hole[h] = w->hole_kind[h];
            at = w->hole_at[h][1];
        }
    }
    if (!w->lit.failed)
        t->state = 1;
}

/* Class cls's record with this element's holes. */
static void replay(const nv_id_out *o, nv_id_writer *w, const nv_id_tpl *t,
                   const char *id, const char *mac, size_t mac_len)
{
    const char *lit = w->lit.b + t->off;
    for (int h = 0;; h++) {
        put(&w->out, lit, t->len[h]);
        lit += t->len[h];
        if (h == t->n_holes)
            return;
        if (t->hole[h] == HOLE_ID)
            put_hole(o, &w->out, HOLE_ID, id, 0);
        else
            put_hole(o, &w->out, HOLE_MAC, mac, mac_len);
    }
}

static void render(const nv_id_out *o, nv_id_writer *w, const char *id,
                   const char *declared, const netvet_attribution *at)
{
    w->n_holes = 0;
    if (o->format == NV_ID_CSV)
        csv_record(o, w, id, declared, at);
    else if (o->format == NV_ID_JSON)
        json_record(o, w, id, declared, at);
    else
        text_record(o, w, id, declared, at);
}

void nv_id_writer_dispose(nv_id_writer *w)
{
    free(w->out.b);
    free(w->lit.b);
    free(w->tmp.b);
    free(w->tpl);
    memset(w, 0, sizeof(*w));
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

/* Leading bytes of a record (JSON's separator). @return where it started. */
static size_t record_start(nv_id_out *o, nv_id_writer *w)
{
    size_t start = w->out.n;
    if (o->format == NV_ID_JSON)
        puts_(&w->out, o->records ? ",\n    " : "\n    ");
    return start;
}

static void record_end(nv_id_out *o, nv_id_writer *w, size_t start)
{
    if (o->format != NV_ID_TEXT && w->out.n - start > REC_MAX)
        w->out.n = start + REC_MAX;
    o->records++;
}

void nv_id_record(nv_id_out *o, nv_id_writer *w, const char *id,
                  const char *declared, const netvet_attribution *at,
                  uint32_t cls)
{
    count(o, at->vendor >= 0, at->conflict != 0, at->level);
    size_t start = record_start(o, w), body = w->out.n;
    const nv_id_tpl *t = cls < w->n_tpl ? &w->tpl[cls] : NULL;
    render(o, w, id, declared, at);
    if (cls != NETVET_NO_CLASS && (!t || t->state == 0))
        keep(w, cls, at, body);
    record_end(o, w, start);
}

int nv_id_record_class(nv_id_out *o, nv_id_writer *w, const char *id,
                       uint32_t cls, const char *mac, size_t mac_len)
{
    if (cls >= w->n_tpl || w->tpl[cls].state != 1)
        return 0;
    const nv_id_tpl *t = &w->tpl[cls];
    count(o, t->attributed, t->conflict, t->level);
    size_t start = record_start(o, w);
    replay(o, w, t, id, mac, mac_len);
    record_end(o, w, start);
    return 1;
}

void nv_id_end(nv_id_out *o, const char *const *files, size_t n_files)
{
    const nv_id_counts *n = &o->n;
    if (o->format == NV_ID_TEXT) {
        fprintf(o->f, "\n%zu element%s: %zu attributed (%zu high, %zu medium, "
                "%zu low), %zu unattributed, %zu conflict%s\n", n->elements,
                n->elements == 1 ? "" : "s", n->attributed,
                n->level[NETVET_CONF_HIGH], n->level[NETVET_CONF_MEDIUM],
                n->level[NETVET_CONF_LOW], n->unattributed, n->conflicts,
                n->conflicts == 1 ? "" : "s");
        return;
    }
    if (o->format != NV_ID_JSON)
        return;
    fputs(o->records ? "\n  ],\n  \"files\": [" : "],\n  \"files\": [", o->f);
    nv_id_bytes r = {NULL, 0, 0, 0};
    for (size_t i = 0; i < n_files; i++) {
        puts_(&r, i ? ", " : "");
        json_cstr(&r, files[i]);
    }
    if (r.n)
        fwrite(r.b, 1, r.n > REC_MAX ? REC_MAX : r.n, o->f);
    free(r.b);
    fprintf(o->f, "],\n  \"summary\": {\"elements\": %zu, \"attributed\": %zu, "
            "\"high\": %zu, \"medium\": %zu, \"low\": %zu, "
            "\"unattributed\": %zu, \"conflicts\": %zu}\n}\n", n->elements,
            n->attributed, n->level[NETVET_CONF_HIGH],
            n->level[NETVET_CONF_MEDIUM], n->level[NETVET_CONF_LOW],
            n->unattributed, n->conflicts);
}
