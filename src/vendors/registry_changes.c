/* SPDX-License-Identifier: Apache-2.0 */
/* What overlays changed in who can compel a built-in vendor (country,
 * parent, state control, listings, owners): recorded when an overlay is applied,
 * read by every report (netvet_registry_change_at); and the overlay files
 * applied with their SHA-256 (netvet_registry_input). */
#include <string.h>

#include "util/alloc.h"
#include "util/sha256.h"
#include "util/text.h"
#include "vendors/registry_int.h"

static const char *const state_names[] = {"none", "influence", "owned"};

static const char *nz(const char *s)
{
    return s ? s : "";
}

/* Listing ids of r joined by ", " into t. */
static void listing_ids(nv_text *t, const nv_vrec *r)
{
    nv_text_add(t, "%s", "");
    for (size_t i = 0; i < r->pub.n_listings; i++)
        nv_text_add(t, "%s%s", i ? ", " : "", r->pub.listings[i].id);
}

/* Owners of r as "ID SHARE% FROM..UNTIL" joined by ", " into t. */
static void owner_list(nv_text *t, const nv_vrec *r)
{
    nv_text_add(t, "%s", "");
    for (size_t i = 0; i < r->pub.n_owners; i++) {
        const netvet_owner *o = &r->pub.owners[i];
        nv_text_add(t, "%s%s%s %g%% %s..%s", i ? ", " : "",
                    o->state ? "state " : "", o->state ? o->state : o->owner,
                    o->share, o->from, o->until);
    }
}

static int push(netvet_registry *reg, const char *file, const nv_vrec *r,
                const char *field, const char *before, const char *after)
{
    if (NV_GROW(reg->changes, reg->changes_cap, reg->n_changes + 1) < 0)
        return NETVET_ENOMEM;
    netvet_registry_change *c = &reg->changes[reg->n_changes];
    c->file = file;
    c->line = r->line;
    c->vendor = r->pub.id;
    c->field = field;
    c->before = nv_arena_strndup(&reg->arena, before, strlen(before));
    c->after = nv_arena_strndup(&reg->arena, after, strlen(after));
    if (!c->before || !c->after)
        return NETVET_ENOMEM;
    reg->n_changes++;
    return 0;
}

/* Push a change of `field` when list(b) and list(a) differ. */
static int list_change(netvet_registry *reg, const char *file,
                       const nv_vrec *b, const nv_vrec *a, const char *field,
                       void (*list)(nv_text *, const nv_vrec *))
{
    nv_text tb = {0}, ta = {0};
    list(&tb, b);
    list(&ta, a);
    int rc = tb.oom || ta.oom ? NETVET_ENOMEM
             : strcmp(tb.s, ta.s)
                 ? push(reg, file, a, field, tb.s, ta.s)
                 : 0;
    nv_text_dispose(&tb);
    nv_text_dispose(&ta);
    return rc;
}

static int vendor(netvet_registry *reg, const char *file, const nv_vrec *b,
                  const nv_vrec *a)
{
    int rc = 0;
    if (strcmp(nz(b->pub.country), nz(a->pub.country)))
        rc = push(reg, file, a, "country", nz(b->pub.country),
                  nz(a->pub.country));
    if (rc == 0 && strcmp(nz(b->parent_id), nz(a->parent_id)))
        rc = push(reg, file, a, "parent", nz(b->parent_id),
                  nz(a->parent_id));
    if (rc == 0 && b->pub.state_control != a->pub.state_control)
        rc = push(reg, file, a, "state_control",
                  state_names[b->pub.state_control % 3],
                  state_names[a->pub.state_control % 3]);
    if (rc == 0)
        rc = list_change(reg, file, b, a, "listings", listing_ids);
    return rc == 0 ? list_change(reg, file, b, a, "owners", owner_list) : rc;
}

int nv_registry_note_changes(netvet_registry *reg, const nv_regstate *before,
                             const nv_regstate *after, const char *file)
{
    size_t n = reg->n_builtin < before->n ? reg->n_builtin : before->n;
    const char *f = NULL;
    size_t mark = reg->n_changes;
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++) {
        if (!after->v[i].line)
            continue; /* not in this overlay */
        if (!f && !(f = nv_arena_strndup(&reg->arena, file, strlen(file))))
            rc = NETVET_ENOMEM;
        else
            rc = vendor(reg, f, &before->v[i], &after->v[i]);
    }
    if (rc < 0)
        reg->n_changes = mark;
    return rc;
}

size_t netvet_registry_change_count(const netvet_registry *reg)
{
    return reg ? reg->n_changes : 0;
}

const netvet_registry_change *netvet_registry_change_at(
    const netvet_registry *reg, size_t i)
{
    return reg && i < reg->n_changes ? &reg->changes[i] : NULL;
}

int nv_registry_note_input(netvet_registry *reg, const char *buf, size_t len,
                           const char *file)
{
    return nv_file_inputs_add(&reg->inputs, file, buf, len);
}

size_t netvet_registry_input_count(const netvet_registry *reg)
{
    return reg ? reg->inputs.n : 0;
}

netvet_input netvet_registry_input(const netvet_registry *reg, size_t i)
{
    return nv_file_inputs_get(reg ? &reg->inputs : NULL, "registry", i);
}
