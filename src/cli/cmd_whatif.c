/* netvet whatif: load the inventory once, assess it, apply each scenario
 * to its own overlay and assess that, print before and after side by side;
 * the exit status follows the after states. */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/exit.h"
#include "cli/session.h"
#include "util/clock.h"

#define PROG "netvet whatif"

static const char help[] =
"NAME\n"
"    netvet whatif - what a planned change does to compliance and exposure\n\n"
"SYNOPSIS\n"
"    netvet whatif INVENTORY --scenario FILE [--scenario FILE]...\n"
"                  [--policy PACK|FILE]... [--as-of DATE] [--format text|json]\n"
"                  [-o FILE] [--fail-on error|warning|note|never] [...]\n\n"
"DESCRIPTION\n"
"    Answers 'does our mitigation still hold if we buy ZTE?' with numbers.\n"
"    A scenario file (docs/scenario-format.md) is an ordered list of\n"
"    changes: set attributes (vendor, function, site, weight, status, ...)\n"
"    on the elements a filter selects (function, vendor, site, region, tag,\n"
"    id, and a deterministic 'sample: 20%' with a seed); replace one vendor\n"
"    by another; remove elements (their links go with them); add elements\n"
"    and links. Changes apply in order to an overlay of the loaded\n"
"    inventory: the inventory is read once and never copied or modified;\n"
"    the overlay copies only the columns a change writes.\n\n"
"    The report shows, for each scenario against the same baseline: the\n"
"    changes and how many elements each touched; the verdict before ->\n"
"    after; every rule's measurement before and after with its limit;\n"
"    findings added, resolved and changed; share rows per function and\n"
"    risk domain that moved; the dependent weight of each risk domain\n"
"    (customer weight cut off without it); and the top single points of\n"
"    failure before and after.\n\n"
"    A filter that matches nothing, a vendor not in the registry, an id\n"
"    that does not exist (or one added twice), an unknown key or a bad\n"
"    value is an error naming the scenario's file:line (exit 2). A\n"
"    vendor change means new equipment: the element's evidence columns\n"
"    (MAC, sysObjectID, ...) are dropped, so its declared vendor counts.\n\n"
"OPTIONS\n"
"    --scenario FILE     A scenario to compare with the baseline.\n"
"                        Repeatable; each is applied to its own overlay.\n"
NV_SESSION_HELP
"\nEXIT STATUS\n"
"    0  every scenario's after state has no finding at or above --fail-on\n"
"    1  some scenario's after state has such a finding\n"
"    2  bad usage, unreadable or malformed input or scenario\n\n"
"EXAMPLES\n"
"    netvet whatif examples/uk-operator \\\n"
"        --scenario examples/uk-operator/scenarios/add-zte-aggregation.yaml\n"
"    netvet whatif net/ --scenario a.yaml --scenario b.yaml --format json\n";

enum { O_SCENARIO = NV_SO_FIRST_FREE };

typedef struct whatif_args {
    nv_session s;
    const char *scenarios[NV_SESSION_MAX];
    size_t n_scenarios;
} whatif_args;

static int parse_one(void *payload, int c)
{
    whatif_args *w = payload;
    if (c == O_SCENARIO)
        return nv_cli_add(PROG, w->scenarios, &w->n_scenarios,
                          NV_SESSION_MAX, optarg);
    int rc = nv_session_option(&w->s, c);
    return rc >= 0 ? rc : nv_cli_fail(PROG, "see 'netvet whatif --help'");
}

static int parse_args(whatif_args *w, int argc, char **argv)
{
    static const struct option longopts[] = {
        NV_SESSION_LONGOPTS,
        {"scenario", required_argument, NULL, O_SCENARIO},
        {NULL, 0, NULL, 0}};
    int rc = nv_cli_getopt(argc, argv, PROG, help, longopts, parse_one, w);
    if (rc >= 0)
        return rc;
    if (optind != argc - 1)
        return nv_cli_fail(PROG, "expected one INVENTORY argument (see "
                                 "--help)");
    if (!w->n_scenarios)
        return nv_cli_fail(PROG, "give at least one --scenario FILE");
    w->s.inventory = argv[optind];
    return -1;
}

typedef struct run_state {
    double apply_s[NV_SESSION_MAX], assess_s[NV_SESSION_MAX];
    netvet_scenario *sc[NV_SESSION_MAX];
    netvet_overlay *ov[NV_SESSION_MAX];
    netvet_assessment *after[NV_SESSION_MAX];
    netvet_whatif_case cases[NV_SESSION_MAX];
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
    double t0 = nv_clock_seconds(), t1 = t0;
    int rc = netvet_overlay_new(&r->ov[i], s->inv, s->reg);
    if (rc == 0)
        rc = netvet_overlay_apply(r->ov[i], r->sc[i], diag);
    t1 = nv_clock_seconds();
    if (rc == 0)
        rc = netvet_assess(&r->after[i], netvet_overlay_inventory(r->ov[i]),
                           s->reg, s->policy, &s->assess, diag);
    r->apply_s[i] = t1 - t0;
    r->assess_s[i] = nv_clock_seconds() - t1;
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
    int rc = netvet_whatif_write(out, r->before, r->cases, w->n_scenarios,
                                 &s->report, diag);
    if (nv_session_close(s, out) < 0 && rc == 0)
        rc = NETVET_EIO;
    if (rc < 0)
        return nv_session_failed(s, diag);
    int failing = 0;
    for (size_t i = 0; i < w->n_scenarios; i++)
        failing |= netvet_assessment_fails(r->after[i], s->report.fail_on);
    return failing ? NV_EXIT_FINDINGS : NV_EXIT_OK;
}

static int run(void *payload, netvet_diag *diag)
{
    whatif_args *w = payload;
    nv_session *s = &w->s;
    run_state r;
    memset(&r, 0, sizeof(r));
    int rc = 0, status = NV_EXIT_USAGE;
    size_t n = w->n_scenarios;
    double t0 = nv_clock_seconds(), t1 = t0, t2 = t0, t3 = t0;
    for (size_t i = 0; rc == 0 && i < n; i++)
        rc = netvet_scenario_load_file(&r.sc[i], w->scenarios[i], diag);
    if (rc == 0)
        rc = nv_session_load(s, diag);
    t1 = nv_clock_seconds();
    if (rc == 0)
        rc = netvet_assess(&r.before, s->inv, s->reg, s->policy, &s->assess,
                           diag);
    t2 = nv_clock_seconds();
    for (size_t i = 0; rc == 0 && i < n; i++)
        rc = one_scenario(w, &r, i, diag);
    t3 = nv_clock_seconds();
    if (rc < 0)
        status = nv_session_failed(s, diag);
    else
        status = report(w, &r, diag);
    if (s->timings && rc == 0) {
        fprintf(stderr, "%s: timings: load %.3f s, baseline %.3f s, "
                        "scenarios %.3f s, report %.3f s\n",
                PROG, t1 - t0, t2 - t1, t3 - t2, nv_clock_seconds() - t3);
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

int nv_cmd_whatif(int argc, char **argv)
{
    whatif_args w;
    memset(&w, 0, sizeof(w));
    nv_session_init(&w.s, PROG);
    int rc = parse_args(&w, argc, argv);
    if (rc >= 0)
        return rc;
    return nv_cli_with_diag(&w.s.diag, run, &w);
}
