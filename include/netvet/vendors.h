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

/** What a registry entry is (registry format 2, `kind:`). */
typedef enum netvet_entry_kind {
    NETVET_ENTRY_VENDOR = 0, /**< makes equipment (the default) */
    NETVET_ENTRY_HOLDER = 1  /**< owns vendors: a group, fund, state agency */
} netvet_entry_kind;

/** One listing of a vendor (e.g. FCC Covered List), with its public source.
 * It applies on day D when date <= D < until ("" = open). */
typedef struct netvet_listing {
    const char *id;     /**< e.g. "us-fcc-covered" */
    const char *date;   /**< ISO date added, "" if unknown (= always) */
    const char *source; /**< public source (URL or citation) */
    const char *note;   /**< "" if none */
    const char *until;  /**< ISO date it ended, "" if still in force */
} netvet_listing;

/** A stake held in a registry entry (registry format 2, `owners:`): by
 * another entry (`owner`) or directly by a state (`state`). It counts on
 * day D when from_day <= D < until_day. A v1 `parent:` is not listed here:
 * it counts as an owner holding 100 % on every day (netvet_vendor.parent). */
typedef struct netvet_owner {
    const char *owner;  /**< id of the owning entry, NULL for a state */
    int owner_index;    /**< registry index of `owner`, -1 for a state */
    const char *state;  /**< ISO 3166-1 alpha-2 of the state, NULL for an
                             entry */
    double share;       /**< percent, 0 < share <= 100 */
    const char *from;   /**< ISO date, "" = since always */
    const char *until;  /**< ISO date, "" = still held */
    int32_t from_day;   /**< days since 1970-01-01, INT32_MIN when "" */
    int32_t until_day;  /**< days since 1970-01-01, INT32_MAX when "" */
    const char *source; /**< public source (URL or citation), never "" */
} netvet_owner;

/** A registry vendor. All strings and arrays (listings, pens, owners,
 * categories, production) are borrowed from the registry: valid until it
 * is freed or another overlay is applied to it. */
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
    /* Registry format 2 (empty or default for a v1 entry). */
    netvet_entry_kind kind;
    const char *country_source; /**< where `country` comes from, "" none */
    size_t n_owners;            /**< stakes held in this entry */
    const netvet_owner *owners;
    size_t n_categories;        /**< product categories (netvet_category_name
                                     names), e.g. "router" */
    const char *const *categories;
    size_t n_production;        /**< ISO codes of countries of production */
    const char *const *production;
    const char *production_source; /**< "" when no production is given */
} netvet_vendor;

/** Number of product categories a registry may name. */
#define NETVET_CATEGORY_COUNT 18
/** Name of category i (0 <= i < NETVET_CATEGORY_COUNT): "router", "switch",
 * "olt", "ont", "ran", "core", "transport", "optical", "cpe", "wlan",
 * "firewall", "camera", "module", "server", "radio", "inverter", "drone",
 * "other"; NULL beyond. Static storage. */
const char *netvet_category_name(size_t i);

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
/** The registry format the entry was last loaded from: 1 or 2. */
int netvet_registry_entry_format(const netvet_registry *reg, int i);

/** Ownership share (percent) at or above which an owner's jurisdictions
 * become the owned vendor's: FCC 26-2 (2026) treats 10 % held by a
 * foreign adversary as control. */
#define NETVET_OWNERSHIP_THRESHOLD 10.0

/**
 * Every jurisdiction (ISO 3166-1 alpha-2 code) that can compel vendor i on
 * day `as_of` (days since 1970-01-01), counting owners that hold at least
 * `threshold` percent (NETVET_OWNERSHIP_THRESHOLD unless a policy sets
 * another). The set is the vendor's own `country`, every `state:` owner
 * holding at least `threshold` percent on that day, and, recursively (same
 * day and threshold), the jurisdictions of every owning entry holding at
 * least `threshold` percent on that day; a v1 `parent` holds 100 % on every
 * day. Writes at most `cap` codes to out[], ascending and distinct,
 * borrowed from the registry.
 * @return the number of codes (more than cap when out[] was too short),
 *         0 for an index out of range.
 */
