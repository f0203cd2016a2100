/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target for the registry YAML loader: overlay the input onto an
 * empty registry, then exercise every getter and resolution on what loaded.
 * Under gcc it links fuzz/replay.c, which feeds it the corpus files. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "netvet/vendors.h"

/* Format 2: every stake sourced, in range, naming an entry or a state;
 * the jurisdictions include the vendor's own country, sorted. */
static void check_owners(const netvet_registry *reg, const netvet_vendor *v,
                         size_t i, size_t n)
{
    for (size_t j = 0; j < v->n_owners; j++) {
        const netvet_owner *o = &v->owners[j];
        if (!o->source || !o->source[0] || !(o->share > 0) ||
            o->share > 100 || o->until_day <= o->from_day ||
            (o->owner ? o->owner_index < 0 || (size_t)o->owner_index >= n ||
                            (size_t)o->owner_index == i
                      : !o->state))
            __builtin_trap();
    }
    const char *c[16];
    size_t k = netvet_registry_jurisdictions(reg, (int)i, 20000, 10, c, 16);
    int own = 0;
    for (size_t j = 0; j < k && j < 16; j++) {
        own |= !strcmp(c[j], v->country);
        if (j && strcmp(c[j - 1], c[j]) >= 0)
            __builtin_trap();
    }
    if (!own && k <= 16)
        __builtin_trap();
}

static void check_loaded(const netvet_registry *reg)
{
    size_t n = netvet_registry_count(reg);
    for (size_t i = 0; i < n; i++) {
        const netvet_vendor *v = netvet_registry_vendor(reg, i);
        int root = netvet_registry_root(reg, (int)i);
        const char *country = netvet_registry_country(reg, (int)i);
        /* invariants: a root exists, every vendor resolves by its id and
         * name to itself, countries are two letters */
        if (root < 0 || (size_t)root >= n || !country || strlen(country) != 2)
            __builtin_trap();
        if (netvet_registry_find(reg, v->id) != (int)i ||
            netvet_registry_resolve(reg, v->id, strlen(v->id)) != (int)i ||
            netvet_registry_resolve(reg, v->name, strlen(v->name)) != (int)i)
            __builtin_trap();
        for (size_t j = 0; j < v->n_listings; j++) {
            if (!v->listings[j].id || !v->listings[j].date ||
                !v->listings[j].source || !v->listings[j].note ||
                !v->listings[j].until)
                __builtin_trap();
            (void)netvet_registry_listed(reg, (int)i, v->listings[j].id,
                                         20000);
        }
        check_owners(reg, v, i, n);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    netvet_registry *reg = NULL;
    netvet_diag *diag = NULL;
    if (netvet_registry_new_empty(&reg) < 0 ||
        netvet_diag_new(&diag, NULL, NULL) < 0)
        goto done;
    int rc = netvet_registry_overlay_buffer(reg, (const char *)data, size,
                                            "fuzz.yaml", diag);
    if (rc == NETVET_OK)
        check_loaded(reg);
    else if (!netvet_diag_message(diag)[0] && rc != NETVET_ENOMEM)
        __builtin_trap(); /* every failure must say what is wrong */
    /* the raw bytes as a declared vendor name */
    netvet_name_resolution r;
    if (netvet_registry_explain_name(reg, (const char *)data, size, &r) !=
        netvet_registry_resolve(reg, (const char *)data, size))
        __builtin_trap();
done:
    netvet_registry_free(reg);
    netvet_diag_free(diag);
    return 0;
}
