/* SPDX-License-Identifier: Apache-2.0 */
/* snmpwalk text importer (`snmpwalk -On`, one file per device; the file
 * name, without directory and without a .txt/.walk/.snmp/.snmpwalk
 * extension, is the device id). Reads lines `OID = TYPE: value`:
 *   sysDescr.0     (.1.3.6.1.2.1.1.1.0)  STRING -> sys_descr
 *   sysObjectID.0  (.1.3.6.1.2.1.1.2.0)  OID    -> sys_object_id
 *   sysName.0      (.1.3.6.1.2.1.1.5.0)  STRING -> name
 *   ifPhysAddress  (.1.3.6.1.2.1.2.2.1.6.N) Hex-STRING (or x:x:x:x:x:x)
 *                  -> mac: the first 6-byte address that is not all zero
 * Quoted STRING values may span lines until the closing quote (\" and \\
 * are escapes). OIDs may also be written iso.3.6..., 1.3.6... or with the
 * SNMPv2-MIB:: / IF-MIB:: names. Other lines are ignored; a line that is
 * not `OID = ...` is a warning. Invalid UTF-8 and control bytes in a value
 * become '?' with a warning. A file with none of the four values is a bad
 * record. Output is one evidence row: id, name, vendor (empty), sys_descr,
 * sys_object_id, mac. */
#include <ctype.h>
#include <string.h>

#include "import/import.h"
#include "import/snmp_evidence.h"
#include "util/diag.h"

/* `vendor` (always empty) is written because `netvet identify` crashes on
 * an elements file without a vendor column (reported; not this module's). */
static const char header[] = "id,name,vendor,sys_descr,sys_object_id,mac\n";

typedef struct walk {
    nv_import_out *o;
    const char *file;
    netvet_diag *diag;
    nv_snmp_evidence ev; /* the values found (the first of each) */
    unsigned long line;
    int bad_text;  /* a value had invalid bytes (warned once) */
} walk;

typedef struct span {
    const char *p;
    size_t n;
} span;

static int starts(span s, const char *prefix)
{
    size_t n = strlen(prefix);
    return s.n >= n && memcmp(s.p, prefix, n) == 0;
}

/* Scan a quoted value from q (just past the opening quote) to its closing
 * quote, possibly over several lines, unescaping \" and \\ into out (at
 * most KEEP bytes kept: a character that starts within NV_SNMP_MAX_VALUE is
 * whole, and out->len > NV_SNMP_MAX_VALUE tells a cut value). @return the
 * byte after the closing quote, or NULL when the file ends first. Counts
 * lines into w->line. */
#define KEEP (NV_SNMP_MAX_VALUE + 4)
static const char *scan_quoted(walk *w, const char *q, const char *end,
                               nv_sbuf *out)
{
    while (q < end) {
        const char *stop = q;
        while (stop < end && *stop != '"' && *stop != '\\')
            stop++;
        for (const char *c = q; c < stop; c++)
            w->line += *c == '\n';
        size_t room = KEEP - out->len, n = (size_t)(stop - q);
        nv_sbuf_put(out, q, n < room ? n : room);
        if (stop >= end)
            return NULL;
        if (*stop == '"')
            return stop + 1;
        if (stop + 1 < end) { /* backslash: keep the next byte as is */
            w->line += stop[1] == '\n';
            if (out->len < KEEP)
                nv_sbuf_put(out, stop + 1, 1);
            q = stop + 2;
        } else {
            q = stop + 1;
        }
    }
    return NULL;
}

/* Take a value (from line `line`) into the evidence; warn once per file
 * about replaced bytes, and about each text value cut to
 * NV_SNMP_MAX_VALUE bytes (issue 16, item 11: it was written empty). */
static void take(walk *w, int which, nv_snmp_type type, span v,
                 unsigned long line)
{
    if (which >= 0 && which != NV_SNMP_MAC && v.n > NV_SNMP_MAX_VALUE &&
        !w->ev.val[which].len)
        nv_diag_warn(w->diag, w->file, line, 0, "value longer than %d "
                     "bytes: only its first %d bytes are kept",
                     NV_SNMP_MAX_VALUE, NV_SNMP_MAX_VALUE);
    if (nv_snmp_take(&w->ev, which, type, v.p, v.n) && !w->bad_text) {
        w->bad_text = 1;
        nv_diag_warn(w->diag, w->file, w->line, 0, "invalid UTF-8 or control "
                     "bytes in a value replaced with '?'");
    }
}

static int is_hex_line(span s)
{
    for (size_t i = 0; i < s.n; i++)
        if (!isxdigit((unsigned char)s.p[i]) && s.p[i] != ' ')
            return 0;
    return s.n > 0;
}

static span trim(span s)
{
    while (s.n && (s.p[0] == ' ' || s.p[0] == '\t'))
        s.p++, s.n--;
    while (s.n && (s.p[s.n - 1] == ' ' || s.p[s.n - 1] == '\t' ||
                   s.p[s.n - 1] == '\r'))
        s.n--;
    return s;
}

/* Handle the value part of `OID = value` (rest starts after " = ").
 * @return where the next line starts. */
