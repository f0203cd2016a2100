/* SPDX-License-Identifier: Apache-2.0 */
/* A declared vendor name that reached a registry vendor only through Unicode
 * folding (invisible or compatibility characters) or its UTS #39 confusable
 * skeleton ("Нuawei") counts as that vendor, so the policy's rules already
 * judge it; this finding says that the name imitates it, and how. */
#include "assess/lookalike.h"

#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "vendors/names.h"
#include "vendors/unicode.h"

static int fill(nv_finding *f, const nv_view *v, uint32_t s, uint32_t n)
{
    const char *name = nv_inv_str(v->inv, s);
    size_t len = nv_strtab_strlen(&v->inv->strings, s);
    nv_name_match how = NV_MATCH_EXACT;
    int i = nv_registry_resolve_how(v->reg, name, len, &how);
    const netvet_vendor *vd = netvet_registry_vendor(v->reg, i < 0 ? 0 : (size_t)i);
    char why[160], msg[768];
    nv_uname_describe(name, len, how == NV_MATCH_CONFUSABLE, why, sizeof(why));
    snprintf(msg, sizeof(msg), "declared vendor '%s' imitates %s (%s): %s; "
             "counted as %s (%u element%s)", name, vd ? vd->id : "?",
             vd ? vd->name : "?", why, vd ? vd->id : "?", n, n == 1 ? "" : "s");
    const nv_own_finding own = {
        "lookalike-vendor-name", "Vendor name imitates a registry vendor", msg,
        "netvet: Unicode NFKC case folding and UTS #39 confusable skeletons "
        "(ICU)", vd ? vd->id : name, "elements", NETVET_SEV_WARNING, n};
    f->elements = nv_malloc(n * sizeof(uint32_t));
    return nv_finding_set_own(f, &own) < 0 || !f->elements ? NETVET_ENOMEM
                                                            : 0;
}

/* Index of s in the sorted list, or -1. */
static long find_sid(const nv_view *v, uint32_t s)
{
    size_t lo = 0, hi = v->n_lookalike;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v->lookalike[mid] < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < v->n_lookalike && v->lookalike[lo] == s ? (long)lo : -1;
}

int nv_lookalike_findings(const nv_view *v, nv_findings *out)
{
    if (!v->n_lookalike)
        return 0;
    uint32_t *count = nv_calloc(v->n_lookalike, sizeof(uint32_t));
    long *idx = nv_calloc(v->n_lookalike, sizeof(long));
    int rc = count && idx ? 0 : NETVET_ENOMEM;
    for (size_t k = 0; k < v->n && rc == 0; k++) {
        long j = v->counted[k] ? find_sid(v, v->inv->vendor[k]) : -1;
        if (j >= 0)
            count[j]++;
    }
    for (size_t j = 0; j < v->n_lookalike && rc == 0; j++) {
        idx[j] = -1;
        if (!count[j])
            continue;
        nv_finding *f = nv_findings_push(out);
        idx[j] = (long)out->n - 1;
        rc = f ? fill(f, v, v->lookalike[j], count[j]) : NETVET_ENOMEM;
    }
    for (size_t k = 0; k < v->n && rc == 0; k++) {
        long j = v->counted[k] ? find_sid(v, v->inv->vendor[k]) : -1;
        if (j >= 0) {
            nv_finding *f = &out->items[idx[j]];
            f->elements[f->n_elements++] = (uint32_t)k;
        }
    }
    nv_free(count);
    nv_free(idx);
    return rc;
}
