/* SPDX-License-Identifier: Apache-2.0 */
/* MAC parsing and the IEEE registry tables: each CSV row becomes a block
 * (prefix, registrant) in one of three arrays by prefix length, sorted once;
 * a lookup tries 36, then 28, then 24 bits, so the longest prefix wins.
 * The CSV tokenizer is the inventory's (RFC 4180). */
#include "attrib/oui.h"

#include <stdlib.h>
#include <string.h>

#include "inventory/csv.h"
#include "util/alloc.h"
#include "util/diag.h"
#include "util/file.h"


static const unsigned len_bits[NV_OUI_LENGTHS] = {24, 28, 36};
static const char *const reg_names[NV_OUI_REG_COUNT] = {"MA-L", "MA-M",
                                                        "MA-S", "IAB"};
static const unsigned reg_digits[NV_OUI_REG_COUNT] = {6, 7, 9, 9};
static const unsigned reg_len[NV_OUI_REG_COUNT] = {0, 1, 2, 2};

/* ---- MAC addresses --------------------------------------------------- */

/* Value of a hex digit, -1 for any other byte: a table, so that digits
 * and letters in random order cost no mispredicted branches. */
#define HEX_(c)                                                              \
    ((c) >= '0' && (c) <= '9'   ? (c) - '0'                                  \
     : (c) >= 'a' && (c) <= 'f' ? (c) - 'a' + 10                            \
     : (c) >= 'A' && (c) <= 'F' ? (c) - 'A' + 10                            \
                                : -1)
#define HEX4_(c) HEX_(c), HEX_((c) + 1), HEX_((c) + 2), HEX_((c) + 3)
#define HEX16_(c) HEX4_(c), HEX4_((c) + 4), HEX4_((c) + 8), HEX4_((c) + 12)
#define HEX64_(c) HEX16_(c), HEX16_((c) + 16), HEX16_((c) + 32), HEX16_((c) + 48)
static const signed char hex_value[256] = {HEX64_(0), HEX64_(64),
                                           HEX64_(128), HEX64_(192)};

/* 12 hex digits, with `sep` after each `group` of them (group 0: none). */
static int read_hex(const char *s, size_t len, size_t group, char sep,
                    uint64_t *out)
{
    uint64_t v = 0;
    size_t digits = 0, in_group = 0;
    int bad = 0;
    for (size_t i = 0; i < len; i++) {
        if (group && in_group == group) {
            if (s[i] != sep)
                return -1;
            in_group = 0;
            continue;
        }
        int h = hex_value[(unsigned char)s[i]];
        bad |= h; /* negative once any byte is no digit */
        v = v << 4 | (uint64_t)(h & 15);
        digits++;
        in_group++;
    }
    if (bad < 0 || digits != 12)
        return -1;
    *out = v;
    return 0;
}

nv_mac_status nv_mac_parse(const char *s, size_t len, uint64_t *out)
{
    while (len && (*s == ' ' || *s == '\t'))
        s++, len--;
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    int rc = -1;
    if (len == 17 && (s[2] == ':' || s[2] == '-'))
        rc = read_hex(s, len, 2, s[2], out);
    else if (len == 14)
        rc = read_hex(s, len, 4, '.', out);
    else if (len == 12)
        rc = read_hex(s, len, 0, 0, out);
    if (rc < 0)
        return NV_MAC_INVALID;
    unsigned first = (unsigned)(*out >> 40);
    if (first & 0x01)
        return NV_MAC_MULTICAST;
    if (first & 0x02)
        return NV_MAC_LOCAL;
    return NV_MAC_OK;
}

const char *nv_mac_status_text(nv_mac_status st)
{
    switch (st) {
    case NV_MAC_OK: return "";
    case NV_MAC_INVALID: return "not a MAC address";
    case NV_MAC_LOCAL: return "locally administered address (no registrant)";
    case NV_MAC_MULTICAST: return "multicast address (no registrant)";
    }
    return "";
}

/* ---- the tables ------------------------------------------------------ */

int nv_oui_db_init(nv_oui_db *db)
{
    memset(db, 0, sizeof(*db));
    return nv_strtab_init(&db->names, 4096, 1);
}

