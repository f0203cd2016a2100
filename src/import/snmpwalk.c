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
#include <string.h>

#include "import/import.h"
#include "util/diag.h"

/* `vendor` (always empty) is written because `netvet identify` crashes on
 * an elements file without a vendor column (reported; not this module's). */
static const char header[] = "id,name,vendor,sys_descr,sys_object_id,mac\n";

#define MAX_VALUE (64 * 1024)

enum { V_DESCR, V_OID, V_NAME, V_MAC, V_COUNT };

typedef struct walk {
    nv_import_out *o;
    const char *file;
    netvet_diag *diag;
    nv_sbuf val[V_COUNT];
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

/* The OID as "1.3.6..." text after dropping a leading "." or "iso" /
 * MIB name; writes into buf. */
static span norm_oid(span s, char *buf, size_t size)
{
    static const struct {
        const char *name, *num;
    } names[] = {{"SNMPv2-MIB::sysDescr.", "1.3.6.1.2.1.1.1."},
                 {"SNMPv2-MIB::sysObjectID.", "1.3.6.1.2.1.1.2."},
                 {"SNMPv2-MIB::sysName.", "1.3.6.1.2.1.1.5."},
                 {"IF-MIB::ifPhysAddress.", "1.3.6.1.2.1.2.2.1.6."},
                 {"iso.", "1."}, {".", ""}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        size_t k = strlen(names[i].name), m = strlen(names[i].num);
        if (!starts(s, names[i].name) || s.n - k + m >= size)
            continue;
        memcpy(buf, names[i].num, m);
        memcpy(buf + m, s.p + k, s.n - k);
        return (span){buf, m + s.n - k};
    }
    return s;
}

static int is_oid(span s, const char *oid)
{
    return s.n == strlen(oid) && memcmp(s.p, oid, s.n) == 0;
}

/* Length of the valid UTF-8 sequence at p (n bytes left), 0 if invalid. */
static size_t utf8_len(const unsigned char *p, size_t n)
{
    size_t len = p[0] < 0x80 ? 1 : p[0] >= 0xC2 && p[0] <= 0xDF ? 2
               : p[0] >= 0xE0 && p[0] <= 0xEF ? 3
               : p[0] >= 0xF0 && p[0] <= 0xF4 ? 4 : 0;
    if (len == 0 || len > n)
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    if ((p[0] == 0xE0 && p[1] < 0xA0) || (p[0] == 0xED && p[1] > 0x9F) ||
        (p[0] == 0xF0 && p[1] < 0x90) || (p[0] == 0xF4 && p[1] > 0x8F))
        return 0;
    return len;
}

/* Append s to b, replacing invalid UTF-8 and control bytes (except tab and
 * newline) with '?'. @return 1 when something was replaced. */
static int put_text(nv_sbuf *b, span s)
{
    int replaced = 0;
    for (size_t i = 0; i < s.n;) {
        const unsigned char *p = (const unsigned char *)s.p + i;
        size_t len = utf8_len(p, s.n - i);
        if (len == 0 || (len == 1 && p[0] < 0x20 && p[0] != '\t' &&
                         p[0] != '\n') || p[0] == 0x7F) {
            nv_sbuf_put(b, "?", 1);
            replaced = 1;
            i++;
            continue;
        }
        if (b->len + len > MAX_VALUE)
            return replaced;
        nv_sbuf_put(b, s.p + i, len);
        i += len;
    }
    return replaced;
}

static int hexval(int c)
{
    return c >= '0' && c <= '9' ? c - '0'
         : c >= 'a' && c <= 'f' ? c - 'a' + 10
         : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Parse 6 bytes given as "00 E0 FC ..." or "0:e0:fc:..." (1-2 digits per
 * byte). @return 0 or -1. */
static int parse_mac(span s, unsigned char mac[6])
{
    size_t i = 0, n = 0;
    while (i < s.n && n < 7) {
        while (i < s.n && (s.p[i] == ' ' || s.p[i] == ':'))
            i++;
        if (i >= s.n)
            break;
        int hi = hexval(s.p[i]), lo = i + 1 < s.n ? hexval(s.p[i + 1]) : -1;
        if (hi < 0)
            return -1;
        if (n == 6)
            return -1;
        mac[n++] = (unsigned char)(lo < 0 ? hi : hi * 16 + lo);
        i += lo < 0 ? 1 : 2;
        if (i < s.n && s.p[i] != ' ' && s.p[i] != ':')
            return -1;
    }
    return n == 6 ? 0 : -1;
}

static void take_mac(walk *w, span v)
{
    unsigned char m[6];
    if (w->val[V_MAC].len || parse_mac(v, m) < 0 ||
        (m[0] | m[1] | m[2] | m[3] | m[4] | m[5]) == 0)
        return;
    static const char hex[] = "0123456789abcdef";
    char text[18];
    for (int i = 0; i < 6; i++) {
        text[i * 3] = hex[m[i] >> 4];
        text[i * 3 + 1] = hex[m[i] & 15];
        text[i * 3 + 2] = i < 5 ? ':' : '\0';
    }
    nv_sbuf_put(&w->val[V_MAC], text, 17);
}

/* Scan a quoted value from q (just past the opening quote) to its closing
 * quote, possibly over several lines, unescaping \" and \\ into out (at
 * most MAX_VALUE bytes kept). @return the byte after the closing quote,
 * or NULL when the file ends first. Counts lines into w->line. */
static const char *scan_quoted(walk *w, const char *q, const char *end,
                               nv_sbuf *out)
{
    while (q < end) {
        const char *stop = q;
        while (stop < end && *stop != '"' && *stop != '\\')
            stop++;
        for (const char *c = q; c < stop; c++)
            w->line += *c == '\n';
        if (out->len + (size_t)(stop - q) <= MAX_VALUE)
            nv_sbuf_put(out, q, (size_t)(stop - q));
        if (stop >= end)
            return NULL;
        if (*stop == '"')
            return stop + 1;
        if (stop + 1 < end) { /* backslash: keep the next byte as is */
            w->line += stop[1] == '\n';
            if (out->len < MAX_VALUE)
                nv_sbuf_put(out, stop + 1, 1);
            q = stop + 2;
        } else {
            q = stop + 1;
        }
    }
    return NULL;
}

static void store_text(walk *w, int which, span v)
{
    if (which < 0 || w->val[which].len)
        return;
    if (put_text(&w->val[which], v) && !w->bad_text) {
        w->bad_text = 1;
        nv_diag_warn(w->diag, w->file, w->line, 0, "invalid UTF-8 or control "
                     "bytes in a value replaced with '?'");
    }
}

/* Which value an OID carries: V_DESCR, V_OID, V_NAME, V_MAC or -1. */
static int classify(span oid)
{
    char buf[256];
    span s = norm_oid(oid, buf, sizeof buf);
    if (is_oid(s, "1.3.6.1.2.1.1.1.0"))
        return V_DESCR;
    if (is_oid(s, "1.3.6.1.2.1.1.2.0"))
        return V_OID;
    if (is_oid(s, "1.3.6.1.2.1.1.5.0"))
        return V_NAME;
    if (starts(s, "1.3.6.1.2.1.2.2.1.6."))
        return V_MAC;
    return -1;
}

static int is_hex_line(span s)
{
    for (size_t i = 0; i < s.n; i++)
        if (hexval(s.p[i]) < 0 && s.p[i] != ' ')
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
    span type = {rest.p, colon ? (size_t)(colon - rest.p) : 0};
    span v = colon ? trim((span){colon + 1, rest.n - type.n - 1}) : rest;
    char oidbuf[256];
    int is_string = colon && (is_oid(type, "STRING") ||
                              is_oid(type, "Hex-STRING"));
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
        span q = {tmp.p ? tmp.p : "", tmp.len};
        if (which == V_MAC)
            take_mac(w, q);
        else if (which != V_OID)
            store_text(w, which, q);
        nv_sbuf_free(&tmp);
        const char *nl = memchr(after, '\n', (size_t)(end - after));
        return nl ? nl + 1 : end;
    }
    if (which == V_MAC && is_string)
        take_mac(w, v);
    else if (which == V_OID && colon && is_oid(type, "OID") && v.n)
        store_text(w, V_OID, norm_oid(v, oidbuf, sizeof oidbuf));
    else if ((which == V_DESCR || which == V_NAME) && is_string)
        store_text(w, which, v);
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
        p = take_value(w, classify(oid), rest, le, end);
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
    static const int order[] = {V_DESCR, V_OID, V_MAC};
    nv_csv_row r;
    nv_csv_begin(&r, &w->o->elements);
    nv_csv_field(&r, id.p, id.n);
    const nv_sbuf *name = &w->val[V_NAME];
    nv_csv_field(&r, name->len ? name->p : "", name->len);
    nv_csv_cstr(&r, ""); /* vendor */
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        const nv_sbuf *b = &w->val[order[i]];
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
    int rc = read_lines(&w, data, data + len);
    span id = id_of(file);
    nv_sbuf idtext = {0};
    int bad_id = put_text(&idtext, id) || id.n == 0;
    int any = 0, oom = idtext.oom;
    for (int i = 0; i < V_COUNT; i++) {
        any |= w.val[i].len > 0;
        oom |= w.val[i].oom;
    }
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
    for (int i = 0; i < V_COUNT; i++)
        nv_sbuf_free(&w.val[i]);
    if (rc == 0 && o->elements.oom)
        rc = nv_diag_fail(diag, NETVET_ENOMEM, file, 0, 0, "out of memory");
    return rc;
}
