/* SPDX-License-Identifier: Apache-2.0 */
/* --help: a command's manual as plain text for a terminal, from its
 * nv_cmd (sections, option table), filled to 76 columns; the synopsis
 * items the man page shares. */
#include <stdio.h>
#include <string.h>

#include "cli/opts.h"

#define WIDTH 76   /* right margin */
#define INDENT 4   /* body text */
#define OPT_COL 24 /* option help */

static void pad(FILE *out, size_t from, size_t to)
{
    for (; from < to; from++)
        fputc(' ', out);
}

/* Print t[0..len) filled from column col (already printed) to WIDTH,
 * lines after the first at `indent`; "\n" breaks the line. */
static void fill(FILE *out, const char *t, size_t len, size_t col,
                 size_t indent)
{
    int first = 1;
    pad(out, col, indent);
    col = col > indent ? col : indent;
    for (size_t i = 0, j; i < len; i = j) {
        if (t[i] == ' ' || t[i] == '\n') {
            if (t[i] == '\n') {
                fputc('\n', out);
                pad(out, 0, col = indent);
                first = 1;
            }
            j = i + 1;
            continue;
        }
        for (j = i; j < len && t[j] != ' ' && t[j] != '\n'; j++)
            ;
        if (!first && col + 1 + (j - i) > WIDTH) {
            fputc('\n', out);
            pad(out, 0, col = indent);
            first = 1;
        }
        if (!first)
            fputc(' ', out), col++;
        for (size_t k = i; k < j; k++) /* \1: a space that never breaks */
            fputc(t[k] == '\1' ? ' ' : t[k], out);
        col += j - i;
        first = 0;
    }
    fputc('\n', out);
}

/* The paragraph at *p: its length; *p moves past it and the blank line. */
static size_t next_para(const char **p)
{
    const char *s = *p, *end = strstr(s, "\n\n");
    size_t len = end ? (size_t)(end - s) : strlen(s);
    *p = end ? end + 2 : s + len;
    return len;
}

/* The tag of a "TAG\tTEXT" paragraph: its length, or 0 when untagged. */
static size_t tag_len(const char *s, size_t len)
{
    for (size_t i = 0; i < len && s[i] != '\n'; i++)
        if (s[i] == '\t')
            return i;
    return 0;
}

size_t nv_doc_tag_width(const char *text)
{
    size_t w = 0;
    for (const char *p = text; *p;) {
        const char *s = p;
        size_t t = tag_len(s, next_para(&p));
        w = t > w ? t : w;
    }
    return w;
}

static void text_section(FILE *out, const char *text)
{
    size_t tw = nv_doc_tag_width(text), prev_len = 0;
    for (const char *p = text; *p;) {
        const char *s = p;
        size_t len = next_para(&p), t = tag_len(s, len);
        /* a blank line between paragraphs, none inside a list */
        if (s != text && !(t && tag_len(s - 2 - prev_len, prev_len)))
            fputc('\n', out);
        prev_len = len;
        if (t) {
            fprintf(out, "%*s%.*s", INDENT, "", (int)t, s);
            fill(out, s + t + 1, len - t - 1, INDENT + t,
                 INDENT + tw + 2);
        } else {
            fill(out, s, len, 0, INDENT);
        }
    }
}

static void verbatim_section(FILE *out, const char *text)
{
    for (const char *s = text; *s;) {
        size_t n = strcspn(s, "\n");
        fprintf(out, "%*s%.*s\n", n ? INDENT : 0, "", (int)n, s);
        s += n + (s[n] == '\n');
    }
}

int nv_doc_synopsis_item(const nv_cmd *cmd, const nv_opt *r, char *buf,
                         size_t cap)
{
    const nv_opt *o = nv_opt_def(r);
    unsigned f = r->flags | o->flags;
    char words[64];
    if (!(f & (NV_OPT_SYNOPSIS | NV_OPT_REQUIRED)))
        return 0;
    int req = (f & NV_OPT_REQUIRED) != 0;
    const char *values = nv_opt_values(cmd, r, words, sizeof words);
    const char *arg = values ? values : o->arg;
    snprintf(buf, cap, "%s%s%s%s%s%s%s", req ? "" : "[",
             o->shrt ? "-" : "--", o->shrt ? (char[2]){o->shrt, 0} : o->name,
             arg ? "\1" : "", arg ? arg : "", req ? "" : "]",
             o->max > 1 ? "..." : "");
    return 1;
}

