/* SPDX-License-Identifier: Apache-2.0 */
/* What the vendors report's text and JSON writers share: the stakes held
 * in an entry as they stand on the as-of day (the parent's "100 %, always"
 * included when no owner names it), and the overlay files read. */
#ifndef NV_REPORT_VENDORS_REPORT_H
#define NV_REPORT_VENDORS_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "report/formats.h"

/* One stake held in an entry, judged on a day at a threshold. */
typedef struct nv_stake {
    const char *owner;  /* entry id, NULL for a state */
    int index;          /* entry index, -1 for a state */
    const char *state;  /* ISO code, NULL for an entry */
    double share;
    const char *from, *until, *source; /* "" open; parent: "" */
    int parent;         /* the v1 parent link (100 %, always) */
    int in_force;       /* from <= day < until */
    int counts;         /* in force and share >= threshold */
} nv_stake;

#define NV_MAX_STAKES 65 /* NV_REG_MAX_OWNERS + the parent */

/* The stakes held in entry v on `day` at `threshold`, into
 * out[NV_MAX_STAKES]. @return how many. */
size_t nv_vendor_stakes(const netvet_registry *reg, int v, int32_t day,
                        double threshold, nv_stake *out);

/* The jurisdictions of v (at most 32, borrowed) into codes[32].
 * @return how many (at most 32). */
size_t nv_vendor_juris(const nv_report_input *in, int v, const char **codes);

/* "2014-10-01..", "..2024-08-01", "2024-08-01..2025-11-01" or "always"
 * into buf[32]. */
const char *nv_stake_range(const char *from, const char *until, char *buf);

/* The entry `subject` names for show (an id) or why (a name: -1 when it
 * does not resolve, with *res filled). */
int nv_vendors_subject(const nv_report_input *in,
                       netvet_name_resolution *res);

#endif
