/* Fuzz target: arbitrary bytes as elements.csv (and the same bytes as
 * links.csv); checks that rows read = loaded + skipped. */
#include <stdint.h>
#include <stdlib.h>

#include "inventory/inv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    netvet_inventory *inv = NULL;
    netvet_diag *diag = NULL;
    if (netvet_diag_new(&diag, NULL, NULL) < 0)
        return 0;
    if (nv_inventory_load_buffers(&inv, (const char *)data, size, "fuzz",
                                  (const char *)data, size, "fuzz-links",
                                  NULL, diag) == 0) {
        for (int w = 0; w < 2; w++) {
            netvet_load_stats s = netvet_inventory_stats(inv, w);
            if (s.rows_read != s.rows_loaded + s.rows_skipped)
                abort();
        }
        netvet_inventory_free(inv);
    }
    netvet_diag_free(diag);
    return 0;
}
