/* SPDX-License-Identifier: Apache-2.0 */
/* netvet whatif: load the inventory once, assess it, apply each scenario
 * to its own overlay and assess that, print before and after side by side;
 * the exit status follows the after states. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/exit.h"
#include "cli/run.h"
#include "cli/session.h"

#define KIND NETVET_REPORT_WHATIF
#define PROG "netvet whatif"
#define MAX_SCENARIOS 32

typedef struct whatif_args {
    nv_session s; /* first: the shared rows' offsets */
    nv_list scenarios;
} whatif_args;

static const nv_opt opts[] = {
    {.name = "scenario", .arg = "FILE", .set = nv_set_list,
     .field = offsetof(whatif_args, scenarios), .max = MAX_SCENARIOS,
     .flags = NV_OPT_REQUIRED | NV_OPT_FILE | NV_OPT_STDIN,
     .help = "A scenario to compare with the baseline; each is applied to "
             "its own overlay ('-': read it from standard input)."},
    NV_SESSION_OPTS,
    NV_OPTS_END};

static const nv_section sections[] = {
    {"DESCRIPTION",
     "Answers 'does our mitigation still hold if we buy ZTE?' with "
     "numbers. A scenario file (docs/scenario-format.md) is an ordered list "
     "of changes: set attributes (vendor, function, site, weight, status, "
     "...) on the elements a filter selects (function, vendor, site, "
     "region, tag, id, and a deterministic 'sample: 20%' with a seed); "
     "replace one vendor by another; remove elements (their links go with "
     "them); add elements and links. Changes apply in order (a change's "
     "'date:' is ignored here: netvet timeline reads it) to an overlay "
     "of the loaded inventory: the inventory is read once and never copied "
     "or modified; the overlay copies only the columns a change writes.\n\n"
     "The report shows, for each scenario against the same baseline: the "
     "changes and how many elements each touched; the verdict before -> "
     "after; every rule's measurement before and after with its limit; "
     "findings added, resolved and changed; share rows per function and "
     "risk domain that moved; the dependent weight of each risk domain "
     "(customer weight cut off without it); and the top single points of "
     "failure before and after.\n\n"
     "A filter that matches nothing, a vendor not in the registry, an id "
     "that does not exist (or one added twice), an unknown key or a bad "
     "value is an error naming the scenario's file:line (exit 2). A vendor "
     "change means new equipment: the element's evidence columns (MAC, "
     "sysObjectID, ...) are dropped, so its declared vendor counts.\n\n"
     "INVENTORY is as for netvet assess ('-': an elements CSV on standard "
     "input).",
     0},
    {"OPTIONS", NULL, 0},
    {"EXIT STATUS",
     "0\tevery scenario's after state has no finding at or above "
     "--fail-on\n\n"
     "1\tsome scenario's after state has such a finding\n\n"
     "2\tbad usage, unreadable or malformed input or scenario\n\n"
     "3\tno after state fails, but some is INCOMPLETE (see netvet assess)",
     0},
    {"EXAMPLES",
     "netvet whatif examples/uk-operator \\\n"
     "    --scenario examples/uk-operator/scenarios/add-zte-aggregation.yaml\n"
     "netvet whatif net/ --scenario a.yaml --scenario b.yaml --format json",
     1},
    {NULL, NULL, 0}};

static int cmd_whatif(int argc, char **argv);

const nv_cmd nv_cmd_whatif = {
    .name = "whatif",
    .prog = PROG,
    .summary = "what a planned change does to compliance and exposure",
    .brief = "before/after of a scenario: verdict, findings, shares, "
             "exposure",
    .operands = "INVENTORY",
    .opts = opts,
    .sections = sections,
    .report = KIND,
    .run = cmd_whatif};

static int parse_args(whatif_args *w, int argc, char **argv)
{
    int rc = nv_run_parse_inventory(&nv_cmd_whatif, argc, argv, w);
    if (rc >= 0)
        return rc;
    if (!w->scenarios.n)
        return nv_cli_fail(PROG, "give at least one --scenario FILE");
    return nv_session_operand(&w->s, argv[optind]);
}

typedef struct run_state {
    double apply_s[MAX_SCENARIOS], assess_s[MAX_SCENARIOS];
    netvet_scenario *sc[MAX_SCENARIOS];
    netvet_overlay *ov[MAX_SCENARIOS];
    netvet_assessment *after[MAX_SCENARIOS];
    netvet_whatif_case cases[MAX_SCENARIOS];
    netvet_assessment *before;
} run_state;

