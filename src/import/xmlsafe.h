/* SPDX-License-Identifier: Apache-2.0 */
/* Safe XML parsing for the importers (libxml2): no network, no DTD loading,
 * no entity substitution, and documents declaring or referencing entities
 * are refused outright (entity bombs, external entities). */
#ifndef NV_IMPORT_XMLSAFE_H
#define NV_IMPORT_XMLSAFE_H

#include <stddef.h>

#include <libxml/tree.h>

#include "netvet/errors.h"

/* Parse data[0..len) into *doc (free with xmlFreeDoc). @return 0, or
 * NETVET_EPARSE / NETVET_ELIMIT / NETVET_ENOMEM with "file:line: ..." in
 * the diag. */
int nv_xml_parse(xmlDocPtr *doc, const char *data, size_t len,
                 const char *file, netvet_diag *diag);

/* nv_xml_parse, then require the root element to be `root_name` (with a
 * child element `child`, unless child is NULL): else the document is
 * freed and "file:line: not_it" (line of the root) is the fatal error,
 * NETVET_EPARSE. On success *root is the root element. */
int nv_xml_parse_root(xmlDocPtr *doc, xmlNode **root, const char *data,
                      size_t len, const char *root_name, const char *child,
                      const char *not_it, const char *file,
                      netvet_diag *diag);

/* Is n an element named `name` (local name, any namespace)? */
int nv_xml_is(const xmlNode *n, const char *name);
/* First child element of n named `name`, or NULL. */
xmlNode *nv_xml_child(const xmlNode *n, const char *name);
/* Next sibling element after n named `name`, or NULL. */
xmlNode *nv_xml_next(const xmlNode *n, const char *name);
/* Attribute value (borrowed from the tree, "" stays ""), or NULL. */
const char *nv_xml_attr(const xmlNode *n, const char *name);
/* Text content of n, newly allocated (free with xmlFree), never NULL
 * unless out of memory. */
char *nv_xml_text(const xmlNode *n);
/* Line of n in the source (0 if unknown). */
unsigned long nv_xml_line(const xmlNode *n);

#endif
