/* SPDX-License-Identifier: Apache-2.0 */
/* netvet packs: the policy packs netvet knows (every built-in pack, plus
 * the --policy files), one line each, or one pack with its rules, their
 * dates and sources. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/exit.h"
#include "cli/run.h"
#include "cli/session.h"

#define KIND NETVET_REPORT_PACKS
#define PROG "netvet packs"

typedef struct packs_args {
    nv_session s; /* first: the shared rows' offsets */
    const char *pack_id; /* show: the pack; NULL for list */
} packs_args;

static const nv_opt opts[] = {
    {.shared = &nv_opt_policy, .flags = NV_OPT_SYNOPSIS,
     .help = "Also load this pack file ('-': standard input); the built-in "
             "packs are always listed."},
    NV_SHOW(nv_opt_format),
    NV_USE(nv_opt_output),
    NV_USE(nv_opt_help),
    NV_OPTS_END};

static const nv_section sections[] = {
    {"DESCRIPTION",
     "list\tEvery pack: its id, whether it is built in, its number of "
     "rules, its ownership threshold and title.\n\n"
     "show ID\tThe pack's title, file, sources, ownership threshold, "
     "high-risk definition (listings, vendors, countries), assumptions, "
     "and every rule with its kind, severity, the dates it is in force "
     "and its public source.\n\n"
     "The pack format is docs/policy-format.md; the JSON report (schema "
     "netvet-packs/1) is described in docs/json-schema.md.",
     0},
    {"OPTIONS", NULL, 0},
    {"EXIT STATUS",
     "0\tthe report was written\n\n"
     "2\tbad usage, an unknown pack id, or a malformed pack",
     0},
    {"EXAMPLES",
     "netvet packs list\n"
     "netvet packs show uk-ncsc-2020 --format json\n"
     "netvet packs show my-pack --policy my-pack.yaml",
     1},
    {NULL, NULL, 0}};

static int cmd_packs(int argc, char **argv);

const nv_cmd nv_cmd_packs = {
    .name = "packs",
    .prog = PROG,
    .summary = "the policy packs: their rules, dates and sources",
    .brief = "list the policy packs or show one with its rules, dates and "
             "sources",
    .operands = "list\nshow ID",
    .opts = opts,
    .sections = sections,
    .report = KIND,
    .run = cmd_packs};

static int parse_args(packs_args *w, int argc, char **argv)
{
    static const char *const verbs[] = {"show", NULL};
    int verb = -1;
    return nv_run_parse_verb(&nv_cmd_packs, argc, argv, w, verbs,
                             "list or show ID", &verb, &w->pack_id);
}

/* Is p the id of a built-in pack (and no file of that name)? */
static int builtin(const char *p)
{
    for (const char *const *id = netvet_policy_builtin_ids(); *id; id++)
        if (!strcmp(*id, p))
            return access(p, F_OK) != 0;
    return 0;
}

static int load(nv_session *s, netvet_diag *diag)
{
    if (netvet_policy_new(&s->policy) < 0)
        return NETVET_ENOMEM;
    int rc = 0;
    for (const char *const *id = netvet_policy_builtin_ids(); rc == 0 && *id;
         id++)
        rc = netvet_policy_add_builtin(s->policy, *id, diag);
    for (size_t i = 0; rc == 0 && i < s->c.policies.n; i++)
        if (!builtin(s->c.policies.v[i]))
            rc = nv_session_add_pack(s, s->c.policies.v[i], diag);
    return rc;
}

static int run(void *payload, netvet_diag *diag)
{
    packs_args *w = payload;
    nv_session *s = &w->s;
    int rc = load(s, diag), status = NV_EXIT_USAGE;
    if (rc < 0) {
        status = nv_session_failed(s, diag, rc);
        nv_session_dispose(s);
        return status;
    }
    nv_cli_diag_finish(&s->c.diag);
    FILE *out = nv_session_open(s);
    if (out) {
        rc = netvet_packs_write(out, s->policy, w->pack_id, &s->c.report,
                                diag);
        status = nv_session_close(s, rc, diag);
    }
    nv_session_dispose(s);
    return status;
}

static int cmd_packs(int argc, char **argv)
{
    packs_args w;
    _Static_assert(offsetof(packs_args, s.c) == 0, "nv_common first");
    memset(&w, 0, sizeof(w));
    nv_session_init(&w.s, PROG, KIND);
    return nv_run_session(&w.s, parse_args(&w, argc, argv), run, &w);
}
