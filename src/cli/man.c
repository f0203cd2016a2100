/* SPDX-License-Identifier: Apache-2.0 */
/* --man: a command's manual as a man(7) page (netvet.1, netvet-assess.1,
 * ...), from the same nv_cmd as --help. Text is escaped for roff: '\' is
 * \e, '-' is \-, a '.' or '\'' starting a line is protected with \&. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "cli/opts.h"
#include "netvet/netvet.h"

/* Print t[0..len) escaped; "\n" becomes a line break. *bol: at the
 * start of an output line (updated). */
static void esc(FILE *out, const char *t, size_t len, int *bol)
{
    for (size_t i = 0; i < len; i++) {
        char c = t[i];
        if (c == '\n') {
            fputs("\n.br\n", out);
            *bol = 1;
            continue;
        }
        if (*bol && (c == ' ' || c == '\t'))
            continue; /* a leading space would break the line */
        if (*bol && (c == '.' || c == '\''))
            fputs("\\&", out);
        if (c == '\\')
            fputs("\\e", out);
        else if (c == '\1') /* a space that never breaks */
            fputs("\\ ", out);
        else if (c == '-')
            fputs("\\-", out);
        else
            fputc(c == '\t' ? ' ' : c, out);
        *bol = 0;
    }
}

static void esc_str(FILE *out, const char *s)
{
    int bol = 0;
    esc(out, s, strlen(s), &bol);
}

/* Text in a font (B or I), for inline use. */
static void font(FILE *out, char f, const char *s)
{
    fprintf(out, "\\f%c", f);
    esc_str(out, s);
    fputs("\\fR", out);
}

static void line(FILE *out, const char *t, size_t len)
{
    int bol = 1;
    esc(out, t, len, &bol);
    fputc('\n', out);
}

static void text_section(FILE *out, const char *text)
{
    int tagged = 0;
    for (const char *p = text; *p;) {
        const char *s = p, *end = strstr(s, "\n\n");
        size_t len = end ? (size_t)(end - s) : strlen(s);
        p = end ? end + 2 : s + len;
        size_t t = strcspn(s, "\t\n");
        if (t < len && s[t] == '\t') {
            fputs(".TP\n.B ", out);
            line(out, s, t);
            line(out, s + t + 1, len - t - 1);
            tagged = 1;
            continue;
        }
        if (s != text || tagged)
            fputs(".PP\n", out);
        tagged = 0;
        line(out, s, len);
    }
}

static void verbatim_section(FILE *out, const char *text)
{
    fputs(".PP\n.nf\n.RS 4\n", out);
    for (const char *s = text; *s;) {
        size_t n = strcspn(s, "\n");
        if (n)
            line(out, s, n);
        else
            fputs(".sp\n", out);
        s += n + (s[n] == '\n');
    }
    fputs(".RE\n.fi\n", out);
}

static void option(FILE *out, const nv_opt *r)
{
    const nv_opt *o = nv_opt_def(r);
    fputs(".TP\n", out);
    if (o->shrt) {
        fprintf(out, "\\fB\\-%c\\fR, ", o->shrt);
    }
    fputs("\\fB\\-\\-", out);
    esc_str(out, o->name);
    fputs("\\fR", out);
    if (o->arg) {
        fputc(' ', out);
        font(out, 'I', o->arg);
    }
    fputc('\n', out);
    const char *h = nv_opt_text(r);
    for (const char *s = h;;) { /* "\n" separates paragraphs here */
        size_t n = strcspn(s, "\n");
        line(out, s, n);
        if (!s[n])
            break;
        fputs(".IP\n", out);
        s += n + 1;
    }
    if (o->max > 1)
        fputs("Repeatable.\n", out);
}

static void options(FILE *out, const nv_cmd *cmd)
{
    const char *group = NULL;
    int grouped = nv_doc_grouped(cmd);
    for (const nv_opt *r = cmd->opts; r->name || r->shared; r++) {
        const char *g = nv_opt_def(r)->group;
        if (grouped && g && (!group || strcmp(g, group))) {
            fputs(".SS ", out);
            line(out, g, strlen(g));
        }
        group = g;
        option(out, r);
    }
}

