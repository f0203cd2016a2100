/* SPDX-License-Identifier: Apache-2.0 */
/* Diagnostics, progress and small parsers shared by the subcommands. This
 * and the cmd_*.c files are the only code that prints or picks exit codes. */
#include "cli/cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/exit.h"

static void clear_progress(nv_cli_diag *d)
{
    if (d->progress_active) {
        fputs("\r\033[K", stderr);
        d->progress_active = 0;
    }
}

void nv_cli_print_diag(const netvet_diag_entry *e, void *payload)
{
    nv_cli_diag *d = payload;
    if (e->severity == NETVET_SEV_ERROR)
        return; /* the fatal message is printed once by the command */
    if (d->quiet)
        return;
    if (d->shown >= d->limit) {
        d->suppressed++;
        return;
    }
    clear_progress(d);
    d->shown++;
    if (e->line && e->column)
        fprintf(stderr, "%s:%lu:%lu: warning: %s\n", e->file, e->line,
                e->column, e->message);
    else if (e->line)
        fprintf(stderr, "%s:%lu: warning: %s\n", e->file, e->line, e->message);
    else
        fprintf(stderr, "%s: warning: %s\n", *e->file ? e->file : d->prog,
                e->message);
}

void nv_cli_diag_finish(nv_cli_diag *d)
{
    clear_progress(d);
    if (d->suppressed)
        fprintf(stderr, "%s: %zu more warnings not shown\n", d->prog,
                d->suppressed);
    d->suppressed = 0; /* said once, however often this is called */
}

void nv_cli_progress(const char *what, uint64_t done, uint64_t total,
                     void *payload)
{
    nv_cli_diag *d = payload;
    double pct = total ? 100.0 * (double)done / (double)total : 100.0;
    fprintf(stderr, "\r\033[K%s: loading %s %5.1f%%", d->prog, what, pct);
    fflush(stderr);
    d->progress_active = 1;
}

int nv_cli_fail(const char *prog, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return NV_EXIT_USAGE;
}

int nv_cli_fail_diag(const char *prog, const netvet_diag *diag,
                     const char *fallback)
{
    const char *msg = netvet_diag_message(diag);
    return nv_cli_fail(prog, "%s", *msg ? msg : fallback);
}

int nv_cli_parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    if (!s || !*s || *s == '-')
        return -1;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end)
        return -1;
    *out = (size_t)v;
    return 0;
}

double nv_cli_clock(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static struct {
    char *buf;
    size_t len;
    char what[64]; /* who claimed it */
} in;

static int slurp(void)
{
    size_t cap = 1 << 16;
    if (!(in.buf = malloc(cap)))
        return -1;
    for (;;) {
        if (in.len == cap) {
            char *p = cap > SIZE_MAX / 2 ? NULL : realloc(in.buf, cap * 2);
            if (!p)
                return -1;
            in.buf = p;
            cap *= 2;
        }
        size_t n = fread(in.buf + in.len, 1, cap - in.len, stdin);
        in.len += n;
        if (n == 0)
            return ferror(stdin) ? -1 : 0;
    }
}

int nv_cli_stdin_claim(const char *prog, const char *what)
{
    if (*in.what)
        return nv_cli_fail(prog, "standard input is read once: '-' is given "
                                 "for %s and for %s", in.what, what);
    if (isatty(STDIN_FILENO))
        return nv_cli_fail(prog, "%s is '-' but standard input is a "
                                 "terminal", what);
    snprintf(in.what, sizeof in.what, "%s", what);
    return 0;
}

int nv_cli_stdin(const char *prog, const char *what, const char **buf,
                 size_t *len)
{
    if (!in.buf && slurp() < 0) {
        nv_cli_fail(prog, "cannot read standard input for %s: %s", what,
                    strerror(errno ? errno : ENOMEM));
        return -1;
    }
    *buf = in.buf;
    *len = in.len;
    return 0;
}

void nv_cli_stdin_free(void)
{
    free(in.buf);
    in.buf = NULL;
}

int nv_cli_with_diag(nv_cli_diag *d, int (*run)(void *payload, netvet_diag *diag),
                     void *payload)
{
    netvet_diag *diag;
    if (netvet_diag_new(&diag, nv_cli_print_diag, d) < 0)
        return nv_cli_fail(d->prog, "out of memory");
    int rc = run(payload, diag);
    netvet_diag_free(diag);
    return rc;
}
