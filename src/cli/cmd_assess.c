/* SPDX-License-Identifier: Apache-2.0 */
/* netvet assess: load an inventory, the registry and policy packs (through
 * the session, as whatif, check and plan do), assess, print the report,
 * and turn findings into the exit status. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/exit.h"
#include "cli/run.h"
#include "cli/session.h"

#define KIND NETVET_REPORT_ASSESS
#define PROG "netvet assess"

typedef struct assess_args {
    nv_session s; /* first: the shared rows' offsets */
} assess_args;

static const nv_opt opts[] = {
    NV_SHOW(nv_opt_policy),
    NV_SHOW(nv_opt_waivers),
    {.shared = &nv_opt_registry, .flags = NV_OPT_SYNOPSIS},
    NV_USE(nv_opt_trust),
    NV_USE(nv_opt_ieee_dir),
    NV_USE(nv_opt_enterprises),
    NV_SHOW(nv_opt_strict),
    NV_SHOW(nv_opt_allow_skipped),
    NV_USE(nv_opt_no_input_hash),
    NV_SHOW(nv_opt_as_of),
    NV_SHOW(nv_opt_sources),
    NV_SHOW(nv_opt_max_unknown),
    NV_SHOW(nv_opt_top),
    NV_SHOW(nv_opt_no_topology),
    {.shared = &nv_opt_format, .flags = NV_OPT_SYNOPSIS,
     .help = "text (default; verdict first), json (schema netvet-assess/2, "
             "docs/json-schema.md), html (one self-contained page that "
             "loads nothing: docs/html-report.md), sarif (SARIF 2.1.0: a "
             "result per finding and element at its line of the inventory, "
             "waived findings suppressed), csv (a row per finding and "
             "element), junit (a test case per rule) or markdown (a summary "
             "for tickets)."},
    NV_SHOW(nv_opt_output),
    NV_SHOW(nv_opt_fail_on),
    NV_SHOW(nv_opt_details),
    NV_USE(nv_opt_detail),
    {.name = "max-elements", .arg = "N", .group = "Output",
     .set = nv_set_count,
     .field = offsetof(assess_args, s.c.report.max_elements),
     .help = "Elements listed per finding in text and markdown "
             "(default 10)."},
    NV_USE(nv_opt_timings),
    NV_USE(nv_opt_max_warnings),
    NV_USE(nv_opt_quiet),
    NV_USE(nv_opt_progress),
    NV_USE(nv_opt_no_progress),
    NV_USE(nv_opt_help),
    NV_OPTS_END};

