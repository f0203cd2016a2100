/* SPDX-License-Identifier: Apache-2.0 */
/* The registry YAML loader's state and helpers, shared by registry_yaml.c
 * (files, entries, format-1 keys) and registry_owners.c (the format-2
 * keys: owners, categories, production, kind, sources). Internal to
 * src/vendors. */
#ifndef NV_VENDORS_REGISTRY_LOAD_H
#define NV_VENDORS_REGISTRY_LOAD_H

#include <stddef.h>
#include <yaml.h>

#include "vendors/registry_int.h"

#define NV_REG_FORMAT_2 "netvet-registry/2"

typedef struct nv_reg_loader {
    yaml_document_t doc;
    const char *buf; /* the input, for reader-error line numbers */
    size_t len;
    const char *file;
    netvet_diag *diag;
    nv_regstate *st;
    nv_arena *arena;
    unsigned char *seen; /* per node: visited (a second visit is an alias) */
    int format;          /* 1, or 2 with `format: netvet-registry/2` */
    unsigned long format_line;
} nv_reg_loader;

/* Fail with "file:line: message" (NETVET_EPARSE). */
__attribute__((format(printf, 3, 4))) int
nv_reg_fail(nv_reg_loader *ld, unsigned long line, const char *fmt, ...);
/* Node `idx` of the document, visited once (util/yaml.h). */
int nv_reg_get_node(nv_reg_loader *ld, int idx, unsigned long where,
                    yaml_node_t **out);
/* Scalar value of n as (s, len), length-capped, without NUL bytes;
 * `what` names it in errors. */
int nv_reg_get_scalar(nv_reg_loader *ld, const yaml_node_t *n,
                      const char *what, const char **s, size_t *len);
/* Copy s[0..len) into the registry's arena. */
int nv_reg_copy(nv_reg_loader *ld, const char *s, size_t len,
                const char **out);
/* Index in `keys` of the key node of a mapping pair, or an error. */
int nv_reg_key_of(nv_reg_loader *ld, const yaml_node_pair_t *p,
                  const char *const *keys, int n_keys, const char *where,
                  int *f_out, unsigned long *line_out);

/* Format-2 keys of vendor vi (registry_owners.c); `what` names the key
 * in errors. owners and the code lists replace the vendor's old ones. */
int nv_reg_load_owners(nv_reg_loader *ld, size_t vi, const yaml_node_t *n,
                       const char *what);
int nv_reg_load_codes(nv_reg_loader *ld, size_t vi, const yaml_node_t *n,
                      const char *what, int categories);
int nv_reg_load_kind(nv_reg_loader *ld, size_t vi, const yaml_node_t *v,
                     const char *what);
/* A non-empty source string into *dst (arena). */
int nv_reg_load_source(nv_reg_loader *ld, const yaml_node_t *v,
                       const char *what, const char **dst);

#endif
