/* SPDX-License-Identifier: Apache-2.0 */
/* The options several commands take, defined once: their table rows
 * (nv_opt_policy, ...) and the values they set (nv_common). A command's
 * args struct begins with an nv_common (directly or through nv_session),
 * so these rows' offsets hold in every command's table. */
#ifndef NV_CLI_COMMON_H
#define NV_CLI_COMMON_H

#include "cli/cli.h"
#include "cli/opts.h"

/* --trust values (nv_common.trust). */
enum { NV_TRUST_RISKIER, NV_TRUST_EVIDENCE, NV_TRUST_DECLARED };

typedef struct nv_common {
    const char *prog;
    nv_list policies, registries, sources, waivers;
    const char *as_of, *output, *ieee_dir, *enterprises;
    size_t top;
    int no_topology, trust, strict, progress, timings;
    int allow_skipped;  /* --allow-skipped */
    int no_input_hash;  /* --no-input-hash */
    double max_unknown; /* --max-unknown, 0..1 (0.01) */
    netvet_report_options report;
    int report_kind;  /* netvet_report_kind of the command's report, or -1:
                       * --format takes the formats it has */
    nv_cli_diag diag;
} nv_common;

/* Defaults: 50 warnings shown, top 10, progress when stderr is a tty;
 * report_kind is the command's report (a netvet_report_kind), -1 none. */
void nv_common_init(nv_common *c, const char *prog, int report_kind);
/* Parse a --format value that report `kind` (-1: any) comes in; else print
 * "unknown --format 'x' (text or json)" naming the formats it has.
 * @return 0 or NV_EXIT_USAGE. */
int nv_cli_format(const char *prog, int kind, const char *value,
                  netvet_format *out);

/* The shared rows. Groups: "Inputs", "Analysis", "Output", "Messages". */
extern const nv_opt nv_opt_policy, nv_opt_registry, nv_opt_trust,
    nv_opt_ieee_dir, nv_opt_enterprises, nv_opt_strict, nv_opt_as_of,
    nv_opt_sources, nv_opt_top, nv_opt_no_topology, nv_opt_format,
    nv_opt_output, nv_opt_output_dir, nv_opt_fail_on, nv_opt_timings,
    nv_opt_max_warnings, nv_opt_quiet, nv_opt_progress, nv_opt_no_progress,
    nv_opt_help, nv_opt_allow_skipped, nv_opt_max_unknown, nv_opt_waivers,
    nv_opt_details, nv_opt_detail, nv_opt_no_input_hash;

/* A row standing for a shared option; shown in the synopsis; required. */
#define NV_USE(o) {.shared = &(o)}
#define NV_SHOW(o) {.shared = &(o), .flags = NV_OPT_SYNOPSIS}
#define NV_NEED(o) {.shared = &(o), .flags = NV_OPT_REQUIRED}
#define NV_OPTS_END {0}

/* The shared rows of the commands that load a session (whatif, check,
 * plan), after their own rows. */
#define NV_SESSION_OPTS                                                     \
    NV_SHOW(nv_opt_policy), NV_USE(nv_opt_waivers),                         \
    NV_USE(nv_opt_registry), NV_USE(nv_opt_trust),                          \
    NV_USE(nv_opt_ieee_dir), NV_USE(nv_opt_enterprises),                    \
    NV_USE(nv_opt_strict), NV_USE(nv_opt_allow_skipped),                   \
    NV_USE(nv_opt_no_input_hash),                                           \
    NV_SHOW(nv_opt_as_of), NV_USE(nv_opt_sources),                          \
    NV_USE(nv_opt_max_unknown),                                             \
    NV_USE(nv_opt_top), NV_USE(nv_opt_no_topology), NV_SHOW(nv_opt_format), \
    NV_SHOW(nv_opt_output), NV_SHOW(nv_opt_fail_on), NV_USE(nv_opt_details), \
    NV_USE(nv_opt_detail),                                                  \
    NV_USE(nv_opt_timings), NV_USE(nv_opt_max_warnings),                    \
    NV_USE(nv_opt_quiet), NV_USE(nv_opt_progress),                          \
    NV_USE(nv_opt_no_progress), NV_USE(nv_opt_help)

#endif
