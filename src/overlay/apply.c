/* SPDX-License-Identifier: Apache-2.0 */
/* Apply a scenario's changes to an overlay, in order: set attributes on the
 * elements a filter selects, replace one vendor by another, remove
 * elements (their links stop counting with them), add elements and links.
 * Every reference is checked first, so a change either applies whole or
 * fails with file:line. A new vendor means new equipment: the element's
 * evidence columns (MAC, sysObjectID, ...) are cleared, so the declared
 * vendor is what gets assessed. */
#include <string.h>

#include "overlay/overlay.h"
#include "util/alloc.h"
#include "util/diag.h"

/* ---- writing one element's attributes ---- */

static int put_str(netvet_overlay *ov, enum nv_ov_col c, size_t k,
                   const char *s)
{
    uint32_t id;
    int rc = nv_ov_own(ov, c);
    if (rc == 0)
        rc = nv_ov_intern(ov, s, &id);
    if (rc == 0)
        ((uint32_t *)*nv_ov_col_ptr(&ov->inv, c))[k] = id;
    return rc;
}

static int clear_evidence(netvet_overlay *ov, size_t k)
{
    static const enum nv_ov_col ev[] = {NV_COL_MAC, NV_COL_SYS_OBJECT_ID,
                                        NV_COL_SYS_DESCR, NV_COL_LLDP_DESCR,
                                        NV_COL_CPE};
    for (size_t i = 0; i < sizeof(ev) / sizeof(ev[0]); i++) {
        uint32_t **col = (uint32_t **)nv_ov_col_ptr(&ov->inv, ev[i]);
        if (!*col || (*col)[k] == 0)
            continue;
        if (nv_ov_own(ov, ev[i]) < 0)
            return NETVET_ENOMEM;
        (*col)[k] = 0;
    }
    return 0;
}

static int put_scalar(netvet_overlay *ov, enum nv_ov_col c, size_t k,
                      const nv_attrs *a)
{
    int rc = nv_ov_own(ov, c);
    if (rc < 0)
        return rc;
    void *col = *nv_ov_col_ptr(&ov->inv, c);
    switch (c) {
    case NV_COL_WEIGHT: ((double *)col)[k] = a->weight; break;
    case NV_COL_STATUS: ((uint8_t *)col)[k] = a->status; break;
    case NV_COL_INSTALLED: ((int32_t *)col)[k] = a->installed; break;
    default: ((uint8_t *)col)[k] = a->function; break;
    }
    return 0;
}

/* Write every attribute a has onto element k. */
static int put_attrs(netvet_overlay *ov, size_t k, const nv_attrs *a)
{
    static const enum nv_ov_col str_col[NV_ATTR_COUNT] = {
        [NV_ATTR_VENDOR] = NV_COL_VENDOR, [NV_ATTR_SITE] = NV_COL_SITE,
        [NV_ATTR_REGION] = NV_COL_REGION};
    int rc = 0;
    for (int i = 0; rc == 0 && i < NV_ATTR_COUNT; i++) {
        if (!(a->has & (1u << i)))
            continue;
        switch ((enum nv_attr)i) {
        case NV_ATTR_FUNCTION:
            rc = put_scalar(ov, NV_COL_FUNCTION, k, a);
            break;
        case NV_ATTR_WEIGHT: rc = put_scalar(ov, NV_COL_WEIGHT, k, a); break;
        case NV_ATTR_STATUS: rc = put_scalar(ov, NV_COL_STATUS, k, a); break;
        case NV_ATTR_INSTALLED:
            rc = put_scalar(ov, NV_COL_INSTALLED, k, a);
            break;
        case NV_ATTR_TAGS: break; /* new elements only (append_element) */
        case NV_ATTR_NAME:
        case NV_ATTR_MODEL:
        case NV_ATTR_SOFTWARE: break; /* not kept (inv.h) */
        default:
            rc = put_str(ov, str_col[i], k, a->text[i]);
            if (rc == 0 && i == NV_ATTR_VENDOR)
                rc = clear_evidence(ov, k);
        }
    }
    return rc;
}

