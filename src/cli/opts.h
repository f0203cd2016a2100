/* SPDX-License-Identifier: Apache-2.0 */
/* The option frame every command shares: a command is a table of option
 * rows plus its manual text (nv_cmd), and that one description drives
 * getopt_long parsing, --help, the man page and bash completion. The
 * options several commands take are defined once (common.h) and a
 * command's table refers to them by pointer. */
#ifndef NV_CLI_OPTS_H
#define NV_CLI_OPTS_H

#include <stddef.h>
#include <stdio.h>

#include "netvet/report.h"

#define NV_LIST_MAX 64 /* values a repeatable option can hold */

/* The values of a repeatable option, NULL-terminated. */
typedef struct nv_list {
    size_t n;
    const char *v[NV_LIST_MAX + 1];
} nv_list;

enum nv_opt_flags {
    NV_OPT_REQUIRED = 1u << 0, /* the command needs it (synopsis: no []) */
    NV_OPT_SYNOPSIS = 1u << 1, /* shown in the synopsis */
    NV_OPT_FILE = 1u << 2,     /* the value is a file (completion) */
    NV_OPT_DIR = 1u << 3,      /* the value is a directory (completion) */
    NV_OPT_STDIN = 1u << 4,    /* a file read, '-' reading standard input */
    NV_OPT_FORMATS = 1u << 5,  /* the values are the formats of the
                                * command's report (the format table) */
};

typedef struct nv_opt nv_opt;

/* Store an option's value: field is the command's args plus o->field.
 * @return 0, or an exit status after printing why (prog names the
 * command). */
typedef int (*nv_opt_set)(const char *prog, const nv_opt *o, void *field,
                          const char *value);

/* One option. A command's row either defines an option or stands for a
 * shared one (`shared`), then only its `help` may differ (a NULL help
 * keeps the shared wording). */
struct nv_opt {
    const nv_opt *shared; /* the shared option this row stands for */
    const char *name;     /* long name without "--" */
    char shrt;            /* short letter, or 0 */
    const char *arg;      /* value name ("FILE"); NULL for a flag */
    const char *values;   /* the words it takes, "text|json", or NULL */
    const char *group;    /* heading under OPTIONS; NULL: the command's own */
    const char *help;     /* unwrapped; "\n" starts a new paragraph */
    nv_opt_set set;
    size_t field;  /* offset of the value in the command's args */
    unsigned max;  /* > 1: repeatable that many times (into an nv_list) */
    unsigned flags;
};

/* A section of the manual. Text sections are paragraphs separated by
 * "\n\n" and wrapped when printed; a paragraph "TERM\tTEXT" is a tagged
 * one (TEXT hangs under TERM); "\n" inside a paragraph breaks the line.
 * Verbatim sections (examples) print their lines as they are. The
 * "OPTIONS" section prints the option table, then its text. */
typedef struct nv_section {
    const char *title;
    const char *text;
    int verbatim;
} nv_section;

typedef struct nv_cmd {
    const char *name;     /* "assess"; NULL for netvet itself */
    const char *prog;     /* "netvet assess": prefix of its messages */
    const char *summary;  /* what it does, for its NAME line */
    const char *brief;    /* its line in netvet's COMMANDS list */
    const char *operands; /* "INVENTORY", shown after the name; "\n"
                             starts another synopsis line */
    const nv_opt *opts;   /* ends with a row of zeros */
    const nv_section *sections; /* ends with {NULL} */
    netvet_report_kind report;  /* its report, for NV_OPT_FORMATS */
    int (*run)(int argc, char **argv);
} nv_cmd;

/* What a row stands for (itself or its shared option). */
const nv_opt *nv_opt_def(const nv_opt *row);
/* The row's help text (its own, else the shared option's). */
const char *nv_opt_text(const nv_opt *row);
#define NV_CLI_FORMATS 16 /* at most this many netvet_format values */
/* Names of the formats report `kind` (a netvet_report_kind; -1: any)
 * comes in, in the order help and messages list them (text, csv, json,
 * then the others in netvet_format order),
 * into names[NV_CLI_FORMATS]. @return how many. */
size_t nv_cli_formats_of(int kind, const char *names[NV_CLI_FORMATS]);
/* The words row r of cmd takes, "text|json", or NULL: its values, or for
 * NV_OPT_FORMATS the formats the library writes cmd's report in (kept in
 * buf), so a format added to the table shows in help, man and completion. */
const char *nv_opt_values(const nv_cmd *cmd, const nv_opt *r, char *buf,
                          size_t size);

/* getopt_long over argv[1..] with cmd's table, storing values into args;
 * --help prints the help (exit 0); an unknown option or a missing value
 * is a usage error (exit 2). An NV_OPT_STDIN option of '-' claims
 * standard input (nv_cli_stdin_claim).
 * @return -1 to go on (optind = first operand), else an exit status. */
int nv_opts_parse(const nv_cmd *cmd, int argc, char **argv, void *args);

/* Setters for the common cases. */
int nv_set_str(const char *prog, const nv_opt *o, void *field,
               const char *value);   /* const char * */
int nv_set_on(const char *prog, const nv_opt *o, void *field,
              const char *value);    /* int = 1 */
int nv_set_off(const char *prog, const nv_opt *o, void *field,
               const char *value);   /* int = 0 */
int nv_set_list(const char *prog, const nv_opt *o, void *field,
                const char *value);  /* nv_list, at most o->max */
int nv_set_count(const char *prog, const nv_opt *o, void *field,
                 const char *value); /* size_t >= 0 */
int nv_set_help(const char *prog, const nv_opt *o, void *field,
                const char *value);  /* prints nothing; parse shows help */

/* netvet itself (options --help, --version, --man, --bash-completion)
 * and its commands, NULL-terminated (main.c). */
extern const nv_cmd nv_netvet;
extern const nv_cmd *const nv_commands[];

/* The manual of cmd as --help prints it (doc.c) and as a man(7) page
 * (man.c); a bash completion script for netvet and every command
 * (completion.c). A "COMMANDS" section without text lists nv_commands. */
void nv_doc_help(FILE *out, const nv_cmd *cmd);
void nv_doc_man(FILE *out, const nv_cmd *cmd);
void nv_doc_completion(FILE *out);

/* Shared by the renderers: the synopsis form of row r ("[--top N]",
 * "--vendor V", "[--policy PACK|FILE]..."; the space is '\1', one that
 * never breaks) in buf and 1, or 0 when the synopsis does not show it. */
int nv_doc_synopsis_item(const nv_cmd *cmd, const nv_opt *r, char *buf,
                         size_t cap);
/* Does the OPTIONS list show group headings? (Only a long one does.) */
int nv_doc_grouped(const nv_cmd *cmd);
/* The width of the widest tag of a section's tagged paragraphs. */
size_t nv_doc_tag_width(const char *text);

#endif
