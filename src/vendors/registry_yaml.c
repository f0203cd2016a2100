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

typedef struct loader {
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
} loader;

#define NV_REG_FORMAT_2 "netvet-registry/2"

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

__attribute__((format(printf, 3, 4))) static int
fail(loader *ld, unsigned long line, const char *fmt, ...)
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
static int get_node(loader *ld, int idx, unsigned long where, yaml_node_t **out)
{
    return nv_yaml_visit(&ld->doc, ld->seen, idx, where, ld->file, ld->diag,
                         out);
}

/* Scalar value of n as (s, len); `what` names it in errors. */
static int get_scalar(loader *ld, const yaml_node_t *n, const char *what,
                      const char **s, size_t *len)
{
    *s = "";
    *len = 0;
    if (n->type != YAML_SCALAR_NODE)
        return fail(ld, nv_yaml_line(n), "%s must be a string", what);
    *s = (const char *)n->data.scalar.value;
    *len = n->data.scalar.length;
    if (*len > NV_REG_MAX_VALUE) {
        nv_diag_fail(ld->diag, NETVET_ELIMIT, ld->file, nv_yaml_line(n), 0,
                     "%s is longer than %d bytes", what, NV_REG_MAX_VALUE);
        return NETVET_ELIMIT;
    }
    if (memchr(*s, '\0', *len))
        return fail(ld, nv_yaml_line(n), "%s contains a NUL byte", what);
    return NETVET_OK;
}

static int arena_copy(loader *ld, const char *s, size_t len, const char **out)
{
    *out = nv_arena_strndup(ld->arena, s, len);
    return *out ? NETVET_OK : NETVET_ENOMEM;
}

/* Index in `keys` of the key node of a mapping pair, or an error. */
static int key_of(loader *ld, const yaml_node_pair_t *p,
                  const char *const *keys, int n_keys, const char *where,
                  int *f_out, unsigned long *line_out)
{
    yaml_node_t *k;
    const char *s;
    size_t len;
    char buf[72];
    *f_out = 0;
    *line_out = 0;
    int rc = get_node(ld, p->key, 0, &k);
    if (rc == NETVET_OK)
        rc = get_scalar(ld, k, "a mapping key", &s, &len);
    if (rc < 0)
        return rc;
    *line_out = nv_yaml_line(k);
    for (int f = 0; f < n_keys; f++) {
        if (strlen(keys[f]) == len && memcmp(keys[f], s, len) == 0) {
            *f_out = f;
            return NETVET_OK;
        }
    }
    return fail(ld, nv_yaml_line(k), "unknown key '%s' in %s",
                nv_reg_show(s, len, buf), where);
}

/* The pair of mapping m whose key is the scalar "id" (not yet visited). */
static const yaml_node_pair_t *find_id_pair(loader *ld, const yaml_node_t *m)
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
static int read_id(loader *ld, const yaml_node_t *m, const char *what,
                   const char **s, size_t *len)
{
    const yaml_node_pair_t *p = find_id_pair(ld, m);
    yaml_node_t *k = NULL, *v = NULL;
    char buf[72];
    *s = "";
    *len = 0;
    if (!p)
        return fail(ld, nv_yaml_line(m), "%s has no 'id'", what);
    int rc = get_node(ld, p->key, nv_yaml_line(m), &k);
    if (rc == NETVET_OK)
        rc = get_node(ld, p->value, nv_yaml_line(k), &v);
    if (rc == NETVET_OK)
        rc = get_scalar(ld, v, "'id'", s, len);
    if (rc < 0)
        return rc;
    if (!nv_reg_valid_id(*s, *len))
        return fail(ld, nv_yaml_line(v), "id '%s' must be 1 to %d lowercase "
                    "letters, digits, '-' or '_', starting with a letter or "
                    "digit", nv_reg_show(*s, *len, buf), NV_REG_MAX_ID);
    return NETVET_OK;
}

