/* SPDX-License-Identifier: Apache-2.0 */
/* Cost files for netvet plan: a YAML mapping from function (or alias) to
 * the cost of replacing one element of it, plus an optional `default`.
 * Every key and value is checked; problems are file:line. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "util/diag.h"
#include "util/file.h"
#include "util/yaml.h"
#include "whatif/plan.h"

#define NV_COST_MAX_BYTES (1u << 20)

void nv_costs_default(nv_costs *out)
{
    memset(out, 0, sizeof(*out));
    for (int f = 0; f < NETVET_FN_COUNT; f++)
        out->fn[f] = 1;
    out->fallback = 1;
}

static int cost_value(const yaml_node_t *n, double *out)
{
    if (n->type != YAML_SCALAR_NODE || !n->data.scalar.length ||
        n->data.scalar.length > 40)
        return -1;
    char buf[48], *end;
    memcpy(buf, n->data.scalar.value, n->data.scalar.length);
    buf[n->data.scalar.length] = '\0';
    errno = 0;
    double v = strtod(buf, &end);
    if (errno || end == buf || *end || !isfinite(v) || v <= 0 || v > 1e15)
        return -1;
    *out = v;
    return 0;
}

static int one_pair(nv_costs *c, yaml_document_t *doc, yaml_node_pair_t *p,
                    const char *name, netvet_diag *diag)
{
    yaml_node_t *k = yaml_document_get_node(doc, p->key);
    yaml_node_t *v = yaml_document_get_node(doc, p->value);
    if (!k || !v || k->type != YAML_SCALAR_NODE)
        return nv_diag_fail(diag, NETVET_EPARSE, name, k ? nv_yaml_line(k) : 1, 0,
                            "keys must be function names or 'default'");
    const char *key = (const char *)k->data.scalar.value;
    size_t len = k->data.scalar.length;
    double cost;
    if (cost_value(v, &cost) < 0)
        return nv_diag_fail(diag, NETVET_EPARSE, name, nv_yaml_line(v), 0,
                            "a cost must be a number above 0 (at most 1e15)");
    if (len == 7 && !memcmp(key, "default", 7)) {
        c->fallback = cost;
        return 0;
    }
    netvet_function fn;
    if (netvet_function_parse(&fn, key, len) < 0 || memchr(key, 0, len))
        return nv_diag_fail(diag, NETVET_EPARSE, name, nv_yaml_line(k), 0,
                            "unknown function '%.*s' (core, management, "
                            "security, aggregation, access, ran, cpe, other, "
                            "an alias, or default)",
                            len > 60 ? 60 : (int)len, key);
    if (c->listed & (1u << fn))
        return nv_diag_fail(diag, NETVET_EPARSE, name, nv_yaml_line(k), 0,
                            "function %s is given twice",
                            netvet_function_name(fn));
    c->listed |= 1u << fn;
    c->fn[fn] = cost;
    return 0;
}

static int read_doc(nv_costs *c, yaml_document_t *doc, const char *name,
                    netvet_diag *diag)
{
    yaml_node_t *root = yaml_document_get_root_node(doc);
    if (!root || root->type != YAML_MAPPING_NODE)
        return nv_diag_fail(diag, NETVET_EPARSE, name, root ? nv_yaml_line(root) : 1,
                            0, "a cost file is a mapping of function: cost");
    for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
         p < root->data.mapping.pairs.top; p++) {
        int rc = one_pair(c, doc, p, name, diag);
        if (rc < 0)
            return rc;
    }
    for (int f = 0; f < NETVET_FN_COUNT; f++)
        if (!(c->listed & (1u << f)))
            c->fn[f] = c->fallback;
    return 0;
}

int nv_costs_load_buffer(nv_costs *out, const char *buf, size_t len,
                         const char *name, netvet_diag *diag)
{
    nv_costs_default(out);
    out->from_file = 1;
    if (len > NV_COST_MAX_BYTES)
        return nv_diag_fail(diag, NETVET_ELIMIT, name, 0, 0,
                            "cost file is larger than %u bytes",
                            (unsigned)NV_COST_MAX_BYTES);
    yaml_document_t doc;
    int rc = nv_yaml_load_one(&doc, buf, len, name, "a cost file",
                              NV_YAML_MAX_DEPTH, diag);
    if (rc < 0)
        return rc;
    rc = read_doc(out, &doc, name, diag);
    yaml_document_delete(&doc);
    return rc;
}

static int load_buffer(void *payload, char *buf, size_t len,
                       const char *name, netvet_diag *diag)
{
    return nv_costs_load_buffer(payload, buf, len, name, diag);
}

int nv_costs_load(nv_costs *out, const char *path, netvet_diag *diag)
{
    return nv_load_file(path, NV_COST_MAX_BYTES, load_buffer, out, diag);
}
