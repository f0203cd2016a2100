/* SPDX-License-Identifier: Apache-2.0 */
/* The steps the session commands share before their own work (run.h):
 * option parsing with one INVENTORY operand or a verb, and running the parsed
 * command under the diagnostics printer. */
#include "cli/run.h"

#include <string.h>
#include <unistd.h>

#include "cli/cli.h"

int nv_run_parse_inventory(const nv_cmd *cmd, int argc, char **argv,
                           void *args)
{
    int rc = nv_opts_parse(cmd, argc, argv, args);
    if (rc >= 0)
        return rc;
    if (optind != argc - 1)
        return nv_cli_fail(cmd->prog, "expected one INVENTORY argument (see "
                                      "--help)");
    return -1;
}

int nv_run_parse_verb(const nv_cmd *cmd, int argc, char **argv, void *args,
                      const char *const *verbs, const char *expected,
                      int *verb, const char **subject)
{
    int rc = nv_opts_parse(cmd, argc, argv, args);
    if (rc >= 0)
        return rc;
    const char *v = optind < argc ? argv[optind] : "";
    int k = -1;
    for (int i = 0; verbs[i] && k < 0; i++)
        if (!strcmp(v, verbs[i]))
            k = i;
    int need = k >= 0;
    if (!need && strcmp(v, "list"))
        return nv_cli_fail(cmd->prog, "expected %s (see --help)", expected);
    if (argc - optind != need + 1)
        return nv_cli_fail(cmd->prog, "%s takes %s", v,
                           need ? "one argument" : "no argument");
    *verb = k;
    *subject = need ? argv[optind + 1] : NULL;
    return -1;
}

int nv_run_session(nv_session *s, int parsed,
                   int (*run)(void *payload, netvet_diag *diag),
                   void *payload)
{
    if (parsed >= 0)
        return parsed;
    return nv_cli_with_diag(&s->c.diag, run, payload);
}
