/* netvet_inventory_load_buffers: the public face of loading an inventory
 * from CSV text in memory (nv_inventory_load_buffers). */
#include "inventory/inv.h"

int netvet_inventory_load_buffers(netvet_inventory **out,
                                  const char *elements, size_t elements_len,
                                  const char *elements_name,
                                  const char *links, size_t links_len,
                                  const char *links_name,
                                  const netvet_load_options *opts,
                                  netvet_diag *diag)
{
    return nv_inventory_load_buffers(out, elements, elements_len,
                                     elements_name, links, links_len,
                                     links_name, opts, diag);
}
