/* SPDX-License-Identifier: Apache-2.0 */
/* Pattern file loader (libyaml document API): one mapping with key
 * `patterns`, a list of entries {id, vendor, regex, confidence, os,
 * case_sensitive, source, examples}. Unknown or duplicate keys, wrong
 * types, bad values, regexes that do not compile and examples that do not
 * match are errors naming file:line. Produces a fresh set; merging into an
 * existing one is patterns.c's job. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "attrib/patterns.h"
#include "util/alloc.h"
#include "util/diag.h"
#include "util/yaml.h"

typedef struct loader {
    yaml_document_t doc;
    const char *buf;
    size_t len;
    const char *file;
    netvet_diag *diag;
    nv_patterns *out;
    unsigned char *seen; /* per node: visited (a second visit is an alias) */
} loader;

enum { K_ID, K_VENDOR, K_REGEX, K_CONF, K_OS, K_CASE, K_SOURCE, K_EXAMPLES,
       K_COUNT };
static const char *const keys[K_COUNT] = {
    "id", "vendor", "regex", "confidence", "os", "case_sensitive", "source",
    "examples"};

__attribute__((format(printf, 3, 4))) static int
fail(loader *ld, unsigned long line, const char *fmt, ...)
{
    char msg[1200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    return nv_diag_fail(ld->diag, NETVET_EPARSE, ld->file, line, 0, "%s", msg);
}


/* Printable excerpt (at most 60 bytes) of s for messages. */
static const char *show(const char *s, size_t len, char out[72])
{
    size_t n = len > 60 ? 60 : len;
    for (size_t i = 0; i < n; i++)
        out[i] = (s[i] >= 0x20 && s[i] < 0x7f) ? s[i] : '?';
    memcpy(out + n, len > 60 ? "..." : "", len > 60 ? 4 : 1);
    return out;
}

/* Node `idx` of the document, visited once (util/yaml.h). */
static int get_node(loader *ld, int idx, unsigned long where, yaml_node_t **out)
{
    return nv_yaml_visit(&ld->doc, ld->seen, idx, where, ld->file, ld->diag,
                         out);
}

/* A scalar as a new NUL-terminated string (free with nv_free). */
static int get_string(loader *ld, const yaml_node_t *n, const char *what,
                      char **out)
{
    if (n->type != YAML_SCALAR_NODE)
        return fail(ld, nv_yaml_line(n), "%s must be a string", what);
    const char *s = (const char *)n->data.scalar.value;
    size_t len = n->data.scalar.length;
    if (len > NV_PAT_MAX_VALUE)
        return nv_diag_fail(ld->diag, NETVET_ELIMIT, ld->file, nv_yaml_line(n), 0,
                            "%s is longer than %d bytes", what,
                            NV_PAT_MAX_VALUE);
    if (memchr(s, '\0', len))
        return fail(ld, nv_yaml_line(n), "%s contains a NUL byte", what);
    *out = nv_strndup(s, len);
    return *out ? NETVET_OK : NETVET_ENOMEM;
}

static int valid_id(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 64 || s[0] == '-' || s[0] == '_')
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
              c == '_' || c == '.'))
            return 0;
    }
    return 1;
}

static int set_conf(loader *ld, nv_pattern *p, const yaml_node_t *v,
                    const char *s)
{
    static const char *const names[] = {"weak", "medium", "strong"};
    char buf[72];
    for (int i = 0; i < 3; i++) {
        if (!strcmp(s, names[i])) {
            p->conf = (nv_pat_conf)i;
            return NETVET_OK;
        }
    }
    return fail(ld, nv_yaml_line(v), "confidence '%s' of pattern '%s' must be "
                "strong, medium or weak", show(s, strlen(s), buf), p->id);
}

static int set_case(loader *ld, nv_pattern *p, const yaml_node_t *v,
                    const char *s)
{
    if (!strcmp(s, "true") || !strcmp(s, "false")) {
        p->case_sensitive = s[0] == 't';
        return NETVET_OK;
    }
    return fail(ld, nv_yaml_line(v), "case_sensitive of pattern '%s' must be true "
                "or false", p->id);
}

static int add_examples(loader *ld, nv_pattern *p, const yaml_node_t *v)
{
    if (v->type != YAML_SEQUENCE_NODE)
        return fail(ld, nv_yaml_line(v), "examples of pattern '%s' must be a list "
                    "of strings", p->id ? p->id : "?");
    size_t n = (size_t)(v->data.sequence.items.top -
                        v->data.sequence.items.start);
    p->examples = nv_calloc(n ? n : 1, sizeof(char *));
    if (!p->examples)
        return NETVET_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        yaml_node_t *item;
        int rc = get_node(ld, v->data.sequence.items.start[i], nv_yaml_line(v),
                          &item);
        if (rc == NETVET_OK)
            rc = get_string(ld, item, "an example", &p->examples[i]);
        if (rc < 0)
            return rc;
        p->n_examples++;
    }
    return NETVET_OK;
}

