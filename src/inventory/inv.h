/* SPDX-License-Identifier: Apache-2.0 */
/* The inventory's in-memory layout, shared by the modules downstream of the
 * loader (attribution, risk, policy, report). One array per column; strings
 * are uint32_t ids into `strings` (0 = empty/absent). Optional columns are
 * NULL when the input file had no such column. */
#ifndef NV_INVENTORY_INV_H
#define NV_INVENTORY_INV_H

#include <stdint.h>
#include <string.h>

#include "netvet/inventory.h"
#include "util/idmap.h"
#include "util/strtab.h"

/* Element lifecycle status. */
enum nv_status { NV_STATUS_ACTIVE = 0, NV_STATUS_PLANNED, NV_STATUS_DECOMMISSIONED };

#define NV_NO_DATE INT32_MIN /* `installed` column value when empty */

/* The coordinates of a site, from the lat and lon of an element there
 * (the first the loader kept; docs/inventory-format.md). */
typedef struct nv_site_geo {
    uint32_t site;   /* string id of the site */
    float lat, lon;  /* degrees */
} nv_site_geo;

typedef struct nv_attr_column {
    uint32_t name;   /* header name (string id) */
    uint32_t *value; /* per element string id */
} nv_attr_column;

struct netvet_inventory {
    nv_strtab strings; /* every string value except element ids */
    nv_strtab ids;     /* element ids; id k is element k (append only) */
    nv_idmap idmap;    /* element id -> k, keys stored in ids.bytes;
                        * not built (slots NULL) when ids_sorted */
    int ids_sorted;    /* ids strictly increase bytewise from row to row:
                        * none repeats, and binary search finds them */
    size_t n;          /* elements */
    size_t cap;        /* allocated rows in every element column */

    /* element columns (always present) */
    uint32_t *vendor;   /* declared vendor */
    uint8_t *function;  /* netvet_function */
    uint8_t *status;    /* enum nv_status */
    double *weight;     /* customers served; 0 = transit */
    uint32_t *line;     /* line in the elements file */
    uint32_t *tag_off;  /* CSR: tags of k are tags[tag_off[k]..tag_off[k+1]) */
    uint32_t *tags;     /* string ids */
    size_t n_tags, tags_cap;

    /* optional element columns (NULL when absent). Only columns some
     * stage reads are kept: name, model, software, lat and lon are read
     * and checked but not kept (no report, rule or API uses them; at ten
     * million elements they took 430 MB, and on a VM fresh memory costs
     * about a second of system time per GB). */
    uint32_t *site, *region;
    int32_t *installed; /* days since 1970-01-01, NV_NO_DATE when empty */
    uint32_t *mac, *sys_object_id, *sys_descr, *lldp_descr, *cpe;

    /* sites with coordinates: one entry per site once nv_inv_site_geo
     * has run (the loader appends one per run of rows at a site and
     * compacts as it grows; NULL without site, lat and lon columns) */
    nv_site_geo *site_geo;
    size_t n_site_geo, site_geo_cap;

    nv_attr_column *attrs; /* unknown columns, kept */
    size_t n_attrs;

    /* links */
    size_t n_links, links_cap;
    uint32_t *link_a, *link_b; /* element indexes (kind and capacity
                                * are checked, not kept) */

    netvet_load_stats stats[2]; /* elements, links */
    /* seconds per file: reading the parts, merging them, building the id
     * map (elements; it starts with the merge) - for --timings */
    struct { double parse, merge, index; unsigned parts; } times[2];
    uint64_t serial;            /* unique per inventory in the process
                                   (caches keyed by string id check it) */
    char *path[2];              /* elements file, links file ("" if none) */
    struct nv_input_hash *hash; /* their SHA-256 (input_hash.h; owns
                                 * their bytes until hashed), or NULL */
    uint64_t size[2];           /* their sizes in bytes */
};

