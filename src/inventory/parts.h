/* SPDX-License-Identifier: Apache-2.0 */
/* Reading one CSV file in parts on several threads: the header once, then
 * byte ranges split at line starts, each loaded into its own inventory
 * (the first straight into the result), merged in file order, and the
 * diagnostics of every part replayed in line order. */
#ifndef NV_INVENTORY_PARTS_H
#define NV_INVENTORY_PARTS_H

#include <stddef.h>

#include "inventory/inv.h"

/* A record ran across a part boundary (a quoted field holding a newline
 * where the file was split), or a part's strings passed its span of the
 * shared string bytes: load the file again in one part. Nothing has been
 * reported. */
#define NV_ERESPLIT (-100)

/* Inputs shorter than this are read in one part (tests lower it). */
extern size_t nv_part_min_bytes;
/* Number of parts to use regardless of size and CPUs (0 = choose). */
extern size_t nv_parts_forced;
/* Bytes in each part's span of the shared string bytes (0 = its input
 * length and NV_PART_SLACK; tests set it to make parts overflow). */
extern size_t nv_part_span_bytes;

/* How many parts to read a len-byte file in: one per online CPU, at most
 * one per nv_part_min_bytes, at most 16. */
size_t nv_parts_for(size_t len);

typedef struct nv_file_input {
    char *p;          /* the bytes (never written) */
    size_t len;
    int is_mmap;      /* consumed pages may be released */
    const char *name; /* for diagnostics */
    int keep_pages;   /* do not release consumed pages (a hash to come) */
} nv_file_input;

/* Load the elements (links = 0) or links (links = 1) file `in` into inv
 * (for links, inv holds the elements already) in `parts` parts.
 * @return 0, NETVET_EPARSE, NETVET_ENOMEM or NV_ERESPLIT. */
int nv_parts_load(netvet_inventory *inv, int links, const nv_file_input *in,
                  const netvet_load_options *opts, netvet_diag *diag,
                  size_t parts);

#endif
