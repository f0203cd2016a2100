/* SPDX-License-Identifier: Apache-2.0 */
/* --bash-completion: a bash completion script for netvet, from the option
 * tables: the commands, each command's options, the words an option
 * takes (--format text|json), file names for options that take a file,
 * directories for those that take a directory. */
#include <stdio.h>
#include <string.h>

#include "cli/opts.h"

/* Every option of cmd as completion words ("--policy --registry -o"). */
static void words(FILE *out, const nv_cmd *cmd)
{
    const char *sep = "";
    for (const nv_opt *r = cmd->opts; r->name || r->shared; r++) {
        const nv_opt *o = nv_opt_def(r);
        fprintf(out, "%s--%s", sep, o->name);
        if (o->shrt)
            fprintf(out, " -%c", o->shrt);
        sep = " ";
    }
}

/* The options of cmd matching `pred`, as a case pattern; 0 if none. */
static int pattern(FILE *out, const nv_cmd *cmd,
                   int (*pred)(const nv_opt *o))
{
    int n = 0;
    for (const nv_opt *r = cmd->opts; r->name || r->shared; r++) {
        const nv_opt *o = nv_opt_def(r);
        if (!pred(o))
            continue;
        fprintf(out, "%s--%s", n++ ? "|" : "", o->name);
        if (o->shrt)
            fprintf(out, "|-%c", o->shrt);
    }
    return n;
}

static int takes_dir(const nv_opt *o)
{
    return o->arg && (o->flags & NV_OPT_DIR);
}

static int takes_file(const nv_opt *o)
{
    return o->arg && (o->flags & NV_OPT_FILE) && !(o->flags & NV_OPT_DIR);
}

static int takes_other(const nv_opt *o)
{
    return o->arg && !o->values &&
           !(o->flags & (NV_OPT_FILE | NV_OPT_DIR | NV_OPT_FORMATS));
}

/* The completions of the word after an option of cmd that takes a
 * value, and otherwise its options. */
static void command(FILE *out, const nv_cmd *cmd)
{
    fprintf(out, "    %s)\n        case $prev in\n", cmd->name);
    for (const nv_opt *r = cmd->opts; r->name || r->shared; r++) {
        const nv_opt *o = nv_opt_def(r);
        char words[64];
        const char *values = nv_opt_values(cmd, r, words, sizeof words);
        if (!values)
            continue;
        fprintf(out, "        --%s%s%s) _netvet_words \"", o->name,
                o->shrt ? "|-" : "", o->shrt ? (char[2]){o->shrt, 0} : "");
        for (const char *v = values; *v; v++)
            fputc(*v == '|' ? ' ' : *v, out);
        fputs("\"; return;;\n", out);
    }
    fputs("        ", out);
    if (pattern(out, cmd, takes_file))
        fputs(") _netvet_files; return;;\n        ", out);
    if (pattern(out, cmd, takes_dir))
        fputs(") _netvet_dirs; return;;\n        ", out);
    if (pattern(out, cmd, takes_other))
        fputs(") return;;\n        ", out);
    fputs("esac\n        opts=\"", out);
    words(out, cmd);
    fputs("\";;\n", out);
}

static const char head[] =
    "# bash completion for netvet (made by `netvet --bash-completion`)\n"
    "_netvet_words() { COMPREPLY=($(compgen -W \"$1\" -- \"$cur\")); }\n"
    "_netvet_files() { compopt -o filenames 2>/dev/null;"
    " COMPREPLY=($(compgen -f -- \"$cur\")); }\n"
    "_netvet_dirs() { compopt -o filenames 2>/dev/null;"
    " COMPREPLY=($(compgen -d -- \"$cur\")); }\n"
    "_netvet()\n{\n"
    "    local cur=${COMP_WORDS[COMP_CWORD]}\n"
    "    local prev=${COMP_WORDS[COMP_CWORD-1]} opts\n"
    "    COMPREPLY=()\n";

void nv_doc_completion(FILE *out)
{
    char cmds[512] = "";
    for (const nv_cmd *const *c = nv_commands; *c; c++)
        snprintf(cmds + strlen(cmds), sizeof cmds - strlen(cmds), "%s%s",
                 *cmds ? " " : "", (*c)->name);
    fputs(head, out);
    fputs("    if [ \"$COMP_CWORD\" -eq 1 ]; then\n        _netvet_words \"",
          out);
    fputs(cmds, out);
    fputc(' ', out);
    words(out, &nv_netvet);
    fprintf(out, "\"\n        return\n    fi\n"
                 "    case ${COMP_WORDS[1]} in\n"
                 "    --man|help)\n"
                 "        [ \"$COMP_CWORD\" -eq 2 ] && _netvet_words \"%s\""
                 "\n        return;;\n", cmds);
    for (const nv_cmd *const *c = nv_commands; *c; c++)
        command(out, *c);
    fputs("    *) return;;\n    esac\n"
          "    if [[ $cur == -* ]]; then\n        _netvet_words \"$opts\"\n"
          "    else\n        _netvet_files\n    fi\n}\n"
          "complete -F _netvet netvet\n", out);
}