static int set_field(loader *ld, nv_pattern *p, int k, const yaml_node_t *v)
{
    if (k == K_EXAMPLES)
        return add_examples(ld, p, v);
    char what[64], *s = NULL;
    snprintf(what, sizeof(what), "'%s'", keys[k]);
    int rc = get_string(ld, v, what, &s);
    if (rc < 0)
        return rc;
    char **dst[] = {&p->id, &p->vendor_id, &p->regex, NULL, &p->os, NULL,
                    &p->source};
    if (dst[k]) {
        *dst[k] = s;
        return NETVET_OK;
    }
    rc = k == K_CONF ? set_conf(ld, p, v, s) : set_case(ld, p, v, s);
    nv_free(s);
    return rc;
}

static int key_index(loader *ld, const yaml_node_pair_t *pair, int *k_out,
                     unsigned long *line_out)
{
    yaml_node_t *k;
    char buf[72];
    int rc = get_node(ld, pair->key, 0, &k);
    if (rc < 0)
        return rc;
    *line_out = nv_yaml_line(k);
    if (k->type != YAML_SCALAR_NODE)
        return fail(ld, nv_yaml_line(k), "a mapping key must be a string");
    const char *s = (const char *)k->data.scalar.value;
    size_t len = k->data.scalar.length;
    for (int f = 0; f < K_COUNT; f++) {
        if (strlen(keys[f]) == len && memcmp(keys[f], s, len) == 0) {
            *k_out = f;
            return NETVET_OK;
        }
    }
    return fail(ld, nv_yaml_line(k), "unknown key '%s' in a pattern entry",
                show(s, len, buf));
}

static int check_entry(loader *ld, nv_pattern *p, unsigned long line)
{
    char buf[72];
    static const char *const need[] = {"id", "vendor", "regex", "examples"};
    void *have[] = {p->id, p->vendor_id, p->regex, p->examples};
    for (int i = 0; i < 4; i++)
        if (!have[i])
            return fail(ld, line, "pattern entry%s%s has no '%s'",
                        p->id ? " " : "", p->id ? p->id : "", need[i]);
    if (!valid_id(p->id))
        return fail(ld, line, "pattern id '%s' must be 1 to 64 of a-z, 0-9, "
                    "'-', '_', '.'", show(p->id, strlen(p->id), buf));
    if (p->n_examples == 0)
        return fail(ld, line, "pattern '%s' needs at least one example",
                    p->id);
    for (size_t i = 0; i < ld->out->n; i++)
        if (!strcmp(ld->out->p[i].id, p->id))
            return fail(ld, line, "duplicate pattern id '%s' (first at line "
                        "%lu)", p->id, ld->out->p[i].line);
    return NETVET_OK;
}

static int load_entry(loader *ld, const yaml_node_t *m, nv_pattern *p)
{
    unsigned seen = 0;
    if (m->type != YAML_MAPPING_NODE)
        return fail(ld, nv_yaml_line(m), "pattern entry must be a mapping");
    p->line = nv_yaml_line(m);
    for (yaml_node_pair_t *pair = m->data.mapping.pairs.start;
         pair < m->data.mapping.pairs.top; pair++) {
        int k = 0, rc;
        unsigned long kl;
        yaml_node_t *v;
        if ((rc = key_index(ld, pair, &k, &kl)) < 0)
            return rc;
        if (seen & (1u << k))
            return fail(ld, kl, "duplicate key '%s' in a pattern entry",
                        keys[k]);
        seen |= 1u << k;
        if ((rc = get_node(ld, pair->value, kl, &v)) < 0 ||
            (rc = set_field(ld, p, k, v)) < 0)
            return rc;
    }
    int rc = check_entry(ld, p, p->line);
    if (rc < 0)
        return rc;
    p->file = nv_strdup(ld->file);
    if (!p->os)
        p->os = nv_strdup("");
    if (!p->source)
        p->source = nv_strdup("");
    return p->file && p->os && p->source ? NETVET_OK : NETVET_ENOMEM;
}

