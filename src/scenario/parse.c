/* SPDX-License-Identifier: Apache-2.0 */
/* Scenario YAML -> nv_change list: every key checked against the keys its
 * mapping allows, every value checked (function names, dates, weights,
 * percentages, statuses), each problem reported as file:line. References
 * to vendors and ids are left to the overlay, which knows the inventory. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "inventory/inv.h"
#include "scenario/scenario.h"
#include "util/alloc.h"
#include "util/diag.h"

#define FAIL(y, n, ...) \
    nv_diag_fail((y)->diag, NETVET_EPARSE, (y)->file, nv_yline(n), 0, __VA_ARGS__)

/* ---- scalars ---- */

/* A number written as the whole scalar (no trailing text), finite. */
static int scalar_number(yaml_node_t *n, double *out)
{
    if (n->type != YAML_SCALAR_NODE || n->data.scalar.length == 0 ||
        n->data.scalar.length > 64)
        return -1;
    char buf[72];
    memcpy(buf, n->data.scalar.value, n->data.scalar.length);
    buf[n->data.scalar.length] = '\0';
    char *end;
    errno = 0;
    double v = strtod(buf, &end);
    if (errno || end == buf || *end || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

static int parse_weight(nv_yctx *y, yaml_node_t *n, const char *key,
                        double *out)
{
    if (scalar_number(n, out) < 0 || *out < 0 || *out > 1e15)
        return FAIL(y, n, "'%s' must be a number from 0 to 1e15", key);
    return 0;
}

static int parse_seed(nv_yctx *y, yaml_node_t *n, uint64_t *out)
{
    double v;
    if (scalar_number(n, &v) < 0 || v < 0 || v > 9007199254740992.0 ||
        v != floor(v))
        return FAIL(y, n, "'seed' must be a whole number from 0 to 2^53");
    *out = (uint64_t)v;
    return 0;
}

/* "20%" or "12.5%": a share in (0, 100]. */
static int parse_sample(nv_yctx *y, yaml_node_t *n, double *out)
{
    char *s = NULL;
    int err = nv_ystr(y, n, "sample", &s);
    if (err < 0)
        return err;
    size_t len = strlen(s);
    double v = 0;
    int ok = len >= 2 && len < 32 && s[len - 1] == '%';
    if (ok) {
        char *end;
        s[len - 1] = '\0';
        errno = 0;
        v = strtod(s, &end);
        ok = !errno && end != s && !*end && isfinite(v) && v > 0 && v <= 100;
    }
    nv_free(s);
    if (!ok)
        return FAIL(y, n, "'sample' must be a percentage above 0%% and at "
                          "most 100%%, such as 20%%");
    *out = v / 100.0;
    return 0;
}

static int parse_function(nv_yctx *y, unsigned long line, const char *text,
                          uint8_t *out)
{
    netvet_function fn;
    if (netvet_function_parse(&fn, text, strlen(text)) < 0) {
        char q[64];
        nv_yquote(q, sizeof(q), text, strlen(text));
        return nv_diag_fail(y->diag, NETVET_EPARSE, y->file, line, 0, "unknown function '%s' (core, management, security, "
                          "aggregation, access, ran, cpe, other, or an alias "
                          "such as OLT or gNB)", q);
    }
    *out = (uint8_t)fn;
    return 0;
}

static int parse_status(nv_yctx *y, yaml_node_t *n, const char *text,
                        uint8_t *out)
{
    static const char *const names[] = {"active", "planned",
                                        "decommissioned"};
    for (uint8_t i = 0; i < 3; i++)
        if (!strcmp(text, names[i]))
            return *out = i, 0;
    return FAIL(y, n, "'status' must be active, planned or decommissioned");
}

static int parse_date(nv_yctx *y, yaml_node_t *n, const char *key,
                      const char *text, int32_t *out)
{
    if (nv_parse_date(text, strlen(text), out) < 0)
        return FAIL(y, n, "'%s' must be a date YYYY-MM-DD", key);
    return 0;
}

/* ---- filters ---- */

enum { W_FUNCTION, W_VENDOR, W_SITE, W_REGION, W_TAG, W_ID, W_SAMPLE,
       W_SEED, W_N };

static int parse_fn_mask(nv_yctx *y, yaml_node_t *n, uint32_t *mask)
{
    nv_strlist l = {0};
    int err = nv_ylist(y, n, "function", 0, &l);
    for (size_t i = 0; !err && i < l.n; i++) {
        uint8_t fn = 0;
        err = parse_function(y, l.lines[i], l.items[i], &fn);
        *mask |= 1u << fn;
    }
    nv_strlist_dispose(&l);
    return err;
}

static int parse_filter(nv_yctx *y, yaml_node_t *n, const char *where,
                        nv_filter *f)
{
    static const char *const keys[W_N] = {"function", "vendor", "site",
                                          "region",   "tag",    "id",
                                          "sample",   "seed"};
    yaml_node_t *v[W_N];
    int err = nv_ymap(y, n, where, keys, W_N, v);
    if (err < 0)
        return err;
    f->line = nv_yline(n);
    f->seed = 1;
    size_t given = 0;
    for (int i = 0; i < W_N; i++)
        given += v[i] != NULL;
    if (!given || (given == 1 && v[W_SEED]))
        return FAIL(y, n, "%s selects nothing: give function, vendor, site, "
                          "region, tag or id", where);
    if (v[W_SEED] && !v[W_SAMPLE])
        return FAIL(y, v[W_SEED], "'seed' is only used with 'sample'");
    nv_strlist *lists[] = {NULL, &f->vendors, &f->sites, &f->regions,
                           &f->tags, &f->ids};
    if (v[W_FUNCTION])
        err = parse_fn_mask(y, v[W_FUNCTION], &f->fn_mask);
    for (int i = W_VENDOR; !err && i <= W_ID; i++)
        if (v[i])
            err = nv_ylist(y, v[i], keys[i], 0, lists[i]);
    if (!err && v[W_SAMPLE]) {
        f->sample_line = nv_yline(v[W_SAMPLE]);
        err = parse_sample(y, v[W_SAMPLE], &f->sample);
    }
    if (!err && v[W_SEED])
        err = parse_seed(y, v[W_SEED], &f->seed);
    return err;
}

/* ---- attributes ---- */

static const char *const attr_names[NV_ATTR_COUNT] = {
    "vendor", "function", "name", "model", "software", "site", "region",
    "weight", "status", "installed", "tags"};

const char *nv_attr_name(enum nv_attr a)
{
    return (unsigned)a < NV_ATTR_COUNT ? attr_names[a] : "";
}

/* One attribute value: strings copied, typed ones checked. */
static int parse_attr(nv_yctx *y, yaml_node_t *n, enum nv_attr a,
                      nv_attrs *out)
{
    out->has |= 1u << a;
    out->line[a] = nv_yline(n);
    if (a == NV_ATTR_TAGS)
        return nv_ylist(y, n, "tags", 1, &out->tags);
    if (a == NV_ATTR_WEIGHT)
        return parse_weight(y, n, "weight", &out->weight);
    int err = nv_ystr(y, n, attr_names[a], &out->text[a]);
    if (err < 0)
        return err;
    const char *t = out->text[a];
    if (!*t && (a == NV_ATTR_VENDOR || a == NV_ATTR_FUNCTION ||
                a == NV_ATTR_STATUS || a == NV_ATTR_INSTALLED))
        return FAIL(y, n, "'%s' is empty", attr_names[a]);
    switch (a) {
    case NV_ATTR_FUNCTION:
        return parse_function(y, nv_yline(n), t, &out->function);
    case NV_ATTR_STATUS: return parse_status(y, n, t, &out->status);
    case NV_ATTR_INSTALLED:
        return parse_date(y, n, "installed", t, &out->installed);
    default: return 0;
    }
}

/* A mapping of attributes; `allowed` bits name the keys it may have, and
 * extra_key (may be NULL) is one more key returned in *extra. */
static int parse_attrs(nv_yctx *y, yaml_node_t *n, const char *where,
                       unsigned allowed, const char *extra_key,
                       yaml_node_t **extra, nv_attrs *out)
{
    const char *keys[NV_ATTR_COUNT + 1];
    enum nv_attr which[NV_ATTR_COUNT];
    size_t nk = 0;
    for (int a = 0; a < NV_ATTR_COUNT; a++)
        if (allowed & (1u << a)) {
            which[nk] = (enum nv_attr)a;
            keys[nk++] = attr_names[a];
        }
    if (extra_key)
        keys[nk] = extra_key;
    yaml_node_t *v[NV_ATTR_COUNT + 1];
    int err = nv_ymap(y, n, where, keys, nk + (extra_key != NULL), v);
    for (size_t i = 0; !err && i < nk; i++)
        if (v[i])
            err = parse_attr(y, v[i], which[i], out);
    if (extra)
        *extra = extra_key ? v[nk] : NULL;
    return err;
}

static void attrs_dispose(nv_attrs *a)
{
    for (int i = 0; i < NV_ATTR_COUNT; i++)
        nv_free(a->text[i]);
    nv_strlist_dispose(&a->tags);
    memset(a, 0, sizeof(*a));
}

/* ---- changes ---- */

#define SET_ATTRS                                                          \
    ((1u << NV_ATTR_VENDOR) | (1u << NV_ATTR_FUNCTION) |                   \
     (1u << NV_ATTR_NAME) | (1u << NV_ATTR_MODEL) |                        \
     (1u << NV_ATTR_SOFTWARE) | (1u << NV_ATTR_SITE) |                     \
     (1u << NV_ATTR_REGION) | (1u << NV_ATTR_WEIGHT) |                     \
     (1u << NV_ATTR_STATUS) | (1u << NV_ATTR_INSTALLED))
#define NEW_ATTRS (SET_ATTRS | (1u << NV_ATTR_TAGS))

static size_t seq_len(yaml_node_t *n)
{
    return (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
}

static yaml_node_t *seq_item(nv_yctx *y, yaml_node_t *n, size_t i)
{
    return yaml_document_get_node(y->doc, n->data.sequence.items.start[i]);
}

/* A sequence of at most NV_SCENARIO_MAX_NEW items; *count set. */
static int check_seq(nv_yctx *y, yaml_node_t *n, const char *key,
                     size_t *count)
{
    if (n->type != YAML_SEQUENCE_NODE)
        return FAIL(y, n, "'%s' must be a list", key);
    *count = seq_len(n);
    if (*count > NV_SCENARIO_MAX_NEW)
        return nv_diag_fail(y->diag, NETVET_ELIMIT, y->file, nv_yline(n), 0,
                            "'%s' has more than %d items", key,
                            NV_SCENARIO_MAX_NEW);
    return 0;
}

static int parse_new_element(nv_yctx *y, yaml_node_t *n, nv_new_element *e)
{
    yaml_node_t *id = NULL;
    int err = parse_attrs(y, n, "a new element", NEW_ATTRS, "id", &id,
                          &e->attrs);
    if (err < 0)
        return err;
    e->line = nv_yline(n);
    if (!id)
        return FAIL(y, n, "a new element needs an 'id'");
    if ((err = nv_ystr(y, id, "id", &e->id)) < 0)
        return err;
    if (!*e->id)
        return FAIL(y, id, "'id' is empty");
    if (!(e->attrs.has & (1u << NV_ATTR_VENDOR)))
        return FAIL(y, n, "new element '%s' needs a 'vendor'", e->id);
    if (!(e->attrs.has & (1u << NV_ATTR_FUNCTION)))
        return FAIL(y, n, "new element '%s' needs a 'function'", e->id);
    return 0;
}

/* A new link's kind and capacity are checked like the links file's columns
 * and, like them, not kept (docs/inventory-format.md). */
static int check_link_extras(nv_yctx *y, yaml_node_t *kind, yaml_node_t *capacity)
{
    char *k = NULL;
    double c;
    int err = kind ? nv_ystr(y, kind, "kind", &k) : 0;
    nv_free(k);
    if (!err && capacity)
        err = parse_weight(y, capacity, "capacity", &c);
    return err;
}

static int parse_new_link(nv_yctx *y, yaml_node_t *n, nv_new_link *l)
{
    static const char *const keys[] = {"a", "b", "kind", "capacity"};
    yaml_node_t *v[4];
    int err = nv_ymap(y, n, "a new link", keys, 4, v);
    if (err < 0)
        return err;
    l->line = nv_yline(n);
    if (!v[0] || !v[1])
        return FAIL(y, n, "a new link needs both ends, 'a' and 'b'");
    l->a_line = nv_yline(v[0]);
    l->b_line = nv_yline(v[1]);
    if ((err = nv_ystr(y, v[0], "a", &l->a)) < 0 ||
        (err = nv_ystr(y, v[1], "b", &l->b)) < 0)
        return err;
    return check_link_extras(y, v[2], v[3]);
}

static int parse_add(nv_yctx *y, yaml_node_t *n, nv_change *c)
{
    static const char *const keys[] = {"elements", "links"};
    yaml_node_t *v[2];
    size_t ne = 0, nl = 0;
    int err = nv_ymap(y, n, "add", keys, 2, v);
    if (!err && !v[0] && !v[1])
        return FAIL(y, n, "'add' needs 'elements' or 'links'");
    if (!err && v[0])
        err = check_seq(y, v[0], "elements", &ne);
    if (!err && v[1])
        err = check_seq(y, v[1], "links", &nl);
    if (err < 0)
        return err;
    c->elements = nv_calloc(ne + 1, sizeof(*c->elements));
    c->links = nv_calloc(nl + 1, sizeof(*c->links));
    if (!c->elements || !c->links)
        return nv_yoom(y);
    for (size_t i = 0; !err && i < ne; i++) {
        yaml_node_t *it = seq_item(y, v[0], i);
        c->n_elements = i + 1;
        err = it ? parse_new_element(y, it, &c->elements[i]) : NETVET_EPARSE;
    }
    for (size_t i = 0; !err && i < nl; i++) {
        yaml_node_t *it = seq_item(y, v[1], i);
        c->n_links = i + 1;
        err = it ? parse_new_link(y, it, &c->links[i]) : NETVET_EPARSE;
    }
    return err;
}

static int parse_replace(nv_yctx *y, yaml_node_t *n, nv_change *c)
{
    static const char *const keys[] = {"from", "to"};
    yaml_node_t *v[2];
    int err = nv_ymap(y, n, "replace", keys, 2, v);
    if (err < 0)
        return err;
    if (!v[0] || !v[1])
        return FAIL(y, n, "'replace' needs 'from' and 'to' vendors");
    c->from_line = nv_yline(v[0]);
    c->to_line = nv_yline(v[1]);
    if ((err = nv_ystr(y, v[0], "from", &c->from)) < 0 ||
        (err = nv_ystr(y, v[1], "to", &c->to)) < 0)
        return err;
    if (!*c->from || !*c->to)
        return FAIL(y, n, "'replace' has an empty vendor");
    return 0;
}

enum { C_SET, C_ADD, C_REMOVE, C_REPLACE, C_WHERE, C_NOTE, C_DATE, C_N };

/* Exactly one action key; `where` only where the action takes one. */
static int change_kind(nv_yctx *y, yaml_node_t *n, yaml_node_t **v,
                       nv_change *c)
{
    int found = -1;
    for (int i = C_SET; i <= C_REPLACE; i++) {
        if (!v[i])
            continue;
        if (found >= 0)
            return FAIL(y, v[i], "a change has one action; found both '%s' "
                                 "and '%s'",
                        nv_change_kind_name((nv_change_kind)found),
                        nv_change_kind_name((nv_change_kind)i));
        found = i;
    }
    if (found < 0)
        return FAIL(y, n, "a change needs one action: set, add, remove or "
                          "replace");
    c->kind = (nv_change_kind)found;
    if (c->kind == NV_CHANGE_SET && !v[C_WHERE])
        return FAIL(y, n, "'set' needs a 'where' filter");
    if ((c->kind == NV_CHANGE_ADD || c->kind == NV_CHANGE_REMOVE) &&
        v[C_WHERE])
        return FAIL(y, v[C_WHERE], "'%s' takes no 'where'%s",
                    nv_change_kind_name(c->kind),
                    c->kind == NV_CHANGE_REMOVE
                        ? " (its value is the filter)" : "");
    return 0;
}

/* `date: YYYY-MM-DD`: the day the change takes effect (timeline). */
static int parse_change_date(nv_yctx *y, yaml_node_t *n, nv_change *c)
{
    char *text = NULL;
    int err = nv_ystr(y, n, "date", &text);
    if (!err)
        err = parse_date(y, n, "date", text, &c->date);
    nv_free(text);
    c->has_date = err == 0;
    c->date_line = nv_yline(n);
    return err;
}

static int parse_change(nv_yctx *y, yaml_node_t *n, nv_change *c)
{
    static const char *const keys[C_N] = {"set",   "add",   "remove",
                                          "replace", "where", "note",
                                          "date"};
    yaml_node_t *v[C_N];
    int err = nv_ymap(y, n, "a change", keys, C_N, v);
    if (!err)
        err = change_kind(y, n, v, c);
    if (err < 0)
        return err;
    c->line = nv_yline(n);
    if (v[C_NOTE] && v[C_NOTE]->type != YAML_SCALAR_NODE)
        return FAIL(y, v[C_NOTE], "'note' must be a string");
    if (v[C_DATE] && (err = parse_change_date(y, v[C_DATE], c)) < 0)
        return err;
    if (v[C_WHERE]) {
        c->has_where = 1;
        err = parse_filter(y, v[C_WHERE], "where", &c->where);
    }
    switch (c->kind) {
    case NV_CHANGE_SET:
        if (!err)
            err = parse_attrs(y, v[C_SET], "set", SET_ATTRS, NULL, NULL,
                              &c->set);
        if (!err && !c->set.has)
            err = FAIL(y, v[C_SET], "'set' names no attribute");
        return err;
    case NV_CHANGE_ADD: return err ? err : parse_add(y, v[C_ADD], c);
    case NV_CHANGE_REMOVE:
        c->has_where = 1;
        return err ? err : parse_filter(y, v[C_REMOVE], "remove", &c->where);
    case NV_CHANGE_REPLACE:
        return err ? err : parse_replace(y, v[C_REPLACE], c);
    }
    return err;
}

static int parse_changes(nv_yctx *y, yaml_node_t *n, netvet_scenario *s)
{
    if (n->type != YAML_SEQUENCE_NODE || seq_len(n) == 0)
        return FAIL(y, n, "'changes' must be a non-empty list");
    size_t count = seq_len(n);
    if (count > NV_SCENARIO_MAX_CHANGES)
        return nv_diag_fail(y->diag, NETVET_ELIMIT, y->file, nv_yline(n), 0,
                            "more than %d changes", NV_SCENARIO_MAX_CHANGES);
    if (!(s->changes = nv_calloc(count, sizeof(*s->changes))))
        return nv_yoom(y);
    for (size_t i = 0; i < count; i++) {
        yaml_node_t *it = seq_item(y, n, i);
        s->n_changes = i + 1;
        int err = it ? parse_change(y, it, &s->changes[i]) : NETVET_EPARSE;
        if (err < 0)
            return err;
    }
    return 0;
}

/* The default name: the file's base name without .yaml/.yml. */
static char *base_name(const char *file)
{
    const char *b = strrchr(file, '/');
    b = b ? b + 1 : file;
    size_t len = strlen(b);
    if (len > 5 && !strcmp(b + len - 5, ".yaml"))
        len -= 5;
    else if (len > 4 && !strcmp(b + len - 4, ".yml"))
        len -= 4;
    return nv_strndup(b, len);
}

int nv_scenario_parse(netvet_scenario *s, nv_yctx *y, yaml_node_t *root)
{
    static const char *const keys[] = {"scenario", "description", "changes"};
    yaml_node_t *v[3];
    int err = nv_ymap(y, root, "scenario file", keys, 3, v);
    if (err < 0)
        return err;
    if (!v[2])
        return FAIL(y, root, "scenario has no 'changes'");
    err = v[0] ? nv_yid(y, v[0], "scenario name", &s->name)
               : ((s->name = base_name(s->file)) ? 0 : nv_yoom(y));
    if (!err)
        err = v[1] ? nv_ystr(y, v[1], "description", &s->description)
                   : ((s->description = nv_strdup("")) ? 0 : nv_yoom(y));
    return err ? err : parse_changes(y, v[2], s);
}

/* ---- disposal ---- */

void nv_change_dispose(nv_change *c)
{
    nv_strlist *lists[] = {&c->where.vendors, &c->where.sites,
                           &c->where.regions, &c->where.tags,
                           &c->where.ids};
    for (size_t i = 0; i < 5; i++)
        nv_strlist_dispose(lists[i]);
    attrs_dispose(&c->set);
    nv_free(c->from);
    nv_free(c->to);
    for (size_t i = 0; i < c->n_elements; i++) {
        nv_free(c->elements[i].id);
        attrs_dispose(&c->elements[i].attrs);
    }
    nv_free(c->elements);
    for (size_t i = 0; i < c->n_links; i++) {
        nv_free(c->links[i].a);
        nv_free(c->links[i].b);
    }
    nv_free(c->links);
    memset(c, 0, sizeof(*c));
}
