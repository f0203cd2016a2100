/* SPDX-License-Identifier: Apache-2.0 */
/* netvet identify: load evidence CSVs, build the attributor (registry,
 * IEEE and IANA tables, patterns), attribute every element and print the
 * records; conflicts become exit status 1 with --fail-on-conflict. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/attrib_paths.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit.h"
#include "cli/outfile.h"

#define PROG "netvet identify"
#define MAX_FILES 32

typedef struct id_args {
    nv_common c; /* first: the shared rows' offsets */
    nv_list files, patterns;
    netvet_format format;
    int fail_on_conflict, no_builtin;
} id_args;

static int set_format(const char *prog, const nv_opt *o, void *field,
                      const char *v)
{
    (void)o;
    return nv_cli_format(prog, NETVET_REPORT_IDENTIFY, v, field);
}

static const nv_opt opts[] = {
    {.name = "format", .arg = "FMT",
     .set = set_format, .field = offsetof(id_args, format),
     .flags = NV_OPT_SYNOPSIS | NV_OPT_FORMATS,
     .help = "text (default), csv (one row per element, columns id, "
             "vendor, score, confidence, declared, declared_vendor, "
             "conflict, reasons) or json (schema netvet-identify/1)."},
    {.shared = &nv_opt_output, .flags = NV_OPT_SYNOPSIS,
     .help = "Write to FILE instead of standard output ('-': standard "
             "output); FILE is replaced only by a complete output, as in "
             "assess."},
    {.name = "fail-on-conflict", .set = nv_set_on,
     .field = offsetof(id_args, fail_on_conflict), .flags = NV_OPT_SYNOPSIS,
     .help = "Exit 1 when any element has a conflict."},
    {.name = "patterns", .arg = "FILE", .set = nv_set_list,
     .field = offsetof(id_args, patterns), .max = MAX_FILES,
     .flags = NV_OPT_SYNOPSIS | NV_OPT_FILE,
     .help = "Add or replace sysDescr/LLDP patterns (same format as the "
             "built-in data/patterns.yaml)."},
    {.name = "no-builtin-patterns", .set = nv_set_on,
     .field = offsetof(id_args, no_builtin),
     .help = "Use only the --patterns files."},
    NV_SHOW(nv_opt_registry),
    NV_SHOW(nv_opt_ieee_dir),
    NV_SHOW(nv_opt_enterprises),
    NV_SHOW(nv_opt_strict),
    NV_USE(nv_opt_no_input_hash),
    NV_USE(nv_opt_max_warnings),
    NV_USE(nv_opt_quiet),
    NV_USE(nv_opt_progress),
    NV_USE(nv_opt_no_progress),
    {.shared = &nv_opt_timings,
     .help = "Print the time of the load and of the attribution (with "
             "writing) of each FILE to standard error."},
    NV_USE(nv_opt_help),
    NV_OPTS_END};

static const nv_section sections[] = {
    {"DESCRIPTION",
     "Each FILE is an inventory (a directory with elements.csv, or an "
     "elements CSV; docs/inventory-format.md); '-' reads an elements CSV "
     "from standard input. Only `id` is required: the `vendor` (declared "
     "name) and `function` columns are optional here, so an evidence-only "
     "CSV with id, mac, sys_object_id, sys_descr, lldp_descr and cpe "
     "columns loads as it is.\n\n"
     "For every element netvet weighs its evidence: the declared name "
     "resolved against the vendor registry; the MAC address's IEEE "
     "registrant (longest of MA-S/IAB, MA-M, MA-L prefix; locally "
     "administered and multicast addresses say nothing); the SNMP "
     "sysObjectID's enterprise number (the registry's own table, else the "
     "IANA registrant; generic agent numbers such as net-snmp's 8072 are no "
     "evidence); sysDescr and LLDP descriptions against vendor OS and "
     "product-line patterns; and the vendor field of a CPE name. It prints "
     "the attributed vendor, a score and level (high >= 0.80, medium >= "
     "0.50, low), the declared vendor, and the evidence. A CONFLICT is "
     "evidence other than the declared name pointing to another vendor "
     "with support >= 0.60 - a white-labelled box, or a wrong inventory. "
     "Rules and weights: docs/attribution.md.",
     0},
    {"OPTIONS", NULL, 0},
    {"EXIT STATUS",
     "0\tdone (conflicts are reported, not failed, without the option)\n\n"
     "1\t--fail-on-conflict and at least one conflict\n\n"
     "2\tbad usage, unreadable or malformed input, or internal error",
     0},
    {"EXAMPLES",
     "netvet identify evidence.csv\n"
     "netvet identify net/ --format csv -o attribution.csv\n"
     "netvet identify scan.csv --fail-on-conflict --format json",
     1},
    {NULL, NULL, 0}};

static int cmd_identify(int argc, char **argv);

const nv_cmd nv_cmd_identify = {
    .name = "identify",
    .prog = PROG,
    .summary = "attribute elements to vendors from raw evidence",
    .brief = "attribute elements to vendors from MAC, SNMP, LLDP and CPE "
             "evidence",
    .operands = "FILE...",
    .opts = opts,
    .sections = sections,
    .report = NETVET_REPORT_IDENTIFY,
    .run = cmd_identify};

/* @return -1 to go on, else an exit status. */
static int parse_args(id_args *a, int argc, char **argv)
{
    int rc = nv_opts_parse(&nv_cmd_identify, argc, argv, a);
    if (rc >= 0)
        return rc;
    if (optind >= argc)
        return nv_cli_fail(PROG, "expected at least one FILE (see --help)");
    if (argc - optind > MAX_FILES)
        return nv_cli_fail(PROG, "at most %d FILEs", MAX_FILES);
    for (; optind < argc; optind++) {
        a->files.v[a->files.n++] = argv[optind];
        if (!strcmp(argv[optind], "-") && nv_cli_stdin_claim(PROG, "FILE"))
            return NV_EXIT_USAGE;
    }
    return -1;
}

