/* Fuzz target: arbitrary bytes as snmpwalk output; checks the counts add
 * up and that the row written loads with the ordinary loader. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import/import.h"
#include "inventory/inv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nv_import_out o;
    memset(&o, 0, sizeof o);
    netvet_diag *diag = NULL;
    if (netvet_diag_new(&diag, NULL, NULL) < 0)
        return 0;
    if (nv_import_snmpwalk(&o, (const char *)data, size, "dev1.txt",
                           diag) == 0) {
        if (o.el.read != o.el.written + o.el.skipped)
            abort();
        netvet_inventory *inv = NULL;
        netvet_load_options lo = NETVET_LOAD_OPTIONS_INIT;
        lo.evidence_only = 1;
        lo.strict = 1; /* the importer's output must always load */
        if (nv_inventory_load_buffers(&inv, o.elements.p, o.elements.len,
                                      "e", NULL, 0, "l", &lo, diag) == 0)
            netvet_inventory_free(inv);
        else if (o.el.written)
            abort();
    }
    nv_import_out_free(&o);
    netvet_diag_free(diag);
    return 0;
}
