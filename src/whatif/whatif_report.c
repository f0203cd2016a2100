/* netvet_whatif_write: the what-if report in the chosen format. */
#include "whatif/whatif_report.h"

#include "util/diag.h"

int netvet_whatif_write(FILE *out, const netvet_assessment *before,
                        const netvet_whatif_case *cases, size_t n_cases,
                        const netvet_report_options *opts, netvet_diag *diag)
{
    static const netvet_report_options defaults = NETVET_REPORT_OPTIONS_INIT;
    if (!out || !before || (n_cases && !cases))
        return NETVET_EINVAL;
    if (!opts)
        opts = &defaults;
    if (opts->format == NETVET_FORMAT_JSON)
        return nv_whatif_json(out, before, cases, n_cases, opts, diag);
    nv_whatif_text_header(out, before, "what-if", opts->fail_on);
    for (size_t i = 0; i < n_cases; i++)
        nv_whatif_text_case(out, before, &cases[i], opts);
    if (ferror(out))
        return nv_diag_fail(diag, NETVET_EIO, NULL, 0, 0,
                            "cannot write the report");
    return 0;
}
