/* netvet assess: load an inventory, the registry and policy packs, assess,
 * print the report, and turn findings into the exit status. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/attrib_paths.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/exit.h"
#include "assess/assessment.h"
#include "util/clock.h"

#define PROG "netvet assess"
#define MAX_FILES 32
#define ADDFILE(list, n, v) nv_cli_add(PROG, (list), (n), MAX_FILES, (v))

static const char help[] =
"NAME\n"
"    netvet assess - check an inventory against high-risk-vendor policies\n\n"
"SYNOPSIS\n"
"    netvet assess INVENTORY [--policy PACK|FILE]... [--registry FILE]...\n"
"                  [--as-of DATE] [--format text|json] [-o FILE]\n"
"                  [--fail-on error|warning|note|never] [--strict]\n"
"                  [--sources SEL]... [--top N] [--no-topology]\n\n"
"DESCRIPTION\n"
"    INVENTORY is a directory holding elements.csv and, optionally,\n"
"    links.csv, or a single elements CSV file (format: docs/inventory-\n"
"    format.md). Each element's declared vendor is resolved against the\n"
"    vendor registry (case, punctuation, corporate suffixes, aliases and\n"
"    former names; a name that does not resolve is an unknown-vendor\n"
"    finding, never a guess). Vendors are grouped into risk domains by the\n"
"    state that can compel them. The report gives, per function, each\n"
"    vendor's and each domain's share by element count and by weight, with\n"
"    concentration (largest share, HHI), and every policy finding with its\n"
"    rule, public source, measured value, threshold and elements.\n\n"
"    With a links file, netvet also measures exposure: for every risk\n"
"    domain and every vendor, the customer weight (sinks: elements with\n"
"    weight > 0) that would lose every path to a source (by default the\n"
"    core) if all that group's equipment were removed or turned hostile,\n"
"    a sink of the group counting as lost; and each element's single-\n"
"    point-of-failure impact, the weight of the sinks it dominates (every\n"
"    path from the sources to them passes through it). Sinks no source\n"
"    reaches even in the intact network are reported once as already\n"
"    disconnected and charged to no group.\n\n"
"    Bad rows (malformed CSV, duplicate id, unknown function, link to an\n"
"    unknown id, invalid UTF-8, ...) are reported as file:line:column and\n"
"    skipped; the report always says how many rows were read, loaded and\n"
"    skipped. With --strict the first bad row stops the run (exit 2).\n\n"
"OPTIONS\n"
"    --policy PACK|FILE  Evaluate a built-in pack (by id) or a pack file.\n"
"                        Repeatable. Default: uk-ncsc-2020.\n"
"    --registry FILE     Overlay a vendor registry file on the built-in one\n"
"                        (add vendors, aliases, listings). Repeatable.\n"
"    --as-of DATE        Assess as of YYYY-MM-DD (default: today, UTC):\n"
"                        rules apply from their effective date; planned\n"
"                        elements count from their installed date;\n"
"                        decommissioned elements never count.\n"
"    --format FMT        text (default) or json (schema netvet-assess/1,\n"
"                        docs/json-schema.md).\n"
"    -o, --output FILE   Write the report to FILE instead of stdout.\n"
"    --fail-on SEV       Exit 1 when a finding is at least SEV: error\n"
"                        (default), warning, note, or never.\n"
"    --strict            Treat the first bad input row as fatal.\n"
"    --max-elements N    Elements listed per finding in text (default 10).\n"
"    --max-warnings N    Input warnings printed (default 50; all counted).\n"
"    -q, --quiet         Do not print input warnings.\n"
"    --timings           Print the time of each phase to stderr.\n"
"    --sources SEL       Elements customers must reach: a function name or\n"
"                        alias, or tag:NAME. Repeatable. Default: core.\n"
"    --top N             Single points of failure listed (default 10).\n"
"    --no-topology       Skip exposure and dominators (shares and rules\n"
"                        that need no links still run).\n"
"    --trust WHAT        evidence (default): when the inventory has\n"
"                        evidence columns (mac, sys_object_id, sys_descr,\n"
"                        lldp_descr, cpe), assess the vendor the evidence\n"
"                        shows (see netvet identify) and report each\n"
"                        contradiction of the declared vendor as an\n"
"                        attribution-conflict warning; declared: use only\n"
"                        the declared vendor names.\n"
"    --ieee-dir DIR, --enterprises FILE\n"
"                        IEEE OUI CSVs and IANA enterprises.tsv (defaults:\n"
"                        Debian's ieee-data and libwireshark-data).\n"
"    --progress          Show load progress (default when stderr is a\n"
"                        terminal); --no-progress to hide it.\n"
"    -h, --help          Show this help.\n\n"
"BUILT-IN PACKS\n"
"    uk-ncsc-2020  UK NCSC high-risk-vendor advice (Jan 2020) and the\n"
"                  2018 ZTE letter: no HRV in core/management/security or\n"
"                  sensitive sites; HRV risk domain <= 35% of access+ran by\n"
"                  count and by weight; at most one HRV; and (a warning,\n"
"                  netvet's derived measure) the HRV domain's dependent\n"
"                  weight <= 35% of customer weight.\n\n"
"EXIT STATUS\n"
"    0  no findings at or above --fail-on\n"
"    1  findings at or above --fail-on\n"
"    2  bad usage, unreadable or malformed input, or internal error\n\n"
"EXAMPLES\n"
"    netvet assess examples/uk-operator\n"
"    netvet assess net/ --as-of 2027-12-31 --format json -o report.json\n"
"    netvet assess net/ --policy my-pack.yaml --registry my-vendors.yaml\n";

typedef struct assess_args {
    const char *inventory;
    const char *policies[MAX_FILES];
    size_t n_policies;
    const char *registries[MAX_FILES];
    size_t n_registries;
    const char *as_of;
    const char *output;
    const char *sources[MAX_FILES + 1];
    size_t n_sources;
    size_t top;
    int no_topology;
    int trust_declared;
    const char *ieee_dir, *enterprises;
    netvet_report_options report;
    int strict, progress, timings;
    int reported; /* the failure was already printed */
    nv_cli_diag diag;
} assess_args;

