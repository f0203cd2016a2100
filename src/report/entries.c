/* SPDX-License-Identifier: Apache-2.0 */
/* The public report entry points of assess, whatif, check, plan and
 * timeline: check the arguments, gather what the writer reads and hand it
 * to the format table (formats.h), which picks the writer or refuses the
 * format. */
#include "report/formats.h"

#include "report/report.h"
#include "util/diag.h"
#include "whatif/check.h"
#include "whatif/compare.h"
#include "whatif/timeline.h"

static const netvet_report_options *or_defaults(
    const netvet_report_options *opts)
{
    static const netvet_report_options defaults = NETVET_REPORT_OPTIONS_INIT;
    return opts ? opts : &defaults;
}

int netvet_report_write(FILE *out, const netvet_assessment *a,
                        const netvet_report_options *opts, netvet_diag *diag)
{
    nv_report_input in = {.assessment = a};
    return nv_report_dispatch(NETVET_REPORT_ASSESS, out, &in, or_defaults(opts),
                              diag);
}

int netvet_whatif_write(FILE *out, const netvet_assessment *before,
                        const netvet_whatif_case *cases, size_t n_cases,
                        const netvet_report_options *opts, netvet_diag *diag)
{
    if (!out || !before || (n_cases && !cases))
        return NETVET_EINVAL;
    nv_report_input in = {.assessment = before, .cases = cases,
                          .n_cases = n_cases};
    return nv_report_dispatch(NETVET_REPORT_WHATIF, out, &in, or_defaults(opts),
                              diag);
}

int netvet_check_write(FILE *out, const netvet_check *c,
                       const netvet_report_options *opts, netvet_diag *diag)
{
    if (!out || !c)
        return NETVET_EINVAL;
    opts = or_defaults(opts);
    if (!nv_report_find(NETVET_REPORT_CHECK, opts->format, diag))
        return NETVET_EINVAL;
    nv_compare cmp;
    if (nv_compare_build(&cmp, c->before, c->after) < 0)
        return nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0, "out of memory");
    nv_report_input in = {.check = c, .compare = &cmp};
    int rc = nv_report_dispatch(NETVET_REPORT_CHECK, out, &in, opts, diag);
    nv_compare_dispose(&cmp);
    return rc;
}

int netvet_plan_write(FILE *out, const netvet_plan *p,
                      const netvet_report_options *opts, netvet_diag *diag)
{
    if (!out || !p)
        return NETVET_EINVAL;
    nv_report_input in = {.plan = p};
    return nv_report_dispatch(NETVET_REPORT_PLAN, out, &in, or_defaults(opts),
                              diag);
}

int netvet_timeline_write(FILE *out, const netvet_timeline *t,
                          const netvet_report_options *opts, netvet_diag *diag)
{
    if (!out || !t || !t->n_points)
        return NETVET_EINVAL;
    nv_report_input in = {.timeline = t};
    return nv_report_dispatch(NETVET_REPORT_TIMELINE, out, &in,
                              or_defaults(opts), diag);
}
