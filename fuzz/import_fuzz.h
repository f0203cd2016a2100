/* SPDX-License-Identifier: Apache-2.0 */
/* The body every importer fuzz target shares: import arbitrary bytes (and
 * run the format's finish step, if any); when that succeeds, the record
 * counts must add up and the CSV written must go through the ordinary
 * loader (with must_load, it must load even under strict mode whenever a
 * row was written). */
#ifndef NV_FUZZ_IMPORT_FUZZ_H
#define NV_FUZZ_IMPORT_FUZZ_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import/import.h"
#include "inventory/inv.h"

static int counts_add_up(const nv_import_count *c)
{
    return c->read == c->written + c->skipped + c->ignored;
}

static void load_output(const nv_import_out *o, int evidence_only,
                        int must_load, netvet_diag *diag)
{
    netvet_load_options lo = NETVET_LOAD_OPTIONS_INIT;
    lo.evidence_only = evidence_only;
    lo.strict = must_load;
    netvet_inventory *inv = NULL;
    int rc = nv_inventory_load_buffers(
        &inv, o->elements.p, o->elements.len, "e",
        evidence_only ? NULL : o->links.p, evidence_only ? 0 : o->links.len,
        "l", &lo, diag);
    if (rc == 0)
        netvet_inventory_free(inv);
    else if (must_load && o->el.written)
        abort();
}

static int fuzz_import(const uint8_t *data, size_t size, nv_import_fn fn,
                       nv_import_finish_fn finish, const char *name,
                       int evidence_only, int must_load)
{
    nv_import_out o;
    memset(&o, 0, sizeof o);
    netvet_diag *diag = NULL;
    if (netvet_diag_new(&diag, NULL, NULL) < 0)
        return 0;
    if (fn(&o, (const char *)data, size, name, diag) == 0 &&
        (!finish || finish(&o, diag) == 0)) {
        if (!counts_add_up(&o.el) || !counts_add_up(&o.ln))
            abort();
        load_output(&o, evidence_only, must_load, diag);
    }
    nv_import_out_free(&o);
    netvet_diag_free(diag);
    return 0;
}

#endif
