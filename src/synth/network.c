/* SPDX-License-Identifier: Apache-2.0 */
/* Walks the plan and writes the network in one streaming pass: core sites
 * (routers in a full mesh, functions on both site routers), then per region
 * the rings (cycle + two core uplinks), each access element dual-homed to two
 * ring nodes, and radios or customer premises behind it. Decides who
 * supplies each access unit, keeping Huawei on its per-region target. */
#include "synth/network.h"

#include <string.h>

typedef struct quota {
    uint64_t hrv;    /* amount given to the high-risk vendor */
    uint64_t total;  /* amount decided so far */
} quota;

typedef struct region_state {
    unsigned index;
    const nv_synth_region *reg;
    quota olt, mobile, weight;
    uint64_t n_ex, n_cs, n_olt, n_cust;  /* name counters */
    int has_sensitive;                   /* a sensitive cell site exists */
} region_state;

typedef struct ring_state {
    const nv_synth_ring *ring;
    uint64_t index;
    uint64_t agg_seq[8];
    uint64_t ex_first;  /* exchange number of ring node 0 */
} ring_state;

/* Core router ids per core site (two each). */
typedef struct core_ids {
    uint64_t cr[NV_SYNTH_MAX_CORE_SITES][2];
    unsigned n_cr;
} core_ids;

/* Give the next unit to Huawei if that keeps its share closest to f. */
static int quota_wants(const quota *q, uint32_t f_ppm, uint64_t amount)
{
    if (!f_ppm)
        return 0;
    if (!amount)
        amount = 1;
    return (uint64_t)NV_SYNTH_PPM * (2 * q->hrv + amount) <=
           (uint64_t)f_ppm * 2 * (q->total + amount);
}

static void quota_add(quota *q, uint64_t amount, int is_hrv)
{
    q->total += amount;
    if (is_hrv)
        q->hrv += amount;
}

static uint8_t pick(nv_synth_ctx *c, const uint8_t pair[2], unsigned pct)
{
    return nv_synth_chance(&c->rng, pct) ? pair[0] : pair[1];
}

static const char *alias(nv_synth_ctx *c, const char *a, unsigned pct,
                         const char *b)
{
    return nv_synth_chance(&c->rng, pct) ? a : b;
}

static const char *core_function(nv_synth_ctx *c, unsigned role)
{
    switch (role) {
    case NV_SR_5GC: return alias(c, "5GC", 70, "core");
    case NV_SR_EPC: return alias(c, "EPC", 70, "core");
    case NV_SR_IMS: return alias(c, "IMS", 70, "core");
    case NV_SR_OSS: return alias(c, "OSS", 70, "management");
    case NV_SR_NMS: return alias(c, "NMS", 70, "management");
    case NV_SR_FW:
    case NV_SR_SEC: return "security";
    default: return "core";
    }
}

/* Network-generation tags of a core element: the 5G core is `5g`, the
 * 4G packet core `4g`; the first core site is `sensitive`. */
static const char *core_tags(unsigned role, unsigned site)
{
    if (role == NV_SR_5GC)
        return site == 0 ? "5g;sensitive" : "5g";
    if (role == NV_SR_EPC)
        return site == 0 ? "4g;sensitive" : "4g";
    return site == 0 ? "sensitive" : "";
}

static uint8_t core_vendor(const nv_synth_plan *p, unsigned site,
                           unsigned role, unsigned nth)
{
    if (role == NV_SR_CR)
        return p->router_vendor[site];
    uint8_t v = p->role_vendor[role];
    if (role == NV_SR_FW && nth == 2) /* second firewall layer, other make */
        return v == NV_SV_FORTINET ? NV_SV_CISCO : NV_SV_FORTINET;
    return v;
}

/* Packet core: control plane on the vendor's first model, user plane (UPF,
 * SGW) on its second where it has one. Other roles: drawn. */
