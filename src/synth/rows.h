/* SPDX-License-Identifier: Apache-2.0 */
/* Row writing for the generator: one element or link at a time into the
 * two CSV outputs, with the details every row needs (declared vendor
 * spelling, model, software, install date, evidence) drawn from the current
 * block's stream, and the running counts that end up in the stats. */
#ifndef NV_SYNTH_ROWS_H
#define NV_SYNTH_ROWS_H

#include <stddef.h>
#include <stdint.h>

#include "netvet/synth.h"
#include "synth/catalog.h"
#include "synth/out.h"
#include "synth/plan.h"
#include "synth/rng.h"

typedef enum nv_synth_status {
    NV_ST_ACTIVE,
    NV_ST_PLANNED,
    NV_ST_DECOMMISSIONED
} nv_synth_status;

/* What the structure decides about one element; the rest is drawn. */
typedef struct nv_synth_row {
    const char *name;      /* host name */
    uint8_t role;          /* nv_synth_role */
    uint8_t vendor;        /* nv_synth_vendor */
    uint8_t status;        /* nv_synth_status */
    const char *function;  /* as written: canonical or alias */
    const char *site;
    const char *region;
    int32_t lat_e5;
    int32_t lon_e5;
    uint32_t weight;       /* customers served */
    const char *tags;      /* ";"-separated, may be "" */
    uint8_t variant;       /* 0: model drawn; k: the vendor's k-th model */
} nv_synth_row;

typedef struct nv_synth_ctx {
    const nv_synth_plan *plan;
    nv_synth_catalog cat;
    nv_synth_out *elements;          /* borrowed */
    nv_synth_out *links;             /* borrowed */
    int has_evidence;
    unsigned id_width;               /* digits after "NE" */
    uint64_t seq;                    /* elements written = last id */
    nv_synth_rng rng;                /* detail stream of the current block */
    netvet_synth_stats stats;
    netvet_synth_progress_fn progress_fn;
    void *progress_payload;
    int32_t active_lo[NV_SR_COUNT];  /* install-date ranges, in days */
    int32_t active_hi[NV_SR_COUNT];
    int32_t planned_lo, planned_hi;
    int32_t decom_lo, decom_hi;
    int32_t hrv_last;                /* last Huawei install (UK 5G rule) */
} nv_synth_ctx;

void nv_synth_ctx_init(nv_synth_ctx *c, const nv_synth_plan *plan,
                       nv_synth_out *elements, nv_synth_out *links,
                       const netvet_synth_options *opts);
void nv_synth_write_headers(nv_synth_ctx *c);
/* Write one element. @return its sequence number (its id is NE<seq>). */
uint64_t nv_synth_emit(nv_synth_ctx *c, const nv_synth_row *row);
/* Write one link between two written elements; capacity in Mbit/s. */
void nv_synth_link(nv_synth_ctx *c, uint64_t a, uint64_t b, const char *kind,
                   uint32_t mbps);

/* A small bounded string for host names and site ids. */
typedef struct nv_synth_name {
    char s[96];
    size_t len;
} nv_synth_name;

void nv_synth_name_set(nv_synth_name *n, const char *s);
void nv_synth_name_add(nv_synth_name *n, const char *s);
/* Append v zero-padded to at least `width` digits. */
void nv_synth_name_num(nv_synth_name *n, uint64_t v, unsigned width);

#endif
