/* SPDX-License-Identifier: Apache-2.0 */
/* The assessed states a flat report (SARIF, CSV, JUnit, Markdown) lists
 * the findings of: assess its one assessment; whatif each scenario's
 * network after the changes (labelled with the scenario's name); check and
 * plan the network after the purchase or the plan. */
#include "report/report.h"

#include "report/formats.h"
#include "util/alloc.h"
#include "util/diag.h"
#include "whatif/check.h"
#include "whatif/plan.h"

int nv_report_states(int kind, const struct nv_report_input *in,
                     nv_report_state **out, size_t *n, netvet_diag *diag)
{
    size_t cap = kind == NETVET_REPORT_WHATIF ? in->n_cases : 1;
    nv_report_state *s = nv_calloc(cap ? cap : 1, sizeof(*s));
    if (!s)
        return nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0, "out of memory");
    *n = 0;
    if (kind == NETVET_REPORT_WHATIF) {
        for (size_t i = 0; i < in->n_cases; i++) {
            s[i].a = in->cases[i].after;
            s[i].label = netvet_scenario_name(in->cases[i].scenario);
        }
        *n = in->n_cases;
    } else if (kind == NETVET_REPORT_CHECK || kind == NETVET_REPORT_PLAN) {
        s[0].a = kind == NETVET_REPORT_CHECK ? in->check->after
                                             : in->plan->after;
        s[0].label = kind == NETVET_REPORT_CHECK ? "after the purchase"
                                                 : "after the plan";
        *n = 1;
    } else {
        s[0].a = in->assessment;
        s[0].label = "";
        *n = 1;
    }
    *out = s;
    return 0;
}

void nv_report_sev_counts(const netvet_assessment *a, size_t count[3],
                          size_t *waived)
{
    count[0] = count[1] = count[2] = 0;
    *waived = 0;
    for (size_t i = 0; i < a->findings.n; i++) {
        const nv_finding *f = &a->findings.items[i];
        if (f->waived)
            (*waived)++;
        else
            count[f->severity]++;
    }
}
