/* SPDX-License-Identifier: Apache-2.0 */
/* netvet import: convert foreign files (nmap XML, GraphML, NetBox JSON,
 * snmpwalk) into netvet native CSV (DIR/elements.csv, DIR/links.csv). The
 * conversion is the library's source table (netvet/sources.h); the result
 * is checked with the ordinary loader before it is written, so what is
 * written loads the same way in assess and identify. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/outfile.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit.h"

#define PROG "netvet import"
#define MAX_FILES 4096

typedef struct imp_args {
    nv_common c; /* first: the shared rows' offsets */
    const char *format;
    const char **files;
    size_t n_files;
} imp_args;

static const nv_opt opts[] = {
    {.shared = &nv_opt_output_dir, .flags = NV_OPT_REQUIRED},
    {.shared = &nv_opt_strict, .flags = NV_OPT_SYNOPSIS,
     .help = "Treat the first bad record as fatal (exit 2)."},
    {.shared = &nv_opt_max_warnings,
     .help = "Warnings printed (default 50; all are counted)."},
    {.shared = &nv_opt_quiet, .flags = NV_OPT_SYNOPSIS,
     .help = "Print no warnings and no summary."},
    NV_USE(nv_opt_help),
    NV_OPTS_END};

static const nv_section sections[] = {
    {"DESCRIPTION",
     "Reads each FILE as FORMAT and writes DIR/elements.csv and "
     "DIR/links.csv (docs/inventory-format.md), then checks them with the "
     "ordinary loader. Use the result with `netvet identify "
     "DIR/elements.csv` (evidence) or `netvet assess DIR` (once vendors are "
     "known).",
     0},
    {"FORMATS",
     "nmap\tnmap XML (-oX). One evidence row per host that is up: id "
     "(first IPv4, else IPv6, else hostname), name, mac, nmap_mac_vendor, "
     "sys_descr (OS match and class), cpe. Function `other`, vendor empty. "
     "Hosts that are down are ignored (counted).\n\n"
     "graphml\tGraphML (Internet Topology Zoo style). Nodes become "
     "elements (id = node id, name = label, lat/lon, region = Country, "
     "function `aggregation`, vendor empty, tag `external` when Internal = "
     "0); edges become links (kind = LinkLabel, capacity = LinkSpeedRaw in "
     "bit/s; parallel edges kept). With several files, ids become FILE:ID "
     "(FILE = the file name without directory and .graphml/.xml), since "
     "every Zoo graph numbers its nodes from 0.\n\n"
     "netbox\tNetBox REST responses of /api/dcim/devices/, /cables/ and "
     "/sites/ (pages with `results`, or arrays; give all pages and kinds "
     "together, in any order). Devices become elements (id = name, else "
     "the numeric id; vendor = manufacturer; model; software = platform; "
     "function from the role; site; region from the sites; status; tags), "
     "cables links between the devices at their two ends (kind = cable "
     "type).\n\n"
     "snmpwalk\t`snmpwalk -On` output, one file per device; the file name "
     "(without .txt/.walk/.snmp/.snmpwalk) is the id. One evidence row: "
     "name (sysName), sys_descr (sysDescr, multi-line kept), sys_object_id "
     "(sysObjectID), mac (first non-zero ifPhysAddress); vendor empty.\n\n"
     "XML input is parsed without network access, DTD loading or entity "
     "substitution; a document that declares or references entities is "
     "refused. A bad record is reported as file:line: what is wrong and "
     "skipped (counted); with --strict it stops the run. Rules: "
     "docs/importers.md.",
     0},
    {"OPTIONS",
     "A summary (records read, written, skipped, ignored) is printed to "
     "stderr.",
     0},
    {"EXIT STATUS",
     "0\tthe files were written\n\n"
     "2\tbad usage, unreadable or malformed input (with --strict, any bad "
     "record), or the files could not be written",
     0},
    {"EXAMPLES",
     "netvet import nmap scan.xml -o /tmp/scan\n"
     "netvet identify /tmp/scan/elements.csv\n"
     "netvet import graphml Abilene.graphml -o /tmp/abilene\n"
     "netvet import netbox devices-*.json sites.json cables.json -o /tmp/nb\n"
     "netvet import snmpwalk walks/*.txt -o /tmp/walks",
     1},
    {NULL, NULL, 0}};

static int cmd_import(int argc, char **argv);

/* "nmap, graphml, ...": the names in the source table. */
static const char *source_names(void)
{
    static char list[256];
    size_t len = 0;
    for (size_t i = 0; i < netvet_source_count() && len < sizeof list; i++)
        len += (size_t)snprintf(list + len, sizeof list - len, "%s%s",
                                i ? ", " : "",
                                netvet_source_name(netvet_source_at(i)));
    return list;
}

