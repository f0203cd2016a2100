/* SPDX-License-Identifier: Apache-2.0 */
/* The procurement check's result, read by its report (check_report.c). */
#ifndef NV_WHATIF_CHECK_H
#define NV_WHATIF_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "netvet/whatif.h"

/* A date after the judged one on which some rule takes effect, and the
 * rules that would refuse the purchase then but do not on the judged date
 * (none: the purchase stays allowed as far as these rules go). */
typedef struct nv_check_later {
    int32_t date;
    char **refused_by;           /* rule ids (owned) */
    size_t n_refused;
} nv_check_later;

struct netvet_check {
    netvet_overlay *overlay;     /* the inventory plus the new elements */
    netvet_assessment *before, *after;
    int fail_on;
    int allowed;
    int vendor;                  /* registry root vendor of the purchase */
    netvet_function function;
    char *vendor_text, *function_text, *site, *region; /* as asked (owned) */
    size_t count;
    double weight;               /* per new element */
    char *weight_basis;          /* how the weight was chosen (owned) */
    char **tags;                 /* the new elements' tags: the site's, then
                                  * the extra ones not among them (owned) */
    size_t n_tags, n_site_tags;  /* all; the first n_site_tags inherited */
    int32_t installed;           /* the new elements' installed date */
    int32_t as_of;               /* the as-of date asked */
    int32_t when;                /* the date judged: as-of, or installed
                                  * when later */
    nv_check_later *later;       /* each later rule date, ascending (owned) */
    size_t n_later;
};

#endif
