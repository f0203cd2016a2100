/* netvet identify: load evidence CSVs, build the attributor (registry,
 * IEEE and IANA tables, patterns), attribute every element and print the
 * records; conflicts become exit status 1 with --fail-on-conflict. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/attrib_paths.h"
#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/exit.h"
#include "util/clock.h"

#define PROG "netvet identify"
#define MAX_FILES 32
#define ADDFILE(list, n, v) nv_cli_add(PROG, (list), (n), MAX_FILES, (v))

static const char help[] =
"NAME\n"
"    netvet identify - attribute elements to vendors from raw evidence\n\n"
"SYNOPSIS\n"
"    netvet identify FILE... [--format text|csv|json] [-o FILE]\n"
"                    [--fail-on-conflict] [--registry FILE]...\n"
"                    [--patterns FILE]... [--ieee-dir DIR]\n"
"                    [--enterprises FILE] [--strict]\n\n"
"DESCRIPTION\n"
"    Each FILE is an inventory (a directory with elements.csv, or an\n"
"    elements CSV; docs/inventory-format.md). Only `id` is required: the\n"
"    `vendor` (declared name) and `function` columns are optional here,\n"
"    so an evidence-only CSV with id, mac, sys_object_id, sys_descr,\n"
"    lldp_descr and cpe columns loads as it is.\n\n"
"    For every element netvet weighs its evidence: the declared name\n"
"    resolved against the vendor registry; the MAC address's IEEE\n"
"    registrant (longest of MA-S/IAB, MA-M, MA-L prefix; locally\n"
"    administered and multicast addresses say nothing); the SNMP\n"
"    sysObjectID's enterprise number (the registry's own table, else the\n"
"    IANA registrant; generic agent numbers such as net-snmp's 8072 are no\n"
"    evidence); sysDescr and LLDP descriptions against vendor OS and\n"
"    product-line patterns; and the vendor field of a CPE name. It prints\n"
"    the attributed vendor, a score and level (high >= 0.80, medium >=\n"
"    0.50, low), the declared vendor, and the evidence. A CONFLICT is\n"
"    evidence other than the declared name pointing to another vendor with\n"
"    support >= 0.60 - a white-labelled box, or a wrong inventory. Rules\n"
"    and weights: docs/attribution.md.\n\n"
"OPTIONS\n"
"    --format FMT        text (default), csv (one row per element:\n"
"                        id,vendor,score,confidence,declared,\n"
"                        declared_vendor,conflict,reasons) or json\n"
"                        (schema netvet-identify/1).\n"
"    -o, --output FILE   Write to FILE instead of stdout.\n"
"    --fail-on-conflict  Exit 1 when any element has a conflict.\n"
"    --registry FILE     Overlay a vendor registry file. Repeatable.\n"
"    --patterns FILE     Add or replace sysDescr/LLDP patterns (same\n"
"                        format as the built-in data/patterns.yaml).\n"
"                        Repeatable.\n"
"    --no-builtin-patterns  Use only the --patterns files.\n"
"    --ieee-dir DIR      Directory with the IEEE oui.csv, mam.csv,\n"
"                        oui36.csv and iab.csv (default: $NETVET_IEEE_DIR,\n"
"                        else /usr/share/ieee-data, Debian's ieee-data).\n"
"    --enterprises FILE  IANA enterprise numbers, enterprises.tsv format\n"
"                        (default: $NETVET_ENTERPRISES, else\n"
"                        /usr/share/wireshark/enterprises.tsv, Debian's\n"
"                        libwireshark-data).\n"
"                        A default data file that is missing is a warning\n"
"                        (that evidence is unused); a named one is an error.\n"
"    --strict            Treat the first bad input row as fatal.\n"
"    --max-warnings N    Input warnings printed (default 50; all counted).\n"
"    -q, --quiet         Do not print input warnings.\n"
"    --progress          Show load progress (default when stderr is a\n"
"                        terminal); --no-progress to hide it.\n"
"    --timings           Print the time of the load and of the attribution\n"
"                        (with writing) of each FILE to stderr.\n"
"    -h, --help          Show this help.\n\n"
"EXIT STATUS\n"
"    0  done (conflicts are reported, not failed, without the option)\n"
"    1  --fail-on-conflict and at least one conflict\n"
"    2  bad usage, unreadable or malformed input, or internal error\n\n"
"EXAMPLES\n"
"    netvet identify evidence.csv\n"
"    netvet identify net/ --format csv -o attribution.csv\n"
"    netvet identify scan.csv --fail-on-conflict --format json\n";

typedef struct id_args {
    const char *files[MAX_FILES];
    size_t n_files;
    const char *registries[MAX_FILES], *patterns[MAX_FILES];
    size_t n_registries, n_patterns;
    const char *output, *ieee_dir, *enterprises;
    netvet_format format;
    int fail_on_conflict, strict, progress, no_builtin, timings;
    nv_cli_diag diag;
} id_args;

enum { O_FORMAT = 256, O_FAIL, O_REGISTRY, O_PATTERNS, O_NO_BUILTIN, O_IEEE,
       O_ENTERPRISES, O_STRICT, O_MAX_WARN, O_PROGRESS, O_NO_PROGRESS,
       O_TIMINGS };

static int parse_one(void *payload, int c)
{
    id_args *a = payload;
    switch (c) {
    case 'o': a->output = optarg; return 0;
    case 'q': a->diag.quiet = 1; return 0;
    case O_FAIL: a->fail_on_conflict = 1; return 0;
    case O_REGISTRY: return ADDFILE(a->registries, &a->n_registries, optarg);
    case O_PATTERNS: return ADDFILE(a->patterns, &a->n_patterns, optarg);
    case O_NO_BUILTIN: a->no_builtin = 1; return 0;
    case O_IEEE: a->ieee_dir = optarg; return 0;
    case O_ENTERPRISES: a->enterprises = optarg; return 0;
    case O_STRICT: a->strict = 1; return 0;
    case O_PROGRESS: a->progress = 1; return 0;
    case O_NO_PROGRESS: a->progress = 0; return 0;
    case O_TIMINGS: a->timings = 1; return 0;
    case O_MAX_WARN:
        if (nv_cli_parse_size(optarg, &a->diag.limit) < 0)
            return nv_cli_fail(PROG, "'%s' is not a count", optarg);
        return 0;
    case O_FORMAT:
        if (!strcmp(optarg, "text")) a->format = NETVET_FORMAT_TEXT;
        else if (!strcmp(optarg, "csv")) a->format = NETVET_FORMAT_CSV;
        else if (!strcmp(optarg, "json")) a->format = NETVET_FORMAT_JSON;
        else return nv_cli_fail(PROG, "unknown --format '%s' (text, csv or "
                                "json)", optarg);
        return 0;
    default:
        return nv_cli_fail(PROG, "see 'netvet identify --help'");
    }
}

/* @return -1 to go on, else an exit status. */
static int parse_args(id_args *a, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"format", required_argument, NULL, O_FORMAT},
        {"output", required_argument, NULL, 'o'},
        {"fail-on-conflict", no_argument, NULL, O_FAIL},
        {"registry", required_argument, NULL, O_REGISTRY},
        {"patterns", required_argument, NULL, O_PATTERNS},
        {"no-builtin-patterns", no_argument, NULL, O_NO_BUILTIN},
        {"ieee-dir", required_argument, NULL, O_IEEE},
        {"enterprises", required_argument, NULL, O_ENTERPRISES},
        {"strict", no_argument, NULL, O_STRICT},
        {"max-warnings", required_argument, NULL, O_MAX_WARN},
        {"quiet", no_argument, NULL, 'q'},
        {"progress", no_argument, NULL, O_PROGRESS},
        {"no-progress", no_argument, NULL, O_NO_PROGRESS},
        {"timings", no_argument, NULL, O_TIMINGS},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int rc = nv_cli_getopt(argc, argv, PROG, help, longopts, parse_one, a);
    if (rc >= 0)
        return rc;
    if (optind >= argc)
        return nv_cli_fail(PROG, "expected at least one FILE (see --help)");
    for (; optind < argc; optind++)
        if (ADDFILE(a->files, &a->n_files, argv[optind]) != 0)
            return NV_EXIT_USAGE;
    return -1;
}

