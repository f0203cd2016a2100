/* SPDX-License-Identifier: Apache-2.0 */
/* Turns a plan into rows: the core sites, then each region's aggregation
 * rings with their OLTs and cell sites and what hangs off them. */
#ifndef NV_SYNTH_NETWORK_H
#define NV_SYNTH_NETWORK_H

#include "synth/rows.h"

/* Write the whole network (headers included) through c. Output errors are
 * left in c->elements->err / c->links->err for the caller to check. */
void nv_synth_network_write(nv_synth_ctx *c);

#endif
