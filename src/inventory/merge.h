/* SPDX-License-Identifier: Apache-2.0 */
/* Joining the parts of a file loaded on several threads: take a part's
 * rows into the inventory in file order (its strings re-interned, so
 * string ids are what a one-thread load gives), then build the element id
 * map, which is where duplicate ids are found (elements whose ids are in
 * strictly increasing order need none). */
#ifndef NV_INVENTORY_MERGE_H
#define NV_INVENTORY_MERGE_H

#include <stdint.h>

#include "inventory/inv.h"
#include "util/diaglog.h"

/* Take a part's ids, written into inv->ids' entries from row base on
 * (nv_elements_share), as inv's next rows' ids. */
void nv_merge_ids(netvet_inventory *inv, const netvet_inventory *part,
                  size_t base);

/* Take a part's element rows, written into inv's columns from row base
 * on (nv_elements_share): moved down to inv->n when base is beyond it,
 * strings re-interned and lines moved down by line_offset in place, tags
 * appended. Ids are merged apart (nv_merge_ids). @return 0 or
 * NETVET_ENOMEM. */
int nv_merge_shared(netvet_inventory *inv, netvet_inventory *part, size_t base,
                    unsigned long line_offset);

/* The same for a part's links (nv_links_share): ends moved down. */
void nv_merge_links_shared(netvet_inventory *inv, const netvet_inventory *part,
                           size_t base);

/* Building inv's id map from the merged ids and their hashes, in row
 * order; it reads only inv->ids and the hashes, so it can run on a thread
 * while the other columns are merged. A row whose id an earlier row has
 * is a duplicate. */
typedef struct nv_dup {
    uint32_t row, first;
} nv_dup;

typedef struct nv_id_build {
    netvet_inventory *inv;
    const uint64_t *hash;
    size_t n;        /* rows to insert */
    int strict;      /* stop at the first duplicate */
    nv_dup *dups;    /* found (owned; nv_free) */
    size_t n_dups, cap;
    int rc;
} nv_id_build;

/* Build the map (pthread start routine; the result in b->rc). */
void *nv_id_map_run(void *b);
/* nv_hash_bytes of ids [0, n) of inv (on two threads for many), or NULL
 * when out of memory. The caller frees it (nv_free). */
uint64_t *nv_id_hashes(const netvet_inventory *inv, size_t n);

/* Build the id map of an inventory whose ids are in order (no
 * duplicates), after it was loaded without one. @return 0, NETVET_ENOMEM
 * or NETVET_ELIMIT. */
int nv_id_map_build(netvet_inventory *inv);

/* After the columns are merged: log the duplicates (strict: as the fatal
 * error, returning NETVET_EPARSE; else as warnings, the rows removed with
 * their hashes, stats updated and the map rebuilt). id_column: 1-based
 * column of `id`. @return 0, NETVET_EPARSE or NETVET_ENOMEM. */
int nv_id_map_finish(nv_id_build *b, uint64_t *hash, unsigned long id_column,
                     nv_diag_log *log);

#endif