void nv_oui_db_dispose(nv_oui_db *db)
{
    if (!db)
        return;
    nv_strtab_dispose(&db->names);
    for (int i = 0; i < NV_OUI_LENGTHS; i++)
        nv_free(db->blk[i]);
    nv_free(db->split);
    nv_free(db->split_filter);
    memset(db, 0, sizeof(*db));
}

static int field_is(nv_csv_field f, const char *s)
{
    return f.len == strlen(s) && memcmp(f.p, s, f.len) == 0;
}

static int check_header(nv_csv *c, const char *name, netvet_diag *diag)
{
    static const char *const cols[] = {"Registry", "Assignment",
                                       "Organization Name"};
    if (c->n_fields < 3)
        return nv_diag_fail(diag, NETVET_EPARSE, name, c->line, 0,
                            "not an IEEE registry CSV: expected header "
                            "Registry,Assignment,Organization Name,...");
    for (size_t i = 0; i < 3; i++) {
        if (!field_is(c->fields[i], cols[i]))
            return nv_diag_fail(diag, NETVET_EPARSE, name, c->line, i + 1,
                                "expected column '%s'", cols[i]);
    }
    return 0;
}

static int parse_reg(nv_csv_field f)
{
    for (int r = 0; r < NV_OUI_REG_COUNT; r++)
        if (field_is(f, reg_names[r]))
            return r;
    return -1;
}

/* Registrant name with surrounding blanks removed. */
static nv_csv_field trim(nv_csv_field f)
{
    while (f.len && (f.p[0] == ' ' || f.p[0] == '\t'))
        f.p++, f.len--;
    while (f.len && (f.p[f.len - 1] == ' ' || f.p[f.len - 1] == '\t'))
        f.len--;
    return f;
}

/* Exactly `digits` hex digits. */
static int parse_assignment(nv_csv_field f, unsigned digits, uint64_t *out)
{
    uint64_t v = 0;
    if (f.len != digits)
        return -1;
    for (size_t i = 0; i < f.len; i++) {
        int h = hex_value[(unsigned char)f.p[i]];
        if (h < 0)
            return -1;
        v = v << 4 | (uint64_t)h;
    }
    *out = v;
    return 0;
}

/* One data row. @return 0 (stored), 1 (bad row, warned) or ENOMEM. */
static int add_row(nv_oui_db *db, nv_csv *c, const char *name,
                   netvet_diag *diag)
{
    if (c->n_fields < 3) {
        nv_diag_warn(diag, name, c->line, 0, "expected at least 3 fields");
        return 1;
    }
    int reg = parse_reg(c->fields[0]);
    if (reg < 0) {
        nv_diag_warn(diag, name, c->line, 1, "unknown registry '%.*s'",
                     (int)(c->fields[0].len > 16 ? 16 : c->fields[0].len),
                     c->fields[0].p);
        return 1;
    }
    uint64_t prefix;
    if (parse_assignment(c->fields[1], reg_digits[reg], &prefix) < 0) {
        nv_diag_warn(diag, name, c->line, 2, "assignment is not %u hex digits",
                     reg_digits[reg]);
        return 1;
    }
    nv_csv_field org = trim(c->fields[2]);
    unsigned k = reg_len[reg];
    nv_oui_block b = {prefix, 0, (uint8_t)reg};
    if (nv_strtab_intern(&db->names, org.p, org.len, &b.name, NULL) < 0 ||
        NV_GROW(db->blk[k], db->cap[k], db->n[k] + 1) < 0)
        return NETVET_ENOMEM;
    db->blk[k][db->n[k]++] = b;
    return 0;
}

int nv_oui_db_add_buffer(nv_oui_db *db, char *buf, size_t len,
                         const char *name, netvet_diag *diag)
{
    nv_csv c;
    nv_csv_init(&c, buf, len);
    int rc = nv_csv_next(&c);
    if (rc == NV_CSV_EOF)
        rc = nv_diag_fail(diag, NETVET_EPARSE, name, 0, 0, "empty file");
    else if (rc == NV_CSV_BAD)
        rc = nv_diag_fail(diag, NETVET_EPARSE, name, c.line, c.err_column,
                          "bad header: %s", c.err);
    else if (rc > 0)
        rc = check_header(&c, name, diag);
    while (rc >= 0) {
        rc = nv_csv_next(&c);
        if (rc <= 0)
            break;
        if (rc == NV_CSV_BAD) {
            nv_diag_warn(diag, name, c.line, c.err_column, "%s", c.err);
            db->rows_skipped++;
            continue;
        }
        rc = add_row(db, &c, name, diag);
        if (rc == 1)
            db->rows_skipped++;
    }
    nv_csv_dispose(&c);
    return rc < 0 ? rc : 0;
}