static uint8_t packet_core_variant(unsigned role, const char *stem)
{
    if (role != NV_SR_5GC && role != NV_SR_EPC)
        return 0;
    return strcmp(stem, "upf") == 0 || strcmp(stem, "sgw") == 0 ? 2 : 1;
}

static void emit_core_site(nv_synth_ctx *c, core_ids *ids, unsigned s)
{
    const nv_synth_core_site *site = nv_synth_core_site_get(s);
    nv_synth_core_slot slots[NV_SYNTH_MAX_CORE_SLOTS];
    unsigned n = nv_synth_core_slots(c->plan, s, slots), nth[24];
    nv_synth_name name;
    for (unsigned i = 0; i < n; i++) {
        nth[i] = 1;
        for (unsigned j = 0; j < i; j++)
            nth[i] += strcmp(slots[j].stem, slots[i].stem) == 0;
        unsigned role = slots[i].role;
        nv_synth_name_set(&name, site->lower);
        nv_synth_name_add(&name, "-");
        nv_synth_name_add(&name, slots[i].stem);
        nv_synth_name_num(&name, nth[i], 2);
        nv_synth_row row = {
            name.s, (uint8_t)role,
            core_vendor(c->plan, s, role, nth[i]), NV_ST_ACTIVE,
            core_function(c, role), site->code, site->region,
            site->lat_e5, site->lon_e5, 0, core_tags(role, s),
            packet_core_variant(role, slots[i].stem)};
        uint64_t seq = nv_synth_emit(c, &row);
        if (role == NV_SR_CR) {
            for (unsigned k = 0; k < ids->n_cr; k++)
                nv_synth_link(c, ids->cr[k / 2][k % 2], seq, "backbone",
                              400000);
            ids->cr[s][ids->n_cr++ % 2] = seq;
            continue;
        }
        uint32_t cap = role <= NV_SR_IMS || role == NV_SR_FW ? 100000 : 10000;
        nv_synth_link(c, ids->cr[s][0], seq, "core", cap);
        nv_synth_link(c, ids->cr[s][1], seq, "core", cap);
    }
}

static void site_coords(nv_synth_ctx *c, unsigned region, uint64_t kind,
                        uint64_t n, int32_t out[2])
{
    const nv_synth_region_info *info = c->plan->regions[region].info;
    uint64_t h = nv_synth_hash(c->plan->seed, region, kind, n);
    uint32_t lat_w = 2 * (uint32_t)info->spread_e5 + 1;
    uint32_t lon_w = 2 * (uint32_t)(info->spread_e5 * 16 / 10) + 1;
    out[0] = info->lat_e5 + (int32_t)((h & 0xFFFFFFFF) % lat_w) -
             info->spread_e5;
    out[1] = info->lon_e5 + (int32_t)((h >> 32) % lon_w) -
             info->spread_e5 * 16 / 10;
}

static void site_name(nv_synth_name *site, const region_state *rs,
                      const char *kind, uint64_t n, unsigned width)
{
    nv_synth_name_set(site, rs->reg->info->code);
    nv_synth_name_add(site, kind);
    nv_synth_name_num(site, n, width);
}