size_t netvet_registry_jurisdictions(const netvet_registry *reg, int i,
                                     int32_t as_of, double threshold,
                                     const char **out, size_t cap);

/**
 * Does listing `listing_id` apply to vendor i on day `as_of` (days since
 * 1970-01-01)? It does when one of the vendor's listings with that id has
 * date <= as_of < until, or when such a listing applies to an entry that
 * holds more than 50 % of it on that day (an owner's owner too; a v1
 * `parent` holds 100 %): the FCC and NDAA s.889 name "subsidiaries and
 * affiliates".
 * @return 1 if it applies, 0 if not (or i out of range).
 */
int netvet_registry_listed(const netvet_registry *reg, int i,
                           const char *listing_id, int32_t as_of);

/** A listing in force on a day and the entry whose listing it is (the
 * vendor itself or an owner holding more than 50 % of it then). */
typedef struct netvet_listing_ref {
    int holder;                   /**< registry index of the listed entry */
    const netvet_listing *listing; /**< borrowed from the registry */
} netvet_listing_ref;

/**
 * Every listing that applies to vendor i on day `as_of` (as
 * netvet_registry_listed decides): its own first, then its > 50 % owners'
 * (breadth first). Writes at most `cap` to out[].
 * @return the number there are (more than cap when out[] was too short).
 */
size_t netvet_registry_listings_in_force(const netvet_registry *reg, int i,
                                         int32_t as_of,
                                         netvet_listing_ref *out, size_t cap);

/** Number of aliases of vendor i (0 when out of range). */
size_t netvet_registry_alias_count(const netvet_registry *reg, size_t i);
/** Alias j of vendor i as written, borrowed; NULL when out of range. */
const char *netvet_registry_alias(const netvet_registry *reg, size_t i,
                                  size_t j);

/** Does listing l apply on day as_of (date <= as_of < until, "" open)?
 * @return 1 or 0 (0 too for a date that does not parse). */
int netvet_listing_in_force(const netvet_listing *l, int32_t as_of);

/** Does stake o count on day as_of (from_day <= as_of < until_day)? */
int netvet_owner_in_force(const netvet_owner *o, int32_t as_of);

/** How a declared name reached a registry entry. */
typedef enum netvet_name_how {
    NETVET_NAME_NONE = 0,   /**< it does not resolve */
    NETVET_NAME_EXACT,      /**< byte for byte the entry's id or name */
    NETVET_NAME_ALIAS,      /**< byte for byte one of its aliases */
    NETVET_NAME_NORMALISED, /**< once case, punctuation and legal-form
                                 suffixes were removed */
    NETVET_NAME_FOLDED,     /**< once invisible or compatibility characters
                                 were folded away */
    NETVET_NAME_LOOKALIKE   /**< only by its confusable skeleton */
} netvet_name_how;

/** The answer of netvet_registry_explain_name. */
typedef struct netvet_name_resolution {
    int vendor;            /**< registry index, -1 when it does not resolve */
    netvet_name_how how;
    const char *matched;   /**< the entry's id, name or alias whose key it
                                matched (borrowed; NULL for NONE and
                                LOOKALIKE) */
} netvet_name_resolution;

/**
 * netvet_registry_resolve, also saying how the name matched.
 * @return the vendor index, or -1 (out->how = NETVET_NAME_NONE).
 */
int netvet_registry_explain_name(const netvet_registry *reg,
                                 const char *name, size_t len,
                                 netvet_name_resolution *out);

/** Stable name of a netvet_name_how: "none", "exact", "alias",
 * "normalised", "folded", "look-alike". */
const char *netvet_name_how_name(netvet_name_how how);

/**
 * A change an overlay made to who can compel a built-in vendor: its
 * country, parent, state control, listings or owners. Every report shows
 * them.
 * Strings are borrowed from the registry.
 */
typedef struct netvet_registry_change {
    const char *file;   /**< the overlay, as given */
    unsigned long line; /**< the vendor's entry in it */
    const char *vendor; /**< vendor id, e.g. "huawei" */
    const char *field;  /**< "country", "parent", "state_control",
                             "listings", "owners" */
    const char *before; /**< value before the overlay ("" none; listings:
                             ids joined by ", "; owners: "ID SHARE%
                             FROM..UNTIL" joined by ", ") */
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
