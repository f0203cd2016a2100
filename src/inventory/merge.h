/* Joining the parts of a file loaded on several threads: append a part's
 * rows to the inventory in file order (its strings re-interned, so string
 * ids are what a one-thread load gives), then build the element id map,
 * which is where duplicate ids are found. */
#ifndef NV_INVENTORY_MERGE_H
#define NV_INVENTORY_MERGE_H

#include <stdint.h>

#include "inventory/inv.h"
#include "util/diaglog.h"

/* Append part's elements (and part_hash, the hash of each id) to inv and
 * *hash (inv->cap entries, grown with it); lines move down by line_offset.
 * part's columns must be those of inv (same header). @return 0 or
 * NETVET_ENOMEM. */
int nv_merge_elements(netvet_inventory *inv, uint64_t **hash,
                      netvet_inventory *part, const uint64_t *part_hash,
                      unsigned long line_offset);

/* Append part's links to inv (kinds re-interned, lines moved down by
 * line_offset). @return 0 or NETVET_ENOMEM. */
int nv_merge_links(netvet_inventory *inv, const netvet_inventory *part,
                   unsigned long line_offset);

/* Build inv's id map from the ids and their hashes, in row order. A row
 * whose id an earlier row has is a duplicate: logged into dups as an
 * error (strict: then the build stops there) or as a warning, and with
 * warnings the rows are removed (with their hashes; stats updated) and
 * the map rebuilt.
 * id_column: 1-based column of `id`, for the diagnostics.
 * @return 0, NETVET_EPARSE (strict and a duplicate), NETVET_ENOMEM. */
int nv_build_id_map(netvet_inventory *inv, uint64_t *hash, int strict,
                    unsigned long id_column, nv_diag_log *dups);

#endif
