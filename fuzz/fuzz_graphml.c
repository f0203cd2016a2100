/* Fuzz target: arbitrary bytes as GraphML; checks the counts add up and
 * that whatever CSV is produced loads with the ordinary loader. */
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
    if (nv_import_graphml(&o, (const char *)data, size, "fuzz", diag) == 0) {
        if (o.el.read != o.el.written + o.el.skipped ||
            o.ln.read != o.ln.written + o.ln.skipped)
            abort();
        netvet_inventory *inv = NULL;
        if (nv_inventory_load_buffers(&inv, o.elements.p, o.elements.len,
                                      "e", o.links.p, o.links.len, "l",
                                      NULL, diag) == 0)
            netvet_inventory_free(inv);
    }
    nv_import_out_free(&o);
    netvet_diag_free(diag);
    return 0;
}
