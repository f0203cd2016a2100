/* SPDX-License-Identifier: Apache-2.0 */
/* Plans a synthetic network: UK-like regions sized by population, core
 * sites with their functions, rings drawn from per-ring streams so the
 * writer can redraw them identically, and the regions where Huawei supplies
 * access so that its share of access + ran lands on the requested target. */
#include "synth/plan.h"

#include <string.h>

#include "synth/rng.h"

/* Largest first, so small networks keep the biggest regions. */
static const nv_synth_region_info region_table[NV_SYNTH_MAX_REGIONS] = {
    {"South East", "SE", "se", 5127000, -70000, 60000, 9300},
    {"London", "LDN", "ldn", 5150740, -12780, 15000, 8900},
    {"North West", "NW", "nw", 5360000, -265000, 50000, 7400},
    {"East of England", "EE", "ee", 5224000, 45000, 55000, 6400},
    {"West Midlands", "WM", "wm", 5248000, -210000, 40000, 6000},
    {"South West", "SW", "sw", 5085000, -350000, 80000, 5700},
    {"Yorkshire and the Humber", "YH", "yh", 5380000, -135000, 50000, 5500},
    {"Scotland", "SCT", "sct", 5620000, -400000, 90000, 5450},
    {"East Midlands", "EM", "em", 5290000, -110000, 45000, 4900},
    {"Wales", "WLS", "wls", 5230000, -370000, 55000, 3100},
    {"North East", "NE", "ne", 5490000, -165000, 30000, 2650},
    {"Northern Ireland", "NI", "ni", 5460000, -660000, 40000, 1900},
};

static const nv_synth_core_site core_sites[NV_SYNTH_MAX_CORE_SITES] = {
    {"LON-DC1", "lon-dc1", "London", 5150850, -1380},
    {"MAN-DC1", "man-dc1", "North West", 5347200, -223000},
    {"BHM-DC1", "bhm-dc1", "West Midlands", 5248600, -189000},
    {"GLA-DC1", "gla-dc1", "Scotland", 5586400, -425200},
};

static const nv_synth_core_slot small_slots[2][6] = {
    {{NV_SR_CR, "cr"}, {NV_SR_CR, "cr"}, {NV_SR_5GC, "amf"},
     {NV_SR_IMS, "cscf"}, {NV_SR_OSS, "oss"}, {NV_SR_FW, "fw"}},
    {{NV_SR_CR, "cr"}, {NV_SR_CR, "cr"}, {NV_SR_5GC, "upf"},
     {NV_SR_EPC, "mme"}, {NV_SR_NMS, "nms"}, {NV_SR_FW, "fw"}},
};

static const nv_synth_core_slot full_slots[] = {
    {NV_SR_CR, "cr"},    {NV_SR_CR, "cr"},    {NV_SR_5GC, "amf"},
    {NV_SR_5GC, "smf"},  {NV_SR_5GC, "upf"},  {NV_SR_EPC, "mme"},
    {NV_SR_EPC, "sgw"},  {NV_SR_IMS, "cscf"}, {NV_SR_IMS, "tas"},
    {NV_SR_OSS, "oss"},  {NV_SR_NMS, "nms"},  {NV_SR_FW, "fw"},
    {NV_SR_FW, "fw"},    {NV_SR_SEC, "sec"},
};
#define N_FULL_SLOTS (sizeof(full_slots) / sizeof(full_slots[0]))

const nv_synth_core_site *nv_synth_core_site_get(unsigned site)
{
    return &core_sites[site % NV_SYNTH_MAX_CORE_SITES];
}

unsigned nv_synth_core_slots(const nv_synth_plan *plan, unsigned site,
                             nv_synth_core_slot *out)
{
    if (plan->n_elements < 2000) {
        memcpy(out, small_slots[site % 2], sizeof(small_slots[0]));
        return 6;
    }
    memcpy(out, full_slots, sizeof(full_slots));
    unsigned n = N_FULL_SLOTS;
    /* Big networks carry more user-plane capacity at every site. */
    unsigned extra_upf = plan->n_elements >= 1000000 ? 2 : 0;
    for (unsigned i = 0; i < extra_upf; i++)
        out[n++] = (nv_synth_core_slot){NV_SR_5GC, "upf"};
    return n;
}

