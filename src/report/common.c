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
