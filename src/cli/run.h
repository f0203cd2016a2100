/* SPDX-License-Identifier: Apache-2.0 */
/* What the session commands (assess, whatif, check, plan, timeline,
 * packs, vendors) do alike around their own work: parse their options and
 * take one INVENTORY operand or a verb (list, show ID, ...), and hand the
 * parsed command to its run function under the diagnostics printer.
 * Loading and the output are the session's (session.h); exit statuses
 * are exit.h's. */
#ifndef NV_CLI_RUN_H
#define NV_CLI_RUN_H

#include "cli/opts.h"
#include "cli/session.h"

/* Parse cmd's options into args and check that exactly one operand is
 * left (INVENTORY, argv[optind]; the caller takes it with
 * nv_session_operand after its own checks).
 * @return -1 to go on, else an exit status (printed). */
int nv_run_parse_inventory(const nv_cmd *cmd, int argc, char **argv,
                           void *args);

/* Parse cmd's options into args, then a verb operand: "list", which takes
 * no argument, or one of verbs[] (NULL-terminated), which take one; any
 * other is an error "expected EXPECTED (see --help)". *verb gets the
 * verb's index in verbs[] (-1 for list), *subject its argument (NULL for
 * list). @return -1 to go on, else an exit status (printed). */
int nv_run_parse_verb(const nv_cmd *cmd, int argc, char **argv, void *args,
                      const char *const *verbs, const char *expected,
                      int *verb, const char **subject);

/* A command's main after its parse_args returned `parsed`: that exit
 * status when parsing ended the run (>= 0), else run(payload, diag) with
 * a diag that prints s's messages. @return the exit status. */
int nv_run_session(nv_session *s, int parsed,
                   int (*run)(void *payload, netvet_diag *diag),
                   void *payload);

#endif
