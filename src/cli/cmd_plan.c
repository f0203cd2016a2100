/* netvet plan: which elements (or sites) to replace, in what order, so that
 * the target rules pass; greedy by violation removed per unit of cost, then
 * re-assessed from scratch. */
#include <string.h>

#include "cli/commands.h"
#include "cli/exit.h"
#include "cli/session.h"
#include "util/clock.h"

#define PROG "netvet plan"
#define MAX_TARGETS 64

static const char help[] =
"NAME\n"
"    netvet plan - a replacement order that makes target rules pass\n\n"
"SYNOPSIS\n"
"    netvet plan INVENTORY --target RULE [--target RULE]...\n"
"                [--replace-with VENDOR] [--cost FILE] [--by element|site]\n"
"                [--policy PACK|FILE]... [--as-of DATE] [--format text|json]\n"
"                [-o FILE] [...]\n\n"
"DESCRIPTION\n"
"    Lists, in order, the elements (or with --by site, whole sites) whose\n"
"    vendor to replace so that every target rule passes, with the cost of\n"
"    each step, the cumulative cost, and each target's state after the\n"
"    step (the worst capped group's count and weight share for a share\n"
"    cap; the elements left for a forbid rule), then the total.\n\n"
"    Targets are rule ids of the loaded packs (e.g. uk-hrv-access-cap) of\n"
"    kind share-cap or forbid. A candidate is a counted element in a\n"
"    target's scope whose replacement lowers that target's violation (how\n"
"    far over its cap, summed over groups and measures; for forbid, the\n"
"    number of forbidden elements), each target's violation counted\n"
"    relative to its starting value. At each step netvet takes the\n"
"    candidate that removes the most violation per unit of cost.\n\n"
"    GREEDY IS NOT OPTIMAL: a cheaper set of replacements reaching the\n"
"    same targets may exist (choosing it is a knapsack-like problem). What\n"
"    netvet guarantees: every step lowers the violation; steps are in\n"
"    order of violation removed per unit of cost at the time they are\n"
"    taken; the plan stops as soon as the targets pass; and the planned\n"
"    network is then assessed again from scratch, with the full pipeline,\n"
"    and the report says whether the targets pass there (exit status 0\n"
"    only if they do).\n\n"
"    The replacement vendor is --replace-with, or for each function the\n"
"    vendor with most elements of that function that no target selects or\n"
"    caps (like for like). A replacement is new equipment: the element's\n"
"    evidence columns are dropped. Costs come from --cost FILE, a YAML\n"
"    mapping of function (or alias) to the cost of replacing one element,\n"
"    with an optional 'default' (else 1); without the file every element\n"
"    costs 1. Exposure-cap and max-vendors rules are not targets.\n\n"
"OPTIONS\n"
"    --target RULE       A rule to make pass. Repeatable.\n"
"    --replace-with V    Vendor every replacement comes from.\n"
"    --cost FILE         Costs per function (YAML; see above).\n"
"    --by WHAT           element (default) or site: replace every\n"
"                        candidate element of a site in one step.\n"
NV_SESSION_HELP
"\nEXIT STATUS\n"
"    0  the planned network passes every target (also when no step is\n"
"       needed)\n"
"    1  the targets cannot be reached by replacing vendors, or the\n"
"       re-assessment does not pass them\n"
"    2  bad usage, unknown rule or vendor, bad cost file or input\n\n"
"EXAMPLES\n"
"    netvet plan net/ --target uk-hrv-access-cap\n"
"    netvet plan net/ --target uk-hrv-access-cap --replace-with Nokia \\\n"
"        --cost costs.yaml --by site --format json -o plan.json\n";

enum { O_TARGET = NV_SO_FIRST_FREE, O_WITH, O_COST, O_BY };

typedef struct plan_args {
    nv_session s;
    const char *targets[MAX_TARGETS + 1];
    size_t n_targets;
    netvet_plan_options o;
} plan_args;

static int parse_one(void *payload, int c)
{
    plan_args *a = payload;
    switch (c) {
    case O_TARGET:
        return nv_cli_add(PROG, a->targets, &a->n_targets, MAX_TARGETS,
                          optarg);
    case O_WITH: a->o.replace_with = optarg; return 0;
    case O_COST: a->o.cost_file = optarg; return 0;
    case O_BY:
        if (!strcmp(optarg, "site"))
            a->o.unit = NETVET_PLAN_BY_SITE;
        else if (!strcmp(optarg, "element"))
            a->o.unit = NETVET_PLAN_BY_ELEMENT;
        else
            return nv_cli_fail(PROG, "unknown --by '%s' (element or site)",
                               optarg);
        return 0;
    default: {
        int rc = nv_session_option(&a->s, c);
        return rc >= 0 ? rc : nv_cli_fail(PROG, "see 'netvet plan --help'");
    }
    }
}

static int parse_args(plan_args *a, int argc, char **argv)
{
    static const struct option longopts[] = {
        NV_SESSION_LONGOPTS,
        {"target", required_argument, NULL, O_TARGET},
        {"replace-with", required_argument, NULL, O_WITH},
        {"cost", required_argument, NULL, O_COST},
        {"by", required_argument, NULL, O_BY},
        {NULL, 0, NULL, 0}};
    int rc = nv_cli_getopt(argc, argv, PROG, help, longopts, parse_one, a);
    if (rc >= 0)
        return rc;
    if (optind != argc - 1)
        return nv_cli_fail(PROG, "expected one INVENTORY argument (see "
                                 "--help)");
    if (!a->n_targets)
        return nv_cli_fail(PROG, "give at least one --target RULE");
    a->s.inventory = argv[optind];
    a->o.targets = a->targets;
    return -1;
}

static int run(void *payload, netvet_diag *diag)
{
    plan_args *a = payload;
    nv_session *s = &a->s;
    netvet_plan *p = NULL;
    int status = NV_EXIT_USAGE;
    double t0 = nv_clock_seconds(), t1 = t0;
    int rc = nv_session_load(s, diag);
    t1 = nv_clock_seconds();
    if (rc == 0) {
        a->o.assess = s->assess;
        rc = netvet_plan_run(&p, s->inv, s->reg, s->policy, &a->o, diag);
    }
    if (rc < 0) {
        status = nv_session_failed(s, diag);
        goto done;
    }
    double t2 = nv_clock_seconds();
    FILE *out = nv_session_open(s);
    if (!out)
        goto done;
    rc = netvet_plan_write(out, p, &s->report, diag);
    if (nv_session_close(s, out) < 0 && rc == 0)
        rc = NETVET_EIO;
    if (rc < 0) {
        status = nv_session_failed(s, diag);
        goto done;
    }
    status = netvet_plan_passes(p) ? NV_EXIT_OK : NV_EXIT_FINDINGS;
    if (s->timings)
        fprintf(stderr, "%s: timings: load %.3f s, plan (assess, greedy, "
                        "re-assess) %.3f s, report %.3f s\n",
                PROG, t1 - t0, t2 - t1, nv_clock_seconds() - t2);
done:
    netvet_plan_free(p);
    nv_session_dispose(s);
    return status;
}

int nv_cmd_plan(int argc, char **argv)
{
    plan_args a;
    memset(&a, 0, sizeof(a));
    nv_session_init(&a.s, PROG);
    a.o.version = NETVET_PLAN_OPTIONS_VERSION;
    int rc = parse_args(&a, argc, argv);
    if (rc >= 0)
        return rc;
    return nv_cli_with_diag(&a.s.diag, run, &a);
}
