/* netvet synth: parse options, run the generator, report progress on a
 * terminal and a one-line summary. All the generating is in the library
 * (netvet_synth_write_stats); this file only talks to the user. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/exit.h"

#define PROG "netvet synth"

static const char help[] =
"NAME\n"
"    netvet synth - generate a realistic synthetic operator network\n\n"
"SYNOPSIS\n"
"    netvet synth --elements N [--seed S] -o DIR [--hrv-share F]\n"
"                 [--evidence] [-q]\n\n"
"DESCRIPTION\n"
"    Writes DIR/elements.csv and DIR/links.csv in netvet's native CSV: a\n"
"    converged fixed and mobile operator with core sites (core routers,\n"
"    5GC/EPC/IMS, OSS/NMS, firewalls), aggregation rings in UK-like regions,\n"
"    OLTs and cell-site routers dual-homed to two ring nodes, basebands and\n"
"    radios behind the cell-site routers, and ONTs and routers behind the\n"
"    OLTs. Exactly N elements are written. Weights are customers served\n"
"    (radio subscribers, 1 per home, 5-20 per business); transit is 0.\n\n"
"    Vendors are declared as inventories declare them (\"Cisco Systems,\n"
"    Inc.\", \"HUAWEI\", ...), with functions written as canonical names or\n"
"    aliases (5GC, OLT, gNB, ONT, ...). Huawei is the only high-risk vendor;\n"
"    it never supplies core, management, security or sensitive-tagged\n"
"    elements, and holds about --hrv-share of access + ran by element count\n"
"    and by weight, concentrated in some regions, so the default network\n"
"    passes the UK NCSC policy.\n\n"
"    The output depends only on N, the seed and the options: the same\n"
"    command writes the same bytes on any machine. Files are written under\n"
"    temporary names and renamed when complete. Memory use is constant, so\n"
"    N can be up to 100,000,000 (10 million takes well under a minute).\n\n"
"OPTIONS\n"
"    -n, --elements N    Number of elements, 50 to 100000000. Required.\n"
"    -s, --seed S        Seed, 0 to 18446744073709551615 (default 1).\n"
"    -o, --output DIR    Directory to write to; created if missing.\n"
"                        Existing elements.csv and links.csv are replaced.\n"
"    --hrv-share F       Huawei's target share of access + ran elements and\n"
"                        weight, 0 to 1 (default 0.25). Sensitive sites and\n"
"                        planned builds never get Huawei, so 1 gives ~0.95.\n"
"    --evidence          Add the columns mac, sys_object_id and sys_descr,\n"
"                        consistent with each element's vendor (IEEE OUIs,\n"
"                        IANA enterprise numbers, OS banners).\n"
"    -q, --quiet         Print nothing on success.\n"
"    -h, --help          Show this help.\n\n"
"    Progress is shown on stderr when it is a terminal. On success a\n"
"    summary line is printed to stderr.\n\n"
"EXIT STATUS\n"
"    0  the network was written\n"
"    2  bad usage or option value, or the files could not be written\n\n"
"EXAMPLES\n"
"    netvet synth --elements 4000 --seed 2024 -o examples/uk-operator\n"
"    netvet synth -n 1000000 -s 7 -o /tmp/net --evidence\n"
"    netvet synth -n 100000 -o /tmp/heavy --hrv-share 0.5\n"
"    netvet assess /tmp/heavy    # finds the 35% access cap exceeded\n\n"
"SEE ALSO\n"
"    docs/synth.md for the network model and the columns.\n";

typedef struct synth_args {
    netvet_synth_options opts;
    const char *dir;
    int has_elements;
    int quiet;
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

static int parse_share(const char *s, double *out)
{
    char *end;
    if (!s || !*s)
        return -1;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *end || !isfinite(v) || v < 0 || v > 1)
        return -1;
    *out = v;
    return 0;
}

/* Value of an option given as "--opt VALUE" or "--opt=VALUE". */
static const char *value_of(int argc, char **argv, int *i, const char *arg,
                            size_t name_len)
{
    if (arg[name_len] == '=')
        return arg + name_len + 1;
    if (*i + 1 < argc)
        return argv[++*i];
    return NULL;
}

