/* SPDX-License-Identifier: Apache-2.0 */
/* Storage and ordering of findings. */
#include "policy/findings.h"

#include <stdlib.h>
#include <string.h>

#include "util/alloc.h"

nv_finding *nv_findings_push(nv_findings *fs)
{
    if (NV_GROW(fs->items, fs->cap, fs->n + 1) < 0)
        return NULL;
    nv_finding *f = &fs->items[fs->n++];
    memset(f, 0, sizeof(*f));
    return f;
}

int nv_finding_set_own(nv_finding *f, const nv_own_finding *o)
{
    f->rule_id = nv_strdup(o->rule_id);
    f->pack = nv_strdup("netvet");
    f->title = nv_strdup(o->title);
    f->message = nv_strdup(o->message);
    f->source = nv_strdup(o->source);
    f->subject = nv_strdup(o->subject);
    f->measure = nv_strdup(o->measure);
    f->severity = o->severity;
    f->value = o->value;
    return f->rule_id && f->pack && f->title && f->message && f->source &&
                   f->subject && f->measure
               ? 0
               : NETVET_ENOMEM;
}

static int cmp_str(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

static int cmp_double(double a, double b)
{
    return (a > b) - (a < b);
}

/* The element lists, then the remaining text: two findings this calls
 * equal print the same, so the order never depends on the order the
 * findings were made in (rules may be evaluated on two threads). */
static int cmp_rest(const nv_finding *a, const nv_finding *b)
{
    size_t n = a->n_elements < b->n_elements ? a->n_elements : b->n_elements;
    for (size_t i = 0; i < n; i++)
        if (a->elements[i] != b->elements[i])
            return a->elements[i] < b->elements[i] ? -1 : 1;
    if (a->n_elements != b->n_elements)
        return a->n_elements < b->n_elements ? -1 : 1;
    int c = cmp_str(a->message, b->message);
    if (!c)
        c = cmp_str(a->pack, b->pack);
    if (!c)
        c = cmp_str(a->title, b->title);
    if (!c)
        c = cmp_str(a->source, b->source);
    if (!c && a->waived != b->waived)
        c = a->waived < b->waived ? -1 : 1;
    if (!c)
        c = cmp_str(a->waiver_file, b->waiver_file);
    if (!c && a->waiver_line != b->waiver_line)
        c = a->waiver_line < b->waiver_line ? -1 : 1;
    return c;
}

static int cmp_finding(const void *pa, const void *pb)
{
    const nv_finding *a = pa, *b = pb;
    if (a->severity != b->severity)
        return a->severity > b->severity ? -1 : 1;
    int c = cmp_str(a->rule_id, b->rule_id);
    if (!c)
        c = cmp_str(a->subject, b->subject);
    if (!c)
        c = cmp_str(a->measure, b->measure);
    if (!c)
        c = cmp_double(a->value, b->value);
    if (!c)
        c = cmp_double(a->limit, b->limit);
    return c ? c : cmp_rest(a, b);
}

void nv_findings_sort(nv_findings *fs)
{
    if (fs->n > 1)
        qsort(fs->items, fs->n, sizeof(*fs->items), cmp_finding);
}

void nv_findings_dispose(nv_findings *fs)
{
    for (size_t i = 0; i < fs->n; i++) {
        nv_finding *f = &fs->items[i];
        nv_free(f->rule_id);
        nv_free(f->pack);
        nv_free(f->title);
        nv_free(f->message);
        nv_free(f->source);
        nv_free(f->subject);
        nv_free(f->measure);
        nv_free(f->elements);
        nv_free(f->waiver_reason);
        nv_free(f->waiver_by);
        nv_free(f->waiver_expires);
        nv_free(f->waiver_file);
    }
    nv_free(fs->items);
    memset(fs, 0, sizeof(*fs));
}

int nv_results_add(nv_results *r, size_t rule, const char *subject,
                   const char *measure, double value, double limit,
                   int status)
{
    if (!r)
        return 0;
    char *subj = nv_strdup(subject ? subject : "");
    if (!subj || NV_GROW(r->items, r->cap, r->n + 1) < 0) {
        nv_free(subj);
        return NETVET_ENOMEM;
    }
    r->items[r->n++] = (nv_rule_result){rule, subj, measure ? measure : "",
                                        value, limit, status, NULL, 0};
    return 0;
}

void nv_results_note(nv_results *r, const char *reason)
{
    if (r && r->n)
        r->items[r->n - 1].reason = reason;
}

void nv_results_note_unmeasured(nv_results *r, const char *reason)
{
    if (r && r->n) {
        r->items[r->n - 1].reason = reason;
        r->items[r->n - 1].unmeasured = 1;
    }
}

int nv_results_order_by_rule(nv_results *r)
{
    size_t rules = 0;
    for (size_t i = 0; i < r->n; i++)
        if (r->items[i].rule >= rules)
            rules = r->items[i].rule + 1;
    size_t *at = nv_calloc(rules + 1, sizeof(*at));
    nv_rule_result *sorted = nv_calloc(r->n + 1, sizeof(*sorted));
    if (!at || !sorted) {
        nv_free(at);
        nv_free(sorted);
        return NETVET_ENOMEM;
    }
    for (size_t i = 0; i < r->n; i++) /* counting sort: stable */
        at[r->items[i].rule + 1]++;
    for (size_t k = 1; k <= rules; k++)
        at[k] += at[k - 1];
    for (size_t i = 0; i < r->n; i++)
        sorted[at[r->items[i].rule]++] = r->items[i];
    nv_free(r->items);
    r->items = sorted;
    r->cap = r->n + 1;
    nv_free(at);
    return 0;
}

void nv_results_dispose(nv_results *r)
{
    for (size_t i = 0; i < r->n; i++)
        nv_free(r->items[i].subject);
    nv_free(r->items);
    memset(r, 0, sizeof(*r));
}

const char *nv_result_status_name(int status)
{
    switch (status) {
    case NV_RESULT_PASS: return "pass";
    case NV_RESULT_FAIL: return "fail";
    case NV_RESULT_NOT_APPLICABLE: return "not-applicable";
    case NV_RESULT_UNDETERMINED: return "undetermined";
    default: return "not-in-effect";
    }
}

/* Move src's *src_n items of `size` bytes to the end of dst's array (grown
 * by nv_grow); src is left empty. @return 0 or NETVET_ENOMEM. */
static int take_items(void **dst, size_t *dst_n, size_t *dst_cap,
                      const void *src, size_t *src_n, size_t size)
{
    if (!*src_n)
        return 0;
    if (nv_grow(dst, dst_cap, *dst_n + *src_n, size) < 0)
        return NETVET_ENOMEM;
    memcpy((char *)*dst + *dst_n * size, src, *src_n * size);
    *dst_n += *src_n;
    *src_n = 0;
    return 0;
}

int nv_findings_take(nv_findings *dst, nv_findings *src)
{
    return take_items((void **)&dst->items, &dst->n, &dst->cap, src->items,
                      &src->n, sizeof(*src->items));
}

int nv_results_take(nv_results *dst, nv_results *src)
{
    return take_items((void **)&dst->items, &dst->n, &dst->cap, src->items,
                      &src->n, sizeof(*src->items));
}
