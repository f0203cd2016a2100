/* SPDX-License-Identifier: Apache-2.0 */
/* The inventory: elements and links loaded from netvet's native CSV into
 * columnar arrays with interned strings. Read-only once loaded. */
#ifndef NETVET_INVENTORY_H
#define NETVET_INVENTORY_H

#include <stddef.h>
#include <stdint.h>

#include "errors.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct netvet_inventory netvet_inventory;

/** Network functions (docs/inventory-format.md, `function`). */
typedef enum netvet_function {
    NETVET_FN_CORE = 0,
    NETVET_FN_MANAGEMENT,
    NETVET_FN_SECURITY,
    NETVET_FN_AGGREGATION,
    NETVET_FN_ACCESS,
    NETVET_FN_RAN,
    NETVET_FN_CPE,
    NETVET_FN_OTHER,
    NETVET_FN_COUNT
} netvet_function;

/** Canonical name of a function ("core", ...). */
const char *netvet_function_name(netvet_function fn);
/**
 * Map a function name or alias ("5GC", "OLT", "gNB", ...) onto the taxonomy,
 * case-insensitively. @return 0 and sets *out, or NETVET_ENOTFOUND.
 */
int netvet_function_parse(netvet_function *out, const char *name, size_t len);

typedef struct netvet_load_options {
    unsigned version;      /**< NETVET_LOAD_OPTIONS_VERSION */
    int strict;            /**< first bad row is fatal (NETVET_EPARSE) */
    int show_progress;     /**< report progress through progress_fn */
    void (*progress_fn)(const char *what, uint64_t done, uint64_t total,
                        void *payload);
    void *progress_payload;
    /** (version >= 2) Evidence-only files: the `vendor` and `function`
     *  columns become optional; a missing or empty function is `other`. */
    int evidence_only;
    /** (version >= 3) Hash each file's bytes (SHA-256, on a thread of its
     *  own at idle priority, from the load until a report asks for them)
     *  for netvet_inventory_sha256: reports name exactly which inventory
     *  they judged. */
    int sha256;
    /** (version >= 4) Keep one point per site (from its rows' lat and
     *  lon; the smallest lat, then lon, where they disagree) for reports
     *  that draw a map of the sites (HTML). 0 skips it: the coordinates
     *  are still checked, row by row. On in NETVET_LOAD_OPTIONS_INIT, and
     *  always before version 4. */
    int site_points;
} netvet_load_options;
#define NETVET_LOAD_OPTIONS_VERSION 4
#define NETVET_LOAD_OPTIONS_INIT \
    {NETVET_LOAD_OPTIONS_VERSION, 0, 0, NULL, NULL, 0, 0, 1}

/** Row counts of one loaded file. read = loaded + skipped. */
typedef struct netvet_load_stats {
    uint64_t rows_read;
    uint64_t rows_loaded;
    uint64_t rows_skipped;
} netvet_load_stats;

/**
 * Load DIR/elements.csv and DIR/links.csv (links.csv optional), or a single
 * elements CSV file when path is a regular file.
 * @param[out] out the inventory; free with netvet_inventory_free.
 * @return 0, NETVET_EIO, NETVET_EPARSE (strict, or unusable header),
 *         NETVET_ENOMEM.
 */
int netvet_inventory_load(netvet_inventory **out, const char *path,
                          const netvet_load_options *opts, netvet_diag *diag);
/**
 * Load an inventory from memory: elements CSV text elements[0..elements_len)
 * and, when links is not NULL, links CSV text; the names stand for the
 * files in diagnostics and reports ("-" for standard input, say).
 * @param[out] out the inventory; free with netvet_inventory_free.
 * @return as netvet_inventory_load.
 */
int netvet_inventory_load_buffers(netvet_inventory **out,
                                  const char *elements, size_t elements_len,
                                  const char *elements_name,
                                  const char *links, size_t links_len,
                                  const char *links_name,
                                  const netvet_load_options *opts,
                                  netvet_diag *diag);
void netvet_inventory_free(netvet_inventory *inv);

size_t netvet_inventory_elements(const netvet_inventory *inv);
size_t netvet_inventory_links(const netvet_inventory *inv);
/** Stats for "elements" (which = 0) or "links" (which = 1). */
netvet_load_stats netvet_inventory_stats(const netvet_inventory *inv,
                                         int which);
/** Does the elements file have any evidence column (mac, sys_object_id,
 * sys_descr, lldp_descr, cpe)? */
int netvet_inventory_has_evidence(const netvet_inventory *inv);
/** Borrowed path of the elements file / links file ("" if none). */
const char *netvet_inventory_path(const netvet_inventory *inv, int which);
/** SHA-256 of the elements file / links file as 64 lowercase hex digits,
 * "" when there is no such file or it was not hashed
 * (netvet_load_options.sha256). The first call finishes the hash if its
 * thread has not (at most the time hashing the files takes); safe from
 * several threads. Borrowed. */
const char *netvet_inventory_sha256(const netvet_inventory *inv, int which);
/** Size in bytes of the elements file / links file (0: none). */
uint64_t netvet_inventory_file_size(const netvet_inventory *inv, int which);
/** Borrowed id of element k (0 <= k < elements). */
const char *netvet_inventory_element_id(const netvet_inventory *inv, size_t k);
/** Borrowed declared vendor of element k, "" when empty. */
const char *netvet_inventory_element_vendor(const netvet_inventory *inv,
                                            size_t k);
/** Line of element k in the elements file. */
unsigned long netvet_inventory_element_line(const netvet_inventory *inv,
                                            size_t k);

#ifdef __cplusplus
}
#endif
#endif
