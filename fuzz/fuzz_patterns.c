/* SPDX-License-Identifier: Apache-2.0 */
/* libFuzzer target for the pattern-file loader: load the input as a pattern
 * overlay on an empty set, bind it to the built-in registry, then run every
 * example and the raw input through the matcher. Under gcc it links
 * fuzz/replay.c, which feeds it the corpus files. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "attrib/patterns.h"
#include "netvet/vendors.h"

static netvet_registry *registry(void)
{
    static netvet_registry *reg;
    if (!reg && netvet_registry_new_builtin(&reg, NULL) < 0)
        reg = NULL;
    return reg;
}

static void exercise(nv_patterns *ps, const uint8_t *data, size_t size)
{
    nv_pat_match m;
    for (size_t i = 0; i < ps->n; i++) {
        const nv_pattern *p = &ps->p[i];
        if (p->n_examples == 0 || p->vendor < 0)
            __builtin_trap(); /* the loader promised both */
        for (size_t j = 0; j < p->n_examples; j++) {
            int rc = nv_patterns_match(ps, p->examples[j],
                                       strlen(p->examples[j]), &m);
            if (rc == 0)
                __builtin_trap(); /* an example always matches something */
            if (rc == 1 && (m.product_off + m.product_len >
                                strlen(p->examples[j]) ||
                            m.version_off + m.version_len >
                                strlen(p->examples[j])))
                __builtin_trap();
        }
    }
    (void)nv_patterns_match(ps, (const char *)data, size, &m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nv_patterns ps;
    netvet_diag *diag = NULL;
    netvet_registry *reg = registry();
    if (!reg || nv_patterns_init(&ps) < 0)
        return 0;
    if (netvet_diag_new(&diag, NULL, NULL) < 0)
        goto done;
    int rc = nv_patterns_add_buffer(&ps, (const char *)data, size,
                                    "fuzz.yaml", diag);
    if (rc == NETVET_OK)
        rc = nv_patterns_bind(&ps, reg, diag);
    if (rc == NETVET_OK)
        exercise(&ps, data, size);
    else if (!netvet_diag_message(diag)[0] && rc != NETVET_ENOMEM)
        __builtin_trap(); /* every failure must say what is wrong */
done:
    nv_patterns_dispose(&ps);
    netvet_diag_free(diag);
    return 0;
}
