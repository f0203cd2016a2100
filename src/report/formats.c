/* SPDX-License-Identifier: Apache-2.0 */
/* The format table (formats.h): which writer prints each report in each
 * format, the lookup every public report entry point goes through, and
 * the names of the formats. */
#include "report/formats.h"
#include "report/report.h"

#include <string.h>

#include "util/diag.h"

static const char *const format_names[] = {
    [NETVET_FORMAT_TEXT] = "text",
    [NETVET_FORMAT_JSON] = "json",
    [NETVET_FORMAT_CSV] = "csv",
    [NETVET_FORMAT_HTML] = "html",
    [NETVET_FORMAT_SARIF] = "sarif",
    [NETVET_FORMAT_JUNIT] = "junit",
    [NETVET_FORMAT_MARKDOWN] = "markdown",
};
#define N_FORMATS (sizeof(format_names) / sizeof(format_names[0]))

static const char *const kind_names[NV_REPORT_KIND_COUNT] = {
    [NETVET_REPORT_ASSESS] = "assess",
    [NETVET_REPORT_WHATIF] = "whatif",
    [NETVET_REPORT_CHECK] = "check",
    [NETVET_REPORT_PLAN] = "plan",
    [NETVET_REPORT_IDENTIFY] = "identify",
    [NETVET_REPORT_TIMELINE] = "timeline",
    [NETVET_REPORT_VENDORS] = "vendors",
    [NETVET_REPORT_PACKS] = "packs",
};

/* The rows of NV_FORMAT_TABLE (formats.h). */
#define ROW_WRITER(kind, format, fn) {kind, format, fn, NULL},
#define ROW_ID_OPS(kind, format, ops) {kind, format, NULL, &ops},
static const nv_format_row rows[] = {NV_FORMAT_TABLE(ROW_WRITER, ROW_ID_OPS)};
#define N_ROWS (sizeof(rows) / sizeof(rows[0]))

const char *netvet_format_name(netvet_format format)
{
    return (unsigned)format < N_FORMATS ? format_names[format] : NULL;
}

int netvet_format_parse(const char *name, netvet_format *out)
{
    for (size_t f = 0; name && f < N_FORMATS; f++)
        if (!strcmp(name, format_names[f])) {
            if (out)
                *out = (netvet_format)f;
            return 0;
        }
    return NETVET_ENOTFOUND;
}

int netvet_report_check_format(netvet_report_kind kind, netvet_format format,
                               netvet_diag *diag)
{
    return nv_report_find(kind, format, diag) ? 0 : NETVET_EINVAL;
}

const char *nv_report_kind_name(nv_report_kind kind)
{
    return (unsigned)kind < NV_REPORT_KIND_COUNT ? kind_names[kind] : "?";
}

/* "text, json": the formats of `kind`, in table order. */
static void list_formats(char *buf, size_t size, nv_report_kind kind)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < N_ROWS; i++)
        if (rows[i].kind == kind && n < size)
            n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? ", " : "",
                                  netvet_format_name(rows[i].format));
}

const nv_format_row *nv_report_find(nv_report_kind kind, netvet_format format,
                                    netvet_diag *diag)
{
    for (size_t i = 0; i < N_ROWS; i++)
        if (rows[i].kind == kind && rows[i].format == format)
            return &rows[i];
    char list[128];
    list_formats(list, sizeof(list), kind);
    const char *name = netvet_format_name(format);
    if (name)
        nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                     "format '%s' is not available for the %s report (%s)",
                     name, nv_report_kind_name(kind), list);
    else
        nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                     "format %d is not a netvet format; the %s report has %s",
                     (int)format, nv_report_kind_name(kind), list);
    return NULL;
}

int nv_report_dispatch(nv_report_kind kind, FILE *out,
                       const nv_report_input *in,
                       const netvet_report_options *opts, netvet_diag *diag)
{
    const nv_format_row *row = nv_report_find(kind, opts->format, diag);
    if (!row)
        return NETVET_EINVAL;
    if (!row->write)
        return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                            "the %s report is written record by record",
                            nv_report_kind_name(kind));
    int rc = row->write(out, in, opts, diag);
    if (rc == 0 && ferror(out))
        rc = nv_diag_fail(diag, NETVET_EIO, NULL, 0, 0,
                          "cannot write the report");
    return rc;
}
