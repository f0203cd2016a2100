/* SPDX-License-Identifier: Apache-2.0 */
/* Where a timeline looks: the scenario changes in the order it applies
 * them (by date, undated first, then scenario, then file order) and the
 * dates it assesses (the from date, and every date in (from, to] at which
 * a rule starts or stops or a dated change applies), ascending, unique. */
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

int nv_tl_dates(const netvet_policy *p, const nv_tl_event *ev, size_t n_ev,
                int32_t from, int32_t to, int32_t fallback, int32_t **days,
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
    int32_t *out = nv_calloc(n + 1, sizeof(*out));
    if (out) {
        out[k++] = from;
        for (size_t i = 0; i < n; i++)
            if (d[i] > out[k - 1] && d[i] <= to)
                out[k++] = d[i];
    }
    nv_free(d);
    if (!out)
        return nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0, "out of memory");
    *days = out;
    *n_days = k;
    return 0;
}
