/* SPDX-License-Identifier: Apache-2.0 */
/* A user pack's scope values (sites, regions, tags) must each match some
 * element of the inventory: `regions: [Londn]` is an error at its
 * file:line, never a rule silently measuring nothing. Built-in packs are
 * exempt: they scope on values (tag `sensitive`) a network may rightly
 * lack, and their rules are then n/a. */
#include <string.h>

#include "inventory/inv.h"
#include "policy/policy.h"
#include "util/diag.h"

/* Does some element hold string id `id` in `column` (NULL: tags)? */
static int held(const netvet_inventory *inv, const uint32_t *column,
                uint32_t id)
{
    for (size_t k = 0; k < inv->n; k++)
        if (column ? column[k] == id : nv_inv_has_tag(inv, k, id))
            return 1;
    return 0;
}

static int check_key(const nv_pack *pk, const nv_rule *r,
                     const nv_strlist *l, const char *key,
                     const netvet_inventory *inv, const uint32_t *column,
                     int present, netvet_diag *diag)
{
    for (size_t i = 0; i < l->n; i++) {
        const char *v = l->items[i];
        int64_t id = present ? nv_strtab_find(&inv->strings, v, strlen(v))
                             : -1;
        if (id > 0 && held(inv, column, (uint32_t)id))
            continue;
        return nv_diag_fail(diag, NETVET_EPARSE, pk->file, l->lines[i], 0,
                            "rule '%s': %s value '%s' matches no element of "
                            "the inventory%s", r->id, key, v,
                            present ? "" : " (it has no such column)");
    }
    return 0;
}

int nv_policy_check_scopes(const netvet_policy *policy,
                           const netvet_inventory *inv, netvet_diag *diag)
{
    int rc = 0;
    for (size_t i = 0; policy && rc == 0 && i < policy->n_rules; i++) {
        const nv_rule *r = &policy->rules[i];
        const nv_pack *pk = &policy->packs[r->pack];
        if (pk->builtin)
            continue;
        rc = check_key(pk, r, &r->sites, "site", inv, inv->site,
                       inv->site != NULL, diag);
        if (rc == 0)
            rc = check_key(pk, r, &r->regions, "region", inv, inv->region,
                           inv->region != NULL, diag);
        if (rc == 0)
            rc = check_key(pk, r, &r->tags, "tag", inv, NULL,
                           inv->tag_off != NULL, diag);
    }
    return rc;
}
