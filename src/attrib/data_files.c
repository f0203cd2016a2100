/* SPDX-License-Identifier: Apache-2.0 */
/* The attribution data files an attributor reads (the IEEE registries of
 * Debian's ieee-data, the IANA enterprise numbers), each recorded as an
 * input every report lists: its kind, path, size, the SHA-256 of the bytes
 * read and, when the data states one, the date it was last updated
 * (ieee-data's .lastupdate beside the file: Unix seconds; an enterprises
 * file's "(last updated YYYY-MM-DD)" header line, as IANA's
 * enterprise-numbers and Wireshark's enterprises.tsv carry it). */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "attrib/attrib_int.h"
#include "inventory/inv.h"
#include "util/alloc.h"
#include "util/diag.h"
#include "util/file.h"

#define NV_LASTUPDATE_MAX 32 /* bytes of .lastupdate read */
#define NV_HEADER_SCAN 8192  /* bytes of an enterprises header searched */

int nv_ieee_lastupdate(const char *path, char out[11])
{
    const char *slash = strrchr(path, '/');
    int dir = slash ? (int)(slash - path + 1) : 0;
    char name[4096];
    if (snprintf(name, sizeof name, "%.*s.lastupdate", dir, path) >=
        (int)sizeof name)
        return 0;
    FILE *f = fopen(name, "rb");
    if (!f)
        return 0;
    char buf[NV_LASTUPDATE_MAX + 1];
    size_t n = fread(buf, 1, NV_LASTUPDATE_MAX, f);
    fclose(f);
    buf[n] = '\0';
    unsigned long long secs = 0;
    size_t i = 0;
    for (; i < n && buf[i] >= '0' && buf[i] <= '9' && i < 12; i++)
        secs = secs * 10 + (unsigned long long)(buf[i] - '0');
    if (i == 0 || i == 12 || (i < n && strspn(buf + i, " \t\r\n") != n - i))
        return 0; /* not just a number of seconds (up to 11 digits) */
    if (secs >= 253402300800ull) /* 10000-01-01: no YYYY */
        return 0;
    nv_format_date((int32_t)(secs / 86400), out);
    return 1;
}

/* The date after "last updated" in line s[0..len), if any. */
static int line_date(const char *s, size_t len, char out[11])
{
    static const char key[] = "last updated";
    const size_t k = sizeof key - 1;
    for (size_t i = 0; i + k <= len; i++) {
        if (strncasecmp(s + i, key, k) != 0)
            continue;
        size_t j = i + k;
        while (j < len && (s[j] == ' ' || s[j] == '\t' || s[j] == ':'))
            j++;
        int32_t days;
        if (j + 10 <= len && nv_parse_date(s + j, 10, &days) == 0) {
            memcpy(out, s + j, 10);
            out[10] = '\0';
            return 1;
        }
    }
    return 0;
}

int nv_pen_last_updated(const char *buf, size_t len, char out[11])
{
    size_t scan = len < NV_HEADER_SCAN ? len : NV_HEADER_SCAN;
    const char *p = buf, *end = scan ? buf + scan : buf; /* buf may be NULL */
    while (p < end && !(*p >= '0' && *p <= '9')) { /* up to the first row */
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = (size_t)((nl ? nl : end) - p);
        if (line_date(p, n, out))
            return 1;
        p = nl ? nl + 1 : end;
    }
    return 0;
}

/* Read `path` whole and record it in a->data as `kind` before `parse`
 * sees it (the IEEE parser unquotes in place). */
static int read_data(netvet_attributor *a, const char *kind, const char *path,
                     size_t max, int ieee, netvet_diag *diag)
{
    char *buf, version[11];
    size_t len;
    int rc = nv_read_file(&buf, &len, path, max, diag);
    if (rc < 0)
        return rc;
    int dated = ieee ? nv_ieee_lastupdate(path, version)
                     : nv_pen_last_updated(buf, len, version);
    if (nv_file_inputs_add(&a->data, path, buf, len) < 0) {
        nv_free(buf);
        return nv_diag_fail(diag, NETVET_ENOMEM, path, 0, 0, "out of memory");
    }
    nv_file_inputs_label(&a->data, kind, dated ? version : NULL);
    rc = ieee ? nv_oui_db_add_buffer(&a->oui, buf, len, path, diag)
              : nv_pen_db_add_buffer(&a->pens, buf, len, path, diag);
    nv_free(buf);
    return rc;
}

int nv_attrib_read_ieee(netvet_attributor *a, int which, const char *path,
                        netvet_diag *diag)
{
    static const char *const kinds[4] = {"ieee-oui", "ieee-mam",
                                         "ieee-oui36", "ieee-iab"};
    return read_data(a, kinds[which & 3], path, NV_OUI_MAX_FILE, 1, diag);
}

int nv_attrib_read_enterprises(netvet_attributor *a, const char *path,
                               netvet_diag *diag)
{
    return read_data(a, "enterprises", path, NV_PEN_MAX_FILE, 0, diag);
}