static void run_state_free(run_state *r, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        netvet_assessment_free(r->after[i]);
        netvet_overlay_free(r->ov[i]);
        netvet_scenario_free(r->sc[i]);
    }
    netvet_assessment_free(r->before);
}

/* Apply scenario i to a fresh overlay and assess it. */
static int one_scenario(whatif_args *w, run_state *r, size_t i,
                        netvet_diag *diag)
{
    nv_session *s = &w->s;
    double t0 = nv_cli_clock(), t1 = t0;
    int rc = netvet_overlay_new(&r->ov[i], s->inv, s->reg);
    if (rc == 0)
        rc = netvet_overlay_apply(r->ov[i], r->sc[i], diag);
    t1 = nv_cli_clock();
    netvet_assess_options ao = s->assess;
    ao.strict_waivers = 0; /* the change may leave a waiver nothing */
    if (rc == 0)
        rc = netvet_assess(&r->after[i], netvet_overlay_inventory(r->ov[i]),
                           s->reg, s->policy, &ao, diag);
    r->apply_s[i] = t1 - t0;
    r->assess_s[i] = nv_cli_clock() - t1;
    r->cases[i].scenario = r->sc[i];
    r->cases[i].overlay = r->ov[i];
    r->cases[i].after = r->after[i];
    return rc;
}

static int report(whatif_args *w, run_state *r, netvet_diag *diag)
{
    nv_session *s = &w->s;
    FILE *out = nv_session_open(s);
    if (!out)
        return NV_EXIT_USAGE;
    int rc = netvet_whatif_write(out, r->before, r->cases, w->scenarios.n,
                                 &s->c.report, diag);
    if (nv_session_close(s, rc, diag) != 0)
        return NV_EXIT_USAGE;
    int failing = 0, incomplete = 0;
    for (size_t i = 0; i < w->scenarios.n; i++) {
        netvet_verdict v = netvet_assessment_verdict(r->after[i],
                                                     s->c.report.fail_on);
        failing |= v == NETVET_VERDICT_FAIL;
        incomplete |= v == NETVET_VERDICT_INCOMPLETE;
    }
    return failing ? NV_EXIT_FINDINGS
           : incomplete ? NV_EXIT_INCOMPLETE : NV_EXIT_OK;
}

static int run(void *payload, netvet_diag *diag)
{
    whatif_args *w = payload;
    nv_session *s = &w->s;
    run_state r;
    memset(&r, 0, sizeof(r));
    int rc = 0, status = NV_EXIT_USAGE;
    size_t n = w->scenarios.n;
    double t0 = nv_cli_clock(), t1 = t0, t2 = t0, t3 = t0;
    for (size_t i = 0; rc == 0 && i < n; i++)
        rc = nv_session_load_scenario(&w->s, w->scenarios.v[i], &r.sc[i],
                                      diag);
    if (rc == 0)
        rc = nv_session_load(s, diag);
    t1 = nv_cli_clock();
    if (rc == 0)
        rc = netvet_assess(&r.before, s->inv, s->reg, s->policy, &s->assess,
                           diag);
    t2 = nv_cli_clock();
    for (size_t i = 0; rc == 0 && i < n; i++)
        rc = one_scenario(w, &r, i, diag);
    t3 = nv_cli_clock();
    if (rc < 0)
        status = nv_session_failed(s, diag, rc);
    else
        status = report(w, &r, diag);
    if (s->c.timings && rc == 0) {
        fprintf(stderr, "%s: timings: load %.3f s, baseline %.3f s, "
                        "scenarios %.3f s, report %.3f s\n",
                PROG, t1 - t0, t2 - t1, t3 - t2, nv_cli_clock() - t3);
        for (size_t i = 0; i < n; i++)
            fprintf(stderr, "%s: timings: scenario %s: apply %.3f s, "
                            "assess %.3f s\n",
                    PROG, netvet_scenario_name(r.sc[i]), r.apply_s[i],
                    r.assess_s[i]);
    }
    run_state_free(&r, n);
    nv_session_dispose(s);
    return status;
}

static int cmd_whatif(int argc, char **argv)
{
    whatif_args w;
    _Static_assert(offsetof(whatif_args, s.c) == 0, "nv_common first");
    memset(&w, 0, sizeof(w));
    nv_session_init(&w.s, PROG, KIND);
    return nv_run_session(&w.s, parse_args(&w, argc, argv), run, &w);
}
