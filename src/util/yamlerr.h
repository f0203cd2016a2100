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
