/* SPDX-License-Identifier: Apache-2.0 */
/* The procurement check's result, read by its report (check_report.c). */
#ifndef NV_WHATIF_CHECK_H
#define NV_WHATIF_CHECK_H

#include "netvet/whatif.h"

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
};

#endif
