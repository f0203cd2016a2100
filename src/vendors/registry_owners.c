/* SPDX-License-Identifier: Apache-2.0 */
/* Registry format 2 keys: owners (each stake with owner or state, share,
 * dates and source), categories from the fixed list, production countries,
 * kind and the source strings, each value checked and reported as
 * file:line. Owner ids are resolved and cycles rejected later, once the
 * whole file is read (ownership.c). */
#include <stdio.h>
#include <string.h>

#include "util/diag.h"
#include "util/yaml.h"
#include "vendors/registry_load.h"

enum { O_OWNER, O_STATE, O_SHARE, O_FROM, O_UNTIL, O_SOURCE, O_COUNT };
static const char *const owner_keys[O_COUNT] = {"owner", "state", "share",
                                                "from", "until", "source"};

static int valid_country(const char *s, size_t len)
{
    return len == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' &&
           s[1] <= 'Z';
}

/* One value of an owner mapping into *o. */
static int owner_value(nv_reg_loader *ld, const char *vid, int f,
                       const yaml_node_t *v, netvet_owner *o)
{
    char what[160], buf[72];
    const char *s;
    size_t len;
    snprintf(what, sizeof(what), "'%s' of an owner of '%s'", owner_keys[f],
             vid);
    int rc = nv_reg_get_scalar(ld, v, what, &s, &len);
    if (rc < 0)
        return rc;
    unsigned long line = nv_yaml_line(v);
    nv_reg_show(s, len, buf);
    if (f == O_OWNER && !nv_reg_valid_id(s, len))
        return nv_reg_fail(ld, line, "%s: '%s' is not a registry id", what,
                           buf);
    if (f == O_STATE && !valid_country(s, len))
        return nv_reg_fail(ld, line,
                           "%s: '%s' must be two uppercase letters (ISO "
                           "3166-1 alpha-2)",
                           what, buf);
    if (f == O_SHARE)
        return nv_reg_parse_share(s, len, &o->share)
                   ? NETVET_OK
                   : nv_reg_fail(ld, line,
                                 "%s: '%s' must be a percentage above 0 "
                                 "and at most 100",
                                 what, buf);
    if ((f == O_FROM || f == O_UNTIL) && !nv_reg_valid_date(s, len))
        return nv_reg_fail(ld, line, "%s: '%s' is not a valid YYYY-MM-DD date",
                           what, buf);
    if (f == O_SOURCE && len == 0)
        return nv_reg_fail(ld, line, "%s must not be empty", what);
    const char **dst = f == O_OWNER   ? &o->owner
                       : f == O_STATE ? &o->state
                       : f == O_FROM  ? &o->from
                       : f == O_UNTIL ? &o->until
                                      : &o->source;
    return nv_reg_copy(ld, s, len, dst);
}

/* Check what an owner mapping must have once all its keys are read. */
static int owner_complete(nv_reg_loader *ld, const char *vid,
                          unsigned long line, netvet_owner *o, unsigned seen)
{
    if (!o->owner == !o->state)
        return nv_reg_fail(
            ld, line,
            "an owner of '%s' needs exactly one of "
            "'owner' (a registry id) or 'state' (a country code)",
            vid);
    if (!(seen & (1u << O_SHARE)))
        return nv_reg_fail(ld, line, "an owner of '%s' has no 'share'", vid);
    if (!o->source)
        return nv_reg_fail(ld, line, "an owner of '%s' has no 'source'", vid);
    o->from_day = nv_reg_date_days(o->from, INT32_MIN);
    o->until_day = nv_reg_date_days(o->until, INT32_MAX);
    if (o->until_day <= o->from_day)
        return nv_reg_fail(ld, line,
                           "an owner of '%s' holds it until %s, not after "
                           "it starts (%s)",
                           vid, o->until, o->from);
    return NETVET_OK;
}

static int load_owner(nv_reg_loader *ld, const char *vid, const yaml_node_t *m,
                      netvet_owner *o)
{
    unsigned seen = 0;
    memset(o, 0, sizeof(*o));
    o->from = o->until = "";
    o->owner_index = -1;
    if (m->type != YAML_MAPPING_NODE)
        return nv_reg_fail(ld, nv_yaml_line(m),
                           "an owner of '%s' must be a "
                           "mapping",
                           vid);
    for (const yaml_node_pair_t *p = m->data.mapping.pairs.start;
         p < m->data.mapping.pairs.top; p++) {
        int f, rc;
        unsigned long kl;
        yaml_node_t *v;
        if ((rc = nv_reg_key_of(ld, p, owner_keys, O_COUNT, "an owner", &f,
                                &kl)) < 0)
            return rc;
        if (seen & (1u << f))
            return nv_reg_fail(ld, kl, "duplicate key '%s' in an owner of '%s'",
                               owner_keys[f], vid);
        seen |= 1u << f;
        if ((rc = nv_reg_get_node(ld, p->value, kl, &v)) < 0 ||
            (rc = owner_value(ld, vid, f, v, o)) < 0)
            return rc;
    }
    return owner_complete(ld, vid, nv_yaml_line(m), o, seen);
}