/* One synopsis line: prog, the words of `line`, then (first line) the
 * options the synopsis shows, hanging under the first word. */
static void synopsis_line(FILE *out, const nv_cmd *cmd, const char *line,
                          size_t n, int first)
{
    char buf[4096], item[256];
    size_t k = (size_t)snprintf(buf, sizeof buf, "%.*s", (int)n, line);
    for (const nv_opt *r = cmd->opts; first && (r->name || r->shared); r++)
        if (nv_doc_synopsis_item(cmd, r, item, sizeof item) &&
            k < sizeof buf)
            k += (size_t)snprintf(buf + k, sizeof buf - k, " %s", item);
    if (first && cmd->name && k < sizeof buf)
        snprintf(buf + k, sizeof buf - k, " [OPTION]...");
    fprintf(out, "%*s%s ", INDENT, "", cmd->prog);
    size_t col = INDENT + strlen(cmd->prog) + 1;
    fill(out, buf + (*buf == ' '), strlen(buf + (*buf == ' ')), col, col);
}

static void synopsis(FILE *out, const nv_cmd *cmd)
{
    const char *s = cmd->operands ? cmd->operands : "";
    for (int first = 1;; first = 0) {
        size_t n = strcspn(s, "\n");
        synopsis_line(out, cmd, s, n, first);
        if (!s[n])
            break;
        s += n + 1;
    }
}

static void option(FILE *out, const nv_opt *r)
{
    const nv_opt *o = nv_opt_def(r);
    char spec[128], help[2048];
    int n = snprintf(spec, sizeof spec, "%s%s%s--%s%s%s", o->shrt ? "-" : "",
                     o->shrt ? (char[2]){o->shrt, 0} : "", o->shrt ? ", " : "",
                     o->name, o->arg ? " " : "", o->arg ? o->arg : "");
    snprintf(help, sizeof help, "%s%s", nv_opt_text(r),
             o->max > 1 ? " Repeatable." : "");
    fprintf(out, "%*s%s", INDENT, "", spec);
    size_t col = INDENT + (size_t)n;
    if (col + 2 > OPT_COL) {
        fputc('\n', out);
        col = 0;
    }
    fill(out, help, strlen(help), col, OPT_COL);
}

int nv_doc_grouped(const nv_cmd *cmd)
{
    size_t n = 0;
    for (const nv_opt *r = cmd->opts; r->name || r->shared; r++)
        n++;
    return n >= 10;
}

static void options(FILE *out, const nv_cmd *cmd)
{
    const char *group = NULL;
    int grouped = nv_doc_grouped(cmd);
    for (const nv_opt *r = cmd->opts; r->name || r->shared; r++) {
        const char *g = nv_opt_def(r)->group;
        if (grouped && g && (!group || strcmp(g, group)))
            fprintf(out, "%s  %s\n", r == cmd->opts ? "" : "\n", g);
        group = g;
        option(out, r);
    }
}

static void commands(FILE *out)
{
    size_t w = 0;
    for (const nv_cmd *const *c = nv_commands; *c; c++)
        w = strlen((*c)->name) > w ? strlen((*c)->name) : w;
    for (const nv_cmd *const *c = nv_commands; *c; c++) {
        fprintf(out, "%*s%s", INDENT, "", (*c)->name);
        fill(out, (*c)->brief, strlen((*c)->brief),
             INDENT + strlen((*c)->name), INDENT + w + 1);
    }
}

static void section(FILE *out, const nv_cmd *cmd, const nv_section *s)
{
    fprintf(out, "%s\n", s->title);
    int is_options = !strcmp(s->title, "OPTIONS");
    if (is_options)
        options(out, cmd);
    else if (!s->text && !strcmp(s->title, "COMMANDS"))
        commands(out);
    if (s->text && is_options)
        fputc('\n', out);
    if (s->text && s->verbatim)
        verbatim_section(out, s->text);
    else if (s->text)
        text_section(out, s->text);
}

void nv_doc_help(FILE *out, const nv_cmd *cmd)
{
    char name[512];
    int n = snprintf(name, sizeof name, "%s - %s", cmd->prog, cmd->summary);
    fputs("NAME\n", out);
    fill(out, name, (size_t)n, 0, INDENT);
    fputs("\nSYNOPSIS\n", out);
    synopsis(out, cmd);
    for (const nv_section *s = cmd->sections; s->title; s++) {
        fputc('\n', out);
        section(out, cmd, s);
    }
}