/* Overlay a registry file, or standard input when it is '-'. */
static int overlay(netvet_registry *reg, const char *path, netvet_diag *diag)
{
    const char *buf;
    size_t len;
    if (strcmp(path, "-") != 0)
        return netvet_registry_overlay_file(reg, path, diag);
    if (nv_cli_stdin(PROG, "--registry", &buf, &len) < 0)
        return NV_CLI_REPORTED;
    return netvet_registry_overlay_buffer(reg, buf, len, NV_CLI_STDIN_NAME,
                                          diag);
}

static int build_attributor(id_args *a, netvet_registry **reg,
                            netvet_attributor **at, netvet_diag *diag,
                            nv_attrib_paths *paths)
{
    netvet_attrib_options o = NETVET_ATTRIB_OPTIONS_INIT;
    nv_cli_attrib_paths(&o, paths, PROG, a->c.ieee_dir, a->c.enterprises);
    o.pattern_files = a->patterns.v;
    o.n_pattern_files = a->patterns.n;
    o.no_builtin_patterns = a->no_builtin;
    int rc = netvet_registry_new_builtin(reg, diag);
    for (size_t i = 0; rc == 0 && i < a->c.registries.n; i++)
        rc = overlay(*reg, a->c.registries.v[i], diag);
    if (rc == 0)
        rc = netvet_attributor_new(at, *reg, &o, diag);
    return rc;
}

/* Load path, or standard input when it is '-'. */
static int load(netvet_inventory **inv, const char *path,
                const netvet_load_options *lo, netvet_diag *diag)
{
    const char *buf;
    size_t len;
    if (strcmp(path, "-") != 0)
        return netvet_inventory_load(inv, path, lo, diag);
    if (nv_cli_stdin(PROG, "FILE", &buf, &len) < 0)
        return NV_CLI_REPORTED;
    return netvet_inventory_load_buffers(inv, buf, len, NV_CLI_STDIN_NAME,
                                        NULL, 0, NULL, lo, diag);
}

static int identify_file(id_args *a, const char *path, netvet_attributor *at,
                         netvet_identify_report *out, netvet_diag *diag)
{
    netvet_inventory *inv = NULL;
    netvet_load_options lo = NETVET_LOAD_OPTIONS_INIT;
    lo.strict = a->c.strict;
    lo.show_progress = a->c.progress;
    lo.progress_fn = nv_cli_progress;
    lo.progress_payload = &a->c.diag;
    lo.evidence_only = 1;
    lo.site_points = 0; /* no identify report draws the sites */
    /* the provenance of text and JSON names what was read; CSV has none */
    lo.sha256 = a->format != NETVET_FORMAT_CSV && !a->c.no_input_hash;
    double t0 = nv_cli_clock();
    int rc = load(&inv, path, &lo, diag);
    nv_cli_diag_finish(&a->c.diag);
    double t1 = nv_cli_clock();
    if (rc == 0)
        rc = netvet_identify_report_add(out, inv, at);
    if (rc == 0 && a->c.timings)
        fprintf(stderr, "%s: timings: %s: load %.3f s, attribute and write "
                "%.3f s\n", PROG, path, t1 - t0, nv_cli_clock() - t1);
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
    nv_outfile of = {.fp = NULL, .slot = -1};
    FILE *f = NULL;
    netvet_identify_report *out = NULL;
    if ((rc = build_attributor(a, &reg, &at, diag, &paths)) < 0)
        goto fail;
    if (nv_outfile_open(&of, PROG, a->c.output) != 0)
        goto done;
    f = of.fp;
    static char obuf[1 << 16];
    setvbuf(f, obuf, _IOFBF, sizeof(obuf));
    if ((rc = netvet_identify_report_new(&out, f, a->format, reg, diag)) < 0)
        goto fail;
    for (size_t i = 0; i < a->files.n; i++)
        if ((rc = identify_file(a, a->files.v[i], at, out, diag)) < 0)
            goto fail;
    if ((rc = netvet_identify_report_finish(out, a->files.v, a->files.n)) ==
        NETVET_ENOMEM)
        goto fail;
    if (nv_outfile_close(&of, PROG, 0) != 0)
        goto done;
    status = a->fail_on_conflict &&
                     netvet_identify_report_counts(out).conflicts
                 ? NV_EXIT_FINDINGS
                 : NV_EXIT_OK;
    goto done;
fail:
    nv_cli_diag_finish(&a->c.diag);
    if (f && nv_outfile_close(&of, PROG, rc) > 0)
        rc = NV_CLI_REPORTED; /* a write error, printed */
    if (rc != NV_CLI_REPORTED)
        nv_cli_fail_diag(PROG, diag, netvet_strerror(rc));
done:
    nv_outfile_abort(&of); /* nothing left after a close */
    netvet_identify_report_free(out);
    netvet_attributor_free(at);
    netvet_registry_free(reg);
    return status;
}

static int cmd_identify(int argc, char **argv)
{
    id_args a;
    memset(&a, 0, sizeof(a));
    nv_common_init(&a.c, PROG, NETVET_REPORT_IDENTIFY);
    int rc = parse_args(&a, argc, argv);
    if (rc >= 0)
        return rc;
    return nv_cli_with_diag(&a.c.diag, run, &a);
}
