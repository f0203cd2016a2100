/* SPDX-License-Identifier: Apache-2.0 */
/* netvet check: the procurement question, "would adding N elements of this
 * vendor for this function here break a rule?", answered from the
 * inventory plus an overlay holding the new elements. */
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/exit.h"
#include "cli/run.h"
#include "cli/session.h"

#define KIND NETVET_REPORT_CHECK
#define PROG "netvet check"

typedef struct check_args {
    nv_session s; /* first: the shared rows' offsets */
    netvet_check_options o;
    nv_list tags;
} check_args;

static int set_weight(const char *prog, const nv_opt *o, void *field,
                      const char *v)
{
    char *end;
    errno = 0;
    double w = strtod(v, &end);
    if (errno || end == v || *end || !isfinite(w) || w < 0 || w > 1e15)
        return nv_cli_fail(prog, "--%s '%s' is not a number from 0 to 1e15",
                           o->name, v);
    *(double *)field = w;
    return 0;
}

#define AT(f) offsetof(check_args, o.f)

static const nv_opt opts[] = {
    {.name = "vendor", .arg = "V", .set = nv_set_str, .field = AT(vendor),
     .flags = NV_OPT_REQUIRED, .help = "Vendor to buy from (required)."},
    {.name = "function", .arg = "F", .set = nv_set_str,
     .field = AT(function), .flags = NV_OPT_REQUIRED,
     .help = "Function of the new elements (required)."},
    {.name = "site", .arg = "S", .set = nv_set_str, .field = AT(site),
     .flags = NV_OPT_SYNOPSIS, .help = "Site they go to."},
    {.name = "region", .arg = "R", .set = nv_set_str, .field = AT(region),
     .flags = NV_OPT_SYNOPSIS,
     .help = "Region they go to (without --site)."},
    {.name = "count", .arg = "N", .set = nv_set_count, .field = AT(count),
     .flags = NV_OPT_SYNOPSIS,
     .help = "How many (default 1, at most 1000000)."},
    {.name = "weight", .arg = "W", .set = set_weight, .field = AT(weight),
     .flags = NV_OPT_SYNOPSIS,
     .help = "Weight (customers served) of each new element."},
    {.name = "tag", .arg = "TAG", .set = nv_set_list,
     .field = offsetof(check_args, tags), .max = 32, .flags = NV_OPT_SYNOPSIS,
     .help = "A tag the new elements carry besides those of the site's "
             "elements (repeatable), e.g. 5g."},
    {.name = "installed", .arg = "DATE", .set = nv_set_str,
     .field = AT(installed), .flags = NV_OPT_SYNOPSIS,
     .help = "Installed date of the new elements, YYYY-MM-DD (default: the "
             "as-of date; a later date is the date judged)."},
    NV_SESSION_OPTS,
    NV_OPTS_END};

