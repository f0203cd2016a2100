/* SPDX-License-Identifier: Apache-2.0 */
/* sysObjectID parsing and the IANA enterprise-number table. The table is a
 * pair of parallel arrays sorted by number, searched by bisection; names
 * are interned once. */
#include "attrib/pen.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/alloc.h"
#include "util/diag.h"
#include "util/file.h"

#define PEN_MAX_NAME 512

/* Canonical decimal arc at s[*i..len) up to '.' or the end; advances *i
 * past it. */
static int read_arc(const char *s, size_t len, size_t *i, uint32_t *out)
{
    uint64_t v = 0;
    size_t start = *i;
    while (*i < len && s[*i] >= '0' && s[*i] <= '9') {
        v = v * 10 + (uint64_t)(s[*i] - '0');
        if (v > UINT32_MAX)
            return -1;
        (*i)++;
    }
    if (*i == start || (*i < len && s[*i] != '.') ||
        (s[start] == '0' && *i - start > 1)) /* no leading zeros */
        return -1;
    *out = (uint32_t)v;
    return 0;
}

/* Length of the prefix naming 1.3.6.1.4.1 (up to and including the '.'
 * before N), or 0. */
static size_t enterprises_prefix(const char *s, size_t len)
{
    static const char *const forms[] = {
        "1.3.6.1.4.1.", ".1.3.6.1.4.1.", "iso.3.6.1.4.1.",
        "enterprises.", "SNMPv2-SMI::enterprises.", ".iso.3.6.1.4.1."};
    for (size_t f = 0; f < sizeof(forms) / sizeof(forms[0]); f++) {
        size_t n = strlen(forms[f]);
        if (len > n && strncasecmp(s, forms[f], n) == 0)
            return n;
    }
    return 0;
}

int nv_pen_parse_oid(const char *s, size_t len, uint32_t *pen_out)
{
    while (len && (*s == ' ' || *s == '\t'))
        s++, len--;
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    size_t i = enterprises_prefix(s, len);
    uint32_t pen, arc;
    if (i == 0 || read_arc(s, len, &i, &pen) < 0)
        return 0;
    while (i < len) { /* the rest: .arc.arc... */
        i++;
        if (read_arc(s, len, &i, &arc) < 0)
            return 0;
    }
    *pen_out = pen;
    return 1;
}

const char *nv_pen_generic(uint32_t pen)
{
    switch (pen) {
    case 8072: return "net-snmp agent (generic: any Linux-based device)";
    case 2021: return "UCD-SNMP agent (net-snmp's predecessor, generic)";
    case 4413: return "Broadcom SDK agent (shared by white-box and OEM gear)";
    case 99: return "SNMP Research agent toolkit (licensed to many vendors)";
    case 311: return "Microsoft SNMP agent (a Windows host)";
    default: return NULL;
    }
}

int nv_pen_db_init(nv_pen_db *db)
{
    memset(db, 0, sizeof(*db));
    return nv_strtab_init(&db->names, 65536, 1);
}

void nv_pen_db_dispose(nv_pen_db *db)
{
    if (!db)
        return;
    nv_free(db->pen);
    nv_free(db->name);
    nv_strtab_dispose(&db->names);
    memset(db, 0, sizeof(*db));
}

static int add_entry(nv_pen_db *db, uint32_t pen, const char *s, size_t len)
{
    size_t cap = db->cap;
    if (NV_GROW(db->pen, cap, db->n + 1) < 0 ||
        NV_GROW(db->name, db->cap, db->n + 1) < 0)
        return NETVET_ENOMEM;
    if (nv_strtab_intern(&db->names, s, len, &db->name[db->n], NULL) < 0)
        return NETVET_ENOMEM;
    db->pen[db->n++] = pen;
    return 0;
}

/* One line (without its newline). @return 0, 1 (bad, warned) or ENOMEM. */
static int add_line(nv_pen_db *db, const char *p, size_t len, const char *name,
                    unsigned long line, netvet_diag *diag)
{
    size_t i = 0;
    uint64_t v = 0;
    while (i < len && p[i] >= '0' && p[i] <= '9' && v <= UINT32_MAX)
        v = v * 10 + (uint64_t)(p[i++] - '0');
    if (i == 0 || v > UINT32_MAX || i >= len || (p[i] != ' ' && p[i] != '\t'))
        goto bad;
    uint32_t pen = (uint32_t)v;
    while (i < len && (p[i] == ' ' || p[i] == '\t'))
        i++;
    size_t end = i;
    while (end < len && p[end] != '\t' && p[end] != '\r')
        end++;
    while (end > i && p[end - 1] == ' ')
        end--;
    if (end == i || end - i > PEN_MAX_NAME)
        goto bad;
    return add_entry(db, pen, p + i, end - i);
bad:
    nv_diag_warn(diag, name, line, 0, "expected 'NUMBER<tab>registrant'");
    return 1;
}

int nv_pen_db_add_buffer(nv_pen_db *db, const char *buf, size_t len,
                         const char *name, netvet_diag *diag)
{
    unsigned long line = 0;
    /* an empty buffer may be NULL: no offset on it (undefined in C) */
    const char *p = buf, *end = len ? buf + len : buf;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = (size_t)((nl ? nl : end) - p);
        line++;
        if (n && p[n - 1] == '\r')
            n--;
        if (n && p[0] != '#' && memchr(p, '\0', n) == NULL) {
            int rc = add_line(db, p, n, name, line, diag);
            if (rc < 0)
                return rc;
        }
        p = nl ? nl + 1 : end;
    }
    return 0;
}

static int add_buffer(void *db, char *buf, size_t len, const char *name,
                      netvet_diag *diag)
{
    return nv_pen_db_add_buffer(db, buf, len, name, diag);
}

int nv_pen_db_add_file(nv_pen_db *db, const char *path, netvet_diag *diag)
{
    return nv_load_file(path, NV_PEN_MAX_FILE, add_buffer, db, diag);
}

/* Sort (number, name) pairs packed into 64 bits. */
static int cmp_pair(const void *a, const void *b)
{
    const uint64_t *x = a, *y = b;
    return *x < *y ? -1 : *x > *y;
}

int nv_pen_db_finish(nv_pen_db *db)
{
    if (db->n < 2)
        return 0;
    uint64_t *pairs = nv_calloc(db->n, sizeof(*pairs));
    if (!pairs)
        return NETVET_ENOMEM;
    for (size_t i = 0; i < db->n; i++)
        pairs[i] = (uint64_t)db->pen[i] << 32 | db->name[i];
    qsort(pairs, db->n, sizeof(*pairs), cmp_pair);
    for (size_t i = 0; i < db->n; i++) {
        db->pen[i] = (uint32_t)(pairs[i] >> 32);
        db->name[i] = (uint32_t)pairs[i];
    }
    nv_free(pairs);
    return 0;
}

const char *nv_pen_db_lookup(const nv_pen_db *db, uint32_t pen)
{
    size_t lo = 0, hi = db->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (db->pen[mid] < pen)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < db->n && db->pen[lo] == pen)
        return nv_strtab_get(&db->names, db->name[lo]);
    return NULL;
}