uint32_t nv_synth_radio_weight(uint64_t ring_key, unsigned access,
                               unsigned radio)
{
    return 200 + (uint32_t)(nv_synth_hash(ring_key, access, radio, 0x57) %
                            1801);
}

/* Make a drawn ring take exactly `budget` elements. */
static void fit_ring(nv_synth_ring *ring, uint64_t budget)
{
    if (budget < (uint64_t)ring->n_agg + 1) {
        ring->n_agg = (unsigned)(budget - 1);
        ring->n_access = 1;
        ring->access[0].n_leaves = 0;
        ring->size = budget;
        return;
    }
    uint64_t left = budget - ring->n_agg;
    unsigned a = 0;
    for (; a < ring->n_access && left > 0; a++) {
        uint64_t cost = 1 + (uint64_t)ring->access[a].n_leaves;
        if (cost > left) {
            ring->access[a].n_leaves = (uint16_t)(left - 1);
            cost = left;
        }
        left -= cost;
    }
    ring->n_access = a;
    if (left > 0) /* fewer than NV_SYNTH_MIN_RING left over: absorb them */
        ring->access[a - 1].n_leaves += (uint16_t)left;
    ring->size = budget;
}

void nv_synth_ring_draw(nv_synth_ring *ring, const nv_synth_plan *plan,
                        unsigned region, uint64_t index, uint64_t budget)
{
    nv_synth_rng s = {nv_synth_hash(plan->seed, region, index, 0x52494e47)};
    ring->key = nv_synth_hash(plan->seed, region, index, 0x4b4559);
    ring->n_agg = nv_synth_range(&s, 4, 8);
    ring->n_access = nv_synth_range(&s, ring->n_agg, 3 * ring->n_agg);
    uint64_t natural = ring->n_agg;
    for (unsigned a = 0; a < ring->n_access; a++) {
        nv_synth_access *acc = &ring->access[a];
        acc->is_olt = (uint8_t)nv_synth_chance(&s, 35);
        acc->n_leaves = (uint16_t)(acc->is_olt
                                       ? nv_synth_range(&s, 8, 64)
                                       : 1 + 3 * nv_synth_range(&s, 1, 3));
        natural += 1 + (uint64_t)acc->n_leaves;
    }
    ring->size = natural;
    if (budget < natural || budget - natural < NV_SYNTH_MIN_RING)
        fit_ring(ring, budget);
}

/* Split the non-core budget over the regions by population. */
static void size_regions(nv_synth_plan *plan, uint64_t budget)
{
    uint64_t pop = 0, given = 0;
    for (unsigned r = 0; r < plan->n_regions; r++)
        pop += region_table[r].population;
    for (unsigned r = 0; r < plan->n_regions; r++) {
        nv_synth_region *reg = &plan->regions[r];
        reg->info = &region_table[r];
        reg->budget = budget / pop * reg->info->population +
                      budget % pop * reg->info->population / pop;
        given += reg->budget;
    }
    for (unsigned r = 0; given < budget; r = (r + 1) % plan->n_regions) {
        plan->regions[r].budget++;
        given++;
    }
}

/* Dry run over a region's rings: how much access and ran it will hold. */
static void count_region(nv_synth_plan *plan, unsigned r)
{
    nv_synth_region *reg = &plan->regions[r];
    nv_synth_ring ring;
    uint64_t left = reg->budget;
    for (uint64_t idx = 0; left > 0; idx++) {
        nv_synth_ring_draw(&ring, plan, r, idx, left);
        left -= ring.size;
        for (unsigned a = 0; a < ring.n_access; a++) {
            unsigned leaves = ring.access[a].n_leaves;
            if (ring.access[a].is_olt) {
                reg->n_olt++;
                continue;
            }
            reg->n_mobile += 1 + (uint64_t)leaves;
            for (unsigned k = 0; k + 1 < leaves; k++)
                reg->radio_weight += nv_synth_radio_weight(ring.key, a, k);
        }
    }
}

