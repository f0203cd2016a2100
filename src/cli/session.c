/* SPDX-License-Identifier: Apache-2.0 */
/* The shared part of assess, whatif, check and plan: loading the
 * registry, policy packs, inventory and (when the inventory has evidence
 * and it is trusted) the attributor; '-' for one of the files reads it
 * from standard input; the output file. */
#include "cli/session.h"

#include <string.h>
#include <unistd.h>

#include "cli/attrib_paths.h"
#include "cli/exit.h"
#include "cli/inv_load.h"

void nv_session_init(nv_session *s, const char *prog, int report_kind)
{
    netvet_assess_options ao = NETVET_ASSESS_OPTIONS_INIT;
    memset(s, 0, sizeof(*s));
    nv_common_init(&s->c, prog, report_kind);
    s->assess = ao;
}

int nv_session_stdin(nv_session *s, const char *what, const char *path,
                     const char **buf, size_t *len)
{
    if (strcmp(path, "-") != 0)
        return 0;
    if (nv_cli_stdin(s->c.prog, what, buf, len) == 0)
        return 1;
    s->reported = 1;
    return -1;
}

int nv_session_operand(nv_session *s, const char *inventory)
{
    s->inventory = inventory;
    if (!strcmp(inventory, "-") &&
        nv_cli_stdin_claim(s->c.prog, "INVENTORY") != 0)
        return NV_EXIT_USAGE;
    return -1;
}

static int unknown_pack(nv_session *s, const char *p)
{
    fprintf(stderr, "%s: --policy '%s' is neither a file nor a built-in "
                    "pack; built-in packs:", s->c.prog, p);
    for (const char *const *id = netvet_policy_builtin_ids(); *id; id++)
        fprintf(stderr, " %s", *id);
    fputc('\n', stderr);
    s->reported = 1;
    return NETVET_EINVAL;
}

int nv_session_add_pack(nv_session *s, const char *p, netvet_diag *diag)
{
    const char *buf;
    size_t len;
    int in = nv_session_stdin(s, "--policy", p, &buf, &len);
    if (in != 0)
        return in < 0 ? NETVET_EINVAL
                      : netvet_policy_add_buffer(s->policy, buf, len,
                                                 NV_CLI_STDIN_NAME, diag);
    int is_file = access(p, F_OK) == 0;
    int rc = is_file ? netvet_policy_add_file(s->policy, p, diag)
                     : netvet_policy_add_builtin(s->policy, p, diag);
    if (rc == NETVET_ENOTFOUND && !is_file)
        return unknown_pack(s, p);
    return rc;
}

static int load_policy(nv_session *s, netvet_diag *diag)
{
    nv_list *l = &s->c.policies;
    if (netvet_policy_new(&s->policy) < 0)
        return NETVET_ENOMEM;
    if (l->n == 0) /* the UK packs in force on the as-of date */
        return netvet_policy_add_defaults(s->policy, s->c.as_of, diag);
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < l->n; i++)
        rc = nv_session_add_pack(s, l->v[i], diag);
    return rc;
}

static int load_waivers(nv_session *s, netvet_diag *diag)
{
    nv_list *l = &s->c.waivers;
    if (l->n == 0)
        return 0;
    if (netvet_waivers_new(&s->waivers) < 0)
        return NETVET_ENOMEM;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < l->n; i++) {
        const char *buf;
        size_t len;
        int in = nv_session_stdin(s, "--waivers", l->v[i], &buf, &len);
        if (in < 0)
            return NETVET_EINVAL;
        rc = in ? netvet_waivers_add_buffer(s->waivers, buf, len,
                                            NV_CLI_STDIN_NAME, diag)
                : netvet_waivers_add_file(s->waivers, l->v[i], diag);
    }
    s->assess.waivers = s->waivers;
    return rc;
}

int nv_session_load_registry(nv_session *s, netvet_diag *diag)
{
    int rc = netvet_registry_new_builtin(&s->reg, diag);
    for (size_t i = 0; rc == 0 && i < s->c.registries.n; i++) {
        const char *p = s->c.registries.v[i], *buf;
        size_t len;
        int in = nv_session_stdin(s, "--registry", p, &buf, &len);
        if (in < 0)
            return NETVET_EINVAL;
        rc = in ? netvet_registry_overlay_buffer(s->reg, buf, len,
                                                 NV_CLI_STDIN_NAME, diag)
                : netvet_registry_overlay_file(s->reg, p, diag);
    }
    return rc;
}

static int load_inventory(nv_session *s, const netvet_load_options *lo,
                          netvet_diag *diag)
{
    const char *buf;
    size_t len;
    int in = nv_session_stdin(s, "INVENTORY", s->inventory, &buf, &len);
    if (in < 0)
        return NETVET_EINVAL;
    if (in)
        return netvet_inventory_load_buffers(&s->inv, buf, len,
                                            NV_CLI_STDIN_NAME, NULL, 0,
                                            NULL, lo, diag);
    return netvet_inventory_load(&s->inv, s->inventory, lo, diag);
}

static int load_attributor(nv_session *s, netvet_diag *diag)
{
    if (s->c.trust == NV_TRUST_DECLARED ||
        !netvet_inventory_has_evidence(s->inv))
        return 0;
    netvet_attrib_options o = NETVET_ATTRIB_OPTIONS_INIT;
    nv_attrib_paths paths;
    nv_cli_attrib_paths(&o, &paths, s->c.prog, s->c.ieee_dir,
                        s->c.enterprises);
    return netvet_attributor_new(&s->assess.attributor, s->reg, &o, diag);
}

