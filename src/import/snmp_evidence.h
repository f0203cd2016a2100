/* SPDX-License-Identifier: Apache-2.0 */
/* What SNMP says about who made a device, as netvet evidence: the MIB-II
 * objects read (sysDescr.0, sysObjectID.0, sysName.0, the first non-zero
 * ifPhysAddress) and how a value of each becomes an evidence column
 * (sys_descr, sys_object_id, name, mac). A varbind is an OID and a typed
 * value whether it comes from an `snmpwalk` file (import/snmpwalk.c) or a
 * live poller, so both feed this one mapping. */
#ifndef NV_IMPORT_SNMP_EVIDENCE_H
#define NV_IMPORT_SNMP_EVIDENCE_H

#include <stddef.h>

#include "import/import.h"

/* The evidence fields, in the order an evidence row writes them after the
 * device id: name is separate (not evidence of the maker). */
typedef enum nv_snmp_field {
    NV_SNMP_DESCR = 0, /* sysDescr.0 -> sys_descr */
    NV_SNMP_OBJECT_ID, /* sysObjectID.0 -> sys_object_id ("1.3.6...") */
    NV_SNMP_NAME,      /* sysName.0 -> name */
    NV_SNMP_MAC,       /* ifPhysAddress.N -> mac ("00:e0:fc:..") */
    NV_SNMP_FIELDS
} nv_snmp_field;

/* SNMP value types netvet reads; anything else is NV_SNMP_OTHER. */
typedef enum nv_snmp_type {
    NV_SNMP_STRING = 0, /* OCTET STRING shown as text ("STRING") */
    NV_SNMP_HEX,        /* OCTET STRING shown as hex ("Hex-STRING") */
    NV_SNMP_OID,        /* OBJECT IDENTIFIER ("OID") */
    NV_SNMP_OTHER
} nv_snmp_type;

#define NV_SNMP_MAX_VALUE (64 * 1024) /* bytes kept of one value */

/* One device's values: the first value of each field wins. */
typedef struct nv_snmp_evidence {
    nv_sbuf val[NV_SNMP_FIELDS];
} nv_snmp_evidence;

/* The field an OID carries, or -1. The OID may be numeric with or without
 * a leading dot, start with "iso.", or use the SNMPv2-MIB::/IF-MIB:: names
 * of the four objects. */
int nv_snmp_field_of(const char *oid, size_t len);
/* The type named by `snmpwalk` output ("STRING", "Hex-STRING", "OID"). */
nv_snmp_type nv_snmp_type_of(const char *name, size_t len);
/* Take a value of `field` (from nv_snmp_field_of; -1 is ignored) unless
 * the field already has one or the type does not fit it: text fields take
 * strings, with invalid UTF-8 and control bytes (but tab and newline)
 * replaced by '?'; the MAC field takes 6 bytes written in hex ("00 E0 FC
 * ..", "0:e0:fc:..") that are not all zero; the object id field takes an
 * OID, numeric. @return 1 when bytes were replaced, else 0. */
int nv_snmp_take(nv_snmp_evidence *ev, int field, nv_snmp_type type,
                 const char *value, size_t len);
/* Append s to b as nv_snmp_take does for text (replaced bytes and the
 * NV_SNMP_MAX_VALUE cap). @return 1 when bytes were replaced. */
int nv_snmp_put_text(nv_sbuf *b, const char *s, size_t len);
/* Any value taken? Any allocation failed? */
int nv_snmp_any(const nv_snmp_evidence *ev);
int nv_snmp_oom(const nv_snmp_evidence *ev);
void nv_snmp_evidence_dispose(nv_snmp_evidence *ev);

#endif
