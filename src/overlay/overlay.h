/* SPDX-License-Identifier: Apache-2.0 */
/* The overlay: a shadow netvet_inventory whose columns are the base's own
 * arrays until a change writes one; then that column alone is copied
 * (copy on write) and owned by the overlay. Adding elements or links
 * extends the columns; a string the base lacks makes the overlay copy the
 * string table once. The base is never written. Analysis (netvet_assess)
 * reads the shadow like any inventory. */
#ifndef NV_OVERLAY_OVERLAY_H
#define NV_OVERLAY_OVERLAY_H

#include <stddef.h>
#include <stdint.h>

#include "inventory/inv.h"
#include "netvet/whatif.h"
#include "scenario/scenario.h"
#include "util/text.h"

/* Copy-on-write columns of the shadow, by index (overlay.c). */
enum nv_ov_col {
    NV_COL_VENDOR = 0, NV_COL_FUNCTION, NV_COL_STATUS, NV_COL_WEIGHT,
    NV_COL_LINE, NV_COL_SITE, NV_COL_REGION, NV_COL_INSTALLED, NV_COL_MAC,
    NV_COL_SYS_OBJECT_ID, NV_COL_SYS_DESCR, NV_COL_LLDP_DESCR, NV_COL_CPE,
    NV_COL_ELEMENT_END, /* link columns follow */
    NV_COL_LINK_A = NV_COL_ELEMENT_END, NV_COL_LINK_B, NV_COL_COUNT
};

typedef struct nv_ov_log {
    unsigned long line;
    nv_change_kind kind;
    char *summary;      /* owned */
    size_t elements, links;
} nv_ov_log;

struct netvet_overlay {
    const netvet_inventory *base;  /* borrowed, never written */
    const netvet_registry *reg;    /* borrowed */
    netvet_inventory inv;          /* the shadow */
    uint32_t owned;                /* bit per nv_ov_col the overlay owns */
    int owned_tags, owned_attrs, owned_strings, owned_ids;
    size_t el_cap;                 /* rows in owned element columns */
    size_t tags_cap, links_cap;
    uint8_t *removed;              /* per element (el_cap), or NULL */
    uint8_t *touched;              /* per element: an attribute was set */
    int32_t *vendor_root;          /* per string id: resolved root vendor,
                                      -1 none, -3 not resolved yet */
    size_t vendor_root_n;
    nv_strtab new_ids;             /* added ids; id i is element base n + i */
    netvet_overlay_stats stats;
    nv_ov_log *log;
    size_t n_log, log_cap;
};

/* Own column c (copy of the base's, or a fresh one filled with the empty
 * value when the base lacks it). @return 0 or NETVET_ENOMEM. */
int nv_ov_own(netvet_overlay *ov, enum nv_ov_col c);
/* Pointer to the shadow's column pointer c. */
void **nv_ov_col_ptr(netvet_inventory *inv, enum nv_ov_col c);
/* Room for `extra` more elements in every column the shadow has (which
 * the overlay then owns). @return 0, NETVET_ENOMEM, NETVET_ELIMIT. */
int nv_ov_reserve_elements(netvet_overlay *ov, size_t extra);
/* Room for `extra` more links. */
int nv_ov_reserve_links(netvet_overlay *ov, size_t extra);
/* Own the tag CSR (tag_off, tags) with room for `extra_tags` more tags. */
int nv_ov_own_tags(netvet_overlay *ov, size_t extra_tags);
/* Id of string s in the shadow's table, adding it (after copying the
 * table once) when the base lacks it. */
int nv_ov_intern(netvet_overlay *ov, const char *s, uint32_t *id);
/* Append id s as element inv.n (room reserved); records it in new_ids. */
int nv_ov_append_id(netvet_overlay *ov, const char *s);
/* Element index of id s, or -1 (removed elements are found too). */
int64_t nv_ov_find(const netvet_overlay *ov, const char *s);
/* Root registry vendor of string id s (declared vendor), -1 if none. */
int nv_ov_vendor_root(netvet_overlay *ov, uint32_t s, int32_t *root);
/* Mark element k removed / touched (allocating the flags). */
int nv_ov_mark(netvet_overlay *ov, size_t k, int removed);

/* ---- programmatic edits (apply.c) ---- */

/* Apply change i of s alone (netvet_overlay_apply applies them all in
 * order; timeline applies them by date). Errors as netvet_overlay_apply. */
int nv_ov_apply_change(netvet_overlay *ov, const netvet_scenario *s,
                       size_t i, netvet_diag *diag);

/* Set attributes a on element k (as a `set` change would). */
int nv_ov_set(netvet_overlay *ov, size_t k, const nv_attrs *a);
/* Append n new elements; ids must be unused and vendors resolvable (the
 * caller checked). @return 0, NETVET_ENOMEM, NETVET_ELIMIT. */
int nv_ov_add(netvet_overlay *ov, const nv_new_element *els, size_t n);

/* ---- matching (match.c) ---- */

/* Elements (not removed) that filter f selects, ascending, into a new
 * array (*out, free with nv_free). When `vendor_root` >= 0 the elements
 * must also be of that root vendor. An empty result is an error naming
 * file:line, as is a vendor, site, region, tag or id the inventory lacks.
 * @return 0, NETVET_EPARSE, NETVET_ENOMEM. */
int nv_ov_match(netvet_overlay *ov, const nv_filter *f, int32_t vendor_root,
                const char *file, netvet_diag *diag, uint32_t **out,
                size_t *n_out);
/* Root vendor of a vendor name; error at file:line when it does not
 * resolve. */
int nv_ov_resolve_vendor(const netvet_overlay *ov, const char *name,
                         const char *file, unsigned long line,
                         netvet_diag *diag, int32_t *root);
/* Describe filter f for the change log ("function aggregation; region
 * London; sample 50% (seed 7)"), appended to t. */
#include "util/text.h"
void nv_ov_describe_filter(nv_text *t, const nv_filter *f);

#endif
