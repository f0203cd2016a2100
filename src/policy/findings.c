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

static int cmp_str(const char *a, const char *b)
{
    return strcmp(a ? a : "", b ? b : "");
}

static int cmp_finding(const void *pa, const void *pb)
{
    const nv_finding *a = pa, *b = pb;
    if (a->severity != b->severity)
        return a->severity > b->severity ? -1 : 1;
    int c = cmp_str(a->rule_id, b->rule_id);
    if (c)
        return c;
    c = cmp_str(a->subject, b->subject);
    if (c)
        return c;
    return cmp_str(a->measure, b->measure);
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
                                        value, limit, status};
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
    default: return "not-in-effect";
    }
}
