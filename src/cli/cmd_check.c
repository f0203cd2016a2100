/* netvet check: the procurement question, "would adding N elements of this
 * vendor for this function here break a rule?", answered from the
 * inventory plus an overlay holding the new elements. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/exit.h"
#include "cli/session.h"
#include "util/clock.h"

#define PROG "netvet check"

static const char help[] =
"NAME\n"
"    netvet check - may we buy this? the procurement question\n\n"
"SYNOPSIS\n"
"    netvet check INVENTORY --vendor V --function F\n"
"                 [--site S | --region R] [--count N] [--weight W]\n"
"                 [--policy PACK|FILE]... [--as-of DATE] [--format text|json]\n"
"                 [-o FILE] [--fail-on error|warning|note|never] [...]\n\n"
"DESCRIPTION\n"
"    Would adding N elements of vendor V for function F (at site S or in\n"
"    region R) break any rule? netvet assesses the inventory as it is and\n"
"    with the N new elements (an overlay: the inventory is not copied or\n"
"    changed), and answers ALLOWED or NOT ALLOWED, naming each rule the\n"
"    purchase would break or push further over its limit. For every rule\n"
"    it prints the measurement before -> after and the margin left under\n"
"    the limit, e.g. 'CN count-share 31.20% -> 34.90%, cap 35.00%: 0.10\n"
"    points left'.\n\n"
"    The new elements are active, have no links and, unless --weight is\n"
"    given, each carries the mean weight of the counted elements of that\n"
"    function at the site (else in the region, else in the network); the\n"
"    report says which. With --site only, the region is taken from the\n"
"    site's elements. Because the new elements have no links, topology\n"
"    rules (exposure caps) are not measured here: describe the links in a\n"
"    scenario and use netvet whatif for that.\n\n"
"    V must resolve in the vendor registry (aliases and former names\n"
"    match); F is a function or alias (OLT, gNB, ...); S and R must be a\n"
"    site and a region some element already has. Anything else is an\n"
"    error (exit 2), never a guess.\n\n"
"OPTIONS\n"
"    --vendor V          Vendor to buy from (required).\n"
"    --function F        Function of the new elements (required).\n"
"    --site S            Site they go to.\n"
"    --region R          Region they go to (without --site).\n"
"    --count N           How many (default 1, at most 1000000).\n"
"    --weight W          Weight (customers served) of each new element.\n"
NV_SESSION_HELP
"\nEXIT STATUS\n"
"    0  allowed: no finding at or above --fail-on is added or made worse\n"
"    1  not allowed\n"
"    2  bad usage, unknown vendor, function, site or region, bad input\n\n"
"EXAMPLES\n"
"    netvet check examples/uk-operator --vendor ZTE --function access \\\n"
"        --region London --count 10\n"
"    netvet check net/ --vendor Ericsson --function gNB --site LDS-C042\n";

enum { O_VENDOR = NV_SO_FIRST_FREE, O_FUNCTION, O_SITE, O_REGION, O_COUNT,
       O_WEIGHT };

typedef struct check_args {
    nv_session s;
    netvet_check_options o;
} check_args;

static int parse_weight(const char *v, double *out)
{
    char *end;
    errno = 0;
    double w = strtod(v, &end);
    if (errno || end == v || *end || !isfinite(w) || w < 0 || w > 1e15)
        return -1;
    *out = w;
    return 0;
}

static int parse_one(void *payload, int c)
{
    check_args *a = payload;
    switch (c) {
    case O_VENDOR: a->o.vendor = optarg; return 0;
    case O_FUNCTION: a->o.function = optarg; return 0;
    case O_SITE: a->o.site = optarg; return 0;
    case O_REGION: a->o.region = optarg; return 0;
    case O_COUNT:
        if (nv_cli_parse_size(optarg, &a->o.count) < 0)
            return nv_cli_fail(PROG, "--count '%s' is not a count", optarg);
        return 0;
    case O_WEIGHT:
        if (parse_weight(optarg, &a->o.weight) < 0)
            return nv_cli_fail(PROG, "--weight '%s' is not a number from 0 "
                                     "to 1e15", optarg);
        return 0;
    default: {
        int rc = nv_session_option(&a->s, c);
        return rc >= 0 ? rc : nv_cli_fail(PROG, "see 'netvet check --help'");
    }
    }
}

static int parse_args(check_args *a, int argc, char **argv)
{
    static const struct option longopts[] = {
        NV_SESSION_LONGOPTS,
        {"vendor", required_argument, NULL, O_VENDOR},
        {"function", required_argument, NULL, O_FUNCTION},
        {"site", required_argument, NULL, O_SITE},
        {"region", required_argument, NULL, O_REGION},
        {"count", required_argument, NULL, O_COUNT},
        {"weight", required_argument, NULL, O_WEIGHT},
        {NULL, 0, NULL, 0}};
    int rc = nv_cli_getopt(argc, argv, PROG, help, longopts, parse_one, a);
    if (rc >= 0)
        return rc;
    if (optind != argc - 1)
        return nv_cli_fail(PROG, "expected one INVENTORY argument (see "
                                 "--help)");
    if (!a->o.vendor || !a->o.function)
        return nv_cli_fail(PROG, "--vendor and --function are required");
    if (a->o.site && a->o.region)
        return nv_cli_fail(PROG, "give --site or --region, not both");
    a->s.inventory = argv[optind];
    return -1;
}

static int run(void *payload, netvet_diag *diag)
{
    check_args *a = payload;
    nv_session *s = &a->s;
    netvet_check *c = NULL;
    int status = NV_EXIT_USAGE;
    double t0 = nv_clock_seconds(), t1 = t0;
    int rc = nv_session_load(s, diag);
    t1 = nv_clock_seconds();
    if (rc == 0) {
        a->o.assess = s->assess;
        a->o.fail_on = s->report.fail_on;
        rc = netvet_check_run(&c, s->inv, s->reg, s->policy, &a->o, diag);
    }
    if (rc < 0) {
        status = nv_session_failed(s, diag);
        goto done;
    }
    FILE *out = nv_session_open(s);
    if (!out)
        goto done;
    rc = netvet_check_write(out, c, &s->report, diag);
    if (nv_session_close(s, out) < 0 && rc == 0)
        rc = NETVET_EIO;
    if (rc < 0) {
        status = nv_session_failed(s, diag);
        goto done;
    }
    status = netvet_check_allowed(c) ? NV_EXIT_OK : NV_EXIT_FINDINGS;
    if (s->timings)
        fprintf(stderr, "%s: timings: load %.3f s, check and report %.3f s\n",
                PROG, t1 - t0, nv_clock_seconds() - t1);
done:
    netvet_check_free(c);
    nv_session_dispose(s);
    return status;
}

int nv_cmd_check(int argc, char **argv)
{
    check_args a;
    memset(&a, 0, sizeof(a));
    nv_session_init(&a.s, PROG);
    a.o.version = NETVET_CHECK_OPTIONS_VERSION;
    a.o.count = 1;
    a.o.weight = -1;
    int rc = parse_args(&a, argc, argv);
    if (rc >= 0)
        return rc;
    return nv_cli_with_diag(&a.s.diag, run, &a);
}