static const nv_section sections[] = {
    {"DESCRIPTION",
     "Would adding N elements of vendor V for function F (at site S or in "
     "region R) break any rule? netvet assesses the inventory as it is and "
     "with the N new elements (an overlay: the inventory is not copied or "
     "changed), and answers ALLOWED or NOT ALLOWED, naming each rule the "
     "purchase would break or push further over its limit. For every rule "
     "it prints the measurement before -> after and the margin left under "
     "the limit, e.g. 'CN count-share 31.20% -> 34.90%, cap 35.00%: 0.10 "
     "points left'.\n\n"
     "The new elements are active, have no links and, unless --weight is "
     "given, each carries the mean weight of the counted elements of that "
     "function at the site (else in the region, else in the network); the "
     "report says which. With --site only, the region is taken from the "
     "site's elements. They carry every tag of the site's elements that are "
     "not decommissioned (a site whose elements are tagged sensitive makes "
     "them sensitive), plus each --tag; they are installed on --installed "
     "(default the as-of date), and when that is later than the as-of date "
     "the purchase is judged on it.\n\n"
     "The purchase is judged again on each later date on which a rule of "
     "the policy takes effect; the answer names the first date from which "
     "such a rule would refuse it ('allowed until 2027-12-31: "
     "uk-dvd-5g-out') and lists every later date. Because the new elements have no links, topology "
     "rules (exposure caps) are not measured here: describe the links in a "
     "scenario and use netvet whatif for that.\n\n"
     "V must resolve in the vendor registry (aliases and former names "
     "match); F is a function or alias (OLT, gNB, ...); S and R must be a "
     "site and a region some element already has; give one of them at "
     "most. Anything else is an error (exit 2), never a guess.\n\n"
     "INVENTORY is as for netvet assess ('-': an elements CSV on standard "
     "input).",
     0},
    {"OPTIONS", NULL, 0},
    {"EXIT STATUS",
     "0\tallowed: no finding at or above --fail-on is added or made "
     "worse\n\n"
     "1\tnot allowed\n\n"
     "2\tbad usage, unknown vendor, function, site or region, bad input\n\n"
     "3\tallowed, but the assessment after the purchase is INCOMPLETE "
     "(see netvet assess): the answer rests on what was not judged",
     0},
    {"EXAMPLES",
     "netvet check examples/uk-operator --vendor ZTE --function access \\\n"
     "    --region London --count 10\n"
     "netvet check net/ --vendor Ericsson --function gNB --site LDS-C042",
     1},
    {NULL, NULL, 0}};

static int cmd_check(int argc, char **argv);

const nv_cmd nv_cmd_check = {
    .name = "check",
    .prog = PROG,
    .summary = "may we buy this? the procurement question",
    .brief = "procurement: would adding N elements of vendor V break a "
             "rule?",
    .operands = "INVENTORY",
    .opts = opts,
    .sections = sections,
    .report = KIND,
    .run = cmd_check};

static int parse_args(check_args *a, int argc, char **argv)
{
    int rc = nv_run_parse_inventory(&nv_cmd_check, argc, argv, a);
    if (rc >= 0)
        return rc;
    if (!a->o.vendor || !a->o.function)
        return nv_cli_fail(PROG, "--vendor and --function are required");
    if (a->o.site && a->o.region)
        return nv_cli_fail(PROG, "give --site or --region, not both");
    return nv_session_operand(&a->s, argv[optind]);
}

static int run(void *payload, netvet_diag *diag)
{
    check_args *a = payload;
    nv_session *s = &a->s;
    netvet_check *c = NULL;
    int status = NV_EXIT_USAGE;
    double t0 = nv_cli_clock(), t1 = t0;
    int rc = nv_session_load(s, diag);
    t1 = nv_cli_clock();
    if (rc == 0) {
        a->o.assess = s->assess;
        a->o.fail_on = s->c.report.fail_on;
        a->o.tags = a->tags.n ? a->tags.v : NULL;
        rc = netvet_check_run(&c, s->inv, s->reg, s->policy, &a->o, diag);
    }
    if (rc < 0) {
        status = nv_session_failed(s, diag, rc);
        goto done;
    }
    FILE *out = nv_session_open(s);
    if (!out)
        goto done;
    rc = netvet_check_write(out, c, &s->c.report, diag);
    if (nv_session_close(s, rc, diag) != 0)
        goto done;
    status = nv_exit_of_answer(netvet_check_allowed(c), netvet_check_after(c),
                               s->c.report.fail_on);
    if (s->c.timings)
        fprintf(stderr, "%s: timings: load %.3f s, check and report %.3f s\n",
                PROG, t1 - t0, nv_cli_clock() - t1);
done:
    netvet_check_free(c);
    nv_session_dispose(s);
    return status;
}

static int cmd_check(int argc, char **argv)
{
    check_args a;
    _Static_assert(offsetof(check_args, s.c) == 0, "nv_common first");
    memset(&a, 0, sizeof(a));
    nv_session_init(&a.s, PROG, KIND);
    a.o.version = NETVET_CHECK_OPTIONS_VERSION;
    a.o.count = 1;
    a.o.weight = -1;
    return nv_run_session(&a.s, parse_args(&a, argc, argv), run, &a);
}
