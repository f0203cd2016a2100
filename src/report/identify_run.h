/* SPDX-License-Identifier: Apache-2.0 */
/* netvet identify's main loop: attribute every element of an inventory,
 * on one thread per CPU in blocks of elements, and write the records in
 * element order. */
#ifndef NV_REPORT_IDENTIFY_RUN_H
#define NV_REPORT_IDENTIFY_RUN_H

#include "report/identify_out.h"

/* Attribute elements [0, n) of inv with `at` (and forks of it, one per
 * extra thread) and write one record each to out, in order.
 * @return 0 or a negative netvet status. */
int nv_identify_inventory(const netvet_inventory *inv, netvet_attributor *at,
                          nv_id_out *out);

#endif
