/* SPDX-License-Identifier: Apache-2.0 */
/* Vendor attribution: which registry vendor made an element, from its
 * declared name and raw evidence (MAC OUI, SNMP sysObjectID enterprise
 * number, sysDescr / LLDP description patterns, CPE), with a confidence and
 * the evidence behind it. Rules and weights: docs/attribution.md. */
#ifndef NETVET_ATTRIB_H
#define NETVET_ATTRIB_H

#include <stddef.h>
#include <stdint.h>

#include "errors.h"
#include "inventory.h"
#include "vendors.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct netvet_attributor netvet_attributor;

/** Debian locations of the data read at run time. */
#define NETVET_IEEE_DIR "/usr/share/ieee-data"
#define NETVET_ENTERPRISES_PATH "/usr/share/wireshark/enterprises.tsv"

/** The four IEEE registries, in the order of netvet_attrib_options.ieee. */
#define NETVET_IEEE_FILES {"oui.csv", "mam.csv", "oui36.csv", "iab.csv"}

typedef struct netvet_attrib_options {
    unsigned version;        /**< NETVET_ATTRIB_OPTIONS_VERSION */
    const char *ieee[4];     /**< MA-L, MA-M, MA-S, IAB CSVs; NULL = none */
    const char *enterprises; /**< IANA PEN table (enterprises.tsv); NULL = none */
    const char *const *pattern_files; /**< overlays on the built-in patterns */
    size_t n_pattern_files;
    int no_builtin_patterns; /**< start from an empty pattern set */
} netvet_attrib_options;
#define NETVET_ATTRIB_OPTIONS_VERSION 1
#define NETVET_ATTRIB_OPTIONS_INIT \
    {NETVET_ATTRIB_OPTIONS_VERSION, {NULL, NULL, NULL, NULL}, NULL, NULL, 0, 0}

typedef enum netvet_evidence_kind {
    NETVET_EV_DECLARED = 0, /**< the declared vendor name */
    NETVET_EV_MAC,          /**< MAC address -> IEEE registrant */
    NETVET_EV_SYS_OBJECT_ID,/**< sysObjectID -> enterprise number */
    NETVET_EV_SYS_DESCR,    /**< sysDescr -> pattern */
    NETVET_EV_LLDP_DESCR,   /**< LLDP system description -> pattern */
    NETVET_EV_CPE,          /**< CPE name -> vendor field */
    NETVET_EV_COUNT
} netvet_evidence_kind;

/** Column-style name of an evidence kind ("declared", "mac", ...). */
const char *netvet_evidence_kind_name(netvet_evidence_kind kind);

/** One piece of evidence and what it says. */
typedef struct netvet_evidence {
    netvet_evidence_kind kind;
    const char *value;  /**< the input text (borrowed, not NUL-terminated) */
    size_t value_len;
    int vendor;         /**< registry index it points to, -1 if none */
    double weight;      /**< 0..1 (0 when it points to no vendor) */
    const char *detail; /**< why, e.g. "MA-L 00E0FC HUAWEI TECHNOLOGIES
                             CO.,LTD" (borrowed from the attributor) */
    const char *registrant; /**< when vendor is -1: the organisation an IEEE
                                 (MAC) or IANA (sysObjectID) registration
                                 names that is not in the registry
                                 (borrowed from the attributor); else NULL */
} netvet_evidence;

typedef enum netvet_confidence {
    NETVET_CONF_NONE = 0, /**< no vendor */
    NETVET_CONF_LOW,      /**< score below 0.5 */
    NETVET_CONF_MEDIUM,   /**< score 0.5 to below 0.8 */
    NETVET_CONF_HIGH      /**< score 0.8 or more */
} netvet_confidence;

const char *netvet_confidence_name(netvet_confidence c);

/** The attribution of one element. */
typedef struct netvet_attribution {
    int vendor;                 /**< attributed vendor index, -1 if none */
    double score;               /**< confidence score, 0..1 */
    netvet_confidence level;
    int declared;               /**< resolved declared vendor, -1 if none */
    int conflict;               /**< evidence contradicts the declared name */
    const char *unregistered;   /**< when vendor is -1: the organisation the
                                     strongest registration evidence names
                                     (sys_object_id before mac), which is
                                     not in the registry, so neither safe
                                     nor high-risk; else NULL (borrowed
                                     from the attributor) */
    size_t n_evidence;          /**< entries used in evidence[] */
    netvet_evidence evidence[NETVET_EV_COUNT];
} netvet_attribution;

