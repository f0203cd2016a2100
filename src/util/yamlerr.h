/* Shared by the YAML loaders (registry, patterns, policy packs, scenarios,
 * cost files): a libyaml parser failure as file:line: message, node line
 * numbers, and visiting document nodes with aliases refused. */
#ifndef NV_UTIL_YAMLERR_H
#define NV_UTIL_YAMLERR_H

#include <stddef.h>
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
 * scanner slows down quadratically with depth), and so is a second
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

#endif
