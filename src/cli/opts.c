/* SPDX-License-Identifier: Apache-2.0 */
/* Parsing a command line with a command's option table: the table
 * becomes getopt_long's long options and short-option string, and each
 * option found is stored by its row's setter. */
#include "cli/opts.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/exit.h"

#define MAX_OPTS 64

const nv_opt *nv_opt_def(const nv_opt *row)
{
    return row->shared ? row->shared : row;
}

const char *nv_opt_text(const nv_opt *row)
{
    return row->help ? row->help : nv_opt_def(row)->help;
}

/* The getopt tables for cmd: long option i has the value 256 + i. */
static size_t build(const nv_cmd *cmd, struct option *lo, char *shorts)
{
    size_t n = 0, k = 0;
    shorts[k++] = ':'; /* report a missing value as ':' */
    for (const nv_opt *r = cmd->opts; (r->name || r->shared) && n < MAX_OPTS;
         r++, n++) {
        const nv_opt *o = nv_opt_def(r);
        lo[n] = (struct option){o->name, o->arg ? required_argument
                                                : no_argument, NULL,
                                (int)(256 + n)};
        if (o->shrt) {
            shorts[k++] = o->shrt;
            if (o->arg)
                shorts[k++] = ':';
        }
    }
    lo[n] = (struct option){NULL, 0, NULL, 0};
    shorts[k] = '\0';
    return n;
}

/* The row getopt returned c for. */
static const nv_opt *row_of(const nv_cmd *cmd, size_t n, int c)
{
    if (c >= 256 && (size_t)(c - 256) < n)
        return &cmd->opts[c - 256];
    for (size_t i = 0; i < n; i++)
        if (nv_opt_def(&cmd->opts[i])->shrt == c)
            return &cmd->opts[i];
    return NULL;
}

/* An input file option given as '-' claims standard input. */
static int stdin_claim(const nv_cmd *cmd, const nv_opt *o, const char *v)
{
    char what[64];
    if (!(o->flags & NV_OPT_STDIN) || !v || strcmp(v, "-"))
        return 0;
    snprintf(what, sizeof what, "--%s", o->name);
    return nv_cli_stdin_claim(cmd->prog, what);
}

int nv_opts_parse(const nv_cmd *cmd, int argc, char **argv, void *args)
{
    struct option lo[MAX_OPTS + 1];
    char shorts[2 * MAX_OPTS + 2];
    size_t n = build(cmd, lo, shorts);
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, shorts, lo, NULL)) != -1) {
        const nv_opt *r = c == '?' || c == ':' ? NULL : row_of(cmd, n, c);
        if (!r)
            return nv_cli_fail(cmd->prog, "%s option '%s' (see --help)",
                               c == ':' ? "missing value for" : "unknown",
                               argv[optind - 1]);
        const nv_opt *o = nv_opt_def(r);
        if (o->set == nv_set_help) {
            nv_doc_help(stdout, cmd);
            return fflush(stdout) == 0 ? NV_EXIT_OK : NV_EXIT_USAGE;
        }
        if (stdin_claim(cmd, o, optarg) != 0 ||
            o->set(cmd->prog, o, (char *)args + o->field, optarg) != 0)
            return NV_EXIT_USAGE;
    }
    return -1;
}

const char *nv_opt_values(const nv_cmd *cmd, const nv_opt *r, char *buf,
                          size_t size)
{
    const nv_opt *o = nv_opt_def(r);
    if (!((r->flags | o->flags) & NV_OPT_FORMATS))
        return o->values;
    const char *names[NV_CLI_FORMATS];
    size_t n = nv_cli_formats_of((int)cmd->report, names), len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && len < size; i++)
        len += (size_t)snprintf(buf + len, size - len, "%s%s",
                                i ? "|" : "", names[i]);
    return buf;
}

size_t nv_cli_formats_of(int kind, const char *names[NV_CLI_FORMATS])
{
    static const netvet_format first[] = {
        NETVET_FORMAT_TEXT, NETVET_FORMAT_CSV, NETVET_FORMAT_JSON};
    size_t n = 0;
    for (int i = 0; n < NV_CLI_FORMATS && netvet_format_name(i); i++) {
        netvet_format f = i < 3 ? first[i] : (netvet_format)i;
        if (kind < 0 || netvet_report_check_format(kind, f, NULL) == 0)
            names[n++] = netvet_format_name(f);
    }
    return n;
}

int nv_set_str(const char *prog, const nv_opt *o, void *field,
               const char *value)
{
    (void)prog, (void)o;
    *(const char **)field = value;
    return 0;
}

int nv_set_on(const char *prog, const nv_opt *o, void *field,
              const char *value)
{
    (void)prog, (void)o, (void)value;
    *(int *)field = 1;
    return 0;
}

int nv_set_off(const char *prog, const nv_opt *o, void *field,
               const char *value)
{
    (void)prog, (void)o, (void)value;
    *(int *)field = 0;
    return 0;
}

int nv_set_list(const char *prog, const nv_opt *o, void *field,
                const char *value)
{
    nv_list *l = field;
    size_t max = o->max < NV_LIST_MAX ? o->max : NV_LIST_MAX;
    if (l->n >= max)
        return nv_cli_fail(prog, "--%s is given more than %zu times",
                           o->name, max);
    l->v[l->n++] = value;
    return 0;
}

int nv_set_count(const char *prog, const nv_opt *o, void *field,
                 const char *value)
{
    if (nv_cli_parse_size(value, field) < 0)
        return nv_cli_fail(prog, "--%s '%s' is not a count", o->name,
                           value);
    return 0;
}

int nv_set_help(const char *prog, const nv_opt *o, void *field,
                const char *value)
{
    (void)prog, (void)o, (void)field, (void)value;
    return 0;
}
