/* SPDX-License-Identifier: Apache-2.0 */
/* Writes element and link rows. Everything not decided by the structure
 * (model, version, declared spelling, install date, MAC) is drawn here from
 * the caller's current stream, so the draws happen in file order and the
 * output depends only on the plan. Counts access + ran for the stats. */
#include "synth/rows.h"

#include <string.h>

static const char *const status_text[] = {"active", "planned",
                                          "decommissioned"};

static const char element_header[] =
    "id,name,vendor,model,software,function,site,region,lat,lon,weight,"
    "installed,status,tags";

void nv_synth_ctx_init(nv_synth_ctx *c, const nv_synth_plan *plan,
                       nv_synth_out *elements, nv_synth_out *links,
                       const netvet_synth_options *opts)
{
    static const struct {
        uint8_t role;
        int y0, y1;
    } years[] = {
        {NV_SR_CR, 2016, 2025},  {NV_SR_5GC, 2020, 2025},
        {NV_SR_EPC, 2012, 2022}, {NV_SR_IMS, 2014, 2024},
        {NV_SR_OSS, 2016, 2025}, {NV_SR_NMS, 2016, 2025},
        {NV_SR_FW, 2018, 2025},  {NV_SR_SEC, 2018, 2025},
        {NV_SR_AGG, 2012, 2025}, {NV_SR_OLT, 2015, 2025},
        {NV_SR_CSR, 2013, 2025}, {NV_SR_BBU, 2019, 2025},
        {NV_SR_RRU, 2019, 2025}, {NV_SR_ONT, 2016, 2025},
        {NV_SR_CPE, 2016, 2025},
    };
    memset(c, 0, sizeof(*c));
    c->plan = plan;
    nv_synth_catalog_init(&c->cat);
    c->elements = elements;
    c->links = links;
    c->has_evidence = opts->has_evidence;
    c->progress_fn = opts->progress_fn;
    c->progress_payload = opts->progress_payload;
    c->id_width = 6;
    for (uint64_t n = plan->n_elements; n >= 1000000; n /= 10)
        c->id_width++;
    for (size_t i = 0; i < sizeof(years) / sizeof(years[0]); i++) {
        c->active_lo[years[i].role] = nv_synth_days(years[i].y0, 1, 1);
        c->active_hi[years[i].role] = nv_synth_days(years[i].y1 + 1, 6, 30);
    }
    c->active_lo[NV_SR_BBU] = c->active_lo[NV_SR_RRU] =
        nv_synth_days(2019, 5, 30); /* first UK 5G launch */
    c->planned_lo = nv_synth_days(2027, 1, 1);
    c->planned_hi = nv_synth_days(2028, 12, 31);
    c->decom_lo = nv_synth_days(2008, 1, 1);
    c->decom_hi = nv_synth_days(2016, 12, 31);
    c->hrv_last = nv_synth_days(2021, 9, 30);
}

void nv_synth_write_headers(nv_synth_ctx *c)
{
    nv_synth_out_str(c->elements, element_header);
    if (c->has_evidence)
        nv_synth_out_str(c->elements, ",mac,sys_object_id,sys_descr");
    nv_synth_out_char(c->elements, '\n');
    nv_synth_out_str(c->links, "a,b,kind,capacity\n");
}

static void write_id(nv_synth_ctx *c, nv_synth_out *out, uint64_t seq)
{
    nv_synth_out_raw(out, "NE", 2);
    nv_synth_out_padded(out, seq, c->id_width);
}

static int32_t install_date(nv_synth_ctx *c, const nv_synth_row *row)
{
    int32_t lo = c->active_lo[row->role], hi = c->active_hi[row->role];
    if (row->status == NV_ST_PLANNED) {
        lo = c->planned_lo;
        hi = c->planned_hi;
    } else if (row->status == NV_ST_DECOMMISSIONED) {
        lo = c->decom_lo;
        hi = c->decom_hi;
    } else if (nv_synth_vendor_is_hrv(row->vendor)) {
        hi = hi < c->hrv_last ? hi : c->hrv_last;
        lo = lo < hi ? lo : hi - 365;
    }
    return lo + (int32_t)nv_synth_below(&c->rng, (uint32_t)(hi - lo + 1));
}

static void write_mac(nv_synth_out *out, uint64_t mac)
{
    static const char hex[] = "0123456789abcdef";
    char buf[17];
    for (int i = 0; i < 6; i++) {
        unsigned byte = (unsigned)(mac >> (40 - 8 * i)) & 0xFF;
        buf[3 * i] = hex[byte >> 4];
        buf[3 * i + 1] = hex[byte & 15];
        if (i < 5)
            buf[3 * i + 2] = ':';
    }
    nv_synth_out_raw(out, buf, sizeof(buf));
}

/* mac, sys_object_id, sys_descr. Radios answer no SNMP; a few access and
 * customer devices were never polled, so their SNMP fields stay empty.
 * Drawn from a hash of the element, not the stream, so that --evidence only
 * adds columns and leaves every other byte as it was. */
