/* SPDX-License-Identifier: Apache-2.0 */
/* The one way netvet reads YAML (registry, patterns, policy packs,
 * scenarios, cost files): one document per input, nesting depth limited and
 * anchors/aliases refused when it is loaded; libyaml failures as
 * file:line: message; and a small kit for walking the document (mappings
 * with known keys, strings, string lists, ids) that names file:line for
 * every problem. */
#ifndef NV_UTIL_YAML_H
#define NV_UTIL_YAML_H

#include <stddef.h>
#include <stdint.h>
#include <yaml.h>

#include "netvet/errors.h"

/* NETVET_ENOMEM for libyaml's memory error, else NETVET_EPARSE with the
 * line (counted in buf[0..len) for reader errors, which give an offset). */
int nv_yaml_parse_error(netvet_diag *diag, const char *file, const char *buf,
                        size_t len, const yaml_parser_t *p);

/* Collection nesting allowed in policy packs, scenarios and cost files
 * (none needs more than six levels). */
#define NV_YAML_MAX_DEPTH 16

/* Load the one YAML document of buf[0..len) into *doc. Nesting deeper than
 * max_depth collections is refused before the document is built (libyaml's
 * scanner slows down quadratically with depth); so are anchors and aliases
 * (a node reached twice: "YAML anchors and aliases (*name) are not
 * supported", at the alias's line), whatever the loader, and a second
 * document ("<what> holds one YAML document; found a second", at its root's
 * line). Errors are "file:line: ..." in the diag. @return 0 (the caller
 * then owns *doc: yaml_document_delete), NETVET_EPARSE or NETVET_ENOMEM. */
int nv_yaml_load_one(yaml_document_t *doc, const char *buf, size_t len,
                     const char *file, const char *what, int max_depth,
                     netvet_diag *diag);

/* 1-based line where node n starts. */
static inline unsigned long nv_yaml_line(const yaml_node_t *n)
{
    return (unsigned long)n->start_mark.line + 1;
}

/* Node `idx` of doc, marked in seen (one flag per node of doc): a node
 * reached twice is a YAML alias, refused. Errors are "file:line: ..." in
 * the diag (`where` when the index is bad). @return 0 or NETVET_EPARSE. */
int nv_yaml_visit(yaml_document_t *doc, unsigned char *seen, int idx,
                  unsigned long where, const char *file, netvet_diag *diag,
                  yaml_node_t **out);

/* ---- walking a loaded document (yaml_walk.c) ---- */

#define NV_YAML_MAX_STR 8192  /* longest string value, bytes */
#define NV_YAML_MAX_ID 128    /* longest id, bytes */
#define NV_YAML_MAX_LIST 4096 /* longest list value, items */

/* A list of strings read from YAML, each with the line it was written on. */
typedef struct nv_strlist {
    char **items;
    unsigned long *lines;
    size_t n;
} nv_strlist;

void nv_strlist_dispose(nv_strlist *l);

/* Where a walk reports: the document, its name for messages, the diag. */
typedef struct nv_yctx {
    yaml_document_t *doc;
    const char *file;   /* name for diagnostics */
    netvet_diag *diag;
} nv_yctx;

/* Report out of memory while loading; @return NETVET_ENOMEM. */
int nv_yoom(nv_yctx *y);
/* 1-based line of a node. */
unsigned long nv_yline(const yaml_node_t *n);
/* Copy of s made safe to quote in a message: at most 60 bytes, control
 * characters replaced by '?'. */
void nv_yquote(char *buf, size_t size, const char *s, size_t len);
/* Look up the keys of mapping `map` in `keys` (n_keys names); vals[i] gets
 * the value of keys[i] or NULL. Fails on a non-mapping, a non-scalar key, an
 * unknown key ("unknown key 'x' in <where>") or a repeated one. */
int nv_ymap(nv_yctx *y, yaml_node_t *map, const char *where,
            const char *const *keys, size_t n_keys, yaml_node_t **vals);
/* The string value of scalar node n (`key` names it in messages): no NUL,
 * no control characters except tab and newline, at most NV_YAML_MAX_STR
 * bytes. *out is a heap copy ("" allowed). */
int nv_ystr(nv_yctx *y, yaml_node_t *n, const char *key, char **out);
/* A list of strings: a sequence of scalars, or one scalar. Items must be
 * non-empty; the list may be empty only when allow_empty. */
int nv_ylist(nv_yctx *y, yaml_node_t *n, const char *key, int allow_empty,
             nv_strlist *out);
/* An id: 1..NV_YAML_MAX_ID of [A-Za-z0-9._-], starting alphanumeric. */
int nv_yid(nv_yctx *y, yaml_node_t *n, const char *key, char **out);

#endif
