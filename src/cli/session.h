/* SPDX-License-Identifier: Apache-2.0 */
/* What assess, whatif, check and plan share: the shared options' values
 * (nv_common), loading the inventory, registry, policy and attributor
 * they all start from ('-' reads one of them from standard input), and
 * opening the output ('-' or none: standard output). */
#ifndef NV_CLI_SESSION_H
#define NV_CLI_SESSION_H

#include <stdio.h>

#include "cli/common.h"
#include "cli/outfile.h"

typedef struct nv_session {
    nv_common c;                /* first: the shared rows' offsets */
    const char *inventory;
    int reported;               /* the failure was already printed */
    /* loaded by nv_session_load, freed by nv_session_dispose */
    netvet_registry *reg;
    netvet_policy *policy;
    netvet_inventory *inv;
    netvet_waivers *waivers;    /* NULL without --waivers */
    netvet_assess_options assess;
    nv_outfile out;             /* nv_session_open .. nv_session_close */
} nv_session;

/* report_kind: the command's netvet_report_kind (its --format values). */
void nv_session_init(nv_session *s, const char *prog, int report_kind);
/* Load registry, policy, inventory and attributor; fill s->assess.
 * nv_session_load then prints the capped-warnings line; nv_session_load_all
 * leaves that to the caller (nv_cli_diag_finish(&s->c.diag)).
 * @return 0 or a library error (message in diag). */
int nv_session_load(nv_session *s, netvet_diag *diag);
int nv_session_load_all(nv_session *s, netvet_diag *diag);
/* Load only the registry (built-in plus --registry overlays) into s->reg.
 * @return 0 or a library error (message in diag). */
int nv_session_load_registry(nv_session *s, netvet_diag *diag);
/* Add pack `p` (a file, '-', or a built-in id) to s->policy, which must
 * exist. @return 0 or a library error (an unknown pack is printed). */
int nv_session_add_pack(nv_session *s, const char *p, netvet_diag *diag);
/* Take INVENTORY (argv[i]); '-' claims standard input.
 * @return -1 to go on, else an exit status (printed). */
int nv_session_operand(nv_session *s, const char *inventory);
/* A file operand or option value `path` that may be '-': when it is,
 * read standard input into *buf and *len and @return 1; else @return 0 (use
 * the path); -1 when stdin cannot be read (printed; s->reported set).
 * `what` names the option or operand in messages. */
int nv_session_stdin(nv_session *s, const char *what, const char *path,
                     const char **buf, size_t *len);
/* Load the scenario file `path` ('-': standard input, claimed as
 * --scenario) into *out. @return 0 or a library error (message in diag;
 * NETVET_EINVAL when stdin could not be read, already printed). */
int nv_session_load_scenario(nv_session *s, const char *path,
                             netvet_scenario **out, netvet_diag *diag);
/* Print the library's failure once (unless already printed). @return 2. */
int nv_session_failed(nv_session *s, netvet_diag *diag, int rc);
/* Open the output (stdout when no -o, or -o -; a file through a temporary,
 * cli/outfile.h). NULL after printing why. */
FILE *nv_session_open(nv_session *s);
/* Finish the output after its writer returned rc: commit it, or remove the
 * temporary and print what failed (a write error as "cannot write FILE:
 * REASON", else the library's message). @return 0 or NV_EXIT_USAGE. */
int nv_session_close(nv_session *s, int rc, netvet_diag *diag);
void nv_session_dispose(nv_session *s);

#endif
