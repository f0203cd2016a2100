/* SPDX-License-Identifier: Apache-2.0 */
/* netvet command entry: dispatch to a subcommand, or print help, the
 * version, a man page or the bash completion script. */
#include <malloc.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/exit.h"
#include "netvet/netvet.h"

const nv_cmd *const nv_commands[] = {
    &nv_cmd_assess, &nv_cmd_identify, &nv_cmd_import, &nv_cmd_synth,
    &nv_cmd_whatif, &nv_cmd_check,    &nv_cmd_plan,   &nv_cmd_timeline,
    &nv_cmd_vendors, &nv_cmd_packs, NULL};

/* netvet's own options: main matches them by hand (they come first and
 * alone); the table documents them. */
static const nv_opt opts[] = {
    {.name = "help", .shrt = 'h',
     .help = "Show this help; `netvet help COMMAND` or `netvet COMMAND "
             "--help` shows a command's."},
    {.name = "version", .shrt = 'V', .help = "Print the version."},
    {.name = "man", .arg = "[COMMAND]",
     .help = "Print the man page netvet.1, or with a COMMAND "
             "netvet-COMMAND.1, in roff (man -l - reads it)."},
    {.name = "bash-completion",
     .help = "Print a bash completion script (source it, or install it as "
             "/usr/share/bash-completion/completions/netvet)."},
    {0}};

static const nv_section sections[] = {
    {"DESCRIPTION",
     "netvet reads an operator's inventory (elements and links), works out "
     "which vendor made each element and which state can compel that "
     "vendor, and checks the network against high-risk-vendor policies "
     "such as the UK NCSC's: no high-risk vendor in the core, at most 35% "
     "of the access network per risk domain, at most one high-risk vendor. "
     "Every finding names its rule, the rule's public source and the "
     "elements involved.\n\n"
     "Wherever a command reads or writes a file, '-' stands for standard "
     "input or output: `-o -` writes the report to standard output, an "
     "INVENTORY of '-' reads an elements CSV from standard input.",
     0},
    {"COMMANDS", NULL, 0},
    {"OPTIONS", NULL, 0},
    {"EXIT STATUS",
     "0\tno findings at or above --fail-on\n\n"
     "1\tfindings at or above --fail-on\n\n"
     "2\tbad usage, bad input or internal error",
     0},
    {"EXAMPLES",
     "netvet assess examples/uk-operator\n"
     "netvet assess examples/uk-operator --format json -o report.json\n"
     "netvet identify evidence.csv --format csv -o attribution.csv\n"
     "netvet import nmap scan.xml -o /tmp/scan\n"
     "netvet synth --elements 1000000 --seed 7 -o /tmp/net\n"
     "netvet whatif examples/uk-operator \\\n"
     "    --scenario examples/uk-operator/scenarios/add-zte-aggregation.yaml\n"
     "netvet check examples/uk-operator --vendor Huawei --function ran \\\n"
     "    --region London --count 20\n"
     "netvet plan net/ --target uk-hrv-access-cap --replace-with Nokia\n"
     "netvet --man assess | man -l -",
     1},
    {NULL, NULL, 0}};

const nv_cmd nv_netvet = {
    .prog = "netvet",
    .summary = "vet a telecom network's supply chain",
    .operands = "COMMAND [OPTION]... [ARG]...\n"
                "COMMAND --help\n"
                "--version\n"
                "--man [COMMAND]\n"
                "--bash-completion",
    .opts = opts,
    .sections = sections};

static const nv_cmd *find(const char *name)
{
    for (const nv_cmd *const *c = nv_commands; *c; c++)
        if (!strcmp(name, (*c)->name))
            return *c;
    return NULL;
}

/* Print a document to stdout. @return the exit status. */
static int print(void (*doc)(FILE *, const nv_cmd *), const nv_cmd *cmd)
{
    doc(stdout, cmd);
    if (fflush(stdout) != 0 || ferror(stdout))
        return nv_cli_fail("netvet", "cannot write stdout");
    return NV_EXIT_OK;
}

static void completion(FILE *out, const nv_cmd *cmd)
{
    (void)cmd;
    nv_doc_completion(out);
}

/* --help, help [COMMAND], --version, --man, --bash-completion: an exit
 * status, or -1 when argv[1] is none of them. */
static int own_option(int argc, char **argv)
{
    const char *a = argv[1];
    const nv_cmd *cmd = argc > 2 ? find(argv[2]) : NULL;
    if (!strcmp(a, "-h") || !strcmp(a, "--help") || !strcmp(a, "help")) {
        if (cmd && !strcmp(a, "help"))
            return print(nv_doc_help, cmd);
        return print(nv_doc_help, &nv_netvet);
    }
    if (!strcmp(a, "--version") || !strcmp(a, "-V")) {
        printf("netvet %s\n", netvet_version());
        return NV_EXIT_OK;
    }
    if (!strcmp(a, "--man")) {
        if (argc > 2 && !cmd)
            return nv_cli_fail("netvet", "unknown command '%s' (see netvet "
                                         "--help)", argv[2]);
        return print(nv_doc_man, cmd ? cmd : &nv_netvet);
    }
    if (!strcmp(a, "--bash-completion"))
        return print(completion, NULL);
    return -1;
}

int main(int argc, char **argv)
{
    /* Blocks of 4 MiB and more always get their own mapping, so growing a
     * column is an mremap, not a copy (glibc otherwise raises this
     * threshold as big blocks are freed, up to 32 MiB). */
    mallopt(M_MMAP_THRESHOLD, 4 << 20);
    if (argc < 2) {
        nv_doc_help(stderr, &nv_netvet);
        return NV_EXIT_USAGE;
    }
    int rc = own_option(argc, argv);
    if (rc >= 0)
        return rc;
    const nv_cmd *cmd = find(argv[1]);
    if (!cmd) {
        fprintf(stderr, "netvet: unknown command '%s' (see netvet --help)\n",
                argv[1]);
        return NV_EXIT_USAGE;
    }
    rc = cmd->run(argc - 1, argv + 1);
    nv_cli_stdin_free();
    return rc;
}