static int parse_fail_on(const char *s, int *out)
{
    static const char *const names[] = {"note", "warning", "error"};
    for (int i = 0; i < 3; i++)
        if (!strcmp(s, names[i]))
            return *out = i, 0;
    if (!strcmp(s, "never"))
        return *out = -1, 0;
    return -1;
}

enum { O_POLICY = 256, O_REGISTRY, O_AS_OF, O_FORMAT, O_FAIL_ON, O_STRICT,
       O_MAX_EL, O_MAX_WARN, O_PROGRESS, O_NO_PROGRESS, O_TIMINGS,
       O_SOURCES, O_TOP, O_NO_TOPOLOGY, O_TRUST, O_IEEE, O_ENTERPRISES };

static int parse_one(void *payload, int c)
{
    assess_args *a = payload;
    size_t n;
    switch (c) {
    case O_POLICY: return ADDFILE(a->policies, &a->n_policies, optarg);
    case O_REGISTRY: return ADDFILE(a->registries, &a->n_registries, optarg);
    case O_AS_OF: a->as_of = optarg; return 0;
    case 'o': a->output = optarg; return 0;
    case O_STRICT: a->strict = 1; return 0;
    case 'q': a->diag.quiet = 1; return 0;
    case O_PROGRESS: a->progress = 1; return 0;
    case O_NO_PROGRESS: a->progress = 0; return 0;
    case O_TIMINGS: a->timings = 1; return 0;
    case O_SOURCES: return ADDFILE(a->sources, &a->n_sources, optarg);
    case O_NO_TOPOLOGY: a->no_topology = 1; return 0;
    case O_IEEE: a->ieee_dir = optarg; return 0;
    case O_ENTERPRISES: a->enterprises = optarg; return 0;
    case O_TRUST:
        if (strcmp(optarg, "declared") && strcmp(optarg, "evidence"))
            return nv_cli_fail(PROG, "unknown --trust '%s' (declared or evidence)", optarg);
        a->trust_declared = !strcmp(optarg, "declared");
        return 0;
    case O_TOP:
        if (nv_cli_parse_size(optarg, &a->top) < 0)
            return nv_cli_fail(PROG, "'%s' is not a count", optarg);
        return 0;
    case O_FORMAT:
        if (!strcmp(optarg, "text")) a->report.format = NETVET_FORMAT_TEXT;
        else if (!strcmp(optarg, "json")) a->report.format = NETVET_FORMAT_JSON;
        else return nv_cli_fail(PROG, "unknown --format '%s' (text or json)", optarg);
        return 0;
    case O_FAIL_ON:
        if (parse_fail_on(optarg, &a->report.fail_on) < 0)
            return nv_cli_fail(PROG, "unknown --fail-on '%s' (error, warning, note or never)", optarg);
        return 0;
    case O_MAX_EL:
    case O_MAX_WARN:
        if (nv_cli_parse_size(optarg, &n) < 0)
            return nv_cli_fail(PROG, "'%s' is not a count", optarg);
        if (c == O_MAX_EL) a->report.max_elements = n;
        else a->diag.limit = n;
        return 0;
    default:
        return nv_cli_fail(PROG, "see 'netvet assess --help'");
    }
}

