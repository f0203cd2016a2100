/* SPDX-License-Identifier: Apache-2.0 */
/* netvet plan: which elements (or sites) to replace, in what order, so that
 * the target rules pass; greedy by violation removed per unit of cost, then
 * re-assessed from scratch. */
#include <stddef.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/exit.h"
#include "cli/run.h"
#include "cli/session.h"

#define KIND NETVET_REPORT_PLAN
#define PROG "netvet plan"
#define MAX_TARGETS 64

typedef struct plan_args {
    nv_session s; /* first: the shared rows' offsets */
    nv_list targets;
    netvet_plan_options o;
} plan_args;

static int set_by(const char *prog, const nv_opt *o, void *field,
                  const char *v)
{
    netvet_plan_unit *unit = field;
    if (!strcmp(v, "site"))
        *unit = NETVET_PLAN_BY_SITE;
    else if (!strcmp(v, "element"))
        *unit = NETVET_PLAN_BY_ELEMENT;
    else
        return nv_cli_fail(prog, "unknown --%s '%s' (element or site)",
                           o->name, v);
    return 0;
}

static const nv_opt opts[] = {
    {.name = "target", .arg = "RULE", .set = nv_set_list,
     .field = offsetof(plan_args, targets), .max = MAX_TARGETS,
     .flags = NV_OPT_REQUIRED, .help = "A rule to make pass."},
    {.name = "replace-with", .arg = "V", .set = nv_set_str,
     .field = offsetof(plan_args, o.replace_with), .flags = NV_OPT_SYNOPSIS,
     .help = "Vendor every replacement comes from."},
    {.name = "cost", .arg = "FILE", .set = nv_set_str,
     .field = offsetof(plan_args, o.cost_file),
     .flags = NV_OPT_SYNOPSIS | NV_OPT_FILE,
     .help = "Costs per function (YAML; see DESCRIPTION)."},
    {.name = "by", .arg = "WHAT", .values = "element|site", .set = set_by,
     .field = offsetof(plan_args, o.unit), .flags = NV_OPT_SYNOPSIS,
     .help = "element (default) or site: replace every candidate element "
             "of a site in one step."},
    NV_SESSION_OPTS,
    NV_OPTS_END};

static const nv_section sections[] = {
    {"DESCRIPTION",
     "Lists, in order, the elements (or with --by site, whole sites) whose "
     "vendor to replace so that every target rule passes, with the cost of "
     "each step, the cumulative cost, and each target's state after the "
     "step (the worst capped group's count and weight share for a share "
     "cap; the elements left for a forbid rule), then the total.\n\n"
     "Targets are rule ids of the loaded packs (e.g. uk-hrv-access-cap) of "
     "kind share-cap or forbid. A candidate is a counted element in a "
     "target's scope whose replacement lowers that target's violation (how "
     "far over its cap, summed over groups and measures; for forbid, the "
     "number of forbidden elements), each target's violation counted "
     "relative to its starting value. At each step netvet takes the "
     "candidate that removes the most violation per unit of cost.\n\n"
     "GREEDY IS NOT OPTIMAL: a cheaper set of replacements reaching the "
     "same targets may exist (choosing it is a knapsack-like problem). What "
     "netvet guarantees: every step lowers the violation; steps are in "
     "order of violation removed per unit of cost at the time they are "
     "taken; the plan stops as soon as the targets pass; and the planned "
     "network is then assessed again from scratch, with the full pipeline, "
     "and the report says whether the targets pass there (exit status 0 "
     "only if they do).\n\n"
     "The replacement vendor is --replace-with, or for each function the "
     "vendor with most elements of that function that no target selects or "
     "caps (like for like). A replacement is new equipment: the element's "
     "evidence columns are dropped. Costs come from --cost FILE, a YAML "
     "mapping of function (or alias) to the cost of replacing one element, "
     "with an optional 'default' (else 1); without the file every element "
     "costs 1. Exposure-cap and max-vendors rules are not targets.\n\n"
     "INVENTORY is as for netvet assess ('-': an elements CSV on standard "
     "input).",
     0},
    {"OPTIONS", NULL, 0},
    {"EXIT STATUS",
     "0\tthe planned network passes every target (also when no step is "
     "needed)\n\n"
     "1\tthe targets cannot be reached by replacing vendors, or the "
     "re-assessment does not pass them\n\n"
     "2\tbad usage, unknown rule or vendor, bad cost file or input\n\n"
     "3\tthe targets pass, but the re-assessment is INCOMPLETE (see "
     "netvet assess)",
     0},
    {"EXAMPLES",
     "netvet plan net/ --target uk-hrv-access-cap\n"
     "netvet plan net/ --target uk-hrv-access-cap --replace-with Nokia \\\n"
     "    --cost costs.yaml --by site --format json -o plan.json",
     1},
    {NULL, NULL, 0}};

static int cmd_plan(int argc, char **argv);

const nv_cmd nv_cmd_plan = {
    .name = "plan",
    .prog = PROG,
    .summary = "a replacement order that makes target rules pass",
    .brief = "which elements to replace, cheapest first, so target rules "
             "pass",
    .operands = "INVENTORY",
    .opts = opts,
    .sections = sections,
    .report = KIND,
    .run = cmd_plan};

static int parse_args(plan_args *a, int argc, char **argv)
{
    int rc = nv_run_parse_inventory(&nv_cmd_plan, argc, argv, a);
    if (rc >= 0)
        return rc;
    if (!a->targets.n)
        return nv_cli_fail(PROG, "give at least one --target RULE");
    a->o.targets = a->targets.v;
    return nv_session_operand(&a->s, argv[optind]);
}

static int run(void *payload, netvet_diag *diag)
{
    plan_args *a = payload;
    nv_session *s = &a->s;
    netvet_plan *p = NULL;
    int status = NV_EXIT_USAGE;
    double t0 = nv_cli_clock(), t1 = t0;
    int rc = nv_session_load(s, diag);
    t1 = nv_cli_clock();
    if (rc == 0) {
        a->o.assess = s->assess;
        rc = netvet_plan_run(&p, s->inv, s->reg, s->policy, &a->o, diag);
    }
    if (rc < 0) {
        status = nv_session_failed(s, diag, rc);
        goto done;
    }
    double t2 = nv_cli_clock();
    FILE *out = nv_session_open(s);
    if (!out)
        goto done;
    rc = netvet_plan_write(out, p, &s->c.report, diag);
    if (nv_session_close(s, rc, diag) != 0)
        goto done;
    status = nv_exit_of_answer(netvet_plan_passes(p), netvet_plan_after(p),
                               s->c.report.fail_on);
    if (s->c.timings)
        fprintf(stderr, "%s: timings: load %.3f s, plan (assess, greedy, "
                        "re-assess) %.3f s, report %.3f s\n",
                PROG, t1 - t0, t2 - t1, nv_cli_clock() - t2);
done:
    netvet_plan_free(p);
    nv_session_dispose(s);
    return status;
}

static int cmd_plan(int argc, char **argv)
{
    plan_args a;
    _Static_assert(offsetof(plan_args, s.c) == 0, "nv_common first");
    memset(&a, 0, sizeof(a));
    nv_session_init(&a.s, PROG, KIND);
    a.o.version = NETVET_PLAN_OPTIONS_VERSION;
    return nv_run_session(&a.s, parse_args(&a, argc, argv), run, &a);
}
