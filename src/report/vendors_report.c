/* SPDX-License-Identifier: Apache-2.0 */
/* The vendors report's entry point (netvet_vendors_write) and what its
 * writers share: the stakes in an entry on a day, its jurisdictions, the
 * entry a show or why names. Printing is left to vendors_text.c and
 * vendors_json.c. */
#include "report/vendors_report.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "inventory/inv.h"
#include "util/diag.h"

size_t nv_vendor_stakes(const netvet_registry *reg, int v, int32_t day,
                        double threshold, nv_stake *out)
{
    const netvet_vendor *vd = netvet_registry_vendor(reg, (size_t)v);
    size_t n = 0;
    int parent_owned = 0;
    for (size_t j = 0; j < vd->n_owners; j++)
        parent_owned |= vd->parent >= 0 &&
                        vd->owners[j].owner_index == vd->parent;
    if (vd->parent >= 0 && !parent_owned) {
        out[n++] = (nv_stake){
            .owner = netvet_registry_vendor(reg, (size_t)vd->parent)->id,
            .index = vd->parent, .share = 100, .from = "", .until = "",
            .source = "", .parent = 1, .in_force = 1,
            .counts = threshold <= 100};
    }
    for (size_t j = 0; j < vd->n_owners && n < NV_MAX_STAKES; j++) {
        const netvet_owner *o = &vd->owners[j];
        int in_force = netvet_owner_in_force(o, day);
        out[n++] = (nv_stake){
            .owner = o->owner, .index = o->owner_index, .state = o->state,
            .share = o->share, .from = o->from, .until = o->until,
            .source = o->source, .parent = 0, .in_force = in_force,
            .counts = in_force && o->share >= threshold};
    }
    return n;
}

size_t nv_vendor_juris(const nv_report_input *in, int v, const char **codes)
{
    size_t n = netvet_registry_jurisdictions(in->registry, v, in->as_of,
                                             in->vendors->threshold, codes,
                                             32);
    return n > 32 ? 32 : n;
}

const char *nv_stake_range(const char *from, const char *until, char *buf)
{
    if (!*from && !*until)
        snprintf(buf, 32, "always");
    else
        snprintf(buf, 32, "%s..%s", from, until);
    return buf;
}

int nv_vendors_subject(const nv_report_input *in,
                       netvet_name_resolution *res)
{
    const char *s = in->vendors->subject ? in->vendors->subject : "";
    memset(res, 0, sizeof(*res));
    res->vendor = -1;
    if (in->vendors->view == NETVET_VENDORS_SHOW)
        return res->vendor = netvet_registry_find(in->registry, s);
    return netvet_registry_explain_name(in->registry, s, strlen(s), res);
}

static int parse_day(const char *s, int32_t *out, netvet_diag *diag)
{
    if (!s) {
        *out = (int32_t)(time(NULL) / 86400);
        return 0;
    }
    if (nv_parse_date(s, strlen(s), out) < 0)
        return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                            "as-of date '%s' is not a valid YYYY-MM-DD "
                            "date", s);
    return 0;
}

int netvet_vendors_write(FILE *out, const netvet_registry *reg,
                         const netvet_vendors_options *vo,
                         const netvet_report_options *opts,
                         netvet_diag *diag)
{
    if (!out || !reg || !vo || !opts)
        return NETVET_EINVAL;
    nv_report_input in = {0};
    in.registry = reg;
    in.vendors = vo;
    int rc = parse_day(vo->as_of, &in.as_of, diag);
    if (rc < 0)
        return rc;
    if (!(vo->threshold > 0 && vo->threshold <= 100))
        return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                            "ownership threshold %g is not above 0 and at "
                            "most 100", vo->threshold);
    if (vo->view == NETVET_VENDORS_SHOW &&
        netvet_registry_find(reg, vo->subject ? vo->subject : "") < 0)
        return nv_diag_fail(diag, NETVET_ENOTFOUND, NULL, 0, 0,
                            "no registry entry has the id '%s'",
                            vo->subject ? vo->subject : "");
    return nv_report_dispatch(NETVET_REPORT_VENDORS, out, &in, opts, diag);
}
