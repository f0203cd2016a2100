/* SPDX-License-Identifier: Apache-2.0 */
/* The vendor registry: who makes network equipment, which state can compel
 * them, what lists they are on; and resolution of messy declared names. */
#ifndef NETVET_VENDORS_H
#define NETVET_VENDORS_H

#include <stddef.h>
#include <stdint.h>

#include "errors.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct netvet_registry netvet_registry;

typedef enum netvet_state_control {
    NETVET_STATE_NONE = 0,
    NETVET_STATE_INFLUENCE = 1,
    NETVET_STATE_OWNED = 2
} netvet_state_control;

/** One listing of a vendor (e.g. FCC Covered List), with its public source. */
typedef struct netvet_listing {
    const char *id;     /**< e.g. "us-fcc-covered" */
    const char *date;   /**< ISO date added, "" if unknown */
    const char *source; /**< public source (URL or citation) */
    const char *note;   /**< "" if none */
} netvet_listing;

/** A registry vendor. All strings are borrowed from the registry. */
typedef struct netvet_vendor {
    const char *id;          /**< canonical id, e.g. "huawei" */
    const char *name;        /**< display name */
    int parent;              /**< index of parent vendor, -1 if none */
    const char *country;     /**< ISO 3166-1 alpha-2 of the compelling state */
    netvet_state_control state_control;
    const char *note;        /**< ownership note with source, "" if none */
    size_t n_listings;
    const netvet_listing *listings;
    size_t n_pens;           /**< IANA private enterprise numbers */
    const uint32_t *pens;
} netvet_vendor;

/** @param[out] out an empty registry; free with netvet_registry_free. */
int netvet_registry_new_empty(netvet_registry **out);
/**
 * Load the registry compiled into the library.
 * @param[out] out free with netvet_registry_free.
 */
int netvet_registry_new_builtin(netvet_registry **out, netvet_diag *diag);
/**
 * Overlay a registry YAML file: vendors with a known id are replaced field by
 * field, new ids are added. Errors name file:line.
 */
int netvet_registry_overlay_file(netvet_registry *reg, const char *path,
                                 netvet_diag *diag);
/** Same, from a buffer; `name` is used in diagnostics. */
int netvet_registry_overlay_buffer(netvet_registry *reg, const char *buf,
                                   size_t len, const char *name,
                                   netvet_diag *diag);
void netvet_registry_free(netvet_registry *reg);

size_t netvet_registry_count(const netvet_registry *reg);
/** Borrowed vendor i (0 <= i < count). */
const netvet_vendor *netvet_registry_vendor(const netvet_registry *reg,
                                            size_t i);
/** Index of the vendor with canonical id, or -1. */
int netvet_registry_find(const netvet_registry *reg, const char *id);
/**
 * Resolve a declared vendor name ("ZTE Corp.", "HUAWEI", "Alcatel-Lucent")
 * to a vendor index: case, punctuation and corporate suffixes are ignored;
 * aliases and former names match; nothing is guessed.
 * @return vendor index, or -1 if the name does not resolve.
 */
int netvet_registry_resolve(const netvet_registry *reg, const char *name,
                            size_t len);
/** Index of the top-most parent of vendor i (i itself if none). */
int netvet_registry_root(const netvet_registry *reg, int i);
/** Jurisdiction of vendor i, inherited from its top-most parent. */
const char *netvet_registry_country(const netvet_registry *reg, int i);

/** Ownership share (percent) at or above which an owner's jurisdictions
 * become the owned vendor's: FCC 26-2 (2026) treats 10 % held by a
 * foreign adversary as control. */
#define NETVET_OWNERSHIP_THRESHOLD 10.0

/**
 * Every jurisdiction (ISO 3166-1 alpha-2 code) that can compel vendor i on
 * day `as_of` (days since 1970-01-01), counting owners that hold at least
 * `threshold` percent (NETVET_OWNERSHIP_THRESHOLD unless a policy sets
 * another). Writes at most `cap` codes to out[], ascending and distinct,
 * borrowed from the registry.
 * @return the number of codes (more than cap when out[] was too short),
 *         0 for an index out of range.
 */
size_t netvet_registry_jurisdictions(const netvet_registry *reg, int i,
                                     int32_t as_of, double threshold,
                                     const char **out, size_t cap);

/**
 * A change an overlay made to who can compel a built-in vendor: its
 * country, parent, state control or listings. Every report shows them.
 * Strings are borrowed from the registry.
 */
typedef struct netvet_registry_change {
    const char *file;   /**< the overlay, as given */
    unsigned long line; /**< the vendor's entry in it */
    const char *vendor; /**< vendor id, e.g. "huawei" */
    const char *field;  /**< "country", "parent", "state_control", "listings" */
    const char *before; /**< value before the overlay ("" none; listings:
                             ids joined by ", ") */
    const char *after;  /**< value after it */
} netvet_registry_change;

/** Number of changes overlays made to built-in vendors (0 for a registry
 * not made by netvet_registry_new_builtin). */
size_t netvet_registry_change_count(const netvet_registry *reg);
/** Change i (0 <= i < count), in the order the overlays made them, or
 * NULL. */
const netvet_registry_change *netvet_registry_change_at(
    const netvet_registry *reg, size_t i);

/** Overlay files applied to this registry (not the built-in one), in
 * order, each with the SHA-256 of its bytes. */
size_t netvet_registry_input_count(const netvet_registry *reg);
/** Input i; all members NULL when i is out of range. */
netvet_input netvet_registry_input(const netvet_registry *reg, size_t i);

#ifdef __cplusplus
}
#endif
#endif
