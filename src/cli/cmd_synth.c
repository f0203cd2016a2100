/* SPDX-License-Identifier: Apache-2.0 */
/* netvet synth: parse options, run the generator, report progress on a
 * terminal and a one-line summary. All the generating is in the library
 * (netvet_synth_write_stats); this file only talks to the user. */
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/outfile.h"
#include "cli/commands.h"
#include "cli/common.h"
#include "cli/exit.h"

#define PROG "netvet synth"

typedef struct synth_args {
    nv_common c; /* first: the shared rows' offsets */
    netvet_synth_options opts;
    int has_elements;
} synth_args;

static int parse_u64(const char *s, uint64_t *out)
{
    char *end;
    if (!s || *s < '0' || *s > '9')
        return -1;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end)
        return -1;
    *out = (uint64_t)v;
    return 0;
}

static int set_elements(const char *prog, const nv_opt *o, void *field,
                        const char *v)
{
    synth_args *a = field;
    (void)o;
    a->has_elements = 1;
    if (parse_u64(v, &a->opts.n_elements) < 0)
        return nv_cli_fail(prog, "--elements: '%s' is not a whole number", v);
    return 0;
}

static int set_seed(const char *prog, const nv_opt *o, void *field,
                    const char *v)
{
    (void)o;
    if (parse_u64(v, field) < 0)
        return nv_cli_fail(prog, "--seed: '%s' is not a whole number from 0 "
                                 "to 18446744073709551615", v);
    return 0;
}

static int set_share(const char *prog, const nv_opt *o, void *field,
                     const char *v)
{
    char *end;
    double x = 0;
    (void)o;
    errno = 0;
    if (*v)
        x = strtod(v, &end);
    if (!*v || errno || *end || !isfinite(x) || x < 0 || x > 1)
        return nv_cli_fail(prog, "--hrv-share: '%s' is not a number from 0 "
                                 "to 1", v);
    *(double *)field = x;
    return 0;
}

static const nv_opt opts[] = {
    {.name = "elements", .shrt = 'n', .arg = "N", .set = set_elements,
     .field = 0, .flags = NV_OPT_REQUIRED,
     .help = "Number of elements, 50 to 100000000. Required."},
    {.name = "seed", .shrt = 's', .arg = "S", .set = set_seed,
     .field = offsetof(synth_args, opts.seed), .flags = NV_OPT_SYNOPSIS,
     .help = "Seed, 0 to 18446744073709551615 (default 1)."},
    {.shared = &nv_opt_output_dir, .flags = NV_OPT_REQUIRED,
     .help = "Directory to write to; created if missing. Existing "
             "elements.csv and links.csv are replaced, both at once and only "
             "once both new files are complete."},
    {.name = "hrv-share", .arg = "F", .set = set_share,
     .field = offsetof(synth_args, opts.hrv_share), .flags = NV_OPT_SYNOPSIS,
     .help = "Huawei's target share of access + ran elements and weight, 0 "
             "to 1 (default 0.25). Sensitive sites and planned builds never "
             "get Huawei, so 1 gives ~0.95."},
    {.name = "evidence", .set = nv_set_on,
     .field = offsetof(synth_args, opts.has_evidence),
     .flags = NV_OPT_SYNOPSIS,
     .help = "Add the columns mac, sys_object_id and sys_descr, consistent "
             "with each element's vendor (IEEE OUIs, IANA enterprise "
             "numbers, OS banners)."},
    {.shared = &nv_opt_quiet, .flags = NV_OPT_SYNOPSIS,
     .help = "Print nothing on success."},
    NV_USE(nv_opt_help),
    NV_OPTS_END};