const nv_cmd nv_cmd_import = {
    .name = "import",
    .prog = PROG,
    .summary = "convert nmap, GraphML, NetBox or snmpwalk output into "
               "netvet's native CSV",
    .brief = "convert nmap, GraphML, NetBox or snmpwalk output to CSV",
    .operands = "FORMAT FILE...",
    .opts = opts,
    .sections = sections,
    .run = cmd_import};

/* @return -1 to go on, else an exit status. */
static int parse_args(imp_args *a, int argc, char **argv)
{
    int rc = nv_opts_parse(&nv_cmd_import, argc, argv, a);
    if (rc >= 0)
        return rc;
    if (optind >= argc)
        return nv_cli_fail(PROG, "expected FORMAT (%s) and FILE... "
                           "(see --help)", source_names());
    a->format = argv[optind++];
    if (optind >= argc)
        return nv_cli_fail(PROG, "expected at least one FILE (see --help)");
    if ((size_t)(argc - optind) > MAX_FILES)
        return nv_cli_fail(PROG, "at most %d files", MAX_FILES);
    a->files = (const char **)(argv + optind);
    a->n_files = (size_t)(argc - optind);
    if (!a->c.output || !*a->c.output)
        return nv_cli_fail(PROG, "-o DIR is required (see --help)");
    if (!strcmp(a->c.output, "-"))
        return nv_cli_fail(PROG, "-o DIR: import writes two files into a "
                                 "directory, not to standard output");
    return -1;
}

static void summary(const imp_args *a, const char *what,
                    netvet_import_counts c)
{
    if (a->c.diag.quiet || c.read == 0)
        return;
    fprintf(stderr, "%s: %s: %llu read, %llu written, %llu skipped", PROG,
            what, (unsigned long long)c.read, (unsigned long long)c.written,
            (unsigned long long)c.skipped);
    if (c.ignored)
        fprintf(stderr, ", %llu ignored", (unsigned long long)c.ignored);
    fputc('\n', stderr);
}

/* Run the output through the ordinary loader (warnings printed). */
static int check_output(const imp_args *a, const netvet_import *imp,
                        netvet_diag *diag)
{
    netvet_inventory *inv = NULL;
    netvet_load_options lo = NETVET_LOAD_OPTIONS_INIT;
    lo.strict = a->c.strict;
    lo.site_points = 0; /* a check of the rows: no map */
    int rc = netvet_import_inventory(&inv, imp, &lo, diag);
    if (rc == 0 && !a->c.diag.quiet) {
        for (int w = 0; w < 2; w++) {
            netvet_load_stats s = netvet_inventory_stats(inv, w);
            if (s.rows_skipped)
                fprintf(stderr, "%s: loader check: %s: %llu of %llu rows "
                        "would be skipped\n", PROG,
                        w ? "links.csv" : "elements.csv",
                        (unsigned long long)s.rows_skipped,
                        (unsigned long long)s.rows_read);
        }
    }
    netvet_inventory_free(inv);
    return rc;
}

static int convert(const imp_args *a, netvet_import *imp, netvet_diag *diag)
{
    int rc = 0;
    for (size_t i = 0; i < a->n_files && rc == 0; i++)
        rc = netvet_import_add_file(imp, a->files[i], diag);
    if (rc == 0)
        rc = netvet_import_finish(imp, diag);
    if (rc == 0)
        rc = check_output(a, imp, diag);
    if (rc == 0) {
        /* the files are in memory: writing them is short, and the library
         * removes its temporaries on failure, so a signal waits for it */
        nv_outfile_hold_signals();
        rc = netvet_import_write(imp, a->c.output, diag);
        nv_outfile_release_signals();
    }
    return rc;
}

static int run(void *payload, netvet_diag *diag)
{
    imp_args *a = payload;
    const netvet_source *src = netvet_source_find(a->format);
    if (!src)
        return nv_cli_fail(PROG, "unknown FORMAT '%s' (%s)", a->format,
                           source_names());
    netvet_import *imp = NULL;
    int rc = netvet_import_new(&imp, src, a->c.strict, a->n_files);
    if (rc == 0)
        rc = convert(a, imp, diag);
    nv_cli_diag_finish(&a->c.diag);
    int status = NV_EXIT_OK;
    if (rc < 0) {
        status = nv_cli_fail_diag(PROG, diag, netvet_strerror(rc));
    } else {
        summary(a, "elements", netvet_import_count(imp, 0));
        summary(a, "links", netvet_import_count(imp, 1));
        if (!a->c.diag.quiet)
            fprintf(stderr, "%s: wrote %s/elements.csv and %s/links.csv\n",
                    PROG, a->c.output, a->c.output);
    }
    netvet_import_free(imp);
    return status;
}

static int cmd_import(int argc, char **argv)
{
    imp_args a;
    memset(&a, 0, sizeof a);
    nv_common_init(&a.c, PROG, -1);
    int rc = parse_args(&a, argc, argv);
    if (rc >= 0)
        return rc;
    return nv_cli_with_diag(&a.c.diag, run, &a);
}