static const char *take_value(walk *w, int which, span rest, const char *le,
                              const char *end)
{
    const char *colon = memchr(rest.p, ':', rest.n);
    span tname = {rest.p, colon ? (size_t)(colon - rest.p) : 0};
    span v = colon ? trim((span){colon + 1, rest.n - tname.n - 1}) : rest;
    nv_snmp_type type = colon ? nv_snmp_type_of(tname.p, tname.n)
                              : NV_SNMP_OTHER;
    int is_string = type == NV_SNMP_STRING || type == NV_SNMP_HEX;
    if (is_string && v.n && v.p[0] == '"') {
        nv_sbuf tmp = {0};
        unsigned long start = w->line;
        const char *after = scan_quoted(w, v.p + 1, end, &tmp);
        if (!after) {
            nv_diag_warn(w->diag, w->file, start, 0,
                         "unterminated quoted string (value ignored)");
            nv_sbuf_free(&tmp);
            return end;
        }
        take(w, which, type, (span){tmp.p ? tmp.p : "", tmp.len}, start);
        nv_sbuf_free(&tmp);
        const char *nl = memchr(after, '\n', (size_t)(end - after));
        return nl ? nl + 1 : end;
    }
    take(w, which, type, v, w->line);
    return le < end ? le + 1 : end;
}

/* The first " = " in s, or NULL. */
static const char *find_eq(span s)
{
    for (size_t i = 0; i + 3 <= s.n; i++)
        if (s.p[i] == ' ' && s.p[i + 1] == '=' && s.p[i + 2] == ' ')
            return s.p + i;
    return NULL;
}

/* Read every line; values land in w->val. @return 0 or NETVET_EPARSE
 * (strict, on a malformed line). */
static int read_lines(walk *w, const char *p, const char *end)
{
    int prev_hex = 0;
    while (p < end) {
        w->line++;
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        span line = trim((span){p, (size_t)(le - p)});
        const char *eq = find_eq(line);
        if (!eq) {
            int cont = prev_hex && is_hex_line(line);
            if (line.n && !cont) {
                if (w->o->strict)
                    return nv_diag_fail(w->diag, NETVET_EPARSE, w->file,
                                        w->line, 0, "not 'OID = TYPE: "
                                        "value'");
                nv_diag_warn(w->diag, w->file, w->line, 0, "not 'OID = "
                             "TYPE: value' (line ignored)");
            }
            p = le < end ? le + 1 : end;
            continue;
        }
        span oid = trim((span){line.p, (size_t)(eq - line.p)});
        span rest = {eq + 3, line.n - (size_t)(eq - line.p) - 3};
        prev_hex = starts(rest, "Hex-STRING:");
        p = take_value(w, nv_snmp_field_of(oid.p, oid.n), rest, le, end);
    }
    return 0;
}

/* Device id from the file name: no directory, no known extension. */
static span id_of(const char *file)
{
    static const char *const ext[] = {".snmpwalk", ".walk", ".snmp", ".txt"};
    const char *base = strrchr(file, '/');
    span s = {base ? base + 1 : file, 0};
    s.n = strlen(s.p);
    for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
        size_t k = strlen(ext[i]);
        if (s.n > k && strcmp(s.p + s.n - k, ext[i]) == 0) {
            s.n -= k;
            break;
        }
    }
    return s;
}

static void write_row(walk *w, span id)
{
    static const int order[] = {NV_SNMP_DESCR, NV_SNMP_OBJECT_ID,
                                NV_SNMP_MAC};
    nv_csv_row r;
    nv_csv_begin(&r, &w->o->elements);
    nv_csv_field(&r, id.p, id.n);
    const nv_sbuf *name = &w->ev.val[NV_SNMP_NAME];
    nv_csv_field(&r, name->len ? name->p : "", name->len);
    nv_csv_cstr(&r, ""); /* vendor */
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        const nv_sbuf *b = &w->ev.val[order[i]];
        nv_csv_field(&r, b->len ? b->p : "", b->len);
    }
    nv_csv_end(&r);
}

int nv_import_snmpwalk(nv_import_out *o, const char *data, size_t len,
                       const char *file, netvet_diag *diag)
{
    walk w = {.o = o, .file = file, .diag = diag};
    if (o->elements.len == 0)
        nv_sbuf_puts(&o->elements, header);
    o->el.read++;
    /* no offset on a NULL buffer (an empty one may be NULL): UB in C */
    int rc = read_lines(&w, data, len ? data + len : data);
    span id = id_of(file);
    nv_sbuf idtext = {0};
    int bad_id = nv_snmp_put_text(&idtext, id.p, id.n) || id.n == 0;
    int any = nv_snmp_any(&w.ev), oom = idtext.oom || nv_snmp_oom(&w.ev);
    if (rc == 0 && oom)
        rc = nv_diag_fail(diag, NETVET_ENOMEM, file, 0, 0, "out of memory");
    else if (rc == 0 && bad_id)
        rc = nv_import_bad(o, &o->el, diag, file, 0, "the file name is not "
                           "a usable device id (empty or not UTF-8)");
    else if (rc == 0 && !any)
        rc = nv_import_bad(o, &o->el, diag, file, 0, "no sysDescr, "
                           "sysObjectID, sysName or ifPhysAddress found");
    else if (rc == 0) {
        write_row(&w, (span){idtext.p, idtext.len});
        o->el.written++;
    }
    nv_sbuf_free(&idtext);
    nv_snmp_evidence_dispose(&w.ev);
    if (rc == 0 && o->elements.oom)
        rc = nv_diag_fail(diag, NETVET_ENOMEM, file, 0, 0, "out of memory");
    return rc;
}