static void pick_pair(uint8_t pair[2], nv_synth_rng *rng,
                      const uint8_t *choices, unsigned n)
{
    unsigned i = nv_synth_below(rng, n);
    unsigned j = (i + 1 + nv_synth_below(rng, n - 1)) % n;
    pair[0] = choices[i];
    pair[1] = choices[j];
}

static void pick_region_vendors(nv_synth_plan *plan, unsigned r)
{
    static const uint8_t agg[] = {NV_SV_NOKIA, NV_SV_CISCO, NV_SV_JUNIPER,
                                  NV_SV_CIENA};
    static const uint8_t olt[] = {NV_SV_NOKIA, NV_SV_ADTRAN};
    static const uint8_t csr[] = {NV_SV_CISCO, NV_SV_NOKIA};
    /* Ericsson and Nokia twice: Samsung is the rarer RAN supplier. */
    static const uint8_t ran[] = {NV_SV_ERICSSON, NV_SV_NOKIA, NV_SV_ERICSSON,
                                  NV_SV_NOKIA, NV_SV_SAMSUNG};
    static const uint8_t cpe[] = {NV_SV_SAGEMCOM, NV_SV_VANTIVA, NV_SV_ZYXEL,
                                  NV_SV_AVM};
    nv_synth_region *reg = &plan->regions[r];
    nv_synth_rng rng = {nv_synth_hash(plan->seed, r, 0, 0x56454e44)};
    pick_pair(reg->agg_vendor, &rng, agg, 4);
    pick_pair(reg->olt_vendor, &rng, olt, 2);
    pick_pair(reg->csr_vendor, &rng, csr, 2);
    do
        pick_pair(reg->ran_vendor, &rng, ran, 5);
    while (reg->ran_vendor[0] == reg->ran_vendor[1]);
    reg->cpe_vendor = cpe[nv_synth_below(&rng, 4)];
    reg->core_a = r % plan->n_core_sites;
    reg->core_b = (r + 1) % plan->n_core_sites;
}

static uint32_t share_ppm(uint64_t part, uint64_t whole)
{
    return whole ? (uint32_t)(part * NV_SYNTH_PPM / whole) : NV_SYNTH_PPM;
}

/* Huawei's share inside a region, so that the network-wide share is the
 * target: target * total / (the Huawei regions' part), at most 100%. */
static uint32_t inner_ppm(uint32_t target, uint64_t total, uint64_t part)
{
    if (!part)
        return 0;
    uint64_t f = ((uint64_t)target * total + part / 2) / part;
    return f > NV_SYNTH_PPM ? NV_SYNTH_PPM : (uint32_t)f;
}

/* Add regions, in a seeded order, until they hold enough access, ran and
 * radio weight that Huawei can have the target with ~80% of each. */
static void choose_hrv_regions(nv_synth_plan *plan)
{
    uint64_t tot[3] = {0, 0, 0}, got[3] = {0, 0, 0};
    unsigned order[NV_SYNTH_MAX_REGIONS];
    nv_synth_rng rng = {nv_synth_hash(plan->seed, 0, 0, 0x48525652)};
    for (unsigned r = 0; r < plan->n_regions; r++) {
        order[r] = r;
        tot[0] += plan->regions[r].n_olt;
        tot[1] += plan->regions[r].n_mobile;
        tot[2] += plan->regions[r].radio_weight;
    }
    for (unsigned r = plan->n_regions; r > 1; r--) {
        unsigned j = nv_synth_below(&rng, r), t = order[r - 1];
        order[r - 1] = order[j];
        order[j] = t;
    }
    uint64_t want = (uint64_t)plan->hrv_ppm * 10 / 8;
    if (want > NV_SYNTH_PPM)
        want = NV_SYNTH_PPM;
    for (unsigned i = 0; plan->hrv_ppm && i < plan->n_regions; i++) {
        if (share_ppm(got[0], tot[0]) >= want &&
            share_ppm(got[1], tot[1]) >= want &&
            share_ppm(got[2], tot[2]) >= want)
            break;
        nv_synth_region *reg = &plan->regions[order[i]];
        reg->is_hrv = 1;
        got[0] += reg->n_olt;
        got[1] += reg->n_mobile;
        got[2] += reg->radio_weight;
    }
    for (unsigned r = 0; r < plan->n_regions; r++) {
        nv_synth_region *reg = &plan->regions[r];
        if (!reg->is_hrv)
            continue;
        reg->f_olt_ppm = inner_ppm(plan->hrv_ppm, tot[0], got[0]);
        reg->f_mobile_ppm = inner_ppm(plan->hrv_ppm, tot[1], got[1]);
        reg->f_weight_ppm = inner_ppm(plan->hrv_ppm, tot[2], got[2]);
    }
}