static const nv_section sections[] = {
    {"DESCRIPTION",
     "Writes DIR/elements.csv and DIR/links.csv in netvet's native CSV: a "
     "converged fixed and mobile operator with core sites (core routers, "
     "5GC/EPC/IMS, OSS/NMS, firewalls), aggregation rings in UK-like "
     "regions, OLTs and cell-site routers dual-homed to two ring nodes, "
     "basebands and radios behind the cell-site routers, and ONTs and "
     "routers behind the OLTs. Exactly N elements are written. Weights are "
     "customers served (radio subscribers, 1 per home, 5-20 per business); "
     "transit is 0.\n\n"
     "Vendors are declared as inventories declare them (\"Cisco Systems, "
     "Inc.\", \"HUAWEI\", ...), with functions written as canonical names "
     "or aliases (5GC, OLT, gNB, ONT, ...). Huawei is the only high-risk "
     "vendor; it never supplies core, management, security or "
     "sensitive-tagged elements, and holds about --hrv-share of access + "
     "ran by element count and by weight, concentrated in some regions, so "
     "the default network passes the UK NCSC policy.\n\n"
     "The output depends only on N, the seed and the options: the same "
     "command writes the same bytes on any machine. Files are written "
     "under temporary names and renamed when complete. Memory use is "
     "constant, so N can be up to 100,000,000 (10 million takes well under "
     "a minute).",
     0},
    {"OPTIONS",
     "Progress is shown on stderr when it is a terminal. On success a "
     "summary line is printed to stderr.",
     0},
    {"EXIT STATUS",
     "0\tthe network was written\n\n"
     "2\tbad usage or option value, or the files could not be written",
     0},
    {"EXAMPLES",
     "netvet synth --elements 4000 --seed 2024 -o examples/uk-operator\n"
     "netvet synth -n 1000000 -s 7 -o /tmp/net --evidence\n"
     "netvet synth -n 100000 -o /tmp/heavy --hrv-share 0.5\n"
     "netvet assess /tmp/heavy    # finds the 35% access cap exceeded",
     1},
    {"SEE ALSO", "docs/synth.md for the network model and the columns.", 0},
    {NULL, NULL, 0}};

static int cmd_synth(int argc, char **argv);

const nv_cmd nv_cmd_synth = {
    .name = "synth",
    .prog = PROG,
    .summary = "generate a realistic synthetic operator network",
    .brief = "generate a realistic synthetic operator network",
    .opts = opts,
    .sections = sections,
    .run = cmd_synth};

/* @return -1 to go on, else an exit status. */
static int parse_args(synth_args *a, int argc, char **argv)
{
    int rc = nv_opts_parse(&nv_cmd_synth, argc, argv, a);
    if (rc >= 0)
        return rc;
    if (optind < argc)
        return nv_cli_fail(PROG, "unexpected argument '%s' (see --help)",
                           argv[optind]);
    if (!a->has_elements)
        return nv_cli_fail(PROG, "--elements N is required (see --help)");
    if (!a->c.output || !*a->c.output)
        return nv_cli_fail(PROG, "-o DIR is required (see --help)");
    if (!strcmp(a->c.output, "-"))
        return nv_cli_fail(PROG, "-o DIR: synth writes two files into a "
                                 "directory, not to standard output");
    return -1;
}

static void show_progress(uint64_t done, uint64_t total, void *payload)
{
    (void)payload;
    unsigned pct = total ? (unsigned)(done * 100 / total) : 100;
    fprintf(stderr, "\r\033[K%s: %3u%% (%llu of %llu elements)", PROG, pct,
            (unsigned long long)done, (unsigned long long)total);
    fflush(stderr);
}

/* Slots of synth's temporaries in outfile's signal cleanup table. */
typedef struct guards {
    int slot[2];
    int n;
} guards;

static void guard_temp(const char *path, void *payload)
{
    guards *g = payload;
    if (g->n < 2)
        g->slot[g->n++] = nv_outfile_guard(path);
}

static int cmd_synth(int argc, char **argv)
{
    synth_args a = {.opts = NETVET_SYNTH_OPTIONS_INIT};
    nv_common_init(&a.c, PROG, -1);
    int rc = parse_args(&a, argc, argv);
    if (rc >= 0)
        return rc;
    rc = NV_EXIT_OK;
    int quiet = a.c.diag.quiet;
    int progress = !quiet && isatty(STDERR_FILENO);
    if (progress)
        a.opts.progress_fn = show_progress;

    netvet_diag *diag = NULL;
    if (netvet_diag_new(&diag, NULL, NULL) < 0)
        return nv_cli_fail(PROG, "out of memory");
    guards g = {{-1, -1}, 0};
    a.opts.temp_fn = guard_temp;
    a.opts.temp_payload = &g;
    netvet_synth_stats stats;
    int error = netvet_synth_write_stats(&stats, a.c.output, &a.opts, diag);
    for (int i = 0; i < g.n; i++)
        nv_outfile_unguard(g.slot[i]);
    if (progress)
        fputs("\r\033[K", stderr);
    if (error < 0) {
        rc = nv_cli_fail_diag(PROG, diag, netvet_strerror(error));
    } else if (!quiet) {
        fprintf(stderr, "%s: wrote %llu elements, %llu links to %s\n", PROG,
                (unsigned long long)stats.n_elements,
                (unsigned long long)stats.n_links, a.c.output);
    }
    netvet_diag_free(diag);
    return rc;
}
