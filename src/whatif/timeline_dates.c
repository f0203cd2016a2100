/* SPDX-License-Identifier: Apache-2.0 */
/* Where a timeline looks: the scenario changes in the order it applies
 * them (by date, undated first, then scenario, then file order) and the
 * dates it assesses (the from date, and every date in (from, to] at which
 * a rule starts or stops, a dated change applies, or a listing a pack
 * selects by starts or ends), ascending, unique. */
#include <stdlib.h>
#include <string.h>

#include "inventory/inv.h"
#include "scenario/scenario.h"
#include "util/alloc.h"
#include "util/diag.h"
#include "whatif/timeline.h"

static int event_cmp(const void *pa, const void *pb)
{
    const nv_tl_event *a = pa, *b = pb;
    if (a->day != b->day)
        return a->day < b->day ? -1 : 1;
    if (a->scenario != b->scenario)
        return a->scenario < b->scenario ? -1 : 1;
    return a->change < b->change ? -1 : a->change > b->change;
}

int nv_tl_events(const netvet_scenario *const *sc, size_t n,
                 nv_tl_event **out, size_t *n_out)
{
    size_t total = 0;
    for (size_t s = 0; s < n; s++)
        total += sc[s]->n_changes;
    nv_tl_event *ev = nv_calloc(total + 1, sizeof(*ev));
    if (!ev)
        return NETVET_ENOMEM;
    size_t k = 0;
    for (size_t s = 0; s < n; s++)
        for (size_t c = 0; c < sc[s]->n_changes; c++) {
            const nv_change *ch = &sc[s]->changes[c];
            ev[k++] = (nv_tl_event){ch->has_date ? ch->date : NV_TL_UNDATED,
                                    s, c};
        }
    qsort(ev, total, sizeof(*ev), event_cmp);
    *out = ev;
    *n_out = total;
    return 0;
}

/* The days rule i starts and stops applying (NV_TL_UNDATED: none): its
 * `from` (effective) date, and the day after its `until` (the last day
 * the rule applies). */
static void rule_dates(const netvet_policy *p, size_t i, int32_t *start,
                       int32_t *stop)
{
    netvet_rule_info r = netvet_policy_rule(p, i);
    int32_t u;
    *start = *stop = NV_TL_UNDATED;
    if (r.effective && *r.effective &&
        nv_parse_date(r.effective, strlen(r.effective), start) < 0)
        *start = NV_TL_UNDATED;
    if (r.until && *r.until &&
        nv_parse_date(r.until, strlen(r.until), &u) == 0)
        *stop = u + 1;
}

static int day_cmp(const void *pa, const void *pb)
{
    int32_t a = *(const int32_t *)pa, b = *(const int32_t *)pb;
    return a < b ? -1 : a > b;
}

/* Every date something changes on (unsorted, with repeats). */
static int32_t *candidates(const netvet_policy *p, const nv_tl_event *ev,
                           size_t n_ev, size_t *n)
{
    size_t nr = p ? netvet_policy_rule_count(p) : 0, k = 0;
    int32_t *d = nv_calloc(2 * nr + n_ev + 1, sizeof(*d));
    if (!d)
        return NULL;
    for (size_t i = 0; i < nr; i++) {
        int32_t start, stop;
        rule_dates(p, i, &start, &stop);
        if (start != NV_TL_UNDATED)
            d[k++] = start;
        if (stop != NV_TL_UNDATED)
            d[k++] = stop;
    }
    for (size_t i = 0; i < n_ev; i++)
        if (ev[i].day != NV_TL_UNDATED)
            d[k++] = ev[i].day;
    qsort(d, k, sizeof(*d), day_cmp);
    *n = k;
    return d;
}

/* The days a listing one of the policy's packs selects by starts or
 * stops applying to some registry vendor, into d[0..room). @return how
 * many (with repeats). */
static size_t listing_days(const netvet_policy *p, const netvet_registry *reg,
                           int32_t *d, size_t room)
{
    size_t k = 0;
    for (size_t pk = 0; reg && pk < netvet_policy_pack_count(p); pk++) {
        netvet_pack_info info = netvet_policy_pack(p, pk);
        for (size_t v = 0; v < netvet_registry_count(reg); v++) {
            const netvet_vendor *vd = netvet_registry_vendor(reg, v);
            for (size_t j = 0; j < vd->n_listings; j++) {
                const netvet_listing *l = &vd->listings[j];
                size_t m = 0;
                while (m < info.n_listings && strcmp(info.listings[m], l->id))
                    m++;
                if (m == info.n_listings)
                    continue;
                int32_t day;
                int shift = info.deadline_months; /* the deadline's day */
                if (*l->date && !nv_parse_date(l->date, strlen(l->date), &day) &&
                    k < room)
                    d[k++] = nv_add_months(day, shift);
                if (l->until && *l->until &&
                    !nv_parse_date(l->until, strlen(l->until), &day) &&
                    k < room)
                    d[k++] = nv_add_months(day, shift);
            }
        }
    }
    return k;
}

int nv_tl_listing_days(const netvet_policy *p, const netvet_registry *reg,
                       int32_t **out, size_t *n_out)
{
    size_t room = 0;
    for (size_t v = 0; reg && v < netvet_registry_count(reg); v++)
        room += 2 * netvet_registry_vendor(reg, v)->n_listings;
    room *= p ? netvet_policy_pack_count(p) : 0;
    *out = nv_calloc(room + 1, sizeof(**out));
    if (!*out)
        return NETVET_ENOMEM;
    *n_out = p ? listing_days(p, reg, *out, room) : 0;
    return 0;
}

/* Merge the days of extra[0..n_extra) in (from, to] into out[0..*k),
 * ascending and unique; out has room for them. */
static void merge_extra(int32_t *out, size_t *k, const int32_t *extra,
                        size_t n_extra, int32_t to)
{
    size_t m = *k;
    for (size_t i = 0; i < n_extra; i++)
        if (extra[i] > out[0] && extra[i] <= to)
            out[m++] = extra[i];
    qsort(out, m, sizeof(*out), day_cmp);
    size_t u = 0;
    for (size_t i = 0; i < m; i++)
        if (!u || out[i] != out[u - 1])
            out[u++] = out[i];
    *k = u;
}

int nv_tl_dates(const netvet_policy *p, const nv_tl_event *ev, size_t n_ev,
                const int32_t *extra, size_t n_extra, int32_t from,
                int32_t to, int32_t fallback, int32_t **days,
                size_t *n_days, netvet_diag *diag)
{
    size_t n = 0;
    int32_t *d = candidates(p, ev, n_ev, &n);
    if (!d)
        return nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0, "out of memory");
    if (from == NV_TL_UNDATED)
        from = n ? d[0] : fallback;
    if (to == NV_TL_UNDATED)
        to = n && d[n - 1] > from ? d[n - 1] : from;
    if (from > to) {
        char a[11], b[11];
        nv_format_date(from, a);
        nv_format_date(to, b);
        nv_free(d);
        return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                            "the timeline's first date %s is after its "
                            "last %s", a, b);
    }
    size_t k = 0;
    int32_t *out = nv_calloc(n + n_extra + 1, sizeof(*out));
    if (out) {
        out[k++] = from;
        for (size_t i = 0; i < n; i++)
            if (d[i] > out[k - 1] && d[i] <= to)
                out[k++] = d[i];
        merge_extra(out, &k, extra, n_extra, to);
    }
    nv_free(d);
    if (!out)
        return nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0, "out of memory");
    *days = out;
    *n_days = k;
    return 0;
}
