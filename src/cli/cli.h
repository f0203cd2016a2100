/* Helpers shared by the subcommands: printing library diagnostics to stderr
 * (capped), progress on a terminal, parsing common option values. */
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
/* Print "N more warnings not shown" if any were capped. */
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
struct option;

/* getopt_long over argv[1..] with the conventions every command shares:
 * short options "ho:q", -h/--help prints `help` to stdout (exit 0), an
 * unknown option or a missing value is a usage error (exit 2); every other
 * option goes to parse_one(payload, c), which returns 0 or an exit status.
 * @return -1 to go on (optind = first operand), else an exit status. */
int nv_cli_getopt(int argc, char **argv, const char *prog, const char *help,
                  const struct option *longopts,
                  int (*parse_one)(void *payload, int c), void *payload);
/* Append v to list[*n] (at most max entries); usage error past that. */
int nv_cli_add(const char *prog, const char **list, size_t *n, size_t max,
               const char *v);
/* Make a diagnostics sink printing through d, call run(payload, diag),
 * free the sink. @return run's exit status (2 when out of memory). */
int nv_cli_with_diag(nv_cli_diag *d, int (*run)(void *payload, netvet_diag *diag),
                     void *payload);
/* Parse a non-negative integer option value; 0 on success. */
int nv_cli_parse_size(const char *s, size_t *out);

#endif