static void pick_core_vendors(nv_synth_plan *plan)
{
    static const uint8_t routers[] = {NV_SV_CISCO, NV_SV_JUNIPER, NV_SV_NOKIA};
    static const uint8_t mobile[] = {NV_SV_ERICSSON, NV_SV_NOKIA, NV_SV_CISCO};
    static const uint8_t pair_en[] = {NV_SV_ERICSSON, NV_SV_NOKIA};
    static const uint8_t nms[] = {NV_SV_NOKIA, NV_SV_CISCO, NV_SV_FORTINET,
                                  NV_SV_ERICSSON};
    static const uint8_t fw[] = {NV_SV_FORTINET, NV_SV_CISCO};
    nv_synth_rng rng = {nv_synth_hash(plan->seed, 0, 0, 0x434f5245)};
    uint8_t pair[2];
    pick_pair(pair, &rng, routers, 3);
    for (unsigned s = 0; s < NV_SYNTH_MAX_CORE_SITES; s++)
        plan->router_vendor[s] = pair[s % 2];
    plan->role_vendor[NV_SR_CR] = pair[0];
    plan->role_vendor[NV_SR_5GC] = mobile[nv_synth_below(&rng, 3)];
    plan->role_vendor[NV_SR_EPC] = mobile[nv_synth_below(&rng, 3)];
    plan->role_vendor[NV_SR_IMS] = pair_en[nv_synth_below(&rng, 2)];
    plan->role_vendor[NV_SR_OSS] = pair_en[nv_synth_below(&rng, 2)];
    plan->role_vendor[NV_SR_NMS] = nms[nv_synth_below(&rng, 4)];
    plan->role_vendor[NV_SR_FW] = fw[nv_synth_below(&rng, 2)];
    plan->role_vendor[NV_SR_SEC] = pair_en[1 - nv_synth_below(&rng, 2)];
}

void nv_synth_plan_init(nv_synth_plan *plan, uint64_t n, uint64_t seed,
                        uint32_t hrv_ppm)
{
    nv_synth_core_slot slots[NV_SYNTH_MAX_CORE_SLOTS];
    memset(plan, 0, sizeof(*plan));
    plan->n_elements = n;
    plan->seed = seed;
    plan->hrv_ppm = hrv_ppm > NV_SYNTH_PPM ? NV_SYNTH_PPM : hrv_ppm;
    plan->n_core_sites = n < 2000 ? 2 : n < 200000 ? 3 : 4;
    for (unsigned s = 0; s < plan->n_core_sites; s++)
        plan->n_core += nv_synth_core_slots(plan, s, slots);
    uint64_t k = n / 300;
    plan->n_regions = k < 1 ? 1 : k > NV_SYNTH_MAX_REGIONS ? 12 : (unsigned)k;
    for (;;) { /* every region must fit at least one minimal ring */
        size_regions(plan, n - plan->n_core);
        if (plan->n_regions == 1 ||
            plan->regions[plan->n_regions - 1].budget >= NV_SYNTH_MIN_RING)
            break;
        plan->n_regions--;
    }
    pick_core_vendors(plan);
    for (unsigned r = 0; r < plan->n_regions; r++) {
        count_region(plan, r);
        pick_region_vendors(plan, r);
    }
    choose_hrv_regions(plan);
}
