/* SPDX-License-Identifier: Apache-2.0 */
/* Labels shared by every report format. */
#include "report/report.h"

const char *nv_severity_name(netvet_severity s)
{
    switch (s) {
    case NETVET_SEV_ERROR: return "error";
    case NETVET_SEV_WARNING: return "warning";
    default: return "note";
    }
}

const char *nv_vendor_label(const netvet_assessment *a, int32_t key)
{
    if (key < 0)
        return "unknown";
    return netvet_registry_vendor(a->view.reg, (size_t)key)->id;
}

const char *nv_domain_label(const netvet_assessment *a, int32_t key)
{
    return key < 0 ? "unknown" : a->view.domain_country[key];
}

void nv_report_as_of(const netvet_assessment *a, char *buf)
{
    nv_format_date(a->view.as_of, buf);
}

const char *nv_verdict_upper(netvet_verdict v)
{
    return v == NETVET_VERDICT_FAIL         ? "FAIL"
           : v == NETVET_VERDICT_INCOMPLETE ? "INCOMPLETE"
                                            : "PASS";
}

void nv_report_text_incomplete(FILE *out, const netvet_assessment *a,
                               const char *indent)
{
    for (size_t i = 0; i < netvet_assessment_incomplete_count(a); i++) {
        const char *msg = "";
        const char *code = netvet_assessment_incomplete(a, i, &msg);
        fprintf(out, "%sincomplete: %s (%s)\n", indent, msg, code);
    }
}

json_t *nv_report_json_incomplete(const netvet_assessment *a)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < netvet_assessment_incomplete_count(a); i++) {
        const char *msg = "";
        const char *code = netvet_assessment_incomplete(a, i, &msg);
        json_t *o = json_pack("{s:s, s:s}", "reason", code, "message", msg);
        if (!o || json_array_append_new(arr, o) < 0) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}