/** Evidence of one element as NUL-terminated strings; NULL or "" = absent. */
typedef struct netvet_evidence_input {
    const char *declared, *mac, *sys_object_id, *sys_descr, *lldp_descr, *cpe;
} netvet_evidence_input;

/**
 * Build an attributor over `reg` (borrowed: it must outlive the attributor):
 * reads the IEEE and IANA files named in opts and compiles the patterns.
 * @param[out] out free with netvet_attributor_free.
 * @return 0, NETVET_EIO (a named file cannot be read), NETVET_EPARSE (bad
 *         pattern file or header, file:line in diag), NETVET_ENOMEM.
 */
int netvet_attributor_new(netvet_attributor **out, const netvet_registry *reg,
                          const netvet_attrib_options *opts,
                          netvet_diag *diag);
void netvet_attributor_free(netvet_attributor *a);

/**
 * A second attributor for another thread: it shares `parent`'s loaded data
 * (read only; parent must outlive it) and has its own caches and match
 * scratch, so the two may attribute concurrently.
 * @param[out] out free with netvet_attributor_free (before the parent).
 * @return 0 or NETVET_ENOMEM.
 */
int netvet_attributor_fork(netvet_attributor **out,
                           const netvet_attributor *parent);

/** Loaded data: IEEE blocks, IANA enterprise numbers, patterns. */
size_t netvet_attributor_oui_blocks(const netvet_attributor *a);
size_t netvet_attributor_enterprises(const netvet_attributor *a);
size_t netvet_attributor_patterns(const netvet_attributor *a);
/** Files read, each with its size and the SHA-256 of its bytes; every
 * report lists them: the IEEE registries given (opts.ieee, kinds
 * "ieee-oui", "ieee-mam", "ieee-oui36", "ieee-iab", each with the date of
 * ieee-data's .lastupdate beside it as its version, when there is one),
 * the enterprises file (kind "enterprises", version the date of its
 * "last updated" header line, when it has one), then the pattern files
 * (opts.pattern_files, kind "patterns"), in that order. */
size_t netvet_attributor_input_count(const netvet_attributor *a);
/** Input i; all members NULL when i is out of range. */
netvet_input netvet_attributor_input(const netvet_attributor *a, size_t i);

/**
 * Attribute one element from raw evidence. Results for a repeated string
 * (OUI prefix, sysObjectID, description, CPE, declared name) are cached in
 * the attributor, so it is not for concurrent use.
 * @param[out] out values are borrowed from `in`; details from `a`, valid
 *                 until the next call on `a`.
 * @return 0 or NETVET_ENOMEM.
 */
int netvet_attribute(netvet_attribution *out, netvet_attributor *a,
                     const netvet_evidence_input *in);
/** The same for element k of an inventory (evidence columns, vendor). */
int netvet_attribute_element(netvet_attribution *out, netvet_attributor *a,
                             const netvet_inventory *inv, size_t k);

/** No class: the element's attribution was not kept (see below). */
#define NETVET_NO_CLASS UINT32_MAX

/**
 * netvet_attribute_element, and the element's class. Elements of one
 * inventory in the same class have the same attribution but for the
 * value of their MAC evidence: the attribution of a class is computed once
 * and copied (so, for each inventory, up to 65,536 classes are kept; later
 * ones are NETVET_NO_CLASS). Class ids count from 0 in the order classes
 * are met; they name the same class while `a` attributes elements of `inv`
 * (another inventory starts again from 0).
 * @param[out] class_out the class id, or NETVET_NO_CLASS.
 * @return 0, NETVET_EINVAL or NETVET_ENOMEM.
 */
int netvet_attribute_element_class(netvet_attribution *out,
                                   uint32_t *class_out, netvet_attributor *a,
                                   const netvet_inventory *inv, size_t k);
/**
 * Only the class of element k (its attribution is computed and kept when
 * the class is new) and its MAC text, for callers that keep what they
 * derive from each class: the element's attribution is its class's with
 * this MAC text as the MAC evidence's value. For NETVET_NO_CLASS call
 * netvet_attribute_element_class.
 * @param[out] mac_out the MAC text, trimmed (borrowed from inv; length 0
 *             and "" when the element has none).
 * @return 0, NETVET_EINVAL or NETVET_ENOMEM.
 */
int netvet_element_class(uint32_t *class_out, const char **mac_out,
                         size_t *mac_len_out, netvet_attributor *a,
                         const netvet_inventory *inv, size_t k);
/** Classes `a` keeps for the inventory it attributes now. */
size_t netvet_attributor_classes(const netvet_attributor *a);

#ifdef __cplusplus
}
#endif
#endif
