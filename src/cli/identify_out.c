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

/* ---- record buffer --------------------------------------------------- */

/* One record is built here and written with one fwrite; text beyond the
 * buffer is cut (values are capped by the loader, details are short). */
typedef struct rbuf {
    char b[16384];
    size_t n;
} rbuf;

static void put(rbuf *r, const char *s, size_t len)
{
    size_t room = sizeof(r->b) - r->n;
    if (len > room)
        len = room;
    memcpy(r->b + r->n, s, len);
    r->n += len;
}

static void puts_(rbuf *r, const char *s)
{
    put(r, s, strlen(s));
}

/* x in [0, 1] with two decimals, without printf. */
static void put_2dp(rbuf *r, double x)
{
    long c = (long)(x * 100.0 + 0.5);
    c = c < 0 ? 0 : c > 100 ? 100 : c;
    char t[4] = {(char)('0' + c / 100), '.', (char)('0' + c / 10 % 10),
                 (char)('0' + c % 10)};
    put(r, t, 4);
}

static void flush_rec(nv_id_out *o, rbuf *r)
{
    fwrite(r->b, 1, r->n, o->f);
    r->n = 0;
}

/* ---- JSON ----------------------------------------------------------- */

static void json_str(rbuf *r, const char *s, size_t len)
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

static void json_cstr(rbuf *r, const char *s)
{
    if (s)
        json_str(r, s, strlen(s));
    else
        puts_(r, "null");
}

static void json_evidence(const nv_id_out *o, rbuf *r, const netvet_evidence *e)
{
    puts_(r, "{\"kind\": \"");
    puts_(r, netvet_evidence_kind_name(e->kind));
    puts_(r, "\", \"value\": ");
    json_str(r, e->value, e->value_len);
    puts_(r, ", \"vendor\": ");
    json_cstr(r, vendor_id(o, e->vendor));
    puts_(r, ", \"weight\": ");
    put_2dp(r, e->weight);
    puts_(r, ", \"detail\": ");
    json_cstr(r, e->detail);
    puts_(r, "}");
}

static void json_record(nv_id_out *o, rbuf *r, const char *id,
                        const char *declared, const netvet_attribution *at)
{
    puts_(r, o->records ? ",\n    {\"id\": " : "\n    {\"id\": ");
    json_cstr(r, id);
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
        json_evidence(o, r, &at->evidence[i]);
    }
    puts_(r, "]}");
}

/* ---- CSV ------------------------------------------------------------ */

/* RFC 4180 field; a NULL s is an empty field. */
static void csv_field(rbuf *r, const char *s, size_t len)
{
    if (!s)
        return;
    if (!memchr(s, ',', len) && !memchr(s, '"', len) &&
        !memchr(s, '\n', len) && !memchr(s, '\r', len)) {
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

static void csv_cstr(rbuf *r, const char *s)
{
    csv_field(r, s, s ? strlen(s) : 0);
}

/* "kind=vendor (detail); ..." into buf. @return its length. */
static size_t reasons(const nv_id_out *o, const netvet_attribution *at,
                      rbuf *tmp)
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
    return tmp->n;
}

static void csv_record(nv_id_out *o, rbuf *r, const char *id,
                       const char *declared, const netvet_attribution *at)
{
    static _Thread_local rbuf tmp;
    csv_cstr(r, id);
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
    csv_field(r, tmp.b, reasons(o, at, &tmp));
    put(r, "\n", 1);
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
    static _Thread_local rbuf r; /* identify_run writes on several threads */
    count(o, at);
    r.n = 0;
    if (o->format == NV_ID_CSV)
        csv_record(o, &r, id, declared, at);
    else if (o->format == NV_ID_JSON)
        json_record(o, &r, id, declared, at);
    else
        text_record(o, id, declared, at);
    flush_rec(o, &r);
    o->records++;
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
    static rbuf r;
    r.n = 0;
    for (size_t i = 0; i < n_files; i++) {
        puts_(&r, i ? ", " : "");
        json_cstr(&r, files[i]);
    }
    flush_rec(o, &r);
    fprintf(o->f, "],\n  \"summary\": {\"elements\": %zu, \"attributed\": %zu, "
            "\"high\": %zu, \"medium\": %zu, \"low\": %zu, "
            "\"unattributed\": %zu, \"conflicts\": %zu}\n}\n", n->elements,
            n->attributed, n->level[NETVET_CONF_HIGH],
            n->level[NETVET_CONF_MEDIUM], n->level[NETVET_CONF_LOW],
            n->unattributed, n->conflicts);
}
