/* SPDX-License-Identifier: Apache-2.0 */
/* The shape of a synthetic network before any byte is written: core sites
 * and their functions, regions and their element budgets, aggregation rings
 * drawn from per-ring streams, and which regions carry the high-risk vendor.
 * Holds numbers only (no per-row strings); network.c turns it into rows. */
#ifndef NV_SYNTH_PLAN_H
#define NV_SYNTH_PLAN_H

#include <stdint.h>

#include "synth/catalog.h"

#define NV_SYNTH_MAX_REGIONS 12
#define NV_SYNTH_MAX_CORE_SITES 4
#define NV_SYNTH_MAX_CORE_SLOTS 20  /* elements at one core site */
#define NV_SYNTH_RING_MAX_ACCESS 32
#define NV_SYNTH_MIN_RING 4         /* 3 ring nodes + 1 access element */
#define NV_SYNTH_PPM 1000000u

typedef struct nv_synth_region_info {
    const char *name;     /* "North West" */
    const char *code;     /* "NW", used in site ids */
    const char *lower;    /* "nw", used in host names */
    int32_t lat_e5;       /* centroid, 1e-5 degrees */
    int32_t lon_e5;
    int32_t spread_e5;    /* sites fall within +-spread of the centroid */
    uint32_t population;  /* thousands; sizes the region's budget */
} nv_synth_region_info;

typedef struct nv_synth_core_site {
    const char *code;     /* "LON-DC1" */
    const char *lower;    /* "lon-dc1" */
    const char *region;   /* region name */
    int32_t lat_e5;
    int32_t lon_e5;
} nv_synth_core_site;

/* One element of a core site: its role and host-name stem ("cr", "amf"). */
typedef struct nv_synth_core_slot {
    uint8_t role;         /* nv_synth_role */
    const char *stem;
} nv_synth_core_slot;

typedef struct nv_synth_access {
    uint8_t is_olt;       /* OLT with ONTs, else cell-site router */
    uint16_t n_leaves;    /* ONTs/CPE, or baseband + radios */
} nv_synth_access;

typedef struct nv_synth_ring {
    uint64_t key;         /* seeds the ring's detail stream and weights */
    unsigned n_agg;       /* ring nodes, >= 3 */
    unsigned n_access;
    uint64_t size;        /* elements in the ring, all included */
    nv_synth_access access[NV_SYNTH_RING_MAX_ACCESS];
} nv_synth_ring;

typedef struct nv_synth_region {
    const nv_synth_region_info *info;
    uint64_t budget;        /* elements in the region */
    uint64_t n_olt;         /* planned OLTs */
    uint64_t n_mobile;      /* planned cell-site routers, basebands, radios */
    uint64_t radio_weight;  /* planned subscribers on radios */
    int is_hrv;             /* the high-risk vendor may supply its access */
    uint32_t f_olt_ppm;     /* its target share inside the region */
    uint32_t f_mobile_ppm;
    uint32_t f_weight_ppm;
    uint8_t agg_vendor[2];  /* primary, secondary (nv_synth_vendor) */
    uint8_t olt_vendor[2];
    uint8_t csr_vendor[2];
    uint8_t ran_vendor[2];
    uint8_t cpe_vendor;
    unsigned core_a;        /* core sites its rings home to */
    unsigned core_b;
} nv_synth_region;

typedef struct nv_synth_plan {
    uint64_t n_elements;
    uint64_t seed;
    uint32_t hrv_ppm;                  /* target share of access + ran */
    unsigned n_core_sites;
    unsigned n_core;                   /* elements at core sites */
    uint8_t router_vendor[NV_SYNTH_MAX_CORE_SITES];
    uint8_t role_vendor[NV_SR_COUNT];  /* vendor of each core function */
    unsigned n_regions;
    nv_synth_region regions[NV_SYNTH_MAX_REGIONS];
} nv_synth_plan;

/* Plan a network of exactly n (>= 50) elements. Costs one pass of number
 * draws over the access layer; allocates nothing. */
void nv_synth_plan_init(nv_synth_plan *plan, uint64_t n, uint64_t seed,
                        uint32_t hrv_ppm);
const nv_synth_core_site *nv_synth_core_site_get(unsigned site);
/* The elements of core site `site`. @return their number. */
unsigned nv_synth_core_slots(const nv_synth_plan *plan, unsigned site,
                             nv_synth_core_slot *out);
/* Draw ring `index` of a region that has `budget` (>= 4) elements left;
 * the ring takes all of them when what would remain is too small. */
void nv_synth_ring_draw(nv_synth_ring *ring, const nv_synth_plan *plan,
                        unsigned region, uint64_t index, uint64_t budget);
/* Subscribers served by one radio (200..2000), a pure function. */
uint32_t nv_synth_radio_weight(uint64_t ring_key, unsigned access,
                               unsigned radio);

#endif