static int build_attributor(id_args *a, netvet_registry **reg,
                            netvet_attributor **at, netvet_diag *diag,
                            nv_attrib_paths *paths)
{
    netvet_attrib_options o = NETVET_ATTRIB_OPTIONS_INIT;
    nv_cli_attrib_paths(&o, paths, PROG, a->ieee_dir, a->enterprises);
    o.pattern_files = a->patterns;
    o.n_pattern_files = a->n_patterns;
    o.no_builtin_patterns = a->no_builtin;
    int rc = netvet_registry_new_builtin(reg, diag);
    for (size_t i = 0; rc == 0 && i < a->n_registries; i++)
        rc = netvet_registry_overlay_file(*reg, a->registries[i], diag);
    if (rc == 0)
        rc = netvet_attributor_new(at, *reg, &o, diag);
    return rc;
}

static int identify_file(id_args *a, const char *path, netvet_attributor *at,
                         netvet_identify_report *out, netvet_diag *diag)
{
    netvet_inventory *inv = NULL;
    netvet_load_options lo = NETVET_LOAD_OPTIONS_INIT;
    lo.strict = a->strict;
    lo.show_progress = a->progress;
    lo.progress_fn = nv_cli_progress;
    lo.progress_payload = &a->diag;
    lo.evidence_only = 1;
    double t0 = nv_clock_seconds();
    int rc = netvet_inventory_load(&inv, path, &lo, diag);
    nv_cli_diag_finish(&a->diag);
    double t1 = nv_clock_seconds();
    if (rc == 0)
        rc = netvet_identify_report_add(out, inv, at);
    if (rc == 0 && a->timings)
        fprintf(stderr, "%s: timings: %s: load %.3f s, attribute and write "
                "%.3f s\n", PROG, path, t1 - t0, nv_clock_seconds() - t1);
    if (rc == 0) {
        netvet_load_stats st = netvet_inventory_stats(inv, 0);
        if (st.rows_skipped)
            fprintf(stderr, "%s: %s: %llu rows read, %llu loaded, %llu "
                    "skipped\n", PROG, path,
                    (unsigned long long)st.rows_read,
                    (unsigned long long)st.rows_loaded,
                    (unsigned long long)st.rows_skipped);
    }
    netvet_inventory_free(inv);
    return rc;
}

