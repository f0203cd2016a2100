/* netvet command entry: dispatch to a subcommand, or print help/version. */
#include <malloc.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/exit.h"
#include "netvet/netvet.h"

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} commands[] = {
    {"assess", nv_cmd_assess,
     "check an inventory against policy packs; shares and findings"},
    {"identify", nv_cmd_identify,
     "attribute elements to vendors from MAC, SNMP, LLDP and CPE evidence"},
    {"import", nv_cmd_import,
     "convert nmap, GraphML, NetBox or snmpwalk output to CSV"},
    {"synth", nv_cmd_synth,
     "generate a realistic synthetic operator network"},
    {"whatif", nv_cmd_whatif,
     "before/after of a scenario: verdict, findings, shares, exposure"},
    {"check", nv_cmd_check,
     "procurement: would adding N elements of vendor V break a rule?"},
    {"plan", nv_cmd_plan,
     "which elements to replace, cheapest first, so target rules pass"},
};

#define N_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static void usage(FILE *out)
{
    fprintf(out,
"NAME\n"
"    netvet - vet a telecom network's supply chain\n\n"
"SYNOPSIS\n"
"    netvet COMMAND [OPTIONS] [ARGS]\n"
"    netvet COMMAND --help\n"
"    netvet --version\n\n"
"DESCRIPTION\n"
"    netvet reads an operator's inventory (elements and links), works out\n"
"    which vendor made each element and which state can compel that vendor,\n"
"    and checks the network against high-risk-vendor policies such as the\n"
"    UK NCSC's: no high-risk vendor in the core, at most 35%% of the access\n"
"    network per risk domain, at most one high-risk vendor. Every finding\n"
"    names its rule, the rule's public source and the elements involved.\n\n"
"COMMANDS\n");
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(out, "    %-8s %s\n", commands[i].name, commands[i].summary);
    fprintf(out,
"\nEXIT STATUS\n"
"    0  no findings at or above --fail-on\n"
"    1  findings at or above --fail-on\n"
"    2  bad usage, bad input or internal error\n\n"
"EXAMPLES\n"
"    netvet assess examples/uk-operator\n"
"    netvet assess examples/uk-operator --format json -o report.json\n"
"    netvet identify evidence.csv --format csv -o attribution.csv\n"
"    netvet import nmap scan.xml -o /tmp/scan\n"
"    netvet synth --elements 1000000 --seed 7 -o /tmp/net\n"
"    netvet whatif examples/uk-operator \\\n"
"        --scenario examples/uk-operator/scenarios/add-zte-aggregation.yaml\n"
"    netvet check examples/uk-operator --vendor Huawei --function ran \\\n"
"        --region London --count 20\n"
"    netvet plan net/ --target uk-hrv-access-cap --replace-with Nokia\n");
}

int main(int argc, char **argv)
{
    /* Blocks of 4 MiB and more always get their own mapping, so growing a
     * column is an mremap, not a copy (glibc otherwise raises this
     * threshold as big blocks are freed, up to 32 MiB). */
    mallopt(M_MMAP_THRESHOLD, 4 << 20);
    if (argc < 2) {
        usage(stderr);
        return NV_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        if (argc > 2 && strcmp(cmd, "help") == 0) {
            char *sub[] = {argv[2], (char *)"--help", NULL};
            for (size_t i = 0; i < N_COMMANDS; i++)
                if (!strcmp(argv[2], commands[i].name))
                    return commands[i].run(2, sub);
        }
        usage(stdout);
        return NV_EXIT_OK;
    }
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
        printf("netvet %s\n", netvet_version());
        return NV_EXIT_OK;
    }
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (!strcmp(cmd, commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "netvet: unknown command '%s' (see netvet --help)\n", cmd);
    return NV_EXIT_USAGE;
}
