/* SPDX-License-Identifier: Apache-2.0 */
/* Registry YAML loader (libyaml document API): the built-in registry and
 * overlays, with every value type- and format-checked and reported as
 * file:line. Cross-vendor checks (parents, cycles, name keys) and
 * new_empty/free live in registry.c. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <yaml.h>

#include "util/embed.h"
#include "util/alloc.h"
#include "util/diag.h"
#include "util/yaml.h"
#include "util/file.h"
#include "vendors/registry_int.h"
#include "vendors/registry_load.h"

/* Keys from V_V2 on need format 2. */
enum { V_ID, V_NAME, V_ALIASES, V_PARENT, V_COUNTRY, V_STATE, V_NOTE,
       V_LISTINGS, V_PENS, V_V2, V_KIND = V_V2, V_COUNTRY_SOURCE, V_OWNERS,
       V_CATEGORIES, V_PRODUCTION, V_PRODUCTION_SOURCE, V_COUNT };
static const char *const vendor_keys[V_COUNT] = {
    "id", "name", "aliases", "parent", "country", "state_control", "note",
    "listings", "pens", "kind", "country_source", "owners", "categories",
    "production", "production_source"};

enum { L_ID, L_DATE, L_SOURCE, L_NOTE, L_UNTIL, L_COUNT };
static const char *const listing_keys[L_COUNT] = {"id", "date", "source",
                                                  "note", "until"};

static const char *const state_names[] = {"none", "influence", "owned"};

/* ---- helpers -------------------------------------------------------- */

