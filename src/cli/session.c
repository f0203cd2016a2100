/* The shared part of whatif, check and plan: common option values, and
 * loading the registry, policy packs, inventory and (when the inventory
 * has evidence and it is trusted) the attributor, as assess does. */
#include "cli/session.h"

#include <string.h>
#include <unistd.h>

#include "cli/attrib_paths.h"
#include "cli/exit.h"

void nv_session_init(nv_session *s, const char *prog)
{
    netvet_report_options ro = NETVET_REPORT_OPTIONS_INIT;
    netvet_assess_options ao = NETVET_ASSESS_OPTIONS_INIT;
    memset(s, 0, sizeof(*s));
    s->prog = prog;
    s->report = ro;
    s->assess = ao;
    s->diag.prog = prog;
    s->diag.limit = 50;
    s->top = 10;
    s->progress = isatty(STDERR_FILENO);
}

static int parse_fail_on(const char *v, int *out)
{
    static const char *const names[] = {"note", "warning", "error"};
    for (int i = 0; i < 3; i++)
        if (!strcmp(v, names[i]))
            return *out = i, 0;
    if (!strcmp(v, "never"))
        return *out = -1, 0;
    return -1;
}

static int add(nv_session *s, const char **list, size_t *n, const char *v)
{
    return nv_cli_add(s->prog, list, n, NV_SESSION_MAX, v);
}

static int size_value(nv_session *s, size_t *out)
{
    if (nv_cli_parse_size(optarg, out) < 0)
        return nv_cli_fail(s->prog, "'%s' is not a count", optarg);
    return 0;
}

int nv_session_option(nv_session *s, int c)
{
    switch (c) {
    case NV_SO_POLICY: return add(s, s->policies, &s->n_policies, optarg);
    case NV_SO_REGISTRY: return add(s, s->registries, &s->n_registries, optarg);
    case NV_SO_SOURCES: return add(s, s->sources, &s->n_sources, optarg);
    case NV_SO_AS_OF: s->as_of = optarg; return 0;
    case 'o': s->output = optarg; return 0;
    case NV_SO_STRICT: s->strict = 1; return 0;
    case 'q': s->diag.quiet = 1; return 0;
    case NV_SO_PROGRESS: s->progress = 1; return 0;
    case NV_SO_NO_PROGRESS: s->progress = 0; return 0;
    case NV_SO_TIMINGS: s->timings = 1; return 0;
    case NV_SO_NO_TOPOLOGY: s->no_topology = 1; return 0;
    case NV_SO_IEEE: s->ieee_dir = optarg; return 0;
    case NV_SO_ENTERPRISES: s->enterprises = optarg; return 0;
    case NV_SO_TOP: return size_value(s, &s->top);
    case NV_SO_MAX_WARN: return size_value(s, &s->diag.limit);
    case NV_SO_TRUST:
        if (strcmp(optarg, "declared") && strcmp(optarg, "evidence"))
            return nv_cli_fail(s->prog, "unknown --trust '%s' (declared or "
                                        "evidence)", optarg);
        s->trust_declared = !strcmp(optarg, "declared");
        return 0;
    case NV_SO_FORMAT: /* the report says which formats it has */
        if (netvet_format_parse(optarg, &s->report.format) < 0)
            return nv_cli_fail(s->prog, "unknown --format '%s' (text or "
                                        "json)", optarg);
        return 0;
    case NV_SO_FAIL_ON:
        if (parse_fail_on(optarg, &s->report.fail_on) < 0)
            return nv_cli_fail(s->prog, "unknown --fail-on '%s' (error, "
                                        "warning, note or never)", optarg);
        return 0;
    default: return -1;
    }
}

static int load_policy(nv_session *s, netvet_diag *diag)
{
    if (netvet_policy_new(&s->policy) < 0)
        return NETVET_ENOMEM;
    if (s->n_policies == 0)
        s->policies[s->n_policies++] = "uk-ncsc-2020";
    for (size_t i = 0; i < s->n_policies; i++) {
        const char *p = s->policies[i];
        int is_file = access(p, F_OK) == 0;
        int rc = is_file ? netvet_policy_add_file(s->policy, p, diag)
                         : netvet_policy_add_builtin(s->policy, p, diag);
        if (rc == NETVET_ENOTFOUND && !is_file) {
            fprintf(stderr, "%s: --policy '%s' is neither a file nor a "
                            "built-in pack; built-in packs:", s->prog, p);
            for (const char *const *id = netvet_policy_builtin_ids(); *id;
                 id++)
                fprintf(stderr, " %s", *id);
            fputc('\n', stderr);
            s->reported = 1;
            return NETVET_EINVAL;
        }
        if (rc < 0)
            return rc;
    }
    return 0;
}

static int load_attributor(nv_session *s, netvet_diag *diag)
{
    if (s->trust_declared || !netvet_inventory_has_evidence(s->inv))
        return 0;
    netvet_attrib_options o = NETVET_ATTRIB_OPTIONS_INIT;
    nv_attrib_paths paths;
    nv_cli_attrib_paths(&o, &paths, s->prog, s->ieee_dir, s->enterprises);
    return netvet_attributor_new(&s->assess.attributor, s->reg, &o, diag);
}

int nv_session_load(nv_session *s, netvet_diag *diag)
{
    netvet_load_options lo = NETVET_LOAD_OPTIONS_INIT;
    lo.strict = s->strict;
    lo.show_progress = s->progress;
    lo.progress_fn = nv_cli_progress;
    lo.progress_payload = &s->diag;
    s->assess.as_of = s->as_of;
    s->assess.sources = s->n_sources ? s->sources : NULL;
    s->assess.top_spof = s->top;
    s->assess.topology = !s->no_topology;
    s->assess.sink_dependencies = 0; /* no report here lists them */
    int rc = netvet_registry_new_builtin(&s->reg, diag);
    for (size_t i = 0; rc == 0 && i < s->n_registries; i++)
        rc = netvet_registry_overlay_file(s->reg, s->registries[i], diag);
    if (rc == 0)
        rc = load_policy(s, diag);
    if (rc == 0)
        rc = netvet_inventory_load(&s->inv, s->inventory, &lo, diag);
    if (rc == 0)
        rc = load_attributor(s, diag);
    nv_cli_diag_finish(&s->diag);
    return rc;
}

int nv_session_failed(nv_session *s, netvet_diag *diag)
{
    nv_cli_diag_finish(&s->diag);
    if (!s->reported && *netvet_diag_message(diag))
        nv_cli_fail(s->prog, "%s", netvet_diag_message(diag));
    s->reported = 1;
    return NV_EXIT_USAGE;
}

FILE *nv_session_open(nv_session *s)
{
    FILE *out = s->output ? fopen(s->output, "w") : stdout;
    if (!out) {
        nv_cli_fail(s->prog, "cannot write %s", s->output);
        s->reported = 1;
    }
    return out;
}

int nv_session_close(nv_session *s, FILE *out)
{
    if (out && out != stdout)
        return fclose(out) == 0 ? 0 : NETVET_EIO;
    return fflush(out) == 0 ? 0 : NETVET_EIO;
}

void nv_session_dispose(nv_session *s)
{
    netvet_attributor_free(s->assess.attributor);
    netvet_inventory_free(s->inv);
    netvet_policy_free(s->policy);
    netvet_registry_free(s->reg);
    s->assess.attributor = NULL;
    s->inv = NULL;
    s->policy = NULL;
    s->reg = NULL;
}