/* ---- the change log ---- */

static int log_change(netvet_overlay *ov, const nv_change *c, nv_text *t,
                      size_t elements, size_t links)
{
    if (t->oom || NV_GROW(ov->log, ov->log_cap, ov->n_log + 1) < 0) {
        nv_text_dispose(t); /* what was written before memory ran out */
        return NETVET_ENOMEM;
    }
    nv_ov_log *l = &ov->log[ov->n_log++];
    l->line = c->line;
    l->kind = c->kind;
    l->summary = t->s ? t->s : nv_strdup("");
    l->elements = elements;
    l->links = links;
    memset(t, 0, sizeof(*t)); /* handed over */
    return l->summary ? 0 : NETVET_ENOMEM;
}

static void add_where(nv_text *t, const nv_change *c)
{
    if (!c->has_where)
        return;
    nv_text w = {0};
    nv_ov_describe_filter(&w, &c->where);
    nv_text_add(t, "%swhere %s", t->len ? "; " : "", w.s ? w.s : "");
    t->oom |= w.oom;
    nv_text_dispose(&w);
}

/* ---- set / replace / remove ---- */

static int apply_set(netvet_overlay *ov, const netvet_scenario *s,
                     const nv_change *c, netvet_diag *diag)
{
    int32_t root;
    int rc = 0;
    if (c->set.has & (1u << NV_ATTR_VENDOR))
        rc = nv_ov_resolve_vendor(ov, c->set.text[NV_ATTR_VENDOR], s->file,
                                  c->set.line[NV_ATTR_VENDOR], diag, &root);
    uint32_t *els = NULL;
    size_t n = 0;
    if (rc == 0)
        rc = nv_ov_match(ov, &c->where, -1, s->file, diag, &els, &n);
    for (size_t i = 0; rc == 0 && i < n; i++)
        if ((rc = put_attrs(ov, els[i], &c->set)) == 0)
            rc = nv_ov_mark(ov, els[i], 0);
    nv_free(els);
    if (rc < 0)
        return rc;
    nv_text t = {0};
    for (int i = 0; i < NV_ATTR_COUNT; i++) {
        if (!(c->set.has & (1u << i)))
            continue;
        if (i == NV_ATTR_WEIGHT)
            nv_text_add(&t, "%sweight=%g", t.len ? ", " : "", c->set.weight);
        else
            nv_text_add(&t, "%s%s=%s", t.len ? ", " : "", nv_attr_name(i),
                        c->set.text[i]);
    }
    add_where(&t, c);
    return log_change(ov, c, &t, n, 0);
}

static int apply_replace(netvet_overlay *ov, const netvet_scenario *s,
                         const nv_change *c, netvet_diag *diag)
{
    int32_t from, to;
    int rc = nv_ov_resolve_vendor(ov, c->from, s->file, c->from_line, diag,
                                  &from);
    if (rc == 0)
        rc = nv_ov_resolve_vendor(ov, c->to, s->file, c->to_line, diag, &to);
    if (rc == 0 && from == to)
        rc = nv_diag_fail(diag, NETVET_EPARSE, s->file, c->to_line, 0,
                          "'%s' and '%s' are the same vendor", c->from,
                          c->to);
    if (rc < 0)
        return rc;
    nv_filter all = {0};
    all.line = c->line;
    uint32_t *els = NULL;
    size_t n = 0;
    rc = nv_ov_match(ov, c->has_where ? &c->where : &all, from, s->file,
                     diag, &els, &n);
    nv_attrs a = {0};
    a.has = 1u << NV_ATTR_VENDOR;
    a.text[NV_ATTR_VENDOR] = c->to;
    for (size_t i = 0; rc == 0 && i < n; i++)
        if ((rc = put_attrs(ov, els[i], &a)) == 0)
            rc = nv_ov_mark(ov, els[i], 0);
    nv_free(els);
    if (rc < 0)
        return rc;
    nv_text t = {0};
    nv_text_add(&t, "%s -> %s", c->from, c->to);
    add_where(&t, c);
    return log_change(ov, c, &t, n, 0);
}

