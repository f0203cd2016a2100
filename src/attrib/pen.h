/* SPDX-License-Identifier: Apache-2.0 */
/* SNMP sysObjectID values and IANA private enterprise numbers: parsing the
 * usual OID spellings down to the enterprise number N of 1.3.6.1.4.1.N, and
 * the IANA registrant table (Wireshark's enterprises.tsv). Mapping N to a
 * registry vendor is attribute.c's job. */
#ifndef NV_ATTRIB_PEN_H
#define NV_ATTRIB_PEN_H

#include <stddef.h>
#include <stdint.h>

#include "netvet/errors.h"
#include "util/strtab.h"

/* Enterprise number of an OID written as 1.3.6.1.4.1.N..., .1.3.6.1.4.1.N...,
 * iso.3.6.1.4.1.N..., enterprises.N... or SNMPv2-SMI::enterprises.N...
 * (blanks around it ignored; every arc canonical decimal, no leading zeros,
 * N in 0..2^32-1).
 * @return 1 and sets *pen_out, or 0 when it is not such an OID. */
int nv_pen_parse_oid(const char *s, size_t len, uint32_t *pen_out);

/* Why `pen` is weak evidence: a generic SNMP agent or chipset SDK whose
 * number many vendors' devices report (8072 net-snmp, 2021 UCD-SNMP,
 * 4413 Broadcom, 99 SNMP Research, 311 Microsoft); NULL otherwise. */
const char *nv_pen_generic(uint32_t pen);

typedef struct nv_pen_db {
    uint32_t *pen;  /* sorted after nv_pen_db_finish */
    uint32_t *name; /* string ids in names, parallel to pen */
    size_t n, cap;
    nv_strtab names;
} nv_pen_db;

/* Largest file read. */
#define NV_PEN_MAX_FILE ((size_t)64 << 20)

int nv_pen_db_init(nv_pen_db *db);
void nv_pen_db_dispose(nv_pen_db *db);
/* Add "N<blanks>registrant[<TAB># comment]" lines; '#' lines and blank
 * lines are skipped, malformed lines are warnings naming `name`:line. */
int nv_pen_db_add_buffer(nv_pen_db *db, const char *buf, size_t len,
                         const char *name, netvet_diag *diag);
int nv_pen_db_add_file(nv_pen_db *db, const char *path, netvet_diag *diag);
/* Sort by number; call before lookups. @return 0 or NETVET_ENOMEM. */
int nv_pen_db_finish(nv_pen_db *db);
/* IANA registrant of `pen` (borrowed), or NULL. */
const char *nv_pen_db_lookup(const nv_pen_db *db, uint32_t pen);

#endif