/* Does arg name the long option `name` (or its short form)? */
static int is_opt(const char *arg, const char *name, const char *shrt)
{
    size_t n = strlen(name);
    if (shrt && strcmp(arg, shrt) == 0)
        return (int)strlen(arg);
    if (strncmp(arg, name, n) == 0 && (arg[n] == '\0' || arg[n] == '='))
        return (int)n;
    return 0;
}

static int parse_value(synth_args *a, const char *opt, const char *val)
{
    if (!val)
        return nv_cli_fail(PROG, "%s needs a value (see --help)", opt);
    if (strcmp(opt, "--elements") == 0) {
        a->has_elements = 1;
        if (parse_u64(val, &a->opts.n_elements) < 0)
            return nv_cli_fail(PROG, "--elements: '%s' is not a whole number",
                               val);
    } else if (strcmp(opt, "--seed") == 0) {
        if (parse_u64(val, &a->opts.seed) < 0)
            return nv_cli_fail(PROG, "--seed: '%s' is not a whole number "
                               "from 0 to 18446744073709551615", val);
    } else if (strcmp(opt, "--hrv-share") == 0) {
        if (parse_share(val, &a->opts.hrv_share) < 0)
            return nv_cli_fail(PROG, "--hrv-share: '%s' is not a number "
                               "from 0 to 1", val);
    } else {
        a->dir = val;
    }
    return NV_EXIT_OK;
}

/* @return NV_EXIT_OK, NV_EXIT_USAGE, or -1 when help was printed. */
static int parse_args(synth_args *a, int argc, char **argv)
{
    static const struct {
        const char *name, *shrt;
    } valued[] = {{"--elements", "-n"}, {"--seed", "-s"},
                  {"--hrv-share", NULL}, {"--output", "-o"}};
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        int handled = 0, rc;
        for (size_t k = 0; k < sizeof(valued) / sizeof(valued[0]); k++) {
            int n = is_opt(arg, valued[k].name, valued[k].shrt);
            if (!n)
                continue;
            rc = parse_value(a, valued[k].name,
                             value_of(argc, argv, &i, arg, (size_t)n));
            if (rc != NV_EXIT_OK)
                return rc;
            handled = 1;
            break;
        }
        if (handled)
            continue;
        if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
            fputs(help, stdout);
            return -1;
        } else if (!strcmp(arg, "--evidence")) {
            a->opts.has_evidence = 1;
        } else if (!strcmp(arg, "-q") || !strcmp(arg, "--quiet")) {
            a->quiet = 1;
        } else {
            return nv_cli_fail(PROG, "unexpected argument '%s' (see --help)",
                               arg);
        }
    }
    if (!a->has_elements)
        return nv_cli_fail(PROG, "--elements N is required (see --help)");
    if (!a->dir || !*a->dir)
        return nv_cli_fail(PROG, "-o DIR is required (see --help)");
    return NV_EXIT_OK;
}

static void show_progress(uint64_t done, uint64_t total, void *payload)
{
    (void)payload;
    unsigned pct = total ? (unsigned)(done * 100 / total) : 100;
    fprintf(stderr, "\r\033[K%s: %3u%% (%llu of %llu elements)", PROG, pct,
            (unsigned long long)done, (unsigned long long)total);
    fflush(stderr);
}

int nv_cmd_synth(int argc, char **argv)
{
    synth_args a = {NETVET_SYNTH_OPTIONS_INIT, NULL, 0, 0};
    int rc = parse_args(&a, argc, argv);
    if (rc != NV_EXIT_OK)
        return rc < 0 ? NV_EXIT_OK : rc;
    int progress = !a.quiet && isatty(STDERR_FILENO);
    if (progress)
        a.opts.progress_fn = show_progress;

    netvet_diag *diag = NULL;
    if (netvet_diag_new(&diag, NULL, NULL) < 0)
        return nv_cli_fail(PROG, "out of memory");
    netvet_synth_stats stats;
    int error = netvet_synth_write_stats(&stats, a.dir, &a.opts, diag);
    if (progress)
        fputs("\r\033[K", stderr);
    if (error < 0) {
        rc = nv_cli_fail_diag(PROG, diag, netvet_strerror(error));
    } else if (!a.quiet) {
        fprintf(stderr, "%s: wrote %llu elements, %llu links to %s\n", PROG,
                (unsigned long long)stats.n_elements,
                (unsigned long long)stats.n_links, a.dir);
    }
    netvet_diag_free(diag);
    return rc;
}