/* "[\fB--top\fR \fIN\fR]" for a row the synopsis shows. */
static void synopsis_item(FILE *out, const nv_cmd *cmd, const nv_opt *r)
{
    char item[256], words[64];
    const nv_opt *o = nv_opt_def(r);
    if (!nv_doc_synopsis_item(cmd, r, item, sizeof item))
        return;
    const char *values = nv_opt_values(cmd, r, words, sizeof words);
    const char *arg = values ? values : o->arg;
    int req = item[0] != '[';
    fputs(req ? "\\fB" : "[\\fB", out);
    if (o->shrt)
        fprintf(out, "\\-%c", o->shrt);
    else
        fputs("\\-\\-", out), esc_str(out, o->name);
    fputs("\\fR", out);
    if (arg) {
        fputs("\\ ", out);
        font(out, 'I', arg);
    }
    fprintf(out, "%s%s\n", req ? "" : "]", o->max > 1 ? "..." : "");
}

static void synopsis(FILE *out, const nv_cmd *cmd)
{
    const char *s = cmd->operands ? cmd->operands : "";
    for (int first = 1;; first = 0) {
        size_t n = strcspn(s, "\n");
        if (!first)
            fputs(".br\n", out);
        fputs("\\fB", out);
        esc_str(out, cmd->prog);
        fputs("\\fR ", out);
        int bol = 0;
        esc(out, s, n, &bol);
        fputc('\n', out);
        for (const nv_opt *r = cmd->opts; first && (r->name || r->shared);
             r++)
            synopsis_item(out, cmd, r);
        if (first && cmd->name)
            fputs("[\\fIOPTION\\fR]...\n", out);
        if (!s[n])
            break;
        s += n + 1;
    }
}

static void commands(FILE *out)
{
    for (const nv_cmd *const *c = nv_commands; *c; c++) {
        fprintf(out, ".TP\n.BR netvet\\-%s (1)\n", (*c)->name);
        line(out, (*c)->brief, strlen((*c)->brief));
    }
}

static void see_also(FILE *out, const nv_cmd *cmd)
{
    const char *sep = "";
    if (cmd->name) {
        fputs(".BR netvet (1)", out);
        sep = ",\n";
    }
    for (const nv_cmd *const *c = nv_commands; *c; c++)
        if (*c != cmd) {
            fprintf(out, "%s.BR netvet\\-%s (1)", sep, (*c)->name);
            sep = ",\n";
        }
    fputc('\n', out);
}

static void upper(char *s)
{
    for (; *s; s++)
        *s = (char)toupper((unsigned char)*s);
}

static void header(FILE *out, const nv_cmd *cmd)
{
    char title[64];
    snprintf(title, sizeof title, "netvet%s%s", cmd->name ? "-" : "",
             cmd->name ? cmd->name : "");
    upper(title);
    fprintf(out, ".TH \"%s\" \"1\" \"\" \"netvet %s\" \"netvet manual\"\n",
            title, netvet_version());
    fputs(".\\\" generated by netvet --man from its option tables\n"
          ".ad l\n.nh\n", out);
    fputs(".SH NAME\n", out);
    esc_str(out, cmd->name ? "netvet-" : "netvet");
    esc_str(out, cmd->name ? cmd->name : "");
    fputs(" \\- ", out);
    esc_str(out, cmd->summary);
    fputs("\n.SH SYNOPSIS\n", out);
    synopsis(out, cmd);
}

void nv_doc_man(FILE *out, const nv_cmd *cmd)
{
    int see_also_done = 0;
    header(out, cmd);
    for (const nv_section *s = cmd->sections; s->title; s++) {
        fputs(".SH ", out);
        line(out, s->title, strlen(s->title));
        if (!strcmp(s->title, "OPTIONS"))
            options(out, cmd);
        else if (!s->text && !strcmp(s->title, "COMMANDS"))
            commands(out);
        if (s->text && s->verbatim)
            verbatim_section(out, s->text);
        else if (s->text) {
            if (!strcmp(s->title, "OPTIONS"))
                fputs(".PP\n", out);
            text_section(out, s->text);
        }
        if (!strcmp(s->title, "SEE ALSO")) {
            fputs(".PP\n", out);
            see_also(out, cmd);
            see_also_done = 1;
        }
    }
    if (!see_also_done) {
        fputs(".SH SEE ALSO\n", out);
        see_also(out, cmd);
    }
}