static const nv_section sections[] = {
    {"DESCRIPTION",
     "INVENTORY is a directory holding elements.csv and, optionally, "
     "links.csv, or a single elements CSV file (format: "
     "docs/inventory-format.md); '-' reads an elements CSV from standard "
     "input. Each element's declared vendor is resolved against the vendor "
     "registry (case, punctuation, corporate suffixes, aliases and former "
     "names; a name that does not resolve is an unknown-vendor finding, "
     "never a guess). Vendors are grouped into risk domains by the state "
     "that can compel them. The report gives, per function, each vendor's "
     "and each domain's share by element count and by weight, with "
     "concentration (largest share, HHI), and every policy finding with "
     "its rule, public source, measured value, threshold and elements.\n\n"
     "With a links file, netvet also measures exposure: for every risk "
     "domain and every vendor, the customer weight (sinks: elements with "
     "weight > 0) that would lose every path to a source (by default the "
     "core) if all that group's equipment were removed or turned hostile, "
     "a sink of the group counting as lost; and each element's "
     "single-point-of-failure impact, the weight of the sinks it dominates "
     "(every path from the sources to them passes through it). Sinks no "
     "source reaches even in the intact network are reported once as "
     "already disconnected and charged to no group.\n\n"
     "Bad rows (malformed CSV, duplicate id, unknown function, link to an "
     "unknown id, invalid UTF-8, ...) are reported as file:line:column and "
     "skipped; the report always says how many rows were read, loaded and "
     "skipped. With --strict the first bad row stops the run (exit 2).",
     0},
    {"OPTIONS", NULL, 0},
    {"BUILT-IN PACKS",
     "uk-ncsc-2020\tUK NCSC high-risk-vendor advice (Jan 2020) and the "
     "2018 ZTE letter: no HRV in core/management/security or sensitive "
     "sites; HRV risk domain <= 35% of access+ran by count and by weight; "
     "at most one HRV; and (a warning, netvet's derived measure) the HRV "
     "domain's dependent weight <= 35% of customer weight.\n\n"
     "uk-dvd-2022\tUK Designated Vendor Direction on Huawei (13 Oct "
     "2022), each requirement a dated rule: no new Huawei 5G (by installed "
     "date), none at sensitive sites, <= 35% of 5G access by sites and "
     "traffic, <= 35% of full-fibre access by premises served, out of the "
     "core, out of aggregation/transmission (assumed), out of 5G by "
     "2027-12-31.\n\n"
     "uk-ncsc-2018\tThe NCSC's April 2018 letter on ZTE: no ZTE; at most "
     "one Chinese high-risk vendor.\n\n"
     "others\tde-5g-2024 (Germany's 2024 5G agreements), se-pts-2020 "
     "(Sweden's PTS licence conditions), ca-5g-2022 (Canada's 4G/5G "
     "policy), us-ndaa-889 (US NDAA section 889), us-fcc-covered (the US "
     "FCC Covered List), us-ndaa-1260h (the DoD 1260H list and the FY2024 "
     "NDAA s.805 bans), eu-5g-toolbox-2020 (the EU 5G toolbox), "
     "eu-csa-2026 (the EU's 2026 proposal: designated suppliers out of "
     "mobile networks within 36 months): never "
     "loaded by default (docs/policy-format.md).\n\n"
     "Without --policy: the UK packs in force on the as-of date "
     "(uk-ncsc-2020; uk-dvd-2022 from 2022-10-13).",
     0},
    {"EXIT STATUS",
     "0\tPASS: no findings at or above --fail-on (waived ones aside), and "
     "the assessment judged what it claims to\n\n"
     "1\tFAIL: findings at or above --fail-on that no waiver covers\n\n"
     "2\tbad usage, unreadable or malformed input (a pack's scope value "
     "or a --sources selector that matches nothing, a waiver naming an "
     "unknown rule or element), or internal error\n\n"
     "3\tINCOMPLETE: no such finding, but nothing was counted, rows were "
     "skipped (see --allow-skipped), more than --max-unknown of the counted "
     "elements or weight has an unknown vendor, no rule applies, or the "
     "exposure has no sources or no sinks; the report lists each reason",
     0},
    {"EXAMPLES",
     "netvet assess examples/uk-operator\n"
     "netvet assess net/ --as-of 2027-12-31 --format json -o report.json\n"
     "netvet assess net/ --policy my-pack.yaml --registry my-vendors.yaml\n"
     "zcat net/elements.csv.gz | netvet assess - --format json -o -",
     1},
    {NULL, NULL, 0}};

static int cmd_assess(int argc, char **argv);

const nv_cmd nv_cmd_assess = {
    .name = "assess",
    .prog = PROG,
    .summary = "check an inventory against high-risk-vendor policies",
    .brief = "check an inventory against policy packs; shares and findings",
    .operands = "INVENTORY",
    .opts = opts,
    .sections = sections,
    .report = KIND,
    .run = cmd_assess};

/* @return -1 to go on, else an exit status. */
static int parse_args(assess_args *a, int argc, char **argv)
{
    int rc = nv_run_parse_inventory(&nv_cmd_assess, argc, argv, a);
    return rc >= 0 ? rc : nv_session_operand(&a->s, argv[optind]);
}

