/* SPDX-License-Identifier: Apache-2.0 */
/* Inside of netvet_attributor, shared by evidence.c (one evaluator per
 * evidence kind, each behind a cache keyed by the distinct string or OUI
 * prefix) and attribute.c (construction and combining the evidence). */
#ifndef NV_ATTRIB_ATTRIB_INT_H
#define NV_ATTRIB_ATTRIB_INT_H

#include <stddef.h>
#include <stdint.h>

#include "attrib/oui.h"
#include "attrib/patterns.h"
#include "attrib/pen.h"
#include "netvet/attrib.h"
#include "util/sha256.h"
#include "util/strtab.h"

/* Evidence weights (docs/attribution.md). */
#define NV_W_DECLARED 0.5
#define NV_W_MAC 0.6
#define NV_W_PEN_REGISTRY 0.8
#define NV_W_PEN_IANA 0.7
#define NV_W_CPE_HW 0.7
#define NV_W_CPE_OS 0.6
#define NV_W_CPE_APP 0.3
/* Evidence other than the declared name must reach this support for a
 * vendor other than the declared one to raise a conflict. */
#define NV_CONFLICT_SUPPORT 0.6

/* What one distinct value says. */
typedef struct nv_verdict {
    int32_t vendor;  /* registry index, -1 */
    float weight;
    uint32_t detail; /* string id in netvet_attributor.details */
    const char *registrant; /* when vendor is -1: the IEEE or IANA registrant
                             * the evidence names (not in the registry),
                             * borrowed from the tables; else NULL */
} nv_verdict;

/* Distinct key -> verdict (key id k -> v[k]). */
typedef struct nv_vcache {
    nv_strtab keys;
    nv_verdict *v;
    size_t cap;
} nv_vcache;

enum { NV_CACHE_DECLARED, NV_CACHE_MAC, NV_CACHE_OID, NV_CACHE_DESCR,
       NV_CACHE_CPE, NV_CACHE_COUNT };

/* In front of the content caches when attributing an inventory: inventory
 * string id -> verdict index, direct-mapped, so a repeated value costs no
 * hashing of its text. Reset when another inventory comes. */
#define NV_SID_SLOTS 8192
typedef struct nv_sidslot {
    uint32_t sid;     /* inventory string id */
    uint32_t verdict; /* index in the content cache + 1; 0 = empty */
} nv_sidslot;

/* Attribution classes (classes.c): elements of one inventory with the same
 * string ids in every evidence column but the MAC, and MACs with the same
 * verdict key (OUI prefix, or why it is no MAC), have the same attribution
 * but for the MAC's text; it is computed once per class and copied. */
#define NV_CLASS_KEY 7       /* 5 string ids (kinds but MAC), MAC key (2) */
#define NV_CLASS_MAX 65536   /* classes kept per inventory; then uncached */
typedef struct nv_aclass {
    int mac;                           /* index of the MAC evidence, -1 */
    uint32_t details[NETVET_EV_COUNT]; /* string ids in `details` */
    netvet_attribution at;             /* detail pointers unset */
} nv_aclass;

/* A slot holds its class's key, so a lookup reads one 32-byte slot (two
 * per cache line), not a slot and then a key elsewhere. */
typedef struct nv_cslot {
    uint32_t key[NV_CLASS_KEY];
    uint32_t id1;    /* class id + 1; 0 = empty */
} nv_cslot;

typedef struct nv_classes {
    uint64_t owner;  /* serial of the inventory the classes describe */
    nv_aclass *c;    /* class id -> class */
    size_t n, cap;
    nv_cslot *slot;  /* open addressing, at most 3/4 full */
    size_t mask;     /* slots - 1 (power of two), 0 before the first */
} nv_classes;

struct netvet_attributor {
    const netvet_registry *reg;
    const netvet_attributor *parent; /* fork: oui, pens and patterns (but
                                      * its match data) are the parent's */
    nv_oui_db oui;
    nv_pen_db pens;
    nv_patterns patterns;
    nv_file_inputs data;           /* IEEE and IANA files read, in order */
    nv_strtab details;             /* evidence detail texts */
    nv_vcache cache[NV_CACHE_COUNT];
    uint64_t sid_owner;            /* serial of the inventory described */
    nv_sidslot sid[NV_CACHE_COUNT][NV_SID_SLOTS];
    nv_classes classes;
};

/* Read IEEE registry file `which` (0 MA-L, 1 MA-M, 2 MA-S, 3 IAB) or the
 * enterprises file into a's tables and record it in a->data (kind
 * "ieee-oui", "ieee-mam", "ieee-oui36", "ieee-iab" or "enterprises"),
 * with the SHA-256 of its bytes and its date (data_files.c). */
int nv_attrib_read_ieee(netvet_attributor *a, int which, const char *path,
                        netvet_diag *diag);
int nv_attrib_read_enterprises(netvet_attributor *a, const char *path,
                               netvet_diag *diag);
/* The UTC date (YYYY-MM-DD) in the .lastupdate file (Unix seconds) in the
 * directory of `path`. @return 1 and out set, or 0 when it has none. */
int nv_ieee_lastupdate(const char *path, char out[11]);
/* The date of a "last updated YYYY-MM-DD" line in the header (the lines
 * before the first one starting with a digit) of an enterprises file.
 * @return 1 and out set, or 0 when it states none. */
int nv_pen_last_updated(const char *buf, size_t len, char out[11]);

/* s[0..*len) without leading and trailing blanks (spaces, tabs). */
static inline const char *nv_trim(const char *s, size_t *len)
{
    while (*len && (*s == ' ' || *s == '\t'))
        s++, (*len)--;
    while (*len && (s[*len - 1] == ' ' || s[*len - 1] == '\t'))
        (*len)--;
    return s;
}

int nv_vcache_init(nv_vcache *c);
void nv_vcache_dispose(nv_vcache *c);

/* Evaluate one piece of evidence s[0..len) of `kind` (len > 0): sets
 * ev->vendor and ev->weight, and the detail's string id in `details` (the
 * caller turns ids into pointers once no more details can be added). */
int nv_eval_evidence(netvet_attributor *a, netvet_evidence_kind kind,
                     const char *s, size_t len, netvet_evidence *ev,
                     uint32_t *detail_out);
/* The same for a value that is string `sid` of the inventory with serial
 * `owner` (never 0). */
int nv_eval_evidence_sid(netvet_attributor *a, uint64_t owner,
                         uint32_t sid, netvet_evidence_kind kind,
                         const char *s, size_t len, netvet_evidence *ev,
                         uint32_t *detail_out);

/* Key of the MAC cache the verdict of MAC text s[0..len) (len > 0,
 * trimmed) comes from, or of why it is no MAC; never 0. Equal keys, equal
 * verdicts. */
uint64_t nv_mac_verdict_key(const netvet_attributor *a, const char *s,
                            size_t len);

/* Attribute element k of inv without the class cache (evidence caches
 * only); details[i] = string id of out->evidence[i].detail, which is left
 * unset. */
int nv_attribute_element_raw(netvet_attribution *out, netvet_attributor *a,
                             const netvet_inventory *inv, size_t k,
                             uint32_t *details);
/* Detail pointers of out's evidence from their string ids. */
void nv_attrib_details(const netvet_attributor *a, netvet_attribution *out,
                       const uint32_t *details);
void nv_classes_dispose(nv_classes *c);

/* Combine out->evidence[0..n_evidence) into vendor, score, level,
 * declared and conflict. */
void nv_attrib_combine(const netvet_attributor *a, netvet_attribution *out);

#endif
