/* netvet import: convert foreign files (nmap XML, GraphML, NetBox JSON,
 * snmpwalk) into netvet native CSV (DIR/elements.csv, DIR/links.csv). The conversion is in the library
 * (src/import); the result is checked with the ordinary loader before it is
 * written, so what is written loads the same way in assess and identify. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/exit.h"
#include "import/import.h"

#define PROG "netvet import"
#define MAX_FILES 4096

static const char help[] =
"NAME\n"
"    netvet import - convert nmap, GraphML, NetBox or snmpwalk output into\n"
"    netvet's native CSV\n\n"
"SYNOPSIS\n"
"    netvet import FORMAT FILE... -o DIR [--strict] [-q]\n\n"
"DESCRIPTION\n"
"    Reads each FILE as FORMAT and writes DIR/elements.csv and\n"
"    DIR/links.csv (docs/inventory-format.md), then checks them with the\n"
"    ordinary loader. Use the result with `netvet identify DIR/elements.csv`\n"
"    (evidence) or `netvet assess DIR` (once vendors are known).\n\n"
"FORMATS\n"
"    nmap      nmap XML (-oX). One evidence row per host that is up: id\n"
"              (first IPv4, else IPv6, else hostname), name, mac,\n"
"              nmap_mac_vendor, sys_descr (OS match and class), cpe.\n"
"              Function `other`, vendor empty. Hosts that are down are\n"
"              ignored (counted).\n"
"    graphml   GraphML (Internet Topology Zoo style). Nodes become elements\n"
"              (id = node id, name = label, lat/lon, region = Country,\n"
"              function `aggregation`, vendor empty, tag `external` when\n"
"              Internal = 0); edges become links (kind = LinkLabel,\n"
"              capacity = LinkSpeedRaw in bit/s; parallel edges kept).\n"
"              With several files, ids become FILE:ID (FILE = the file\n"
"              name without directory and .graphml/.xml), since every Zoo\n"
"              graph numbers its nodes from 0.\n"
"    netbox    NetBox REST responses of /api/dcim/devices/, /cables/ and\n"
"              /sites/ (pages with `results`, or arrays; give all pages and\n"
"              kinds together, in any order). Devices become elements (id =\n"
"              name, else the numeric id; vendor = manufacturer; model;\n"
"              software = platform; function from the role; site; region\n"
"              from the sites; status; tags), cables links between the\n"
"              devices at their two ends (kind = cable type).\n"
"    snmpwalk  `snmpwalk -On` output, one file per device; the file name\n"
"              (without .txt/.walk/.snmp/.snmpwalk) is the id. One evidence\n"
"              row: name (sysName), sys_descr (sysDescr, multi-line kept),\n"
"              sys_object_id (sysObjectID), mac (first non-zero\n"
"              ifPhysAddress); vendor empty.\n\n"
"    XML input is parsed without network access, DTD loading or entity\n"
"    substitution; a document that declares or references entities is\n"
"    refused. A bad record is reported as file:line: what is wrong and\n"
"    skipped (counted); with --strict it stops the run. Rules:\n"
"    docs/importers.md.\n\n"
"OPTIONS\n"
"    -o, --output DIR    Directory to write (created if missing; existing\n"
"                        elements.csv and links.csv are replaced).\n"
"    --strict            Treat the first bad record as fatal.\n"
"    --max-warnings N    Warnings printed (default 50; all counted).\n"
"    -q, --quiet         Print no warnings and no summary.\n"
"    -h, --help          Show this help.\n\n"
"    A summary (records read, written, skipped, ignored) is printed to\n"
"    stderr.\n\n"
"EXIT STATUS\n"
"    0  the files were written\n"
"    2  bad usage, unreadable or malformed input (with --strict, any bad\n"
"       record), or the files could not be written\n\n"
"EXAMPLES\n"
"    netvet import nmap scan.xml -o /tmp/scan\n"
"    netvet identify /tmp/scan/elements.csv\n"
"    netvet import graphml Abilene.graphml -o /tmp/abilene\n"
"    netvet import netbox devices-*.json sites.json cables.json -o /tmp/nb\n"
"    netvet import snmpwalk walks/*.txt -o /tmp/walks\n";

typedef struct imp_args {
    const char *format, *output;
    const char **files;
    size_t n_files;
    int strict;
    nv_cli_diag diag;
} imp_args;

enum { O_STRICT = 256, O_MAX_WARN };

static int parse_one(void *payload, int c)
{
    imp_args *a = payload;
    switch (c) {
    case 'o': a->output = optarg; return 0;
    case 'q': a->diag.quiet = 1; return 0;
    case O_STRICT: a->strict = 1; return 0;
    case O_MAX_WARN:
        if (nv_cli_parse_size(optarg, &a->diag.limit) < 0)
            return nv_cli_fail(PROG, "'%s' is not a count", optarg);
        return 0;
    default:
        return nv_cli_fail(PROG, "see 'netvet import --help'");
    }
}

/* @return -1 to go on, else an exit status. */
static int parse_args(imp_args *a, int argc, char **argv)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"strict", no_argument, NULL, O_STRICT},
        {"max-warnings", required_argument, NULL, O_MAX_WARN},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    int rc = nv_cli_getopt(argc, argv, PROG, help, longopts, parse_one, a);
    if (rc >= 0)
        return rc;
    if (optind >= argc)
        return nv_cli_fail(PROG, "expected FORMAT (%s) and FILE... "
                           "(see --help)", nv_import_formats());
    a->format = argv[optind++];
    if (optind >= argc)
        return nv_cli_fail(PROG, "expected at least one FILE (see --help)");
    if ((size_t)(argc - optind) > MAX_FILES)
        return nv_cli_fail(PROG, "at most %d files", MAX_FILES);
    a->files = (const char **)(argv + optind);
    a->n_files = (size_t)(argc - optind);
    if (!a->output || !*a->output)
        return nv_cli_fail(PROG, "-o DIR is required (see --help)");
    return -1;
}