static int write_report(nv_session *s, const netvet_assessment *as,
                        netvet_diag *diag)
{
    FILE *out = nv_session_open(s);
    if (!out)
        return NV_EXIT_USAGE;
    int rc = netvet_report_write(out, as, &s->c.report, diag);
    return nv_session_close(s, rc, diag);
}

/* --timings: the phases, the load's (parts read in parallel, merge, id
 * map), then the assess phase's steps. The shares and the rules that need
 * no exposure run beside the topology; "rest" is what is left of the
 * assess phase (attribution, exposure rules, sorting findings). */
static void print_timings(const netvet_assessment *as, double load,
                          double assess, double report)
{
    netvet_assessment_timings t = NETVET_ASSESSMENT_TIMINGS_INIT;
    netvet_assessment_get_timings(as, &t);
    fprintf(stderr, "%s: timings: load %.3f s, assess %.3f s, report %.3f s\n",
            PROG, load, assess, report);
    for (int w = 0; w < 2; w++) {
        if (!t.load[w].parts)
            continue;
        fprintf(stderr, "%s: timings: load: %s: %u part%s %.3f s, merge "
                "%.3f s%s", PROG, w ? "links" : "elements",
                t.load[w].parts, t.load[w].parts == 1 ? "" : "s",
                t.load[w].parse, t.load[w].merge, w ? "\n" : "");
        if (!w && t.ids_sorted) /* links may build one, if out of order */
            fprintf(stderr, ", ids in order: no id map\n");
        else if (!w)
            fprintf(stderr, ", id map %.3f s (beside the merge)\n",
                    t.load[w].index);
    }
    fprintf(stderr, "%s: timings: assess: view %.3f s, shares %.3f s, "
                    "csr %.3f s, fold %.3f s (core %zu of %zu elements), "
                    "exposure %.3f s, dominators %.3f s, "
                    "spof %.3f s (these three %.3f s, %d thread%s), "
                    "topology %.3f s, rules %.3f s (beside it), exposure "
                    "rules %.3f s, rest %.3f s\n",
            PROG, t.view, t.shares, t.csr, t.fold, t.core, t.vertices,
            t.exposure, t.dominators, t.spof, t.graph, t.threads,
            t.threads == 1 ? "" : "s", t.topology, t.rules,
            t.exposure_rules, assess - t.view - t.topology);
}

static int run(void *payload, netvet_diag *diag)
{
    nv_session *s = &((assess_args *)payload)->s;
    netvet_assessment *as = NULL;
    int status = NV_EXIT_USAGE;
    double t0 = nv_cli_clock(), t1 = t0, t2 = t0;
    int rc = nv_session_load_all(s, diag);
    /* only the full JSON report (--detail full) lists each sink's
     * domains: 8 bytes per element kept for nothing otherwise */
    s->assess.sink_dependencies = s->c.report.format == NETVET_FORMAT_JSON &&
                                  s->c.report.details;
    t1 = nv_cli_clock();
    if (rc == 0)
        rc = netvet_assess(&as, s->inv, s->reg, s->policy, &s->assess, diag);
    if (rc < 0) {
        status = nv_session_failed(s, diag, rc);
        goto done;
    }
    nv_cli_diag_finish(&s->c.diag);
    t2 = nv_cli_clock();
    if (write_report(s, as, diag) != 0)
        goto done;
    if (s->c.timings)
        print_timings(as, t1 - t0, t2 - t1, nv_cli_clock() - t2);
    status = nv_exit_of(netvet_assessment_verdict(as, s->c.report.fail_on));
done:
    netvet_assessment_free(as);
    nv_session_dispose(s);
    return status;
}

static int cmd_assess(int argc, char **argv)
{
    assess_args a;
    _Static_assert(offsetof(assess_args, s.c) == 0, "nv_common first");
    nv_session_init(&a.s, PROG, KIND);
    return nv_run_session(&a.s, parse_args(&a, argc, argv), run, &a);
}
