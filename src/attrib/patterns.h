/* SPDX-License-Identifier: Apache-2.0 */
/* sysDescr / LLDP system-description patterns: a YAML file of vendor
 * regexes (data/patterns.yaml, compiled into the library; overlay files
 * add or replace patterns by id), compiled with PCRE2 + JIT. The loader is
 * patterns_yaml.c; compiling, binding to the registry and matching are
 * patterns.c. Format: docs/attribution.md. */
#ifndef NV_ATTRIB_PATTERNS_H
#define NV_ATTRIB_PATTERNS_H

#include <stddef.h>
#include <stdint.h>

#include "netvet/errors.h"
#include "netvet/vendors.h"
#include "util/sha256.h"

#define NV_PAT_MAX_BYTES ((size_t)4 << 20) /* one pattern file */
#define NV_PAT_MAX_VALUE 4096              /* one string value */
#define NV_PAT_MAX_COUNT 10000             /* patterns in a set */
#define NV_PAT_MAX_DEPTH 8                 /* YAML nesting */
#define NV_PAT_MAX_SUBJECT 4096 /* bytes of a banner matched (the first) */

typedef enum nv_pat_conf {
    NV_PAT_WEAK = 0,
    NV_PAT_MEDIUM = 1,
    NV_PAT_STRONG = 2
} nv_pat_conf;

typedef struct nv_pattern {
    char *id;          /* unique in the set */
    char *vendor_id;   /* registry vendor id */
    char *regex;       /* PCRE2 source */
    char *os;          /* constant OS / product-line label, "" if none */
    char *source;      /* where the banner form is documented, "" if none */
    char *file;        /* file it came from (diagnostics) */
    unsigned long line;
    nv_pat_conf conf;
    int case_sensitive;
    char **examples;
    size_t n_examples;
    void *code;         /* pcre2_code_8 */
    int vendor;         /* registry index after nv_patterns_bind, else -1 */
    int group_product;  /* capture number of (?<product>...), or -1 */
    int group_version;  /* capture number of (?<version>...), or -1 */
} nv_pattern;

typedef struct nv_patterns {
    nv_pattern *p;
    size_t n, cap;
    uint32_t *order;   /* match order: strong first, then file order */
    void *md;          /* pcre2_match_data_8, sized for every pattern */
    void *mctx;        /* pcre2_match_context_8 (match limits) */
    nv_file_inputs inputs; /* files added (nv_patterns_add_file) */
} nv_patterns;

typedef struct nv_pat_match {
    int pattern;                 /* index in the set, -1 if none */
    size_t product_off, product_len; /* capture in the subject, len 0 if none */
    size_t version_off, version_len;
} nv_pat_match;

int nv_patterns_init(nv_patterns *ps);
/* Give a shallow copy of a set its own match data (for another thread).
 * @return 0 or NETVET_ENOMEM (then ps->md is NULL). */
int nv_patterns_new_match_data(nv_patterns *ps);
/* Free only the match data (of such a copy). */
void nv_patterns_free_match_data(nv_patterns *ps);
void nv_patterns_dispose(nv_patterns *ps);
/* Load a pattern file and add its patterns (an existing id is replaced).
 * Every pattern is compiled and each of its examples must match it; on any
 * error (file:line in diag) the set is unchanged. */
int nv_patterns_add_buffer(nv_patterns *ps, const char *buf, size_t len,
                           const char *name, netvet_diag *diag);
int nv_patterns_add_file(nv_patterns *ps, const char *path, netvet_diag *diag);
/* The patterns compiled into the library (data/patterns.yaml). */
int nv_patterns_add_builtin(nv_patterns *ps, netvet_diag *diag);
/* Resolve every pattern's vendor id in `reg` (an unknown id is an error
 * naming the pattern's file:line) and fix the match order. */
int nv_patterns_bind(nv_patterns *ps, const netvet_registry *reg,
                     netvet_diag *diag);
/* Strongest matching pattern (ties: the first in order). @return 1 and
 * fills *m; 0 when none matches (m->pattern = -1); NETVET_ELIMIT when none
 * matched and some pattern hit the match limit; NETVET_ENOMEM when PCRE2
 * ran out of memory. Uses the set's match data:
 * not for concurrent use. */
int nv_patterns_match(const nv_patterns *ps, const char *s, size_t len,
                      nv_pat_match *m);
const char *nv_pat_conf_name(nv_pat_conf c);

/* Shared with the loader (patterns_yaml.c): free one pattern's fields;
 * compile one pattern; parse a file into a fresh set (no merging). */
void nv_pattern_free_fields(nv_pattern *p);
int nv_pattern_compile(nv_pattern *p, char *err, size_t err_len);
/* 1 when regex re repeats without bound a group that holds a quantifier
 * ((a+)+, (.*)*), *offset at the group's '('; else 0 (pattern_lint.c). */
int nv_pattern_lint(const char *re, size_t *offset);
int nv_patterns_parse(nv_patterns *out, const char *buf, size_t len,
                      const char *name, netvet_diag *diag);

#endif