static int run(void *payload, netvet_diag *diag)
{
    id_args *a = payload;
    netvet_registry *reg = NULL;
    netvet_attributor *at = NULL;
    nv_attrib_paths paths;
    int status = NV_EXIT_USAGE, rc;
    FILE *f = NULL;
    netvet_identify_report *out = NULL;
    if ((rc = build_attributor(a, &reg, &at, diag, &paths)) < 0)
        goto fail;
    f = a->output ? fopen(a->output, "w") : stdout;
    if (!f) {
        nv_cli_fail(PROG, "cannot write %s", a->output);
        goto done;
    }
    static char obuf[1 << 16];
    setvbuf(f, obuf, _IOFBF, sizeof(obuf));
    if ((rc = netvet_identify_report_new(&out, f, a->format, reg, diag)) < 0)
        goto fail;
    for (size_t i = 0; i < a->n_files; i++)
        if ((rc = identify_file(a, a->files[i], at, out, diag)) < 0)
            goto fail;
    netvet_identify_report_finish(out, a->files, a->n_files);
    if (fflush(f) != 0 || ferror(f)) {
        nv_cli_fail(PROG, "cannot write %s", a->output ? a->output : "stdout");
        goto done;
    }
    status = a->fail_on_conflict &&
                     netvet_identify_report_counts(out).conflicts
                 ? NV_EXIT_FINDINGS
                 : NV_EXIT_OK;
    goto done;
fail:
    nv_cli_diag_finish(&a->diag);
    nv_cli_fail_diag(PROG, diag, netvet_strerror(rc));
done:
    if (f && f != stdout)
        fclose(f);
    else if (f)
        fflush(f);
    netvet_identify_report_free(out);
    netvet_attributor_free(at);
    netvet_registry_free(reg);
    return status;
}

int nv_cmd_identify(int argc, char **argv)
{
    id_args a;
    memset(&a, 0, sizeof(a));
    a.diag.prog = PROG;
    a.diag.limit = 50;
    a.progress = isatty(STDERR_FILENO);
    int rc = parse_args(&a, argc, argv);
    if (rc >= 0)
        return rc;
    return nv_cli_with_diag(&a.diag, run, &a);
}