static int apply_remove(netvet_overlay *ov, const netvet_scenario *s,
                        const nv_change *c, netvet_diag *diag)
{
    uint32_t *els = NULL;
    size_t n = 0;
    int rc = nv_ov_match(ov, &c->where, -1, s->file, diag, &els, &n);
    if (rc == 0)
        rc = nv_ov_own(ov, NV_COL_STATUS);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        ov->inv.status[els[i]] = NV_STATUS_DECOMMISSIONED;
        rc = nv_ov_mark(ov, els[i], 1);
    }
    nv_free(els);
    if (rc < 0)
        return rc;
    nv_text t = {0};
    nv_ov_describe_filter(&t, &c->where);
    return log_change(ov, c, &t, n, 0);
}

/* ---- add ---- */

/* New ids unused and unique; vendors known; link ends present. */
static int check_add(netvet_overlay *ov, const netvet_scenario *s,
                     const nv_change *c, netvet_diag *diag)
{
    for (size_t i = 0; i < c->n_elements; i++) {
        const nv_new_element *e = &c->elements[i];
        int32_t root;
        if (nv_ov_find(ov, e->id) >= 0)
            return nv_diag_fail(diag, NETVET_EPARSE, s->file, e->line, 0,
                                "id '%s' already exists", e->id);
        for (size_t j = 0; j < i; j++)
            if (!strcmp(c->elements[j].id, e->id))
                return nv_diag_fail(diag, NETVET_EPARSE, s->file, e->line, 0,
                                    "id '%s' is added twice (first at line "
                                    "%lu)", e->id, c->elements[j].line);
        int rc = nv_ov_resolve_vendor(ov, e->attrs.text[NV_ATTR_VENDOR],
                                      s->file, e->attrs.line[NV_ATTR_VENDOR],
                                      diag, &root);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/* Element index of a link end: an existing element or one this change
 * adds (those are appended before the links). */
static int link_end(netvet_overlay *ov, const netvet_scenario *s,
                    const char *id, unsigned long line, netvet_diag *diag,
                    uint32_t *k)
{
    int64_t at = nv_ov_find(ov, id);
    if (at < 0 || (ov->removed && ov->removed[at]))
        return nv_diag_fail(diag, NETVET_EPARSE, s->file, line, 0,
                            at < 0 ? "link end '%s' is not an element"
                                   : "link end '%s' was removed by an "
                                     "earlier change", id);
    *k = (uint32_t)at;
    return 0;
}

static int append_tags(netvet_overlay *ov, const nv_strlist *tags)
{
    netvet_inventory *inv = &ov->inv;
    int rc = nv_ov_own_tags(ov, tags->n);
    for (size_t i = 0; rc == 0 && i < tags->n; i++) {
        uint32_t id;
        if ((rc = nv_ov_intern(ov, tags->items[i], &id)) == 0)
            inv->tags[inv->n_tags++] = id;
    }
    return rc;
}

static int append_element(netvet_overlay *ov, const nv_new_element *e)
{
    netvet_inventory *inv = &ov->inv;
    size_t k = inv->n;
    int rc = nv_ov_append_id(ov, e->id);
    if (rc < 0)
        return rc;
    for (int c = 0; c < NV_COL_ELEMENT_END; c++) {
        void *col = *nv_ov_col_ptr(inv, (enum nv_ov_col)c);
        if (!col)
            continue;
        size_t size = c == NV_COL_FUNCTION || c == NV_COL_STATUS ? 1
                      : c == NV_COL_WEIGHT ? 8 : 4;
        memset((char *)col + k * size, 0, size);
        if (c == NV_COL_INSTALLED)
            ((int32_t *)col)[k] = NV_NO_DATE;
    }
    for (size_t i = 0; i < inv->n_attrs; i++)
        inv->attrs[i].value[k] = 0;
    inv->n++;
    inv->tag_off[inv->n] = inv->tag_off[k];
    rc = append_tags(ov, &e->attrs.tags);
    inv->tag_off[inv->n] = (uint32_t)inv->n_tags;
    return rc ? rc : put_attrs(ov, k, &e->attrs);
}

/* A new link's kind and capacity were checked by the scenario parser and
 * are not kept, as the loader keeps none (inv.h). */
static void append_link(netvet_overlay *ov, uint32_t a, uint32_t b)
{
    netvet_inventory *inv = &ov->inv;
    inv->link_a[inv->n_links] = a;
    inv->link_b[inv->n_links] = b;
    inv->n_links++;
}

static int apply_add(netvet_overlay *ov, const netvet_scenario *s,
                     const nv_change *c, netvet_diag *diag)
{
    int rc = check_add(ov, s, c, diag);
    if (rc == 0 && c->n_elements)
        rc = nv_ov_reserve_elements(ov, c->n_elements);
    for (size_t i = 0; rc == 0 && i < c->n_elements; i++)
        rc = append_element(ov, &c->elements[i]);
    if (rc == 0 && c->n_links)
        rc = nv_ov_reserve_links(ov, c->n_links);
    for (size_t i = 0; rc == 0 && i < c->n_links; i++) {
        const nv_new_link *l = &c->links[i];
        uint32_t a = 0, b = 0;
        if ((rc = link_end(ov, s, l->a, l->a_line, diag, &a)) < 0 ||
            (rc = link_end(ov, s, l->b, l->b_line, diag, &b)) < 0)
            break;
        if (a == b) {
            rc = nv_diag_fail(diag, NETVET_EPARSE, s->file, l->line, 0,
                              "a link joins '%s' to itself", l->a);
            break;
        }
        append_link(ov, a, b);
    }
    if (rc < 0)
        return rc;
    ov->stats.added += c->n_elements;
    ov->stats.links_added += c->n_links;
    nv_text t = {0};
    for (size_t i = 0; i < c->n_elements && i < 5; i++)
        nv_text_add(&t, "%s%s", i ? ", " : "elements ", c->elements[i].id);
    if (c->n_elements > 5)
        nv_text_add(&t, ", ...");
    if (c->n_links)
        nv_text_add(&t, "%slinks between them and the network",
                    t.len ? "; " : "");
    return log_change(ov, c, &t, c->n_elements, c->n_links);
}

/* ---- programmatic edits (check, plan) ---- */

int nv_ov_set(netvet_overlay *ov, size_t k, const nv_attrs *a)
{
    int rc = put_attrs(ov, k, a);
    return rc ? rc : nv_ov_mark(ov, k, 0);
}

int nv_ov_add(netvet_overlay *ov, const nv_new_element *els, size_t n)
{
    int rc = nv_ov_reserve_elements(ov, n);
    for (size_t i = 0; rc == 0 && i < n; i++)
        rc = append_element(ov, &els[i]);
    if (rc == 0)
        ov->stats.added += n;
    return rc;
}

int nv_ov_apply_change(netvet_overlay *ov, const netvet_scenario *s,
                       size_t i, netvet_diag *diag)
{
    if (!ov || !s || i >= s->n_changes)
        return NETVET_EINVAL;
    const nv_change *c = &s->changes[i];
    int rc = 0;
    switch (c->kind) {
    case NV_CHANGE_SET: rc = apply_set(ov, s, c, diag); break;
    case NV_CHANGE_REPLACE: rc = apply_replace(ov, s, c, diag); break;
    case NV_CHANGE_REMOVE: rc = apply_remove(ov, s, c, diag); break;
    case NV_CHANGE_ADD: rc = apply_add(ov, s, c, diag); break;
    }
    if (rc == NETVET_ENOMEM || rc == NETVET_ELIMIT || rc == NETVET_ERROR)
        return nv_diag_fail(diag, rc, s->file, 0, 0,
                            "applying the scenario failed: %s",
                            netvet_strerror(rc));
    return rc;
}

int netvet_overlay_apply(netvet_overlay *ov, const netvet_scenario *s,
                         netvet_diag *diag)
{
    if (!ov || !s)
        return NETVET_EINVAL;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < s->n_changes; i++)
        rc = nv_ov_apply_change(ov, s, i, diag);
    return rc;
}
