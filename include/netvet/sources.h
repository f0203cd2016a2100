/* SPDX-License-Identifier: Apache-2.0 */
/* Sources of an inventory other than netvet's own CSV files: importers of
 * foreign formats (nmap XML, GraphML, NetBox JSON, snmpwalk output), each a
 * row of one source table that live sources join, and a builder that makes
 * an inventory from elements and links handed over one at a time (for a
 * program that polls devices itself). Both end in the ordinary loader, so
 * every check of docs/inventory-format.md applies. */
#ifndef NETVET_SOURCES_H
#define NETVET_SOURCES_H

#include <stddef.h>
#include <stdint.h>

#include "errors.h"
#include "inventory.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A row of the source table (static; never freed). */
typedef struct netvet_source netvet_source;

/** Number of sources in the table. */
size_t netvet_source_count(void);
/** Source i (0 <= i < netvet_source_count()), or NULL. */
const netvet_source *netvet_source_at(size_t i);
/** The source named `name` ("nmap", "graphml", "netbox", "snmpwalk"), or
 * NULL. */
const netvet_source *netvet_source_find(const char *name);
/** Its name ("nmap"). */
const char *netvet_source_name(const netvet_source *src);
/** One line on what it reads ("nmap XML scan results (-oX)"). */
const char *netvet_source_summary(const netvet_source *src);
/** 1 when its output is evidence only (no declared vendor or function):
 * load it with netvet_load_options.evidence_only. */
int netvet_source_evidence_only(const netvet_source *src);

/** One import run: inputs of one source converted into netvet CSV. */
typedef struct netvet_import netvet_import;

/** Records of one kind: read = written + skipped; ignored are records
 * left out by design (nmap hosts that are down). */
typedef struct netvet_import_counts {
    uint64_t read, written, skipped, ignored;
} netvet_import_counts;

/**
 * Start an import of `n_inputs` inputs (GraphML prefixes node ids with the
 * input's name when there are several). With `strict`, the first bad
 * record fails the run; otherwise it is a warning and counted as skipped.
 * @param[out] out free with netvet_import_free.
 */
int netvet_import_new(netvet_import **out, const netvet_source *src,
                      int strict, size_t n_inputs);
void netvet_import_free(netvet_import *imp);
/** Convert the file at `path` (at most 512 MiB). */
int netvet_import_add_file(netvet_import *imp, const char *path,
                           netvet_diag *diag);
/** Convert data[0..len), called `name` in diagnostics. */
int netvet_import_add_buffer(netvet_import *imp, const char *data,
                             size_t len, const char *name, netvet_diag *diag);
/**
 * After the last input: resolve what refers across inputs (NetBox devices,
 * cables, sites) and fail (strict) or warn when nothing was converted.
 * @return 0, NETVET_EPARSE, NETVET_ENOMEM.
 */
int netvet_import_finish(netvet_import *imp, netvet_diag *diag);
/** Counts of elements (which = 0) or links (which = 1). */
netvet_import_counts netvet_import_count(const netvet_import *imp,
                                         int which);
/** Load the converted CSV as an inventory (the source's evidence_only
 * is applied over `opts`). @param[out] out free with
 * netvet_inventory_free. */
int netvet_import_inventory(netvet_inventory **out, const netvet_import *imp,
                            const netvet_load_options *opts,
                            netvet_diag *diag);
/** Write DIR/elements.csv and DIR/links.csv (created if needed), each
 * through a temporary file renamed into place. */
int netvet_import_write(const netvet_import *imp, const char *dir,
                        netvet_diag *diag);

/** An element as CSV text, column by column; NULL or "" = empty. */
typedef struct netvet_element_fields {
    unsigned version; /**< NETVET_ELEMENT_FIELDS_VERSION */
    const char *id, *vendor, *function;
    const char *name, *model, *software, *site, *region;
    const char *weight, *installed, *status, *tags;
    const char *mac, *sys_object_id, *sys_descr, *lldp_descr, *cpe;
} netvet_element_fields;
#define NETVET_ELEMENT_FIELDS_VERSION 1
#define NETVET_ELEMENT_FIELDS_INIT                                  \
    {NETVET_ELEMENT_FIELDS_VERSION, NULL, NULL, NULL, NULL, NULL, NULL, \
     NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL}

/** Collects elements and links, then loads them as an inventory. */
typedef struct netvet_inventory_builder netvet_inventory_builder;

/** @param name names the inventory in diagnostics and reports
 * (NAME/elements.csv, NAME/links.csv). @param[out] out free with
 * netvet_inventory_builder_free. */
int netvet_inventory_builder_new(netvet_inventory_builder **out,
                                 const char *name);
void netvet_inventory_builder_free(netvet_inventory_builder *b);
/** Add an element (strings are copied). Values are checked when the
 * inventory is built; the element's line is its order of addition + 1. */
int netvet_inventory_builder_add_element(netvet_inventory_builder *b,
                                         const netvet_element_fields *e);
/** Add a link between element ids a and z (copied). */
int netvet_inventory_builder_add_link(netvet_inventory_builder *b,
                                      const char *a, const char *z);
/** Load what was added; only the columns some element set are present
 * (so evidence columns exist only when evidence was given).
 * @param[out] out free with netvet_inventory_free. */
int netvet_inventory_builder_build(netvet_inventory **out,
                                   const netvet_inventory_builder *b,
                                   const netvet_load_options *opts,
                                   netvet_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