static void emit_customer(nv_synth_ctx *c, region_state *rs,
                          const nv_synth_row *olt, uint64_t olt_seq,
                          uint32_t pon_mbps)
{
    static const uint8_t cpe[] = {NV_SV_SAGEMCOM, NV_SV_VANTIVA, NV_SV_ZYXEL,
                                  NV_SV_AVM};
    nv_synth_rng *rng = &c->rng;
    int business = nv_synth_chance(rng, 3);
    uint8_t role = !business && nv_synth_chance(rng, 75) ? NV_SR_ONT
                                                          : NV_SR_CPE;
    uint8_t vendor = nv_synth_chance(rng, 60) ? rs->reg->cpe_vendor
                                              : cpe[nv_synth_below(rng, 4)];
    /* Huawei ONTs mostly behind Huawei OLTs, a few Huawei routers
     * elsewhere; none in new build. */
    if (olt->vendor == NV_SV_HUAWEI ? nv_synth_chance(rng, 80)
                                    : role == NV_SR_CPE && !business &&
                                          nv_synth_chance(rng, 2) &&
                                          olt->status != NV_ST_PLANNED)
        vendor = NV_SV_HUAWEI;
    uint32_t roll = nv_synth_below(rng, 1000);
    uint8_t status = olt->status == NV_ST_PLANNED ? NV_ST_PLANNED
                   : roll < 10 ? NV_ST_DECOMMISSIONED
                   : roll < 15 && vendor != NV_SV_HUAWEI ? NV_ST_PLANNED
                                                         : NV_ST_ACTIVE;
    nv_synth_name name;
    nv_synth_name_set(&name, rs->reg->info->lower);
    nv_synth_name_add(&name, role == NV_SR_ONT ? "-ont" : "-cpe");
    nv_synth_name_num(&name, ++rs->n_cust, 7);
    uint64_t h = nv_synth_next(rng);
    nv_synth_row row = {
        name.s, role, vendor, status,
        role == NV_SR_ONT ? alias(c, "ONT", 75, "cpe")
                          : alias(c, "CPE", 70, "cpe"),
        olt->site, olt->region,
        olt->lat_e5 + (int32_t)(h % 6001) - 3000,
        olt->lon_e5 + (int32_t)((h >> 32) % 6001) - 3000,
        business ? nv_synth_range(rng, 5, 20) : 1,
        business ? "fttp;business" : "fttp", 0};
    nv_synth_link(c, olt_seq, nv_synth_emit(c, &row), "pon", pon_mbps);
}

static void uplink(nv_synth_ctx *c, const ring_state *rg, unsigned a,
                   uint64_t seq)
{
    unsigned g = rg->ring->n_agg;
    nv_synth_link(c, rg->agg_seq[a % g], seq, "uplink", 10000);
    nv_synth_link(c, rg->agg_seq[(a + 1) % g], seq, "uplink", 10000);
}

static void emit_olt(nv_synth_ctx *c, region_state *rs, const ring_state *rg,
                     unsigned a)
{
    const nv_synth_region *reg = rs->reg;
    uint64_t ex = rg->ex_first + a % rg->ring->n_agg;
    nv_synth_name name, site;
    int32_t ll[2];
    site_name(&site, rs, "-EX", ex, 4);
    site_coords(c, rs->index, 0x4558, ex, ll);
    uint8_t status = nv_synth_chance(&c->rng, 2) ? NV_ST_PLANNED
                                                 : NV_ST_ACTIVE;
    int is_hrv = reg->is_hrv && status != NV_ST_PLANNED &&
                 quota_wants(&rs->olt, reg->f_olt_ppm, 1);
    quota_add(&rs->olt, 1, is_hrv);
    nv_synth_name_set(&name, reg->info->lower);
    nv_synth_name_add(&name, "-olt");
    nv_synth_name_num(&name, ++rs->n_olt, 5);
    nv_synth_row row = {
        name.s, NV_SR_OLT,
        is_hrv ? NV_SV_HUAWEI : pick(c, reg->olt_vendor, 80), status,
        alias(c, "OLT", 70, "access"), site.s, reg->info->name,
        ll[0], ll[1], 0, "fttp", 0};
    uint32_t pon = nv_synth_chance(&c->rng, 60) ? 10000 : 2500;
    uint64_t seq = nv_synth_emit(c, &row);
    uplink(c, rg, a, seq);
    for (unsigned k = 0; k < rg->ring->access[a].n_leaves; k++)
        emit_customer(c, rs, &row, seq, pon);
}

static const char *bbu_function(nv_synth_ctx *c)
{
    uint32_t r = nv_synth_below(&c->rng, 100);
    return r < 40 ? "gNB" : r < 70 ? "BBU" : r < 85 ? "eNB" : "ran";
}

/* Decide the RAN vendor by radio weight and the router's by element count,
 * each against the region's Huawei target. */