static int load_rules(nv_session *s, netvet_diag *diag)
{
    int rc = nv_session_load_registry(s, diag);
    if (rc == 0)
        rc = load_policy(s, diag);
    if (rc == 0)
        rc = load_waivers(s, diag);
    return rc;
}

/* Registry, packs and waivers, then the inventory (from standard input:
 * reading it may print an error, which must come after theirs). */
static int load_in_turn(nv_session *s, const netvet_load_options *lo,
                        netvet_diag *diag)
{
    int rc = load_rules(s, diag);
    return rc == 0 ? load_inventory(s, lo, diag) : rc;
}

/* The same, the inventory file read on a second thread meanwhile
 * (cli/inv_load.h: the output is the same as in turn). */
static int load_beside(nv_session *s, const netvet_load_options *lo,
                       netvet_diag *diag)
{
    nv_inv_load job = {.path = s->inventory, .opts = *lo,
                       .out = &s->c.diag};
    if (nv_inv_load_start(&job) < 0)
        return load_in_turn(s, lo, diag);
    int rc = load_rules(s, diag);
    int inv_rc = nv_inv_load_finish(&job, rc == 0);
    s->inv = job.inv; /* freed by nv_session_dispose, loaded or not */
    if (rc == 0 && inv_rc < 0) {
        nv_session_failed(s, job.diag, inv_rc); /* its message, printed */
        rc = inv_rc;
    }
    nv_inv_load_dispose(&job);
    return rc;
}

int nv_session_load_all(nv_session *s, netvet_diag *diag)
{
    netvet_load_options lo = NETVET_LOAD_OPTIONS_INIT;
    lo.strict = s->c.strict;
    lo.sha256 = !s->c.no_input_hash; /* reports name what they judged */
    /* only the HTML report draws the sites: keeping a point per site
     * took 12 ms of the loader's 185 ms of CPU at 1M */
    lo.site_points = s->c.report.format == NETVET_FORMAT_HTML;
    lo.show_progress = s->c.progress;
    lo.progress_fn = nv_cli_progress;
    lo.progress_payload = &s->c.diag;
    s->assess.as_of = s->c.as_of;
    s->assess.sources = s->c.sources.n ? s->c.sources.v : NULL;
    s->assess.top_spof = s->c.top;
    s->assess.topology = !s->c.no_topology;
    s->assess.trust = s->c.trust == NV_TRUST_EVIDENCE ? NETVET_TRUST_EVIDENCE
                                                      : NETVET_TRUST_RISKIER;
    s->assess.sink_dependencies = 0; /* assess asks for them for JSON */
    s->assess.allow_skipped = s->c.allow_skipped;
    s->assess.max_unknown = s->c.max_unknown;
    int rc = strcmp(s->inventory, "-") ? load_beside(s, &lo, diag)
                                       : load_in_turn(s, &lo, diag);
    if (rc == 0)
        rc = load_attributor(s, diag);
    return rc;
}

int nv_session_load(nv_session *s, netvet_diag *diag)
{
    int rc = nv_session_load_all(s, diag);
    nv_cli_diag_finish(&s->c.diag);
    return rc;
}

/* The library's messages never name a flag; the one about a source
 * selector is about --sources, so name it. */
static const char *option_of(const char *msg)
{
    return strncmp(msg, "source selector ", 16) == 0 ? "--sources: " : "";
}

int nv_session_load_scenario(nv_session *s, const char *path,
                             netvet_scenario **out, netvet_diag *diag)
{
    const char *buf;
    size_t len;
    int in = nv_session_stdin(s, "--scenario", path, &buf, &len);
    if (in < 0)
        return NETVET_EINVAL;
    return in ? netvet_scenario_load_buffer(out, buf, len, NV_CLI_STDIN_NAME,
                                            diag)
              : netvet_scenario_load_file(out, path, diag);
}

int nv_session_failed(nv_session *s, netvet_diag *diag, int rc)
{
    nv_cli_diag_finish(&s->c.diag);
    const char *msg = netvet_diag_message(diag);
    if (!*msg) /* failed without a message (out of memory in the library) */
        msg = netvet_strerror(rc < 0 ? rc : NETVET_ERROR);
    if (!s->reported && *msg)
        nv_cli_fail(s->c.prog, "%s%s", option_of(msg), msg);
    s->reported = 1;
    return NV_EXIT_USAGE;
}

FILE *nv_session_open(nv_session *s)
{
    if (nv_outfile_open(&s->out, s->c.prog, s->c.output) != 0) {
        s->reported = 1;
        return NULL;
    }
    return s->out.fp;
}

int nv_session_close(nv_session *s, int rc, netvet_diag *diag)
{
    int st = nv_outfile_close(&s->out, s->c.prog, rc);
    if (st == 0)
        return 0;
    if (st > 0)
        s->reported = 1;
    else if (!s->reported && !*netvet_diag_message(diag))
        s->reported = nv_cli_fail(s->c.prog, "cannot write %s: %s",
                                  s->out.name, netvet_strerror(rc)) != 0;
    return nv_session_failed(s, diag, rc);
}

void nv_session_dispose(nv_session *s)
{
    netvet_attributor_free(s->assess.attributor);
    netvet_inventory_free(s->inv);
    netvet_policy_free(s->policy);
    netvet_waivers_free(s->waivers);
    netvet_registry_free(s->reg);
    s->assess.attributor = NULL;
    s->inv = NULL;
    s->policy = NULL;
    s->waivers = NULL;
    s->assess.waivers = NULL;
    s->reg = NULL;
}