/* Call fn(ld, ctx, f, value) for each pair of mapping m but its "id"
 * (read first by read_id): f indexes `keys`, whose entry 0 is "id". */
typedef int (*field_fn)(loader *ld, void *ctx, int f, const yaml_node_t *v);

static int each_field(loader *ld, const yaml_node_t *m,
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
        if ((rc = key_of(ld, p, keys, n_keys, where, &f, &kl)) < 0)
            return rc;
        if (seen & (1u << f))
            return fail(ld, kl, "duplicate key '%s' in %s", keys[f], where);
        seen |= 1u << f;
        if ((rc = get_node(ld, p->value, kl, &v)) < 0 ||
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

static int listing_field(loader *ld, void *ctx, int f, const yaml_node_t *v)
{
    listing_ctx *c = ctx;
    char what[256], buf[72];
    const char *s;
    size_t len;
    snprintf(what, sizeof(what), "'%s' of %s", listing_keys[f], c->where);
    int rc = get_scalar(ld, v, what, &s, &len);
    if (rc < 0)
        return rc;
    if (f == L_UNTIL && ld->format < 2)
        return fail(ld, nv_yaml_line(v), "'until' of %s needs 'format: "
                    NV_REG_FORMAT_2 "' at the top of the file", c->where);
    if ((f == L_DATE || f == L_UNTIL) && !nv_reg_valid_date(s, len))
        return fail(ld, nv_yaml_line(v), "%s '%s' of %s is not a valid "
                    "YYYY-MM-DD date", listing_keys[f],
                    nv_reg_show(s, len, buf), c->where);
    if (f == L_SOURCE && len == 0)
        return fail(ld, nv_yaml_line(v), "%s must not be empty", what);
    if (f == L_UNTIL)
        c->until_line = nv_yaml_line(v);
    const char **dst = f == L_DATE     ? &c->l.date
                       : f == L_SOURCE ? &c->l.source
                       : f == L_UNTIL  ? &c->l.until
                                       : &c->l.note;
    return arena_copy(ld, s, len, dst);
}

static int load_listing(loader *ld, size_t vi, const yaml_node_t *m)
{
    listing_ctx c = {{NULL, "", NULL, "", ""}, "", 0};
    const char *vid = ld->st->v[vi].pub.id, *s;
    size_t len;
    snprintf(c.where, sizeof(c.where), "listing of vendor '%s'", vid);
    if (m->type != YAML_MAPPING_NODE)
        return fail(ld, nv_yaml_line(m), "%s must be a mapping", c.where);
    int rc = read_id(ld, m, c.where, &s, &len);
    if (rc == NETVET_OK)
        rc = arena_copy(ld, s, len, &c.l.id);
    if (rc < 0)
        return rc;
    snprintf(c.where, sizeof(c.where), "listing '%.*s' of vendor '%s'",
             (int)len, s, vid);
    rc = each_field(ld, m, listing_keys, L_COUNT, c.where, listing_field, &c);
    if (rc == NETVET_OK && !c.l.source)
        rc = fail(ld, nv_yaml_line(m), "%s has no 'source'", c.where);
    if (rc == NETVET_OK && c.l.date[0] && c.l.until[0] &&
        strcmp(c.l.until, c.l.date) <= 0)
        rc = fail(ld, c.until_line, "%s ends (%s) before it starts (%s)",
                  c.where, c.l.until, c.l.date);
    return rc < 0 ? rc : nv_regstate_add_listing(ld->st, vi, &c.l);
}

/* ---- vendor fields -------------------------------------------------- */

/* Visit every item of sequence n ("'what' of vendor 'id'") with fn. */
static int each_item(loader *ld, size_t vi, const yaml_node_t *n,
                     const char *what, const char *kind,
                     int (*fn)(loader *, size_t, const yaml_node_t *))
{
    if (n->type != YAML_SEQUENCE_NODE)
        return fail(ld, nv_yaml_line(n), "%s must be a list of %s", what, kind);
    for (const yaml_node_item_t *it = n->data.sequence.items.start;
         it < n->data.sequence.items.top; it++) {
        yaml_node_t *item;
        int rc = get_node(ld, *it, nv_yaml_line(n), &item);
        if (rc == NETVET_OK)
            rc = fn(ld, vi, item);
        if (rc < 0)
            return rc;
    }
    return NETVET_OK;
}

static int add_alias(loader *ld, size_t vi, const yaml_node_t *n)
{
    char what[120];
    const char *s, *copy;
    size_t len;
    snprintf(what, sizeof(what), "alias of vendor '%s'", ld->st->v[vi].pub.id);
    int rc = get_scalar(ld, n, what, &s, &len);
    if (rc == NETVET_OK && len == 0)
        rc = fail(ld, nv_yaml_line(n), "%s must not be empty", what);
    if (rc == NETVET_OK)
        rc = arena_copy(ld, s, len, &copy);
    if (rc == NETVET_OK)
        rc = nv_regstate_add_alias(ld->st, vi, copy, nv_yaml_line(n));
    return rc;
}

static int add_pen(loader *ld, size_t vi, const yaml_node_t *n)
{
    char what[120], buf[72];
    const char *s, *vid = ld->st->v[vi].pub.id;
    size_t len;
    uint32_t pen;
    int32_t owner;
    snprintf(what, sizeof(what), "pen of vendor '%s'", vid);
    int rc = get_scalar(ld, n, what, &s, &len);
    if (rc < 0)
        return rc;
    if (!nv_reg_parse_pen(s, len, &pen))
        return fail(ld, nv_yaml_line(n), "pen '%s' of vendor '%s' is not an "
                    "enterprise number (1 to 4294967295)",
                    nv_reg_show(s, len, buf), vid);
    rc = nv_regstate_add_pen(ld->st, vi, pen, &owner);
    if (rc == 1)
        return fail(ld, nv_yaml_line(n), "pen %lu of vendor '%s' already belongs "
                    "to vendor '%s'", (unsigned long)pen, vid,
                    ld->st->v[owner].pub.id);
    return rc;
}

static int add_listing(loader *ld, size_t vi, const yaml_node_t *n)
{
    return load_listing(ld, vi, n);
}

/* ---- format 2: owners, categories, production ------------------------ */

enum { O_OWNER, O_STATE, O_SHARE, O_FROM, O_UNTIL, O_SOURCE, O_COUNT };
static const char *const owner_keys[O_COUNT] = {"owner", "state", "share",
                                                "from", "until", "source"};

static int valid_country(const char *s, size_t len)
{
    return len == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' &&
           s[1] <= 'Z';
}

/* One value of an owner mapping into *o. */
static int owner_value(loader *ld, const char *vid, int f,
                       const yaml_node_t *v, netvet_owner *o)
{
    char what[160], buf[72];
    const char *s;
    size_t len;
    snprintf(what, sizeof(what), "'%s' of an owner of '%s'", owner_keys[f],
             vid);
    int rc = get_scalar(ld, v, what, &s, &len);
    if (rc < 0)
        return rc;
    unsigned long line = nv_yaml_line(v);
    nv_reg_show(s, len, buf);
    if (f == O_OWNER && !nv_reg_valid_id(s, len))
        return fail(ld, line, "%s: '%s' is not a registry id", what, buf);
    if (f == O_STATE && !valid_country(s, len))
        return fail(ld, line, "%s: '%s' must be two uppercase letters (ISO "
                    "3166-1 alpha-2)", what, buf);
    if (f == O_SHARE)
        return nv_reg_parse_share(s, len, &o->share)
                   ? NETVET_OK
                   : fail(ld, line, "%s: '%s' must be a percentage above 0 "
                          "and at most 100", what, buf);
    if ((f == O_FROM || f == O_UNTIL) && !nv_reg_valid_date(s, len))
        return fail(ld, line, "%s: '%s' is not a valid YYYY-MM-DD date",
                    what, buf);
    if (f == O_SOURCE && len == 0)
        return fail(ld, line, "%s must not be empty", what);
    const char **dst = f == O_OWNER  ? &o->owner
                       : f == O_STATE ? &o->state
                       : f == O_FROM  ? &o->from
                       : f == O_UNTIL ? &o->until
                                      : &o->source;
    return arena_copy(ld, s, len, dst);
}

/* Check what an owner mapping must have once all its keys are read. */
static int owner_complete(loader *ld, const char *vid, unsigned long line,
                          netvet_owner *o, unsigned seen)
{
    if (!o->owner == !o->state)
        return fail(ld, line, "an owner of '%s' needs exactly one of "
                    "'owner' (a registry id) or 'state' (a country code)",
                    vid);
    if (!(seen & (1u << O_SHARE)))
        return fail(ld, line, "an owner of '%s' has no 'share'", vid);
    if (!o->source)
        return fail(ld, line, "an owner of '%s' has no 'source'", vid);
    o->from_day = nv_reg_date_days(o->from, INT32_MIN);
    o->until_day = nv_reg_date_days(o->until, INT32_MAX);
    if (o->until_day <= o->from_day)
        return fail(ld, line, "an owner of '%s' holds it until %s, not after "
                    "it starts (%s)", vid, o->until, o->from);
    return NETVET_OK;
}

static int load_owner(loader *ld, const char *vid, const yaml_node_t *m,
                      netvet_owner *o)
{
    unsigned seen = 0;
    memset(o, 0, sizeof(*o));
    o->from = o->until = "";
    o->owner_index = -1;
    if (m->type != YAML_MAPPING_NODE)
        return fail(ld, nv_yaml_line(m), "an owner of '%s' must be a "
                    "mapping", vid);
    for (const yaml_node_pair_t *p = m->data.mapping.pairs.start;
         p < m->data.mapping.pairs.top; p++) {
        int f, rc;
        unsigned long kl;
        yaml_node_t *v;
        if ((rc = key_of(ld, p, owner_keys, O_COUNT, "an owner", &f, &kl)) < 0)
            return rc;
        if (seen & (1u << f))
            return fail(ld, kl, "duplicate key '%s' in an owner of '%s'",
                        owner_keys[f], vid);
        seen |= 1u << f;
        if ((rc = get_node(ld, p->value, kl, &v)) < 0 ||
            (rc = owner_value(ld, vid, f, v, o)) < 0)
            return rc;
    }
    return owner_complete(ld, vid, nv_yaml_line(m), o, seen);
}

static int load_owners(loader *ld, size_t vi, const yaml_node_t *n,
                       const char *what)
{
    netvet_owner o[NV_REG_MAX_OWNERS];
    unsigned long lines[NV_REG_MAX_OWNERS];
    size_t k = 0;
    const char *vid = ld->st->v[vi].pub.id;
    if (n->type != YAML_SEQUENCE_NODE)
        return fail(ld, nv_yaml_line(n), "%s must be a list of owners", what);
    for (const yaml_node_item_t *it = n->data.sequence.items.start;
         it < n->data.sequence.items.top; it++, k++) {
        yaml_node_t *m;
        if (k == NV_REG_MAX_OWNERS) {
            nv_diag_fail(ld->diag, NETVET_ELIMIT, ld->file, nv_yaml_line(n),
                         0, "%s has more than %d owners", what,
                         NV_REG_MAX_OWNERS);
            return NETVET_ELIMIT;
        }
        int rc = get_node(ld, *it, nv_yaml_line(n), &m);
        if (rc == NETVET_OK)
            rc = load_owner(ld, vid, m, &o[k]);
        if (rc < 0)
            return rc;
        lines[k] = nv_yaml_line(m);
    }
    return nv_regstate_set_owners(ld->st, vi, o, lines, k);
}

/* A list of codes (production countries) or category names. */
static int load_code_list(loader *ld, size_t vi, const yaml_node_t *n,
                          const char *what, int categories)
{
    const char *items[NV_REG_MAX_PRODUCTION];
    size_t k = 0;
    char buf[72];
    if (n->type != YAML_SEQUENCE_NODE)
        return fail(ld, nv_yaml_line(n), "%s must be a list", what);
    for (const yaml_node_item_t *it = n->data.sequence.items.start;
         it < n->data.sequence.items.top; it++) {
        yaml_node_t *v;
        const char *s;
        size_t len, c = 0;
        int rc = get_node(ld, *it, nv_yaml_line(n), &v);
        if (rc == NETVET_OK)
            rc = get_scalar(ld, v, what, &s, &len);
        if (rc < 0)
            return rc;
        nv_reg_show(s, len, buf);
        if (categories) {
            while (c < NETVET_CATEGORY_COUNT &&
                   (strlen(netvet_category_name(c)) != len ||
                    memcmp(netvet_category_name(c), s, len)))
                c++;
            if (c == NETVET_CATEGORY_COUNT)
                return fail(ld, nv_yaml_line(v), "unknown category '%s' in "
                            "%s (docs/registry-format.md lists them)", buf,
                            what);
        } else if (!valid_country(s, len)) {
            return fail(ld, nv_yaml_line(v), "'%s' in %s must be two "
                        "uppercase letters (ISO 3166-1 alpha-2)", buf, what);
        }
        for (size_t j = 0; j < k; j++)
            if (strlen(items[j]) == len && !memcmp(items[j], s, len))
                return fail(ld, nv_yaml_line(v), "'%s' appears twice in %s",
                            buf, what);
        if (k == NV_REG_MAX_PRODUCTION) {
            nv_diag_fail(ld->diag, NETVET_ELIMIT, ld->file, nv_yaml_line(v),
                         0, "%s has more than %d items", what,
                         NV_REG_MAX_PRODUCTION);
            return NETVET_ELIMIT;
        }
        if (categories)
            items[k++] = netvet_category_name(c);
        else if ((rc = arena_copy(ld, s, len, &items[k++])) < 0)
            return rc;
    }
    return categories ? nv_regstate_set_categories(ld->st, vi, items, k)
                      : nv_regstate_set_production(ld->st, vi, items, k);
}

/* kind, country_source, production_source. */
static int v2_scalar(loader *ld, size_t vi, int f, const yaml_node_t *v,
                     const char *what)
{
    nv_vrec *r = &ld->st->v[vi];
    const char *s;
    size_t len;
    char buf[72];
    int rc = get_scalar(ld, v, what, &s, &len);
    if (rc < 0)
        return rc;
    if (f == V_KIND) {
        if (len == 6 && !memcmp(s, "vendor", 6))
            r->pub.kind = NETVET_ENTRY_VENDOR;
        else if (len == 6 && !memcmp(s, "holder", 6))
            r->pub.kind = NETVET_ENTRY_HOLDER;
        else
            return fail(ld, nv_yaml_line(v), "%s must be vendor or holder, "
                        "not '%s'", what, nv_reg_show(s, len, buf));
        return NETVET_OK;
    }
    if (len == 0)
        return fail(ld, nv_yaml_line(v), "%s must not be empty", what);
    return arena_copy(ld, s, len, f == V_COUNTRY_SOURCE
                                      ? &r->pub.country_source
                                      : &r->pub.production_source);
}

/* A scalar vendor field: name, parent, country, state_control, note. */
static int scalar_field(loader *ld, size_t vi, int f, const yaml_node_t *v,
                        const char *what)
{
    nv_vrec *r = &ld->st->v[vi];
    const char *s;
    size_t len;
    char buf[72];
    int rc = get_scalar(ld, v, what, &s, &len);
    if (rc < 0)
        return rc;
    nv_reg_show(s, len, buf);
    if (f == V_NAME && len == 0)
        return fail(ld, nv_yaml_line(v), "%s must not be empty", what);
    if (f == V_PARENT && len > 0 && !nv_reg_valid_id(s, len))
        return fail(ld, nv_yaml_line(v), "parent '%s' of vendor '%s' is not a "
                    "vendor id", buf, r->pub.id);
    if (f == V_COUNTRY &&
        (len != 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z'))
        return fail(ld, nv_yaml_line(v), "country '%s' of vendor '%s' must be two "
                    "uppercase letters (ISO 3166-1 alpha-2)", buf, r->pub.id);
    if (f == V_STATE) {
        for (int k = 0; k < 3; k++) {
            if (strlen(state_names[k]) == len &&
                memcmp(state_names[k], s, len) == 0) {
                r->pub.state_control = (netvet_state_control)k;
                return NETVET_OK;
            }
        }
        return fail(ld, nv_yaml_line(v), "state_control '%s' of vendor '%s' must "
                    "be none, influence or owned", buf, r->pub.id);
    }
    const char **dst = f == V_NAME      ? &r->pub.name
                       : f == V_PARENT  ? &r->parent_id
                       : f == V_COUNTRY ? &r->pub.country
                                        : &r->pub.note;
    if (f == V_NAME)
        r->name_line = nv_yaml_line(v);
    if (f == V_PARENT)
        r->parent_line = nv_yaml_line(v);
    return arena_copy(ld, s, len, dst);
}

static int vendor_field(loader *ld, void *ctx, int f, const yaml_node_t *v)
{
    size_t vi = *(const size_t *)ctx;
    char what[120];
    snprintf(what, sizeof(what), "'%s' of vendor '%s'", vendor_keys[f],
             ld->st->v[vi].pub.id);
    if (f >= V_V2 && ld->format < 2)
        return fail(ld, nv_yaml_line(v), "%s needs 'format: " NV_REG_FORMAT_2
                    "' at the top of the file", what);
    switch (f) {
    case V_OWNERS:
        return load_owners(ld, vi, v, what);
    case V_CATEGORIES:
    case V_PRODUCTION:
        return load_code_list(ld, vi, v, what, f == V_CATEGORIES);
    case V_KIND:
    case V_COUNTRY_SOURCE:
    case V_PRODUCTION_SOURCE:
        return v2_scalar(ld, vi, f, v, what);
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
static int entry_vendor(loader *ld, const yaml_node_t *m, size_t *vi_out)
{
    const char *s, *copy;
    size_t len;
    int rc = read_id(ld, m, "vendor entry", &s, &len);
    if (rc < 0)
        return rc;
    int64_t vi = nv_strtab_find(&ld->st->ids, s, len);
    if (vi >= 0 && ld->st->v[vi].line)
        return fail(ld, nv_yaml_line(m), "duplicate vendor id '%s' (first at line "
                    "%lu)", ld->st->v[vi].pub.id, ld->st->v[vi].line);
    if (vi < 0) {
        if ((rc = arena_copy(ld, s, len, &copy)) < 0 ||
            (rc = nv_regstate_add(ld->st, copy)) < 0)
            return rc;
        vi = rc;
        ld->st->v[vi].id_line = nv_yaml_line(m);
    }
    ld->st->v[vi].line = nv_yaml_line(m);
    *vi_out = (size_t)vi;
    return NETVET_OK;
}

static int load_vendor(loader *ld, const yaml_node_t *m)
{
    size_t vi = 0;
    if (m->type != YAML_MAPPING_NODE)
        return fail(ld, nv_yaml_line(m), "vendor entry must be a mapping");
    int rc = entry_vendor(ld, m, &vi);
    if (rc < 0)
        return rc;
    char where[120];
    snprintf(where, sizeof(where), "vendor '%s'", ld->st->v[vi].pub.id);
    rc = each_field(ld, m, vendor_keys, V_COUNT, where, vendor_field, &vi);
    const nv_vrec *r = &ld->st->v[vi];
    if (rc == NETVET_OK && r->id_line && !r->pub.name)
        rc = fail(ld, nv_yaml_line(m), "new vendor '%s' has no 'name'", r->pub.id);
    if (rc == NETVET_OK && r->id_line && !r->pub.country)
        rc = fail(ld, nv_yaml_line(m), "new vendor '%s' has no 'country'",
                  r->pub.id);
    if (rc == NETVET_OK && r->pub.n_production && !r->pub.production_source[0])
        rc = fail(ld, nv_yaml_line(m), "vendor '%s' gives 'production' "
                  "without 'production_source'", r->pub.id);
    ld->st->v[vi].format = ld->format;
    return rc;
}

/* `format:` comes at most once and names a known format. */
static int read_format(loader *ld, const yaml_node_t *v, unsigned long kl)
{
    const char *s;
    size_t len;
    char buf[72];
    int rc = get_scalar(ld, v, "'format'", &s, &len);
    if (rc < 0)
        return rc;
    if (ld->format_line)
        return fail(ld, kl, "duplicate key 'format'");
    ld->format_line = kl;
    if (len == 17 && !memcmp(s, "netvet-registry/1", 17))
        ld->format = 1;
    else if (len == 17 && !memcmp(s, NV_REG_FORMAT_2, 17))
        ld->format = 2;
    else
        return fail(ld, nv_yaml_line(v), "unknown registry format '%s' "
                    "(expected netvet-registry/1 or " NV_REG_FORMAT_2 ")",
                    nv_reg_show(s, len, buf));
    return NETVET_OK;
}

static int load_root(loader *ld)
{
    yaml_node_t *root = yaml_document_get_root_node(&ld->doc), *vendors = NULL;
    if (!root)
        return fail(ld, 0, "empty registry: expected a mapping with key "
                    "'vendors'");
    ld->seen[0] = 1;
    if (root->type != YAML_MAPPING_NODE)
        return fail(ld, nv_yaml_line(root), "top level must be a mapping with key "
                    "'vendors'");
    static const char *const top_keys[] = {"vendors", "format"};
    for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
         p < root->data.mapping.pairs.top; p++) {
        int f, rc;
        unsigned long kl;
        yaml_node_t *v;
        if ((rc = key_of(ld, p, top_keys, 2, "the top level", &f, &kl)) < 0)
            return rc;
        if (f == 0 && vendors)
            return fail(ld, kl, "duplicate key 'vendors'");
        if ((rc = get_node(ld, p->value, kl, &v)) < 0)
            return rc;
        if (f == 0)
            vendors = v;
        else if ((rc = read_format(ld, v, kl)) < 0)
            return rc;
    }
    if (!vendors)
        return fail(ld, nv_yaml_line(root), "missing key 'vendors'");
    if (vendors->type != YAML_SEQUENCE_NODE)
        return fail(ld, nv_yaml_line(vendors), "'vendors' must be a list of "
                    "vendor entries");
    for (yaml_node_item_t *it = vendors->data.sequence.items.start;
         it < vendors->data.sequence.items.top; it++) {
        yaml_node_t *m;
        int rc = get_node(ld, *it, nv_yaml_line(vendors), &m);
        if (rc == NETVET_OK)
            rc = load_vendor(ld, m);
        if (rc < 0)
            return rc;
    }
    return NETVET_OK;
}

static int load_text(loader *ld)
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
    loader ld = {.buf = buf ? buf : "", .len = len, .file = name,
                 .diag = diag, .st = &tmp, .arena = &reg->arena,
                 .format = 1};
    rc = load_text(&ld);
    if (rc == NETVET_OK)
        rc = nv_regstate_finish(&tmp, name, diag);
    if (rc == NETVET_OK && reg->n_builtin)
        rc = nv_registry_note_changes(reg, &reg->st, &tmp, name);
    if (rc == NETVET_OK && strcmp(name, NV_BUILTIN_REGISTRY_NAME))
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