/* Compile p and check that every example matches it. */
static int compile_entry(loader *ld, nv_pattern *p, nv_patterns *one)
{
    char err[256];
    size_t off;
    if (nv_pattern_lint(p->regex, &off))
        return fail(ld, p->line, "regex of pattern '%s' repeats a group that "
                    "holds a quantifier (at offset %zu, like (a+)+ or (.*)*): "
                    "matching it can take exponential time", p->id, off);
    int rc = nv_pattern_compile(p, err, sizeof(err));
    if (rc == NETVET_ENOMEM)
        return nv_diag_fail(ld->diag, NETVET_ENOMEM, NULL, 0, 0,
                            "out of memory");
    if (rc < 0)
        return fail(ld, p->line, "regex of pattern '%s' does not compile: %s",
                    p->id, err);
    one->p = p;
    one->n = one->cap = 1;
    for (size_t i = 0; i < p->n_examples; i++) {
        nv_pat_match m;
        rc = nv_patterns_match(one, p->examples[i], strlen(p->examples[i]),
                               &m);
        if (rc == NETVET_ENOMEM)
            return nv_diag_fail(ld->diag, NETVET_ENOMEM, NULL, 0, 0,
                                "out of memory");
        if (rc < 0)
            return fail(ld, p->line, "pattern '%s': matching example %zu "
                        "exceeds the match limit", p->id, i + 1);
        if (rc == 0)
            return fail(ld, p->line, "example %zu of pattern '%s' does not "
                        "match its regex", i + 1, p->id);
    }
    return NETVET_OK;
}

static int add_entry(loader *ld, const yaml_node_t *m)
{
    nv_pattern p;
    memset(&p, 0, sizeof(p));
    p.vendor = p.group_product = p.group_version = -1;
    p.conf = NV_PAT_MEDIUM;
    nv_patterns one;
    int rc = nv_patterns_init(&one);
    if (rc == NETVET_OK)
        rc = load_entry(ld, m, &p);
    if (rc == NETVET_OK)
        rc = compile_entry(ld, &p, &one);
    one.p = NULL;
    one.n = one.cap = 0;
    nv_patterns_dispose(&one);
    if (rc == NETVET_OK && ld->out->n >= NV_PAT_MAX_COUNT)
        rc = nv_diag_fail(ld->diag, NETVET_ELIMIT, ld->file, nv_yaml_line(m), 0,
                          "more than %d patterns", NV_PAT_MAX_COUNT);
    if (rc == NETVET_OK && NV_GROW(ld->out->p, ld->out->cap, ld->out->n + 1) < 0)
        rc = NETVET_ENOMEM;
    if (rc < 0) {
        nv_pattern_free_fields(&p);
        return rc;
    }
    ld->out->p[ld->out->n++] = p;
    return NETVET_OK;
}

static int load_root(loader *ld)
{
    yaml_node_t *root = yaml_document_get_root_node(&ld->doc), *list = NULL;
    if (!root || root->type != YAML_MAPPING_NODE)
        return fail(ld, root ? nv_yaml_line(root) : 0, "top level must be a "
                    "mapping with key 'patterns'");
    ld->seen[0] = 1;
    for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
         p < root->data.mapping.pairs.top; p++) {
        yaml_node_t *k;
        char buf[72];
        int rc = get_node(ld, p->key, nv_yaml_line(root), &k);
        if (rc < 0)
            return rc;
        if (k->type != YAML_SCALAR_NODE || k->data.scalar.length != 8 ||
            memcmp(k->data.scalar.value, "patterns", 8) != 0)
            return fail(ld, nv_yaml_line(k), "unknown key '%s' at the top level",
                        k->type == YAML_SCALAR_NODE
                            ? show((const char *)k->data.scalar.value,
                                   k->data.scalar.length, buf)
                            : "?");
        if (list)
            return fail(ld, nv_yaml_line(k), "duplicate key 'patterns'");
        if ((rc = get_node(ld, p->value, nv_yaml_line(k), &list)) < 0)
            return rc;
    }
    if (!list)
        return fail(ld, nv_yaml_line(root), "missing key 'patterns'");
    if (list->type != YAML_SEQUENCE_NODE)
        return fail(ld, nv_yaml_line(list), "'patterns' must be a list of entries");
    for (yaml_node_item_t *it = list->data.sequence.items.start;
         it < list->data.sequence.items.top; it++) {
        yaml_node_t *m;
        int rc = get_node(ld, *it, nv_yaml_line(list), &m);
        if (rc == NETVET_OK)
            rc = add_entry(ld, m);
        if (rc < 0)
            return rc;
    }
    return NETVET_OK;
}

int nv_patterns_parse(nv_patterns *out, const char *buf, size_t len,
                      const char *name, netvet_diag *diag)
{
    loader ld = {.buf = buf, .len = len, .file = name, .diag = diag,
                 .out = out};
    int rc = nv_yaml_load_one(&ld.doc, buf, len, name, "a pattern file",
                              NV_PAT_MAX_DEPTH, diag);
    if (rc < 0)
        return rc;
    size_t n_nodes = (size_t)(ld.doc.nodes.top - ld.doc.nodes.start);
    ld.seen = nv_calloc(n_nodes ? n_nodes : 1, 1);
    rc = ld.seen ? load_root(&ld) : NETVET_ENOMEM;
    nv_free(ld.seen);
    yaml_document_delete(&ld.doc);
    return rc;
}
