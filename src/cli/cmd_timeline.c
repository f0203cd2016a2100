/* SPDX-License-Identifier: Apache-2.0 */
/* netvet timeline: load the inventory and the scenarios once, then assess
 * at every date where a rule starts or stops or a dated change applies,
 * with the changes dated on or before each date applied; print per date
 * the verdict and what changed. The exit status is the last date's
 * verdict. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/exit.h"
#include "cli/run.h"
#include "cli/session.h"

#define KIND NETVET_REPORT_TIMELINE
#define PROG "netvet timeline"
#define MAX_SCENARIOS 32

typedef struct timeline_args {
    nv_session s; /* first: the shared rows' offsets */
    nv_list scenarios;
    const char *from, *to;
} timeline_args;

static const nv_opt opts[] = {
    {.name = "scenario", .arg = "FILE", .set = nv_set_list,
     .field = offsetof(timeline_args, scenarios), .max = MAX_SCENARIOS,
     .flags = NV_OPT_FILE | NV_OPT_STDIN,
     .help = "A plan of dated changes (docs/scenario-format.md); several "
             "apply together, in the order given ('-': standard input)."},
    {.name = "from", .arg = "DATE", .set = nv_set_str,
     .field = offsetof(timeline_args, from),
     .help = "First date, YYYY-MM-DD (default: the earliest date a rule "
             "starts or stops or a change is dated; with none, --as-of)."},
    {.name = "to", .arg = "DATE", .set = nv_set_str,
     .field = offsetof(timeline_args, to),
     .help = "Last date, YYYY-MM-DD (default: the latest such date)."},
    NV_SESSION_OPTS,
    NV_OPTS_END};

static const nv_section sections[] = {
    {"DESCRIPTION",
     "Answers 'with our planned swaps, when do we pass each deadline?'. "
     "The policy is assessed at the first date and at every later date up "
     "to the last where something changes: a rule takes effect (its "
     "effective date) or stops (the day after its end), a scenario "
     "change is dated (a change's optional 'date: YYYY-MM-DD'), or a "
     "listing a pack selects high-risk vendors by starts or ends for some "
     "vendor (its 'date' and 'until' in the registry; these days never "
     "move the default first and last dates). At each "
     "date the scenario changes dated on or before it are applied, undated "
     "ones from the first date, to one overlay of the inventory (in date "
     "order, then the order of the --scenario options, then file order).\n\n"
     "The text report shows per date the verdict (and the one before when "
     "it changed), the changes applied that day, and the rules that start "
     "or stop applying or flip between pass and fail; at the first date "
     "every rule in force. JSON (schema netvet-timeline/1, "
     "docs/json-schema.md) lists every rule measurement at every date with "
     "its status at the date before.\n\n"
     "A change whose filter matches nothing at its date is an error naming "
     "the scenario's file:line (exit 2). INVENTORY is as for netvet "
     "assess.",
     0},
    {"OPTIONS", NULL, 0},
    {"EXIT STATUS",
     "0\tthe last date's verdict is PASS\n\n"
     "1\tthe last date's verdict is FAIL\n\n"
     "2\tbad usage, unreadable or malformed input or scenario\n\n"
     "3\tthe last date's verdict is INCOMPLETE",
     0},
    {"EXAMPLES",
     "netvet timeline examples/uk-operator-2023 \\\n"
     "    --scenario examples/uk-operator-2023/plan.yaml\n"
     "netvet timeline net/ --scenario plan.yaml --from 2023-01-01 \\\n"
     "    --to 2028-01-01 --format json",
     1},
    {NULL, NULL, 0}};

static int cmd_timeline(int argc, char **argv);

const nv_cmd nv_cmd_timeline = {
    .name = "timeline",
    .prog = PROG,
    .summary = "the verdict at every date a rule or a planned change takes "
               "effect",
    .brief = "verdict per date of a dated plan: rules starting, flipping, "
             "changes applied",
    .operands = "INVENTORY",
    .opts = opts,
    .sections = sections,
    .report = KIND,
    .run = cmd_timeline};

static int parse_args(timeline_args *w, int argc, char **argv)
{
    int rc = nv_run_parse_inventory(&nv_cmd_timeline, argc, argv, w);
    return rc >= 0 ? rc : nv_session_operand(&w->s, argv[optind]);
}

static int report(timeline_args *w, const netvet_timeline *t,
                  netvet_diag *diag)
{
    nv_session *s = &w->s;
    FILE *out = nv_session_open(s);
    if (!out)
        return NV_EXIT_USAGE;
    int rc = netvet_timeline_write(out, t, &s->c.report, diag);
    if (nv_session_close(s, rc, diag) != 0)
        return NV_EXIT_USAGE;
    netvet_timeline_point p = NETVET_TIMELINE_POINT_INIT;
    if (netvet_timeline_get_point(t, netvet_timeline_point_count(t) - 1,
                                  &p) < 0)
        return NV_EXIT_USAGE;
    return nv_exit_of(p.verdict);
}

static int run_timeline(timeline_args *w, netvet_scenario *const *sc,
                        netvet_timeline **t, netvet_diag *diag)
{
    nv_session *s = &w->s;
    netvet_timeline_options o = {NETVET_TIMELINE_OPTIONS_VERSION, w->from,
                                 w->to, s->c.report.fail_on, s->assess};
    return netvet_timeline_run(t, s->inv, s->reg, s->policy,
                               (const netvet_scenario *const *)sc,
                               w->scenarios.n, &o, diag);
}

static int run(void *payload, netvet_diag *diag)
{
    timeline_args *w = payload;
    nv_session *s = &w->s;
    netvet_scenario *sc[MAX_SCENARIOS] = {0};
    netvet_timeline *t = NULL;
    size_t n = w->scenarios.n;
    int rc = 0, status;
    double t0 = nv_cli_clock(), t1 = t0, t2 = t0;
    for (size_t i = 0; rc == 0 && i < n; i++)
        rc = nv_session_load_scenario(s, w->scenarios.v[i], &sc[i], diag);
    if (rc == 0)
        rc = nv_session_load(s, diag);
    t1 = nv_cli_clock();
    if (rc == 0)
        rc = run_timeline(w, sc, &t, diag);
    t2 = nv_cli_clock();
    status = rc < 0 ? nv_session_failed(s, diag, rc) : report(w, t, diag);
    if (s->c.timings && rc == 0)
        fprintf(stderr, "%s: timings: load %.3f s, %zu dates %.3f s, "
                        "report %.3f s\n",
                PROG, t1 - t0, netvet_timeline_point_count(t), t2 - t1,
                nv_cli_clock() - t2);
    netvet_timeline_free(t);
    for (size_t i = 0; i < n; i++)
        netvet_scenario_free(sc[i]);
    nv_session_dispose(s);
    return status;
}

static int cmd_timeline(int argc, char **argv)
{
    timeline_args w;
    _Static_assert(offsetof(timeline_args, s.c) == 0, "nv_common first");
    memset(&w, 0, sizeof(w));
    nv_session_init(&w.s, PROG, KIND);
    return nv_run_session(&w.s, parse_args(&w, argc, argv), run, &w);
}