static void summary(const imp_args *a, const char *what,
                    const nv_import_count *c)
{
    if (a->diag.quiet || c->read == 0)
        return;
    fprintf(stderr, "%s: %s: %llu read, %llu written, %llu skipped", PROG,
            what, (unsigned long long)c->read,
            (unsigned long long)c->written, (unsigned long long)c->skipped);
    if (c->ignored)
        fprintf(stderr, ", %llu ignored", (unsigned long long)c->ignored);
    fputc('\n', stderr);
}

/* Run the output through the ordinary loader (warnings printed). */
static int check_output(const imp_args *a, const nv_import_out *o,
                        int evidence_only, netvet_diag *diag)
{
    netvet_inventory *inv = NULL;
    netvet_load_options lo = NETVET_LOAD_OPTIONS_INIT;
    lo.strict = a->strict;
    lo.evidence_only = evidence_only;
    const char *links = o->links.len ? o->links.p : NULL;
    int rc = netvet_inventory_load_buffers(&inv, o->elements.p,
                                           o->elements.len, "elements.csv",
                                           links, o->links.len, "links.csv",
                                           &lo, diag);
    if (rc == 0 && !a->diag.quiet) {
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

static int run(void *payload, netvet_diag *diag)
{
    imp_args *a = payload;
    const nv_import_format *fmt = nv_import_find(a->format);
    if (!fmt)
        return nv_cli_fail(PROG, "unknown FORMAT '%s' (%s)", a->format,
                           nv_import_formats());
    nv_import_out o;
    memset(&o, 0, sizeof o);
    o.strict = a->strict;
    o.n_inputs = a->n_files;
    int rc = 0;
    for (size_t i = 0; i < a->n_files && rc == 0; i++)
        rc = nv_import_file(&o, fmt->fn, a->files[i], diag);
    if (rc == 0)
        rc = nv_import_finish(&o, fmt, diag);
    if (rc == 0 && o.elements.len == 0)
        rc = nv_import_bad(&o, &o.el, diag, a->files[0], 0, "no records");
    if (rc == 0)
        rc = check_output(a, &o, fmt->evidence_only, diag);
    if (rc == 0)
        rc = nv_import_write(&o, a->output, diag);
    nv_cli_diag_finish(&a->diag);
    int status = NV_EXIT_OK;
    if (rc < 0) {
        status = nv_cli_fail_diag(PROG, diag, netvet_strerror(rc));
    } else {
        summary(a, "elements", &o.el);
        summary(a, "links", &o.ln);
        if (!a->diag.quiet)
            fprintf(stderr, "%s: wrote %s/elements.csv and %s/links.csv\n",
                    PROG, a->output, a->output);
    }
    nv_import_out_free(&o);
    return status;
}

int nv_cmd_import(int argc, char **argv)
{
    imp_args a;
    memset(&a, 0, sizeof a);
    a.diag.prog = PROG;
    a.diag.limit = 50;
    int rc = parse_args(&a, argc, argv);
    if (rc >= 0)
        return rc;
    return nv_cli_with_diag(&a.diag, run, &a);
}
