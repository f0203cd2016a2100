/* SPDX-License-Identifier: Apache-2.0 */
/* Helpers shared by the subcommands: printing library diagnostics to stderr
 * (capped), progress on a terminal, parsing counts, the clock, reading
 * standard input for a file named '-'. */
#ifndef NV_CLI_CLI_H
#define NV_CLI_CLI_H

#include <stddef.h>
#include <stdint.h>

#include "netvet/netvet.h"

typedef struct nv_cli_diag {
    const char *prog;    /* "netvet assess" */
    size_t shown, limit; /* warnings printed so far / at most */
    size_t suppressed;
    int quiet;
    int progress_active; /* a progress line is on screen */
} nv_cli_diag;

/* netvet_diag_fn that prints warnings to stderr as file:line:col: ... */
void nv_cli_print_diag(const netvet_diag_entry *e, void *payload);
/* Print "N more warnings not shown" if any were capped since the last
 * call. */
void nv_cli_diag_finish(nv_cli_diag *d);
/* Progress callback for loads (stderr, one rewritten line). */
void nv_cli_progress(const char *what, uint64_t done, uint64_t total,
                     void *payload);
/* Print "<prog>: message" to stderr and return NV_EXIT_USAGE. */
int nv_cli_fail(const char *prog, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The same with the diag's fatal message, or `fallback` when it has none.
 * @return NV_EXIT_USAGE. */
int nv_cli_fail_diag(const char *prog, const netvet_diag *diag,
                     const char *fallback);
/* Monotonic seconds, for --timings. */
double nv_cli_clock(void);
/* Claim standard input for `what` (the option or operand that is '-'),
 * while parsing: a second claim or a terminal is a usage error (printed;
 * @return 2), else 0. */
int nv_cli_stdin_claim(const char *prog, const char *what);
/* All of standard input (read on first use; kept until nv_cli_stdin_free).
 * A read error is printed as "<prog>: ..." and returns -1. */
int nv_cli_stdin(const char *prog, const char *what, const char **buf,
                 size_t *len);
void nv_cli_stdin_free(void);
/* A negative status meaning "failed, and the CLI already said why". */
#define NV_CLI_REPORTED (-1000)
/* The name '-' input has in messages and reports. */
#define NV_CLI_STDIN_NAME "<stdin>"
/* Make a diagnostics sink printing through d, call run(payload, diag),
 * free the sink. @return run's exit status (2 when out of memory). */
int nv_cli_with_diag(nv_cli_diag *d, int (*run)(void *payload, netvet_diag *diag),
                     void *payload);
/* Parse a non-negative integer option value; 0 on success. */
int nv_cli_parse_size(const char *s, size_t *out);

#endif