/* @return -1 to go on, else an exit status. */
static int parse_args(assess_args *a, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"policy", required_argument, NULL, O_POLICY},
        {"registry", required_argument, NULL, O_REGISTRY},
        {"as-of", required_argument, NULL, O_AS_OF},
        {"format", required_argument, NULL, O_FORMAT},
        {"output", required_argument, NULL, 'o'},
        {"fail-on", required_argument, NULL, O_FAIL_ON},
        {"strict", no_argument, NULL, O_STRICT},
        {"max-elements", required_argument, NULL, O_MAX_EL},
        {"max-warnings", required_argument, NULL, O_MAX_WARN},
        {"quiet", no_argument, NULL, 'q'},
        {"progress", no_argument, NULL, O_PROGRESS},
        {"no-progress", no_argument, NULL, O_NO_PROGRESS},
        {"timings", no_argument, NULL, O_TIMINGS},
        {"sources", required_argument, NULL, O_SOURCES},
        {"top", required_argument, NULL, O_TOP},
        {"no-topology", no_argument, NULL, O_NO_TOPOLOGY},
        {"trust", required_argument, NULL, O_TRUST},
        {"ieee-dir", required_argument, NULL, O_IEEE},
        {"enterprises", required_argument, NULL, O_ENTERPRISES},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int rc = nv_cli_getopt(argc, argv, PROG, help, longopts, parse_one, a);
    if (rc >= 0)
        return rc;
    if (optind != argc - 1)
        return nv_cli_fail(PROG, "expected one INVENTORY argument (see --help)");
    a->inventory = argv[optind];
    return -1;
}

static int load_policy(assess_args *a, netvet_policy **out, netvet_diag *diag)
{
    if (netvet_policy_new(out) < 0)
        return NETVET_ENOMEM;
    if (a->n_policies == 0)
        a->policies[a->n_policies++] = "uk-ncsc-2020";
    for (size_t i = 0; i < a->n_policies; i++) {
        const char *p = a->policies[i];
        int is_file = access(p, F_OK) == 0;
        int rc = is_file ? netvet_policy_add_file(*out, p, diag)
                         : netvet_policy_add_builtin(*out, p, diag);
        if (rc == NETVET_ENOTFOUND && !is_file) {
            fprintf(stderr, "%s: --policy '%s' is neither a file nor a "
                            "built-in pack; built-in packs:", PROG, p);
            for (const char *const *id = netvet_policy_builtin_ids(); *id; id++)
                fprintf(stderr, " %s", *id);
            fputc('\n', stderr);
            a->reported = 1;
            return NETVET_EINVAL;
        }
        if (rc < 0)
            return rc;
    }
    return 0;
}

static int load_registry(assess_args *a, netvet_registry **out,
                         netvet_diag *diag)
{
    int rc = netvet_registry_new_builtin(out, diag);
    for (size_t i = 0; rc == 0 && i < a->n_registries; i++)
        rc = netvet_registry_overlay_file(*out, a->registries[i], diag);
    return rc;
}

static int write_report(assess_args *a, const netvet_assessment *as,
                        netvet_diag *diag)
{
    FILE *out = a->output ? fopen(a->output, "w") : stdout;
    if (!out)
        return nv_cli_fail(PROG, "cannot write %s", a->output);
    int rc = netvet_report_write(out, as, &a->report, diag);
    if (a->output && fclose(out) != 0)
        rc = NETVET_EIO;
    if (rc < 0)
        return nv_cli_fail_diag(PROG, diag, "cannot write the report");
    return 0;
}

/* An attributor when the inventory carries evidence and it is trusted. */
static int attributor(assess_args *a, const netvet_inventory *inv,
                      const netvet_registry *reg, netvet_attributor **out,
                      netvet_diag *diag)
{
    *out = NULL;
    if (a->trust_declared || !netvet_inventory_has_evidence(inv))
        return 0;
    netvet_attrib_options o = NETVET_ATTRIB_OPTIONS_INIT;
    nv_attrib_paths paths;
    nv_cli_attrib_paths(&o, &paths, PROG, a->ieee_dir, a->enterprises);
    return netvet_attributor_new(out, reg, &o, diag);
}

/* --timings: the phases, the load's (parts read in parallel, merge, id
 * map), then the assess phase's steps. The shares and the rules that need
 * no exposure run beside the topology; "rest" is what is left of the
 * assess phase (attribution, exposure rules, sorting findings). */
