/* SPDX-License-Identifier: Apache-2.0 */
/* MAC addresses and the IEEE registries (MA-L, MA-M, MA-S, IAB CSVs as
 * shipped in Debian's ieee-data): parsing a MAC in its usual spellings and
 * the longest-prefix registrant lookup. Mapping registrants to registry
 * vendors is attribute.c's job. */
#ifndef NV_ATTRIB_OUI_H
#define NV_ATTRIB_OUI_H

#include <stddef.h>
#include <stdint.h>

#include "netvet/errors.h"
#include "util/strtab.h"

typedef enum nv_mac_status {
    NV_MAC_OK = 0,      /* universally administered unicast */
    NV_MAC_INVALID,     /* not a MAC address */
    NV_MAC_LOCAL,       /* locally administered (bit 0x02 of octet 1) */
    NV_MAC_MULTICAST    /* group address (bit 0x01 of octet 1) */
} nv_mac_status;

/* Parse aa:bb:cc:dd:ee:ff, aa-bb-cc-dd-ee-ff, aabb.ccdd.eeff or 12 bare hex
 * digits, any case, surrounding blanks ignored. *out gets the 48-bit value
 * whenever the text is a MAC (also for LOCAL and MULTICAST). */
nv_mac_status nv_mac_parse(const char *s, size_t len, uint64_t *out);
/* Static text saying why a status gives no attribution ("" for OK). */
const char *nv_mac_status_text(nv_mac_status st);

/* Registry a block comes from; its prefix length follows from it. */
typedef enum nv_oui_reg {
    NV_OUI_MAL = 0, /* MA-L, 24 bits */
    NV_OUI_MAM,     /* MA-M, 28 bits */
    NV_OUI_MAS,     /* MA-S, 36 bits */
    NV_OUI_IAB,     /* IAB, 36 bits */
    NV_OUI_REG_COUNT
} nv_oui_reg;

typedef struct nv_oui_block {
    uint64_t prefix; /* the top `bits` bits of the MAC */
    uint32_t name;   /* registrant, string id in nv_oui_db.names */
    uint8_t reg;     /* nv_oui_reg */
} nv_oui_block;

/* Prefix lengths: index 0 = 24 bits, 1 = 28, 2 = 36. */
#define NV_OUI_FILTER_LOG2 16
#define NV_OUI_FILTER_BITS (1u << NV_OUI_FILTER_LOG2)
#define NV_OUI_LENGTHS 3

typedef struct nv_oui_db {
    nv_strtab names;
    nv_oui_block *blk[NV_OUI_LENGTHS];
    size_t n[NV_OUI_LENGTHS], cap[NV_OUI_LENGTHS];
    size_t rows_skipped; /* malformed rows seen (each also a warning) */
    uint32_t *split;     /* sorted 24-bit OUIs with longer blocks under them */
    size_t n_split;
    uint64_t *split_filter; /* NV_OUI_FILTER_BITS bits, one set per split
                             * OUI (hashed): a clear bit means not split */
} nv_oui_db;

typedef struct nv_oui_hit {
    const char *registrant; /* borrowed from the db */
    const char *registry;   /* "MA-L", "MA-M", "MA-S" or "IAB" */
    unsigned bits;          /* 24, 28 or 36 */
    uint64_t prefix;
    int no_evidence;        /* "IEEE Registration Authority" or "Private" */
} nv_oui_hit;

/* Largest file read. */
#define NV_OUI_MAX_FILE ((size_t)64 << 20)

int nv_oui_db_init(nv_oui_db *db);
void nv_oui_db_dispose(nv_oui_db *db);
/* Add the rows of one IEEE CSV (header Registry,Assignment,Organization
 * Name,Organization Address). The buffer is modified (unquoting). Bad rows
 * are warnings naming `name`:line; a bad header is NETVET_EPARSE. */
int nv_oui_db_add_buffer(nv_oui_db *db, char *buf, size_t len,
                         const char *name, netvet_diag *diag);
int nv_oui_db_add_file(nv_oui_db *db, const char *path, netvet_diag *diag);
/* Sort the blocks and index the split OUIs; call after the last add and
 * before lookups. @return 0 or NETVET_ENOMEM. */
int nv_oui_db_finish(nv_oui_db *db);
/* Prefix bits that decide the lookup of `mac`: 24 unless MA-M, MA-S or IAB
 * blocks lie under its OUI, then 36 (for caching lookups). */
unsigned nv_oui_key_bits(const nv_oui_db *db, uint64_t mac);
/* Longest registered prefix of `mac`. @return 1 and fills *hit, or 0. */
int nv_oui_lookup(const nv_oui_db *db, uint64_t mac, nv_oui_hit *hit);
/* Total blocks loaded. */
size_t nv_oui_db_count(const nv_oui_db *db);

#endif