static void cell_vendors(nv_synth_ctx *c, region_state *rs, int hrv_ok,
                         unsigned leaves, uint64_t weight, uint8_t out[2])
{
    const nv_synth_region *reg = rs->reg;
    int ran_hrv = 0;
    if (leaves > 0 && hrv_ok)
        ran_hrv = weight ? quota_wants(&rs->weight, reg->f_weight_ppm, weight)
                         : quota_wants(&rs->mobile, reg->f_mobile_ppm, leaves);
    quota_add(&rs->weight, weight, ran_hrv);
    quota_add(&rs->mobile, leaves, ran_hrv);
    int csr_hrv = hrv_ok && quota_wants(&rs->mobile, reg->f_mobile_ppm, 1);
    quota_add(&rs->mobile, 1, csr_hrv);
    out[0] = csr_hrv ? NV_SV_HUAWEI : pick(c, reg->csr_vendor, 80);
    out[1] = ran_hrv ? NV_SV_HUAWEI : pick(c, reg->ran_vendor, 80);
}

static void emit_radios(nv_synth_ctx *c, region_state *rs,
                        const ring_state *rg, unsigned a,
                        const nv_synth_row *bbu, uint64_t bbu_seq)
{
    nv_synth_name name;
    unsigned n = rg->ring->access[a].n_leaves - 1u;
    for (unsigned k = 0; k < n; k++) {
        uint32_t roll = nv_synth_below(&c->rng, 1000);
        nv_synth_row row = *bbu;
        nv_synth_name_set(&name, rs->reg->info->lower);
        nv_synth_name_add(&name, "-rru");
        nv_synth_name_num(&name, rs->n_cs, 5);
        nv_synth_name_add(&name, "-");
        nv_synth_name_num(&name, k + 1, 2);
        row.name = name.s;
        row.role = NV_SR_RRU;
        row.function = alias(c, "RRU", 70, "ran");
        row.weight = nv_synth_radio_weight(rg->ring->key, a, k);
        if (bbu->status == NV_ST_ACTIVE && roll < 10)
            row.status = NV_ST_DECOMMISSIONED;
        else if (bbu->status == NV_ST_ACTIVE && roll < 15 &&
                 bbu->vendor != NV_SV_HUAWEI)
            row.status = NV_ST_PLANNED;
        nv_synth_link(c, bbu_seq, nv_synth_emit(c, &row), "fronthaul",
                      25000);
    }
}

static void emit_cell_site(nv_synth_ctx *c, region_state *rs,
                           const ring_state *rg, unsigned a)
{
    const nv_synth_ring *ring = rg->ring;
    unsigned leaves = ring->access[a].n_leaves;
    uint64_t cs = ++rs->n_cs, weight = 0;
    for (unsigned k = 0; k + 1 < leaves; k++)
        weight += nv_synth_radio_weight(ring->key, a, k);
    int planned = nv_synth_chance(&c->rng, 2);
    int sensitive = !rs->has_sensitive ||
        nv_synth_hash(c->plan->seed, rs->index, cs, 0x53454e53) % 64 == 0;
    rs->has_sensitive = 1;
    uint8_t vendors[2];
    cell_vendors(c, rs, rs->reg->is_hrv && !planned && !sensitive, leaves,
                 weight, vendors);
    nv_synth_name name, site;
    int32_t ll[2];
    site_name(&site, rs, "-CS", cs, 5);
    site_coords(c, rs->index, 0x4353, cs, ll);
    nv_synth_name_set(&name, rs->reg->info->lower);
    nv_synth_name_add(&name, "-csr");
    nv_synth_name_num(&name, cs, 5);
    nv_synth_row row = {
        name.s, NV_SR_CSR, vendors[0],
        planned ? NV_ST_PLANNED : NV_ST_ACTIVE, "access", site.s,
        rs->reg->info->name, ll[0], ll[1], 0,
        sensitive ? "5g;sensitive" : "5g", 0};
    uint64_t csr = nv_synth_emit(c, &row);
    uplink(c, rg, a, csr);
    if (leaves == 0)
        return;
    nv_synth_name_set(&name, rs->reg->info->lower);
    nv_synth_name_add(&name, "-bbu");
    nv_synth_name_num(&name, cs, 5);
    row.name = name.s;
    row.role = NV_SR_BBU;
    row.vendor = vendors[1];
    row.function = bbu_function(c);
    if (strcmp(row.function, "eNB") == 0) /* a 4G baseband and its radios */
        row.tags = sensitive ? "4g;sensitive" : "4g";
    uint64_t bbu = nv_synth_emit(c, &row);
    nv_synth_link(c, csr, bbu, "backhaul", 10000);
    emit_radios(c, rs, rg, a, &row, bbu);
}