int nv_reg_fail(nv_reg_loader *ld, unsigned long line, const char *fmt, ...)
{
    char msg[1200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    nv_diag_fail(ld->diag, NETVET_EPARSE, ld->file, line, 0, "%s", msg);
    return NETVET_EPARSE;
}

/* Node `idx` of the document, visited once (util/yaml.h). */
int nv_reg_get_node(nv_reg_loader *ld, int idx, unsigned long where,
                    yaml_node_t **out)
{
    return nv_yaml_visit(&ld->doc, ld->seen, idx, where, ld->file, ld->diag,
                         out);
}

/* Scalar value of n as (s, len); `what` names it in errors. */
int nv_reg_get_scalar(nv_reg_loader *ld, const yaml_node_t *n, const char *what,
                      const char **s, size_t *len)
{
    *s = "";
    *len = 0;
    if (n->type != YAML_SCALAR_NODE)
        return nv_reg_fail(ld, nv_yaml_line(n), "%s must be a string", what);
    *s = (const char *)n->data.scalar.value;
    *len = n->data.scalar.length;
    if (*len > NV_REG_MAX_VALUE) {
        nv_diag_fail(ld->diag, NETVET_ELIMIT, ld->file, nv_yaml_line(n), 0,
                     "%s is longer than %d bytes", what, NV_REG_MAX_VALUE);
        return NETVET_ELIMIT;
    }
    if (memchr(*s, '\0', *len))
        return nv_reg_fail(ld, nv_yaml_line(n), "%s contains a NUL byte", what);
    return NETVET_OK;
}

int nv_reg_copy(nv_reg_loader *ld, const char *s, size_t len, const char **out)
{
    *out = nv_arena_strndup(ld->arena, s, len);
    return *out ? NETVET_OK : NETVET_ENOMEM;
}

/* Index in `keys` of the key node of a mapping pair, or an error. */
int nv_reg_key_of(nv_reg_loader *ld, const yaml_node_pair_t *p,
                  const char *const *keys, int n_keys, const char *where,
                  int *f_out, unsigned long *line_out)
{
    yaml_node_t *k;
    const char *s;
    size_t len;
    char buf[72];
    *f_out = 0;
    *line_out = 0;
    int rc = nv_reg_get_node(ld, p->key, 0, &k);
    if (rc == NETVET_OK)
        rc = nv_reg_get_scalar(ld, k, "a mapping key", &s, &len);
    if (rc < 0)
        return rc;
    *line_out = nv_yaml_line(k);
    for (int f = 0; f < n_keys; f++) {
        if (strlen(keys[f]) == len && memcmp(keys[f], s, len) == 0) {
            *f_out = f;
            return NETVET_OK;
        }
    }
    return nv_reg_fail(ld, nv_yaml_line(k), "unknown key '%s' in %s",
                       nv_reg_show(s, len, buf), where);
}

/* The pair of mapping m whose key is the scalar "id" (not yet visited). */
static const yaml_node_pair_t *find_id_pair(nv_reg_loader *ld,
                                            const yaml_node_t *m)
{
    for (const yaml_node_pair_t *p = m->data.mapping.pairs.start;
         p < m->data.mapping.pairs.top; p++) {
        const yaml_node_t *k = yaml_document_get_node(&ld->doc, p->key);
        if (k && k->type == YAML_SCALAR_NODE && k->data.scalar.length == 2 &&
            memcmp(k->data.scalar.value, "id", 2) == 0)
            return p;
    }
    return NULL;
}

/* Visit the "id" pair of mapping m and check the id's format. */
static int read_id(nv_reg_loader *ld, const yaml_node_t *m, const char *what,
                   const char **s, size_t *len)
{
    const yaml_node_pair_t *p = find_id_pair(ld, m);
    yaml_node_t *k = NULL, *v = NULL;
    char buf[72];
    *s = "";
    *len = 0;
    if (!p)
        return nv_reg_fail(ld, nv_yaml_line(m), "%s has no 'id'", what);
    int rc = nv_reg_get_node(ld, p->key, nv_yaml_line(m), &k);
    if (rc == NETVET_OK)
        rc = nv_reg_get_node(ld, p->value, nv_yaml_line(k), &v);
    if (rc == NETVET_OK)
        rc = nv_reg_get_scalar(ld, v, "'id'", s, len);
    if (rc < 0)
        return rc;
    if (!nv_reg_valid_id(*s, *len))
        return nv_reg_fail(
            ld, nv_yaml_line(v),
            "id '%s' must be 1 to %d lowercase "
            "letters, digits, '-' or '_', starting with a letter or "
            "digit",
            nv_reg_show(*s, *len, buf), NV_REG_MAX_ID);
    return NETVET_OK;
}

/* Call fn(ld, ctx, f, value) for each pair of mapping m but its "id"
 * (read first by read_id): f indexes `keys`, whose entry 0 is "id". */
typedef int (*field_fn)(nv_reg_loader *ld, void *ctx, int f,
                        const yaml_node_t *v);

static int each_field(nv_reg_loader *ld, const yaml_node_t *m,
                      const char *const *keys, int n_keys, const char *where,
                      field_fn fn, void *ctx)
{
    const yaml_node_pair_t *idp = find_id_pair(ld, m);
    unsigned seen = 1u; /* keys[0], the id */
    for (const yaml_node_pair_t *p = m->data.mapping.pairs.start;
         p < m->data.mapping.pairs.top; p++) {
        int f, rc;
        unsigned long kl;
        yaml_node_t *v;
        if (p == idp)
            continue;
        if ((rc = nv_reg_key_of(ld, p, keys, n_keys, where, &f, &kl)) < 0)
            return rc;
        if (seen & (1u << f))
            return nv_reg_fail(ld, kl, "duplicate key '%s' in %s", keys[f],
                               where);
        seen |= 1u << f;
        if ((rc = nv_reg_get_node(ld, p->value, kl, &v)) < 0 ||
            (rc = fn(ld, ctx, f, v)) < 0)
            return rc;
    }
    return NETVET_OK;
}

/* ---- listings ------------------------------------------------------- */

typedef struct listing_ctx {
    netvet_listing l;
    char where[200]; /* "listing 'x' of vendor 'y'" */
    unsigned long until_line;
} listing_ctx;

static int listing_field(nv_reg_loader *ld, void *ctx, int f,
                         const yaml_node_t *v)
{
    listing_ctx *c = ctx;
    char what[256], buf[72];
    const char *s;
    size_t len;
    snprintf(what, sizeof(what), "'%s' of %s", listing_keys[f], c->where);
    int rc = nv_reg_get_scalar(ld, v, what, &s, &len);
    if (rc < 0)
        return rc;
    if (f == L_UNTIL && ld->format < 2)
        return nv_reg_fail(ld, nv_yaml_line(v),
                           "'until' of %s needs 'format: " NV_REG_FORMAT_2
                           "' at the top of the file",
                           c->where);
    if ((f == L_DATE || f == L_UNTIL) && !nv_reg_valid_date(s, len))
        return nv_reg_fail(ld, nv_yaml_line(v),
                           "%s '%s' of %s is not a valid "
                           "YYYY-MM-DD date",
                           listing_keys[f], nv_reg_show(s, len, buf), c->where);
    if (f == L_SOURCE && len == 0)
        return nv_reg_fail(ld, nv_yaml_line(v), "%s must not be empty", what);
    if (f == L_UNTIL)
        c->until_line = nv_yaml_line(v);
    const char **dst = f == L_DATE     ? &c->l.date
                       : f == L_SOURCE ? &c->l.source
                       : f == L_UNTIL  ? &c->l.until
                                       : &c->l.note;
    return nv_reg_copy(ld, s, len, dst);
}

static int load_listing(nv_reg_loader *ld, size_t vi, const yaml_node_t *m)
{
    listing_ctx c = {{NULL, "", NULL, "", ""}, "", 0};
    const char *vid = ld->st->v[vi].pub.id, *s;
    size_t len;
    snprintf(c.where, sizeof(c.where), "listing of vendor '%s'", vid);
    if (m->type != YAML_MAPPING_NODE)
        return nv_reg_fail(ld, nv_yaml_line(m), "%s must be a mapping",
                           c.where);
    int rc = read_id(ld, m, c.where, &s, &len);
    if (rc == NETVET_OK)
        rc = nv_reg_copy(ld, s, len, &c.l.id);
    if (rc < 0)
        return rc;
    snprintf(c.where, sizeof(c.where), "listing '%.*s' of vendor '%s'",
             (int)len, s, vid);
    rc = each_field(ld, m, listing_keys, L_COUNT, c.where, listing_field, &c);
    if (rc == NETVET_OK && !c.l.source)
        rc = nv_reg_fail(ld, nv_yaml_line(m), "%s has no 'source'", c.where);
    if (rc == NETVET_OK && c.l.date[0] && c.l.until[0] &&
        strcmp(c.l.until, c.l.date) <= 0)
        rc = nv_reg_fail(ld, c.until_line, "%s ends (%s) before it starts (%s)",
                         c.where, c.l.until, c.l.date);
    return rc < 0 ? rc : nv_regstate_add_listing(ld->st, vi, &c.l);
}

/* ---- vendor fields -------------------------------------------------- */

/* Visit every item of sequence n ("'what' of vendor 'id'") with fn. */
static int each_item(nv_reg_loader *ld, size_t vi, const yaml_node_t *n,
                     const char *what, const char *kind,
                     int (*fn)(nv_reg_loader *, size_t, const yaml_node_t *))
{
    if (n->type != YAML_SEQUENCE_NODE)
        return nv_reg_fail(ld, nv_yaml_line(n), "%s must be a list of %s", what,
                           kind);
    for (const yaml_node_item_t *it = n->data.sequence.items.start;
         it < n->data.sequence.items.top; it++) {
        yaml_node_t *item;
        int rc = nv_reg_get_node(ld, *it, nv_yaml_line(n), &item);
        if (rc == NETVET_OK)
            rc = fn(ld, vi, item);
        if (rc < 0)
            return rc;
    }
    return NETVET_OK;
}

static int add_alias(nv_reg_loader *ld, size_t vi, const yaml_node_t *n)
{
    char what[120];
    const char *s, *copy;
    size_t len;
    snprintf(what, sizeof(what), "alias of vendor '%s'", ld->st->v[vi].pub.id);
    int rc = nv_reg_get_scalar(ld, n, what, &s, &len);
    if (rc == NETVET_OK && len == 0)
        rc = nv_reg_fail(ld, nv_yaml_line(n), "%s must not be empty", what);
    if (rc == NETVET_OK)
        rc = nv_reg_copy(ld, s, len, &copy);
    if (rc == NETVET_OK)
        rc = nv_regstate_add_alias(ld->st, vi, copy, nv_yaml_line(n));
    return rc;
}

static int add_pen(nv_reg_loader *ld, size_t vi, const yaml_node_t *n)
{
    char what[120], buf[72];
    const char *s, *vid = ld->st->v[vi].pub.id;
    size_t len;
    uint32_t pen;
    int32_t owner;
    snprintf(what, sizeof(what), "pen of vendor '%s'", vid);
    int rc = nv_reg_get_scalar(ld, n, what, &s, &len);
    if (rc < 0)
        return rc;
    if (!nv_reg_parse_pen(s, len, &pen))
        return nv_reg_fail(ld, nv_yaml_line(n),
                           "pen '%s' of vendor '%s' is not an "
                           "enterprise number (1 to 4294967295)",
                           nv_reg_show(s, len, buf), vid);
    rc = nv_regstate_add_pen(ld->st, vi, pen, &owner);
    if (rc == 1)
        return nv_reg_fail(ld, nv_yaml_line(n),
                           "pen %lu of vendor '%s' already belongs "
                           "to vendor '%s'",
                           (unsigned long)pen, vid, ld->st->v[owner].pub.id);
    return rc;
}

static int add_listing(nv_reg_loader *ld, size_t vi, const yaml_node_t *n)
{
    return load_listing(ld, vi, n);
}

/* A scalar vendor field: name, parent, country, state_control, note. */
static int scalar_field(nv_reg_loader *ld, size_t vi, int f,
                        const yaml_node_t *v, const char *what)
{
    nv_vrec *r = &ld->st->v[vi];
    const char *s;
    size_t len;
    char buf[72];
    int rc = nv_reg_get_scalar(ld, v, what, &s, &len);
    if (rc < 0)
        return rc;
    nv_reg_show(s, len, buf);
    if (f == V_NAME && len == 0)
        return nv_reg_fail(ld, nv_yaml_line(v), "%s must not be empty", what);
    if (f == V_PARENT && len > 0 && !nv_reg_valid_id(s, len))
        return nv_reg_fail(ld, nv_yaml_line(v),
                           "parent '%s' of vendor '%s' is not a "
                           "vendor id",
                           buf, r->pub.id);
    if (f == V_COUNTRY &&
        (len != 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z'))
        return nv_reg_fail(ld, nv_yaml_line(v),
                           "country '%s' of vendor '%s' must be two "
                           "uppercase letters (ISO 3166-1 alpha-2)",
                           buf, r->pub.id);
    if (f == V_STATE) {
        for (int k = 0; k < 3; k++) {
            if (strlen(state_names[k]) == len &&
                memcmp(state_names[k], s, len) == 0) {
                r->pub.state_control = (netvet_state_control)k;
                return NETVET_OK;
            }
        }
        return nv_reg_fail(ld, nv_yaml_line(v),
                           "state_control '%s' of vendor '%s' must "
                           "be none, influence or owned",
                           buf, r->pub.id);
    }
    const char **dst = f == V_NAME      ? &r->pub.name
                       : f == V_PARENT  ? &r->parent_id
                       : f == V_COUNTRY ? &r->pub.country
                                        : &r->pub.note;
    if (f == V_NAME)
        r->name_line = nv_yaml_line(v);
    if (f == V_PARENT)
        r->parent_line = nv_yaml_line(v);
    return nv_reg_copy(ld, s, len, dst);
}

static int vendor_field(nv_reg_loader *ld, void *ctx, int f,
                        const yaml_node_t *v)
{
    size_t vi = *(const size_t *)ctx;
    char what[120];
    snprintf(what, sizeof(what), "'%s' of vendor '%s'", vendor_keys[f],
             ld->st->v[vi].pub.id);
    if (f >= V_V2 && ld->format < 2)
        return nv_reg_fail(ld, nv_yaml_line(v),
                           "%s needs 'format: " NV_REG_FORMAT_2
                           "' at the top of the file",
                           what);
    switch (f) {
    case V_OWNERS:
        return nv_reg_load_owners(ld, vi, v, what);
    case V_CATEGORIES:
    case V_PRODUCTION:
        return nv_reg_load_codes(ld, vi, v, what, f == V_CATEGORIES);
    case V_KIND:
        return nv_reg_load_kind(ld, vi, v, what);
    case V_COUNTRY_SOURCE:
        return nv_reg_load_source(ld, v, what,
                                  &ld->st->v[vi].pub.country_source);
    case V_PRODUCTION_SOURCE:
        return nv_reg_load_source(ld, v, what,
                                  &ld->st->v[vi].pub.production_source);
    case V_ALIASES:
        return each_item(ld, vi, v, what, "strings", add_alias);
    case V_LISTINGS:
        return each_item(ld, vi, v, what, "listings", add_listing);
    case V_PENS:
        return each_item(ld, vi, v, what, "enterprise numbers", add_pen);
    default:
        return scalar_field(ld, vi, f, v, what);
    }
}

/* ---- vendors -------------------------------------------------------- */

/* Find or create the vendor of entry m; reject a second entry in a file. */
static int entry_vendor(nv_reg_loader *ld, const yaml_node_t *m, size_t *vi_out)
{
    const char *s, *copy;
    size_t len;
    int rc = read_id(ld, m, "vendor entry", &s, &len);
    if (rc < 0)
        return rc;
    int64_t vi = nv_strtab_find(&ld->st->ids, s, len);
    if (vi >= 0 && ld->st->v[vi].line)
        return nv_reg_fail(ld, nv_yaml_line(m),
                           "duplicate vendor id '%s' (first at line "
                           "%lu)",
                           ld->st->v[vi].pub.id, ld->st->v[vi].line);
    if (vi < 0) {
        if ((rc = nv_reg_copy(ld, s, len, &copy)) < 0 ||
            (rc = nv_regstate_add(ld->st, copy)) < 0)
            return rc;
        vi = rc;
        ld->st->v[vi].id_line = nv_yaml_line(m);
    }
    ld->st->v[vi].line = nv_yaml_line(m);
    *vi_out = (size_t)vi;
    return NETVET_OK;
}

static int load_vendor(nv_reg_loader *ld, const yaml_node_t *m)
{
    size_t vi = 0;
    if (m->type != YAML_MAPPING_NODE)
        return nv_reg_fail(ld, nv_yaml_line(m),
                           "vendor entry must be a mapping");
    int rc = entry_vendor(ld, m, &vi);
    if (rc < 0)
        return rc;
    char where[120];
    snprintf(where, sizeof(where), "vendor '%s'", ld->st->v[vi].pub.id);
    rc = each_field(ld, m, vendor_keys, V_COUNT, where, vendor_field, &vi);
    const nv_vrec *r = &ld->st->v[vi];
    if (rc == NETVET_OK && r->id_line && !r->pub.name)
        rc = nv_reg_fail(ld, nv_yaml_line(m), "new vendor '%s' has no 'name'",
                         r->pub.id);
    if (rc == NETVET_OK && r->id_line && !r->pub.country)
        rc = nv_reg_fail(ld, nv_yaml_line(m),
                         "new vendor '%s' has no 'country'", r->pub.id);
    if (rc == NETVET_OK && r->pub.n_production && !r->pub.production_source[0])
        rc = nv_reg_fail(ld, nv_yaml_line(m),
                         "vendor '%s' gives 'production' "
                         "without 'production_source'",
                         r->pub.id);
    ld->st->v[vi].format = ld->format;
    return rc;
}

/* `format:` comes at most once and names a known format. */
static int read_format(nv_reg_loader *ld, const yaml_node_t *v,
                       unsigned long kl)
{
    const char *s;
    size_t len;
    char buf[72];
    int rc = nv_reg_get_scalar(ld, v, "'format'", &s, &len);
    if (rc < 0)
        return rc;
    if (ld->format_line)
        return nv_reg_fail(ld, kl, "duplicate key 'format'");
    ld->format_line = kl;
    if (len == 17 && !memcmp(s, "netvet-registry/1", 17))
        ld->format = 1;
    else if (len == 17 && !memcmp(s, NV_REG_FORMAT_2, 17))
        ld->format = 2;
    else
        return nv_reg_fail(ld, nv_yaml_line(v),
                           "unknown registry format '%s' "
                           "(expected netvet-registry/1 or " NV_REG_FORMAT_2
                           ")",
                           nv_reg_show(s, len, buf));
    return NETVET_OK;
}

static int load_root(nv_reg_loader *ld)
{
    yaml_node_t *root = yaml_document_get_root_node(&ld->doc), *vendors = NULL;
    if (!root)
        return nv_reg_fail(ld, 0,
                           "empty registry: expected a mapping with key "
                           "'vendors'");
    ld->seen[0] = 1;
    if (root->type != YAML_MAPPING_NODE)
        return nv_reg_fail(ld, nv_yaml_line(root),
                           "top level must be a mapping with key "
                           "'vendors'");
    static const char *const top_keys[] = {"vendors", "format"};
    for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
         p < root->data.mapping.pairs.top; p++) {
        int f, rc;
        unsigned long kl;
        yaml_node_t *v;
        if ((rc = nv_reg_key_of(ld, p, top_keys, 2, "the top level", &f, &kl)) <
            0)
            return rc;
        if (f == 0 && vendors)
            return nv_reg_fail(ld, kl, "duplicate key 'vendors'");
        if ((rc = nv_reg_get_node(ld, p->value, kl, &v)) < 0)
            return rc;
        if (f == 0)
            vendors = v;
        else if ((rc = read_format(ld, v, kl)) < 0)
            return rc;
    }
    if (!vendors)
        return nv_reg_fail(ld, nv_yaml_line(root), "missing key 'vendors'");
    if (vendors->type != YAML_SEQUENCE_NODE)
        return nv_reg_fail(ld, nv_yaml_line(vendors),
                           "'vendors' must be a list of "
                           "vendor entries");
    for (yaml_node_item_t *it = vendors->data.sequence.items.start;
         it < vendors->data.sequence.items.top; it++) {
        yaml_node_t *m;
        int rc = nv_reg_get_node(ld, *it, nv_yaml_line(vendors), &m);
        if (rc == NETVET_OK)
            rc = load_vendor(ld, m);
        if (rc < 0)
            return rc;
    }
    return NETVET_OK;
}

static int load_text(nv_reg_loader *ld)
{
    int rc = nv_yaml_load_one(&ld->doc, ld->buf, ld->len, ld->file,
                              "a registry file", NV_REG_MAX_DEPTH, ld->diag);
    if (rc < 0)
        return rc;
    ld->seen = nv_calloc((size_t)(ld->doc.nodes.top - ld->doc.nodes.start), 1);
    rc = ld->seen ? load_root(ld) : NETVET_ENOMEM;
    nv_free(ld->seen);
    yaml_document_delete(&ld->doc);
    return rc;
}

/* ---- public --------------------------------------------------------- */

int netvet_registry_new_builtin(netvet_registry **out, netvet_diag *diag)
{
    int rc = netvet_registry_new_empty(out);
    if (rc < 0)
        return rc;
    rc = netvet_registry_overlay_buffer(*out, (const char *)nv_builtin_registry,
                                        nv_builtin_registry_len,
                                        NV_BUILTIN_REGISTRY_NAME, diag);
    if (rc == 0) /* the world's vendors, none of them already above */
        rc = netvet_registry_overlay_buffer(
            *out, (const char *)nv_builtin_registry_world,
            nv_builtin_registry_world_len, NV_BUILTIN_WORLD_NAME, diag);
    if (rc == 0)
        (*out)->n_builtin = (*out)->st.n;
    if (rc < 0) {
        netvet_registry_free(*out);
        *out = NULL;
    }
    return rc;
}

int netvet_registry_overlay_buffer(netvet_registry *reg, const char *buf,
                                   size_t len, const char *name,
                                   netvet_diag *diag)
{
    if (!reg || (!buf && len))
        return NETVET_EINVAL;
    name = name ? name : "<buffer>";
    if (len > NV_REG_MAX_BYTES)
        return nv_diag_fail(diag, NETVET_ELIMIT, name, 0, 0, "registry is "
                            "larger than %zu bytes", NV_REG_MAX_BYTES);
    nv_regstate tmp;
    int rc = nv_regstate_clone(&tmp, &reg->st);
    if (rc < 0)
        return rc;
    nv_arena_mark mark = nv_arena_get_mark(&reg->arena);
    size_t n_changes = reg->n_changes;
    nv_reg_loader ld = {.buf = buf ? buf : "", .len = len, .file = name,
                 .diag = diag, .st = &tmp, .arena = &reg->arena,
                 .format = 1};
    rc = load_text(&ld);
    if (rc == NETVET_OK)
        rc = nv_regstate_finish(&tmp, name, diag);
    if (rc == NETVET_OK && reg->n_builtin)
        rc = nv_registry_note_changes(reg, &reg->st, &tmp, name);
    if (rc == NETVET_OK && strcmp(name, NV_BUILTIN_REGISTRY_NAME) &&
        strcmp(name, NV_BUILTIN_WORLD_NAME))
        rc = nv_registry_note_input(reg, buf, len, name);
    if (rc < 0) {
        nv_regstate_dispose(&tmp);
        reg->n_changes = n_changes;
        nv_arena_rollback(&reg->arena, mark);
        return rc;
    }
    nv_regstate_dispose(&reg->st);
    reg->st = tmp;
    return NETVET_OK;
}

static int overlay_buffer(void *reg, char *buf, size_t len,
                          const char *name, netvet_diag *diag)
{
    return netvet_registry_overlay_buffer(reg, buf, len, name, diag);
}

int netvet_registry_overlay_file(netvet_registry *reg, const char *path,
                                 netvet_diag *diag)
{
    if (!reg || !path)
        return NETVET_EINVAL;
    return nv_load_file(path, NV_REG_MAX_BYTES, overlay_buffer, reg, diag);
}
