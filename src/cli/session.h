/* What whatif, check and plan share on the command line: the options that
 * pick the registry, policy, date, output and gate, and loading the
 * inventory, registry, policy and attributor they all start from. */
#ifndef NV_CLI_SESSION_H
#define NV_CLI_SESSION_H

#include <getopt.h>
#include <stdio.h>

#include "cli/cli.h"

#define NV_SESSION_MAX 32 /* repeatable option values */

typedef struct nv_session {
    const char *prog;
    const char *inventory;
    const char *policies[NV_SESSION_MAX];
    size_t n_policies;
    const char *registries[NV_SESSION_MAX];
    size_t n_registries;
    const char *sources[NV_SESSION_MAX + 1];
    size_t n_sources;
    const char *as_of, *output, *ieee_dir, *enterprises;
    size_t top;
    int no_topology, trust_declared, strict, progress, timings;
    int reported;               /* the failure was already printed */
    netvet_report_options report;
    nv_cli_diag diag;
    /* loaded by nv_session_load, freed by nv_session_dispose */
    netvet_registry *reg;
    netvet_policy *policy;
    netvet_inventory *inv;
    netvet_assess_options assess;
} nv_session;

/* Option codes 256..299 are the session's; commands use 300 and up. */
enum { NV_SO_POLICY = 256, NV_SO_REGISTRY, NV_SO_AS_OF, NV_SO_FORMAT,
       NV_SO_FAIL_ON, NV_SO_STRICT, NV_SO_MAX_WARN, NV_SO_PROGRESS,
       NV_SO_NO_PROGRESS, NV_SO_TIMINGS, NV_SO_SOURCES, NV_SO_TOP,
       NV_SO_NO_TOPOLOGY, NV_SO_TRUST, NV_SO_IEEE, NV_SO_ENTERPRISES,
       NV_SO_FIRST_FREE = 300 };

/* The session's long options, to put first in a command's table. */
#define NV_SESSION_LONGOPTS                                                 \
    {"policy", required_argument, NULL, NV_SO_POLICY},                      \
    {"registry", required_argument, NULL, NV_SO_REGISTRY},                  \
    {"as-of", required_argument, NULL, NV_SO_AS_OF},                        \
    {"format", required_argument, NULL, NV_SO_FORMAT},                      \
    {"output", required_argument, NULL, 'o'},                               \
    {"fail-on", required_argument, NULL, NV_SO_FAIL_ON},                    \
    {"strict", no_argument, NULL, NV_SO_STRICT},                            \
    {"max-warnings", required_argument, NULL, NV_SO_MAX_WARN},              \
    {"quiet", no_argument, NULL, 'q'},                                      \
    {"progress", no_argument, NULL, NV_SO_PROGRESS},                        \
    {"no-progress", no_argument, NULL, NV_SO_NO_PROGRESS},                  \
    {"timings", no_argument, NULL, NV_SO_TIMINGS},                          \
    {"sources", required_argument, NULL, NV_SO_SOURCES},                    \
    {"top", required_argument, NULL, NV_SO_TOP},                            \
    {"no-topology", no_argument, NULL, NV_SO_NO_TOPOLOGY},                  \
    {"trust", required_argument, NULL, NV_SO_TRUST},                        \
    {"ieee-dir", required_argument, NULL, NV_SO_IEEE},                      \
    {"enterprises", required_argument, NULL, NV_SO_ENTERPRISES},            \
    {"help", no_argument, NULL, 'h'}

/* The --help lines for those options. */
#define NV_SESSION_HELP                                                      \
"    --policy PACK|FILE  Evaluate a built-in pack (by id) or a pack file.\n" \
"                        Repeatable. Default: uk-ncsc-2020.\n"              \
"    --registry FILE     Overlay a vendor registry file. Repeatable.\n"     \
"    --as-of DATE        Assess as of YYYY-MM-DD (default: today, UTC).\n"  \
"    --format FMT        text (default) or json.\n"                         \
"    -o, --output FILE   Write the report to FILE instead of stdout.\n"     \
"    --fail-on SEV       The gate: error (default), warning, note, never.\n"\
"    --strict            Treat the first bad inventory row as fatal.\n"     \
"    --max-warnings N    Input warnings printed (default 50; all counted).\n"\
"    -q, --quiet         Do not print input warnings.\n"                    \
"    --timings           Print the time of each phase to stderr.\n"         \
"    --sources SEL       Elements customers must reach (function or\n"      \
"                        tag:NAME). Repeatable. Default: core.\n"           \
"    --top N             Single points of failure listed (default 10).\n"   \
"    --no-topology       Skip exposure and dominators.\n"                   \
"    --trust WHAT        evidence (default) or declared, as for assess.\n"  \
"    --ieee-dir DIR, --enterprises FILE\n"                                  \
"                        Attribution data, as for assess.\n"                \
"    --progress, --no-progress\n"                                           \
"                        Show load progress (default on a terminal).\n"     \
"    -h, --help          Show this help.\n"

void nv_session_init(nv_session *s, const char *prog);
/* Handle a session option. @return 0 (taken), an exit status (bad value),
 * or -1 when c is not a session option. */
int nv_session_option(nv_session *s, int c);
/* Load registry, policy, inventory and attributor; fill s->assess.
 * @return 0 or a library error (message in diag). */
int nv_session_load(nv_session *s, netvet_diag *diag);
/* Print the library's failure once (unless already printed). @return 2. */
int nv_session_failed(nv_session *s, netvet_diag *diag);
/* Open the output (stdout when no -o). NULL after printing why. */
FILE *nv_session_open(nv_session *s);
/* Close what nv_session_open opened. @return 0 or NETVET_EIO. */
int nv_session_close(nv_session *s, FILE *out);
void nv_session_dispose(nv_session *s);

#endif