int nv_reg_load_owners(nv_reg_loader *ld, size_t vi, const yaml_node_t *n,
                       const char *what)
{
    netvet_owner o[NV_REG_MAX_OWNERS];
    unsigned long lines[NV_REG_MAX_OWNERS];
    size_t k = 0;
    const char *vid = ld->st->v[vi].pub.id;
    if (n->type != YAML_SEQUENCE_NODE)
        return nv_reg_fail(ld, nv_yaml_line(n), "%s must be a list of owners",
                           what);
    for (const yaml_node_item_t *it = n->data.sequence.items.start;
         it < n->data.sequence.items.top; it++, k++) {
        yaml_node_t *m;
        if (k == NV_REG_MAX_OWNERS) {
            nv_diag_fail(ld->diag, NETVET_ELIMIT, ld->file, nv_yaml_line(n),
                         0, "%s has more than %d owners", what,
                         NV_REG_MAX_OWNERS);
            return NETVET_ELIMIT;
        }
        int rc = nv_reg_get_node(ld, *it, nv_yaml_line(n), &m);
        if (rc == NETVET_OK)
            rc = load_owner(ld, vid, m, &o[k]);
        if (rc < 0)
            return rc;
        lines[k] = nv_yaml_line(m);
    }
    return nv_regstate_set_owners(ld->st, vi, o, lines, k);
}

/* A list of codes (production countries) or category names. */
int nv_reg_load_codes(nv_reg_loader *ld, size_t vi, const yaml_node_t *n,
                      const char *what, int categories)
{
    const char *items[NV_REG_MAX_PRODUCTION];
    size_t k = 0;
    char buf[72];
    if (n->type != YAML_SEQUENCE_NODE)
        return nv_reg_fail(ld, nv_yaml_line(n), "%s must be a list", what);
    for (const yaml_node_item_t *it = n->data.sequence.items.start;
         it < n->data.sequence.items.top; it++) {
        yaml_node_t *v;
        const char *s;
        size_t len, c = 0;
        int rc = nv_reg_get_node(ld, *it, nv_yaml_line(n), &v);
        if (rc == NETVET_OK)
            rc = nv_reg_get_scalar(ld, v, what, &s, &len);
        if (rc < 0)
            return rc;
        nv_reg_show(s, len, buf);
        if (categories) {
            while (c < NETVET_CATEGORY_COUNT &&
                   (strlen(netvet_category_name(c)) != len ||
                    memcmp(netvet_category_name(c), s, len)))
                c++;
            if (c == NETVET_CATEGORY_COUNT)
                return nv_reg_fail(ld, nv_yaml_line(v),
                                   "unknown category '%s' in "
                                   "%s (docs/registry-format.md lists them)",
                                   buf, what);
        } else if (!valid_country(s, len)) {
            return nv_reg_fail(ld, nv_yaml_line(v),
                               "'%s' in %s must be two "
                               "uppercase letters (ISO 3166-1 alpha-2)",
                               buf, what);
        }
        for (size_t j = 0; j < k; j++)
            if (strlen(items[j]) == len && !memcmp(items[j], s, len))
                return nv_reg_fail(ld, nv_yaml_line(v),
                                   "'%s' appears twice in %s", buf, what);
        if (k == NV_REG_MAX_PRODUCTION) {
            nv_diag_fail(ld->diag, NETVET_ELIMIT, ld->file, nv_yaml_line(v), 0,
                         "%s has more than %d items", what,
                         NV_REG_MAX_PRODUCTION);
            return NETVET_ELIMIT;
        }
        if (categories)
            items[k++] = netvet_category_name(c);
        else if ((rc = nv_reg_copy(ld, s, len, &items[k++])) < 0)
            return rc;
    }
    return categories ? nv_regstate_set_categories(ld->st, vi, items, k)
                      : nv_regstate_set_production(ld->st, vi, items, k);
}

int nv_reg_load_kind(nv_reg_loader *ld, size_t vi, const yaml_node_t *v,
                     const char *what)
{
    nv_vrec *r = &ld->st->v[vi];
    const char *s;
    size_t len;
    char buf[72];
    int rc = nv_reg_get_scalar(ld, v, what, &s, &len);
    if (rc < 0)
        return rc;
    if (len == 6 && !memcmp(s, "vendor", 6))
        r->pub.kind = NETVET_ENTRY_VENDOR;
    else if (len == 6 && !memcmp(s, "holder", 6))
        r->pub.kind = NETVET_ENTRY_HOLDER;
    else
        return nv_reg_fail(ld, nv_yaml_line(v),
                           "%s must be vendor or "
                           "holder, not '%s'",
                           what, nv_reg_show(s, len, buf));
    return NETVET_OK;
}

int nv_reg_load_source(nv_reg_loader *ld, const yaml_node_t *v,
                       const char *what, const char **dst)
{
    const char *s;
    size_t len;
    int rc = nv_reg_get_scalar(ld, v, what, &s, &len);
    if (rc < 0)
        return rc;
    if (len == 0)
        return nv_reg_fail(ld, nv_yaml_line(v), "%s must not be empty", what);
    return nv_reg_copy(ld, s, len, dst);
}
