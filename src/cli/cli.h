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
/* Parse a non-negative integer option value; 0 on success. */
int nv_cli_parse_size(const char *s, size_t *out);

#endif