static void emit_ring_nodes(nv_synth_ctx *c, region_state *rs,
                            ring_state *rg, const core_ids *ids)
{
    const nv_synth_region *reg = rs->reg;
    unsigned g = rg->ring->n_agg;
    uint8_t vendor = pick(c, reg->agg_vendor, 80);
    nv_synth_name name, site;
    int32_t ll[2];
    rg->ex_first = rs->n_ex + 1;
    rs->n_ex += g;
    for (unsigned k = 0; k < g; k++) {
        site_name(&site, rs, "-EX", rg->ex_first + k, 4);
        site_coords(c, rs->index, 0x4558, rg->ex_first + k, ll);
        nv_synth_name_set(&name, reg->info->lower);
        nv_synth_name_add(&name, "-agg");
        nv_synth_name_num(&name, rg->index + 1, 4);
        nv_synth_name_add(&name, "-");
        nv_synth_name_num(&name, k + 1, 2);
        nv_synth_row row = {name.s, NV_SR_AGG, vendor, NV_ST_ACTIVE,
                            "aggregation", site.s, reg->info->name,
                            ll[0], ll[1], 0, "", 0};
        rg->agg_seq[k] = nv_synth_emit(c, &row);
        if (k > 0)
            nv_synth_link(c, rg->agg_seq[k - 1], rg->agg_seq[k], "ring",
                          100000);
    }
    nv_synth_link(c, rg->agg_seq[g - 1], rg->agg_seq[0], "ring", 100000);
    nv_synth_link(c, ids->cr[reg->core_a][0], rg->agg_seq[0], "uplink",
                  100000);
    nv_synth_link(c, ids->cr[reg->core_b][1], rg->agg_seq[1], "uplink",
                  100000);
}

static void emit_region(nv_synth_ctx *c, unsigned r, const core_ids *ids)
{
    region_state rs;
    memset(&rs, 0, sizeof(rs));
    rs.index = r;
    rs.reg = &c->plan->regions[r];
    nv_synth_ring ring;
    uint64_t left = rs.reg->budget;
    for (uint64_t idx = 0; left > 0; idx++) {
        nv_synth_ring_draw(&ring, c->plan, r, idx, left);
        left -= ring.size;
        c->rng.state = ring.key;
        ring_state rg = {&ring, idx, {0}, 0};
        emit_ring_nodes(c, &rs, &rg, ids);
        for (unsigned a = 0; a < ring.n_access; a++) {
            if (ring.access[a].is_olt)
                emit_olt(c, &rs, &rg, a);
            else
                emit_cell_site(c, &rs, &rg, a);
        }
    }
}

void nv_synth_network_write(nv_synth_ctx *c)
{
    core_ids ids;
    memset(&ids, 0, sizeof(ids));
    nv_synth_write_headers(c);
    c->rng.state = nv_synth_hash(c->plan->seed, 0, 0, 0x44455441);
    for (unsigned s = 0; s < c->plan->n_core_sites; s++)
        emit_core_site(c, &ids, s);
    for (unsigned r = 0; r < c->plan->n_regions; r++)
        emit_region(c, r, &ids);
    if (c->progress_fn)
        c->progress_fn(c->seq, c->plan->n_elements, c->progress_payload);
}