static int add_buffer(void *db, char *buf, size_t len, const char *name,
                      netvet_diag *diag)
{
    return nv_oui_db_add_buffer(db, buf, len, name, diag);
}

int nv_oui_db_add_file(nv_oui_db *db, const char *path, netvet_diag *diag)
{
    return nv_load_file(path, NV_OUI_MAX_FILE, add_buffer, db, diag);
}

static int cmp_block(const void *a, const void *b)
{
    const nv_oui_block *x = a, *y = b;
    return x->prefix < y->prefix ? -1 : x->prefix > y->prefix;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Bit of an OUI in db->split_filter. */
static uint32_t filter_bit(uint32_t oui)
{
    return (oui * 0x9e3779b1u) >> (32 - NV_OUI_FILTER_LOG2);
}

int nv_oui_db_finish(nv_oui_db *db)
{
    for (int i = 0; i < NV_OUI_LENGTHS; i++) {
        if (db->n[i] > 1)
            qsort(db->blk[i], db->n[i], sizeof(nv_oui_block), cmp_block);
    }
    nv_free(db->split);
    db->n_split = 0;
    db->split = nv_calloc(db->n[1] + db->n[2] + 1, sizeof(uint32_t));
    if (!db->split)
        return NETVET_ENOMEM;
    for (int i = 1; i < NV_OUI_LENGTHS; i++)
        for (size_t k = 0; k < db->n[i]; k++)
            db->split[db->n_split++] =
                (uint32_t)(db->blk[i][k].prefix >> (len_bits[i] - 24));
    qsort(db->split, db->n_split, sizeof(uint32_t), cmp_u32);
    size_t u = 0;
    for (size_t k = 0; k < db->n_split; k++)
        if (u == 0 || db->split[u - 1] != db->split[k])
            db->split[u++] = db->split[k];
    db->n_split = u;
    nv_free(db->split_filter);
    db->split_filter = nv_calloc(NV_OUI_FILTER_BITS / 64, sizeof(uint64_t));
    if (!db->split_filter)
        return NETVET_ENOMEM;
    for (size_t k = 0; k < db->n_split; k++) {
        uint32_t b = filter_bit(db->split[k]);
        db->split_filter[b / 64] |= (uint64_t)1 << (b % 64);
    }
    return NETVET_OK;
}

unsigned nv_oui_key_bits(const nv_oui_db *db, uint64_t mac)
{
    uint32_t oui = (uint32_t)(mac >> 24), b = filter_bit(oui);
    if (!(db->split_filter[b / 64] >> (b % 64) & 1))
        return 24; /* most OUIs: not split, known without a search */
    size_t lo = 0, hi = db->n_split;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (db->split[mid] < oui)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < db->n_split && db->split[lo] == oui ? 36 : 24;
}

static const nv_oui_block *find(const nv_oui_block *b, size_t n, uint64_t key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (b[mid].prefix < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && b[lo].prefix == key ? &b[lo] : NULL;
}

static int is_no_evidence(const char *name)
{
    return !strcmp(name, "IEEE Registration Authority") ||
           !strcmp(name, "Private") || name[0] == '\0';
}

int nv_oui_lookup(const nv_oui_db *db, uint64_t mac, nv_oui_hit *hit)
{
    for (int i = NV_OUI_LENGTHS - 1; i >= 0; i--) {
        uint64_t key = mac >> (48 - len_bits[i]);
        const nv_oui_block *b = find(db->blk[i], db->n[i], key);
        if (!b)
            continue;
        hit->registrant = nv_strtab_get(&db->names, b->name);
        hit->registry = reg_names[b->reg];
        hit->bits = len_bits[i];
        hit->prefix = b->prefix;
        hit->no_evidence = is_no_evidence(hit->registrant);
        return 1;
    }
    return 0;
}

size_t nv_oui_db_count(const nv_oui_db *db)
{
    return db->n[0] + db->n[1] + db->n[2];
}
