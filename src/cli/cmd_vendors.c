/* SPDX-License-Identifier: Apache-2.0 */
/* netvet vendors: what the vendor registry (built in, plus --registry
 * overlays) says: every entry, one entry's facts, or how a declared name
 * resolves and which owners put the vendor in which jurisdictions on the
 * as-of date. The ownership threshold is the smallest of the --policy
 * packs' (10 % without packs). */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/exit.h"
#include "cli/run.h"
#include "cli/session.h"

#define KIND NETVET_REPORT_VENDORS
#define PROG "netvet vendors"

typedef struct vendors_args {
    nv_session s; /* first: the shared rows' offsets */
    netvet_vendors_options vo;
} vendors_args;

static const nv_opt opts[] = {
    {.shared = &nv_opt_registry, .flags = NV_OPT_SYNOPSIS},
    {.shared = &nv_opt_policy, .flags = NV_OPT_SYNOPSIS,
     .help = "Take the ownership threshold from these packs (built-in ids "
             "or files): the smallest `ownership_threshold` among them "
             "(docs/policy-format.md). Without it: 10%."},
    {.shared = &nv_opt_as_of, .flags = NV_OPT_SYNOPSIS,
     .help = "Judge ownership stakes and listings as of YYYY-MM-DD "
             "(default: today, UTC): a stake or listing counts from its "
             "`from`/`date` up to the day before its `until`."},
    NV_SHOW(nv_opt_format),
    NV_USE(nv_opt_output),
    NV_USE(nv_opt_help),
    NV_OPTS_END};

static const nv_section sections[] = {
    {"DESCRIPTION",
     "list\tEvery registry entry (vendors and the holders that own them) "
     "with its jurisdictions and the listings in force on the date.\n\n"
     "show ID\tEvery fact of the entry with that id: aliases, country and "
     "its source, owners with shares, dates and sources, categories, "
     "production, listings with dates, PENs, its jurisdictions.\n\n"
     "why NAME\tHow a declared vendor name resolves (exact, alias, "
     "normalised, folded, look-alike, or not at all), then the owner "
     "chain: each stake with its share and dates, whether it counts on "
     "the date (in force and at least the ownership threshold) and which "
     "jurisdictions it adds; then the listings in force, the vendor's own "
     "and those of owners holding more than 50%.\n\n"
     "A jurisdiction is every state that can compel the vendor: its own "
     "country of incorporation, every state holding a stake that counts, "
     "and, recursively, the jurisdictions of every owner whose stake "
     "counts (docs/registry-format.md). The JSON report (schema "
     "netvet-vendors/1) is described in docs/json-schema.md.",
     0},
    {"OPTIONS", NULL, 0},
    {"EXIT STATUS",
     "0\tthe report was written\n\n"
     "1\twhy: the name does not resolve to a registry entry\n\n"
     "2\tbad usage, an unknown id, or a malformed registry or pack",
     0},
    {"EXAMPLES",
     "netvet vendors list --format json\n"
     "netvet vendors show ale\n"
     "netvet vendors why \"Alcatel-Lucent Enterprise\" --as-of 2015-01-01\n"
     "netvet vendors why Acme --registry mine.yaml --policy pack.yaml",
     1},
    {NULL, NULL, 0}};

static int cmd_vendors(int argc, char **argv);

const nv_cmd nv_cmd_vendors = {
    .name = "vendors",
    .prog = PROG,
    .summary = "what the vendor registry says: entries, owners, "
               "jurisdictions, listings",
    .brief = "list registry entries, show one, or explain how a name "
             "resolves and who can compel it",
    .operands = "list\nshow ID\nwhy NAME",
    .opts = opts,
    .sections = sections,
    .report = KIND,
    .run = cmd_vendors};

static int parse_args(vendors_args *w, int argc, char **argv)
{
    static const char *const verbs[] = {"show", "why", NULL};
    static const netvet_vendors_view views[] = {NETVET_VENDORS_SHOW,
                                                NETVET_VENDORS_WHY};
    int verb = -1; /* list: the default view */
    int rc = nv_run_parse_verb(&nv_cmd_vendors, argc, argv, w, verbs,
                               "list, show ID or why NAME", &verb,
                               &w->vo.subject);
    if (verb >= 0)
        w->vo.view = views[verb];
    return rc;
}

static int load_threshold(vendors_args *w, netvet_diag *diag)
{
    nv_session *s = &w->s;
    if (netvet_policy_new(&s->policy) < 0)
        return NETVET_ENOMEM;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < s->c.policies.n; i++)
        rc = nv_session_add_pack(s, s->c.policies.v[i], diag);
    w->vo.threshold = netvet_policy_ownership_threshold(s->policy);
    return rc;
}

static int run(void *payload, netvet_diag *diag)
{
    vendors_args *w = payload;
    nv_session *s = &w->s;
    int rc = nv_session_load_registry(s, diag);
    if (rc == 0)
        rc = load_threshold(w, diag);
    if (rc < 0) {
        int st = nv_session_failed(s, diag, rc);
        nv_session_dispose(s);
        return st;
    }
    nv_cli_diag_finish(&s->c.diag);
    w->vo.as_of = s->c.as_of;
    FILE *out = nv_session_open(s);
    int status = NV_EXIT_USAGE;
    if (out) {
        rc = netvet_vendors_write(out, s->reg, &w->vo, &s->c.report, diag);
        status = nv_session_close(s, rc, diag);
    }
    if (status == 0 && w->vo.view == NETVET_VENDORS_WHY &&
        netvet_registry_resolve(s->reg, w->vo.subject,
                                strlen(w->vo.subject)) < 0)
        status = 1;
    nv_session_dispose(s);
    return status;
}

static int cmd_vendors(int argc, char **argv)
{
    vendors_args w;
    netvet_vendors_options vo = NETVET_VENDORS_OPTIONS_INIT;
    _Static_assert(offsetof(vendors_args, s.c) == 0, "nv_common first");
    memset(&w, 0, sizeof(w));
    w.vo = vo;
    nv_session_init(&w.s, PROG, KIND);
    return nv_run_session(&w.s, parse_args(&w, argc, argv), run, &w);
}
