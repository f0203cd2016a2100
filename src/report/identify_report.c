/* SPDX-License-Identifier: Apache-2.0 */
/* The public identify report (netvet/report.h): the format's row of the
 * format table, the header, each inventory's records (identify_run.c) and
 * the closing summary. */
#include "report/formats.h"
#include "report/identify_out.h"
#include "report/identify_run.h"
#include "util/alloc.h"

struct netvet_identify_report {
    nv_id_out out;
};

int netvet_identify_report_new(netvet_identify_report **out, FILE *f,
                               netvet_format format,
                               const netvet_registry *reg, netvet_diag *diag)
{
    *out = NULL;
    if (!f || !reg)
        return NETVET_EINVAL;
    const nv_format_row *row = nv_report_find(NETVET_REPORT_IDENTIFY, format, diag);
    if (!row)
        return NETVET_EINVAL;
    netvet_identify_report *r = nv_calloc(1, sizeof(*r));
    if (!r)
        return NETVET_ENOMEM;
    r->out.f = f;
    r->out.format = row->identify;
    r->out.reg = reg;
    nv_id_begin(&r->out);
    *out = r;
    return 0;
}

int netvet_identify_report_add(netvet_identify_report *r,
                               const netvet_inventory *inv,
                               netvet_attributor *at)
{
    if (!r || !inv || !at)
        return NETVET_EINVAL;
    r->out.at = at;
    if (nv_id_keep_files(&r->out, inv) < 0)
        return NETVET_ENOMEM;
    return nv_identify_inventory(inv, at, &r->out);
}

int netvet_identify_report_finish(netvet_identify_report *r,
                                  const char *const *files, size_t n_files)
{
    if (!r)
        return NETVET_EINVAL;
    nv_id_end(&r->out, files, n_files);
    if (r->out.failed)
        return NETVET_ENOMEM;
    return ferror(r->out.f) ? NETVET_EIO : 0;
}

netvet_identify_counts netvet_identify_report_counts(
    const netvet_identify_report *r)
{
    netvet_identify_counts none = {0, 0, 0, 0, {0, 0, 0, 0}, 0};
    return r ? r->out.n : none;
}

void netvet_identify_report_free(netvet_identify_report *r)
{
    if (r)
        nv_id_files_dispose(&r->out);
    nv_free(r);
}
