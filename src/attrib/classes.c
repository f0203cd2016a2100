/* SPDX-License-Identifier: Apache-2.0 */
/* Attribution classes: an inventory's elements repeat a few evidence
 * strings (declared name, sysObjectID, descriptions, CPE) and a few OUIs,
 * so the attribution of each distinct combination is computed once and
 * copied, with the element's own MAC text put in. Class ids are dense, so
 * callers can keep what they derive from an attribution (identify's
 * rendered records) in an array. */
#include <string.h>

#include "attrib/attrib_int.h"
#include "inventory/inv.h"
#include "util/alloc.h"

void nv_classes_dispose(nv_classes *c)
{
    nv_free(c->c);
    nv_free(c->slot);
    memset(c, 0, sizeof(*c));
}

/* Forget the classes (another inventory), keeping the memory. */
static void reset(nv_classes *c, uint64_t owner)
{
    c->owner = owner;
    c->n = 0;
    if (c->slot)
        memset(c->slot, 0, (c->mask + 1) * sizeof(*c->slot));
}

static uint32_t hash_key(const uint32_t *key)
{
    uint64_t h = 0x9e3779b97f4a7c15ull;
    for (int i = 0; i < NV_CLASS_KEY; i++)
        h = (h ^ key[i]) * 0xff51afd7ed558ccdull;
    return (uint32_t)(h ^ h >> 32);
}

/* The class key of element k: its string ids but the MAC's, and the MAC's
 * verdict key (0: no MAC evidence). *mac and *mac_len: the MAC's trimmed
 * text (length 0 when none). */
static void element_key(const netvet_attributor *a,
                        const netvet_inventory *inv, size_t k, uint32_t *key,
                        const char **mac, size_t *mac_len)
{
    const uint32_t *col[5] = {inv->vendor, inv->sys_object_id,
                              inv->sys_descr, inv->lldp_descr, inv->cpe};
    for (int i = 0; i < 5; i++)
        key[i] = col[i] ? col[i][k] : 0;
    uint64_t mk = 0;
    *mac_len = 0;
    *mac = "";
    if (inv->mac && inv->mac[k]) {
        uint32_t s = inv->mac[k];
        *mac_len = nv_strtab_strlen(&inv->strings, s);
        *mac = nv_trim(nv_inv_str(inv, s), mac_len);
        if (*mac_len)
            mk = nv_mac_verdict_key(a, *mac, *mac_len);
    }
    key[5] = (uint32_t)mk;
    key[6] = (uint32_t)(mk >> 32);
}

/* Slot of `key`: its class's, or the empty one where it goes. */
static nv_cslot *find_slot(const nv_classes *c, const uint32_t *key)
{
    for (size_t i = hash_key(key) & c->mask;; i = (i + 1) & c->mask) {
        nv_cslot *s = &c->slot[i];
        if (s->id1 == 0 || !memcmp(s->key, key, sizeof(s->key)))
            return s;
    }
}

/* Double the slots. @return 0 or NETVET_ENOMEM. */
static int grow_slots(nv_classes *c)
{
    size_t n = c->mask ? 2 * (c->mask + 1) : 256;
    nv_cslot *old = c->slot;
    size_t old_n = c->mask ? c->mask + 1 : 0;
    c->slot = nv_calloc(n, sizeof(*c->slot));
    if (!c->slot) {
        c->slot = old;
        return NETVET_ENOMEM;
    }
    c->mask = n - 1;
    for (size_t i = 0; i < old_n; i++)
        if (old[i].id1)
            *find_slot(c, old[i].key) = old[i];
    nv_free(old);
    return NETVET_OK;
}

/* Remember `at` (details: its detail string ids) as a new class in slot.
 * @return the class id, or NETVET_NO_CLASS when full or out of memory (the
 * class is then just not kept). */
static uint32_t add_class(nv_classes *c, nv_cslot *slot, const uint32_t *key,
                          const netvet_attribution *at,
                          const uint32_t *details)
{
    if (c->n >= NV_CLASS_MAX || NV_GROW(c->c, c->cap, c->n + 1) < 0)
        return NETVET_NO_CLASS;
    nv_aclass *k = &c->c[c->n];
    memcpy(k->details, details, sizeof(k->details));
    k->at = *at;
    k->mac = -1;
    for (size_t i = 0; i < at->n_evidence; i++)
        if (at->evidence[i].kind == NETVET_EV_MAC)
            k->mac = (int)i;
    memcpy(slot->key, key, sizeof(slot->key));
    slot->id1 = (uint32_t)++c->n;
    if (4 * c->n > 3 * (c->mask + 1) && grow_slots(c) < 0) {
        slot->id1 = 0; /* keep the table consistent: forget the new class */
        c->n--;
        return NETVET_NO_CLASS;
    }
    return (uint32_t)(c->n - 1);
}

/* Copy class k's attribution to out, with this element's MAC text. */
static void copy_class(const netvet_attributor *a, const nv_aclass *k,
                       netvet_attribution *out, const char *mac,
                       size_t mac_len)
{
    *out = k->at;
    if (k->mac >= 0) {
        out->evidence[k->mac].value = mac;
        out->evidence[k->mac].value_len = mac_len;
    }
    nv_attrib_details(a, out, k->details);
}

/* Class of element k and its MAC text. A class met for the first time is
 * computed into *computed and kept (*is_computed = 1; also when it cannot
 * be kept, *class_out NETVET_NO_CLASS). */
static int find_class(netvet_attributor *a, const netvet_inventory *inv,
                      size_t k, uint32_t *class_out, const char **mac,
                      size_t *mac_len, netvet_attribution *computed,
                      int *is_computed)
{
    nv_classes *c = &a->classes;
    *class_out = NETVET_NO_CLASS;
    *is_computed = 0;
    if (c->owner != inv->serial)
        reset(c, inv->serial);
    if (!c->slot && grow_slots(c) < 0)
        return NETVET_ENOMEM;
    uint32_t key[NV_CLASS_KEY], details[NETVET_EV_COUNT];
    element_key(a, inv, k, key, mac, mac_len);
    nv_cslot *slot = find_slot(c, key);
    if (slot->id1) {
        *class_out = slot->id1 - 1;
        return NETVET_OK;
    }
    int rc = nv_attribute_element_raw(computed, a, inv, k, details);
    if (rc < 0)
        return rc;
    *is_computed = 1;
    *class_out = add_class(c, slot, key, computed, details);
    return NETVET_OK;
}

int netvet_attribute_element_class(netvet_attribution *out,
                                   uint32_t *class_out, netvet_attributor *a,
                                   const netvet_inventory *inv, size_t k)
{
    if (!out || !class_out || !a || !inv || k >= inv->n)
        return NETVET_EINVAL;
    const char *mac;
    size_t mac_len;
    int computed;
    int rc = find_class(a, inv, k, class_out, &mac, &mac_len, out, &computed);
    if (rc == NETVET_OK && !computed)
        copy_class(a, &a->classes.c[*class_out], out, mac, mac_len);
    return rc;
}

int netvet_element_class(uint32_t *class_out, const char **mac_out,
                         size_t *mac_len_out, netvet_attributor *a,
                         const netvet_inventory *inv, size_t k)
{
    if (!class_out || !mac_out || !mac_len_out || !a || !inv || k >= inv->n)
        return NETVET_EINVAL;
    netvet_attribution tmp;
    int computed;
    return find_class(a, inv, k, class_out, mac_out, mac_len_out, &tmp,
                      &computed);
}

size_t netvet_attributor_classes(const netvet_attributor *a)
{
    return a ? a->classes.n : 0;
}