static void print_timings(const netvet_assessment *as, double load,
                          double assess, double report)
{
    const nv_step_times *t = &as->view.times;
    fprintf(stderr, "%s: timings: load %.3f s, assess %.3f s, report %.3f s\n",
            PROG, load, assess, report);
    for (int w = 0; w < 2; w++) {
        const netvet_inventory *inv = as->view.inv;
        if (!inv->times[w].parts)
            continue;
        fprintf(stderr, "%s: timings: load: %s: %u part%s %.3f s, merge "
                "%.3f s%s", PROG, w ? "links" : "elements",
                inv->times[w].parts, inv->times[w].parts == 1 ? "" : "s",
                inv->times[w].parse, inv->times[w].merge, w ? "\n" : "");
        if (!w && inv->ids_sorted) /* links may build one, if out of order */
            fprintf(stderr, ", ids in order: no id map\n");
        else if (!w)
            fprintf(stderr, ", id map %.3f s (beside the merge)\n",
                    inv->times[w].index);
    }
    fprintf(stderr, "%s: timings: assess: view %.3f s, shares %.3f s, "
                    "csr %.3f s, fold %.3f s (core %zu of %zu elements), "
                    "exposure %.3f s, dominators %.3f s, "
                    "spof %.3f s (these three %.3f s, %d thread%s), "
                    "topology %.3f s, rules %.3f s (beside it), exposure "
                    "rules %.3f s, rest %.3f s\n",
            PROG, t->view, as->shares.seconds, t->csr, t->fold, t->core,
            t->vertices, t->exposure, t->dominators, t->spof, t->graph,
            t->threads,
            t->threads == 1 ? "" : "s", t->topology, t->rules,
            t->exposure_rules, assess - t->view - t->topology);
}

static int run(void *payload, netvet_diag *diag)
{
    assess_args *a = payload;
    netvet_registry *reg = NULL;
    netvet_policy *pol = NULL;
    netvet_inventory *inv = NULL;
    netvet_assessment *as = NULL;
    netvet_load_options lo = NETVET_LOAD_OPTIONS_INIT;
    netvet_assess_options ao = NETVET_ASSESS_OPTIONS_INIT;
    lo.strict = a->strict;
    lo.show_progress = a->progress;
    lo.progress_fn = nv_cli_progress;
    lo.progress_payload = &a->diag;
    ao.as_of = a->as_of;
    ao.sources = a->n_sources ? a->sources : NULL;
    ao.top_spof = a->top;
    ao.topology = !a->no_topology;
    /* only the JSON report lists each sink's domains */
    ao.sink_dependencies = a->report.format == NETVET_FORMAT_JSON;
    int status = NV_EXIT_USAGE;
    double t0 = nv_clock_seconds(), t1 = t0, t2 = t0;
    if (load_registry(a, &reg, diag) < 0 || load_policy(a, &pol, diag) < 0 ||
        netvet_inventory_load(&inv, a->inventory, &lo, diag) < 0 ||
        attributor(a, inv, reg, &ao.attributor, diag) < 0 ||
        (t1 = nv_clock_seconds(), netvet_assess(&as, inv, reg, pol, &ao, diag)) < 0) {
        nv_cli_diag_finish(&a->diag);
        if (*netvet_diag_message(diag) && !a->reported)
            nv_cli_fail(PROG, "%s", netvet_diag_message(diag));
        goto done;
    }
    nv_cli_diag_finish(&a->diag);
    t2 = nv_clock_seconds();
    if (write_report(a, as, diag) != 0)
        goto done;
    if (a->timings)
        print_timings(as, t1 - t0, t2 - t1, nv_clock_seconds() - t2);
    int fail_on = a->report.fail_on;
    status = fail_on >= 0 &&
                     netvet_assessment_count(as, (netvet_severity)fail_on) > 0
                 ? NV_EXIT_FINDINGS
                 : NV_EXIT_OK;
done:
    netvet_assessment_free(as);
    netvet_attributor_free(ao.attributor);
    netvet_inventory_free(inv);
    netvet_policy_free(pol);
    netvet_registry_free(reg);
    return status;
}

int nv_cmd_assess(int argc, char **argv)
{
    assess_args a;
    memset(&a, 0, sizeof(a));
    netvet_report_options ro = NETVET_REPORT_OPTIONS_INIT;
    a.report = ro;
    a.diag.prog = PROG;
    a.diag.limit = 50;
    a.top = 10;
    a.progress = isatty(STDERR_FILENO);
    int rc = parse_args(&a, argc, argv);
    if (rc >= 0)
        return rc;
    return nv_cli_with_diag(&a.diag, run, &a);
}