static void write_evidence(nv_synth_ctx *c, const nv_synth_row *row,
                           const nv_synth_model *m, unsigned version)
{
    nv_synth_out *out = c->elements;
    uint64_t r = nv_synth_hash(c->plan->seed, c->seq, 0x4d4143, 0);
    nv_synth_out_char(out, ',');
    write_mac(out, nv_synth_vendor_mac(row->vendor, r));
    int polled = m && row->role != NV_SR_RRU &&
                 (row->role < NV_SR_OLT || (r >> 24) % 100 >= 3);
    nv_synth_out_char(out, ',');
    if (polled)
        nv_synth_out_field(out, m->oid);
    nv_synth_out_char(out, ',');
    if (polled) {
        char descr[512];
        nv_synth_sysdescr(descr, sizeof(descr), m, version);
        nv_synth_out_field(out, descr);
    }
}

static void count(nv_synth_ctx *c, const nv_synth_row *row)
{
    c->stats.n_elements++;
    if (row->role != NV_SR_OLT && row->role != NV_SR_CSR &&
        row->role != NV_SR_BBU && row->role != NV_SR_RRU)
        return;
    c->stats.n_access_ran++;
    c->stats.weight_access_ran += row->weight;
    if (nv_synth_vendor_is_hrv(row->vendor)) {
        c->stats.n_access_ran_hrv++;
        c->stats.weight_access_ran_hrv += row->weight;
    }
}

static void write_model(nv_synth_ctx *c, const nv_synth_model *m,
                        unsigned version)
{
    char sw[128];
    nv_synth_out_field(c->elements, m ? m->model : "");
    nv_synth_out_char(c->elements, ',');
    if (m) {
        nv_synth_software(sw, sizeof(sw), m, version);
        nv_synth_out_field(c->elements, sw);
    }
}

uint64_t nv_synth_emit(nv_synth_ctx *c, const nv_synth_row *row)
{
    nv_synth_out *out = c->elements;
    uint64_t seq = ++c->seq, r = nv_synth_next(&c->rng);
    const nv_synth_model *m = nv_synth_catalog_model(
        &c->cat, row->role, row->vendor, row->variant ? row->variant - 1u : r);
    unsigned version = m ? (unsigned)(r >> 40) % nv_synth_model_versions(m)
                         : 0;
    /* Names, sites, regions, functions and tags are made here from fixed
     * words and digits and never need quoting; catalogue text might. */
    write_id(c, out, seq);
    nv_synth_out_char(out, ',');
    nv_synth_out_str(out, row->name);
    nv_synth_out_char(out, ',');
    nv_synth_out_field(out, nv_synth_vendor_spelling(row->vendor, r >> 8));
    nv_synth_out_char(out, ',');
    write_model(c, m, version);
    nv_synth_out_char(out, ',');
    nv_synth_out_str(out, row->function);
    nv_synth_out_char(out, ',');
    nv_synth_out_str(out, row->site);
    nv_synth_out_char(out, ',');
    nv_synth_out_str(out, row->region);
    nv_synth_out_char(out, ',');
    nv_synth_out_coord(out, row->lat_e5);
    nv_synth_out_char(out, ',');
    nv_synth_out_coord(out, row->lon_e5);
    nv_synth_out_char(out, ',');
    nv_synth_out_u64(out, row->weight);
    nv_synth_out_char(out, ',');
    nv_synth_out_date(out, install_date(c, row));
    nv_synth_out_char(out, ',');
    nv_synth_out_str(out, status_text[row->status]);
    nv_synth_out_char(out, ',');
    nv_synth_out_str(out, row->tags);
    if (c->has_evidence)
        write_evidence(c, row, m, version);
    nv_synth_out_char(out, '\n');
    count(c, row);
    if ((seq & 0xFFFF) == 0 && c->progress_fn)
        c->progress_fn(seq, c->plan->n_elements, c->progress_payload);
    return seq;
}

void nv_synth_link(nv_synth_ctx *c, uint64_t a, uint64_t b, const char *kind,
                   uint32_t mbps)
{
    write_id(c, c->links, a);
    nv_synth_out_char(c->links, ',');
    write_id(c, c->links, b);
    nv_synth_out_char(c->links, ',');
    nv_synth_out_str(c->links, kind);
    nv_synth_out_char(c->links, ',');
    nv_synth_out_u64(c->links, mbps);
    nv_synth_out_char(c->links, '\n');
    c->stats.n_links++;
}

void nv_synth_name_set(nv_synth_name *n, const char *s)
{
    n->len = 0;
    n->s[0] = '\0';
    nv_synth_name_add(n, s);
}

void nv_synth_name_add(nv_synth_name *n, const char *s)
{
    while (*s && n->len + 1 < sizeof(n->s))
        n->s[n->len++] = *s++;
    n->s[n->len] = '\0';
}

void nv_synth_name_num(nv_synth_name *n, uint64_t v, unsigned width)
{
    char tmp[24];
    unsigned k = 0;
    do {
        tmp[k++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (k < width && k < sizeof(tmp))
        tmp[k++] = '0';
    while (k > 0 && n->len + 1 < sizeof(n->s))
        n->s[n->len++] = tmp[--k];
    n->s[n->len] = '\0';
}