static inline const char *nv_inv_str(const netvet_inventory *inv, uint32_t s)
{
    return nv_strtab_get(&inv->strings, s);
}
static inline const char *nv_inv_id(const netvet_inventory *inv, size_t k)
{
    return nv_strtab_get(&inv->ids, (uint32_t)k);
}
/* Element index of id s[0..len), or -1 when no element has it. */
int64_t nv_inv_find_id(const netvet_inventory *inv, const char *s, size_t len);
/* The same by binary search (inv->ids_sorted). */
int64_t nv_inv_search_id(const netvet_inventory *inv, const char *s, size_t len);
/* The same, searching outwards from row `from` first (1, 2, 4, ... rows
 * away), for an id expected near it; *steps counts the id compares. */
int64_t nv_inv_search_near(const netvet_inventory *inv, size_t from,
                           const char *s, size_t len, unsigned long *steps);
/* Compare element k's id with s[0..len) bytewise (shorter first on a tie):
 * < 0, 0 or > 0 as the id is below, equal to or above s. Inline, eight
 * bytes a step: it runs for every row loaded (are ids in order?). */
static inline int nv_inv_id_cmp(const netvet_inventory *inv, size_t k,
                                const char *s, size_t len)
{
    const char *a = nv_inv_id(inv, k);
    size_t n = nv_strtab_strlen(&inv->ids, (uint32_t)k), i = 0;
    size_t m = n < len ? n : len;
    for (; i + 8 <= m; i += 8) {
        uint64_t x, y;
        memcpy(&x, a + i, 8);
        memcpy(&y, s + i, 8);
        if (x != y) { /* the first differing byte decides */
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            x = __builtin_bswap64(x);
            y = __builtin_bswap64(y);
#endif
            return x < y ? -1 : 1;
        }
    }
    for (; i < m; i++)
        if (a[i] != s[i])
            return (unsigned char)a[i] < (unsigned char)s[i] ? -1 : 1;
    return (n > len) - (n < len);
}
/* Is `site` the last site recorded by nv_inv_add_site_geo (which then
 * records nothing)? */
static inline int nv_inv_site_geo_is_last(const netvet_inventory *inv,
                                          uint32_t site)
{
    return inv->n_site_geo && inv->site_geo[inv->n_site_geo - 1].site == site;
}
/* Record that an element at `site` (string id, not 0) is at lat, lon:
 * appended unless the last entry is that site; compacted to one entry per
 * site before the list grows. @return 0 or NETVET_ENOMEM. */
int nv_inv_add_site_geo(netvet_inventory *inv, uint32_t site, double lat,
                        double lon);
/* Sort the site coordinates by site id and keep one per site (the
 * smallest lat, then lon, when a site's elements disagree). */
void nv_inv_site_geo_compact(netvet_inventory *inv);

/* Does element k carry tag `tag` (string id)? (Inline: the rules ask it
 * of every element in a tag-scoped pass.) */
static inline int nv_inv_has_tag(const netvet_inventory *inv, size_t k,
                                 uint32_t tag)
{
    for (uint32_t i = inv->tag_off[k]; i < inv->tag_off[k + 1]; i++)
        if (inv->tags[i] == tag)
            return 1;
    return 0;
}

/* Parse an ISO date YYYY-MM-DD into days since 1970-01-01. @return 0 or -1. */
int nv_parse_date(const char *s, size_t len, int32_t *days_out);
/* Format days since epoch as YYYY-MM-DD into buf (>= 11 bytes). */
void nv_format_date(int32_t days, char *buf);
/* The day `months` calendar months after `days` (before, when negative);
 * a day past the end of the target month becomes its last day
 * (2024-01-31 + 1 month = 2024-02-29). */
int32_t nv_add_months(int32_t days, int months);

/* An empty inventory (string tables ready, no id map, no columns).
 * @return 0 or NETVET_ENOMEM. */
int nv_inventory_new(netvet_inventory **out);

/* Load from in-memory CSV text (tests, fuzzers). links may be NULL. Names
 * are used in diagnostics. Same contract as netvet_inventory_load. */
int nv_inventory_load_buffers(netvet_inventory **out, const char *elements,
                              size_t elements_len, const char *elements_name,
                              const char *links, size_t links_len,
                              const char *links_name,
                              const netvet_load_options *opts,
                              netvet_diag *diag);

#endif
