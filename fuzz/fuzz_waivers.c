/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz target: arbitrary bytes as a waiver file. A file that loads adds
 * waivers with every required field set; one that fails adds none. */
#include <stdint.h>
#include <stdlib.h>

#include "policy/waivers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    netvet_waivers *w = NULL;
    if (netvet_waivers_new(&w) < 0)
        return 0;
    int rc = netvet_waivers_add_buffer(w, (const char *)data, size, "fuzz",
                                       NULL);
    if (rc < 0 && w->n != 0)
        abort();
    for (size_t i = 0; i < w->n; i++) {
        const nv_waiver *x = &w->items[i];
        if (!x->rule || !x->reason || !*x->reason || !x->approved_by ||
            !x->expires || !x->file || !x->line || !x->rule_line ||
            (x->subject && !*x->subject))
            abort();
    }
    netvet_waivers_free(w);
    return 0;
}
