/* SPDX-License-Identifier: Apache-2.0 */
/* SNMP varbinds as evidence (import/snmp_evidence.h): which MIB-II object
 * an OID names, and how its value becomes a sys_descr, sys_object_id, name
 * or mac column. */
#include <string.h>

#include "import/snmp_evidence.h"

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

int nv_snmp_put_text(nv_sbuf *b, const char *text, size_t n)
{
    span s = {text, n};
    int replaced = 0;
    for (size_t i = 0; i < s.n;) {
        const unsigned char *p = (const unsigned char *)s.p + i;
        size_t len = utf8_len(p, s.n - i);
        if (b->len + (len ? len : 1) > NV_SNMP_MAX_VALUE)
            return replaced; /* the cap: a cut tail is not "invalid" */
        if (len == 0 || (len == 1 && p[0] < 0x20 && p[0] != '\t' &&
                         p[0] != '\n') || p[0] == 0x7F) {
            nv_sbuf_put(b, "?", 1);
            replaced = 1;
            i++;
            continue;
        }
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

static void take_mac(nv_snmp_evidence *ev, span v)
{
    unsigned char m[6];
    if (ev->val[NV_SNMP_MAC].len || parse_mac(v, m) < 0 ||
        (m[0] | m[1] | m[2] | m[3] | m[4] | m[5]) == 0)
        return;
    static const char hex[] = "0123456789abcdef";
    char text[18];
    for (int i = 0; i < 6; i++) {
        text[i * 3] = hex[m[i] >> 4];
        text[i * 3 + 1] = hex[m[i] & 15];
        text[i * 3 + 2] = i < 5 ? ':' : '\0';
    }
    nv_sbuf_put(&ev->val[NV_SNMP_MAC], text, 17);
}

int nv_snmp_field_of(const char *text, size_t n)
{
    span oid = {text, n};
    char buf[256];
    span s = norm_oid(oid, buf, sizeof buf);
    if (is_oid(s, "1.3.6.1.2.1.1.1.0"))
        return NV_SNMP_DESCR;
    if (is_oid(s, "1.3.6.1.2.1.1.2.0"))
        return NV_SNMP_OBJECT_ID;
    if (is_oid(s, "1.3.6.1.2.1.1.5.0"))
        return NV_SNMP_NAME;
    if (starts(s, "1.3.6.1.2.1.2.2.1.6."))
        return NV_SNMP_MAC;
    return -1;
}

nv_snmp_type nv_snmp_type_of(const char *name, size_t len)
{
    span t = {name, len};
    return is_oid(t, "STRING") ? NV_SNMP_STRING
         : is_oid(t, "Hex-STRING") ? NV_SNMP_HEX
         : is_oid(t, "OID") ? NV_SNMP_OID : NV_SNMP_OTHER;
}

int nv_snmp_take(nv_snmp_evidence *ev, int field, nv_snmp_type type,
                 const char *value, size_t len)
{
    span v = {value, len};
    int is_string = type == NV_SNMP_STRING || type == NV_SNMP_HEX;
    if (field < 0 || field >= NV_SNMP_FIELDS)
        return 0;
    if (field == NV_SNMP_MAC) {
        if (is_string)
            take_mac(ev, v);
        return 0;
    }
    if (ev->val[field].len)
        return 0;
    if (field == NV_SNMP_OBJECT_ID) {
        char buf[256];
        span oid = norm_oid(v, buf, sizeof buf);
        return type == NV_SNMP_OID && v.n
                   ? nv_snmp_put_text(&ev->val[field], oid.p, oid.n) : 0;
    }
    return is_string ? nv_snmp_put_text(&ev->val[field], v.p, v.n) : 0;
}

int nv_snmp_any(const nv_snmp_evidence *ev)
{
    for (int i = 0; i < NV_SNMP_FIELDS; i++)
        if (ev->val[i].len)
            return 1;
    return 0;
}

int nv_snmp_oom(const nv_snmp_evidence *ev)
{
    for (int i = 0; i < NV_SNMP_FIELDS; i++)
        if (ev->val[i].oom)
            return 1;
    return 0;
}

void nv_snmp_evidence_dispose(nv_snmp_evidence *ev)
{
    for (int i = 0; i < NV_SNMP_FIELDS; i++)
        nv_sbuf_free(&ev->val[i]);
}
