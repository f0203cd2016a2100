/* SPDX-License-Identifier: Apache-2.0 */
/* NetBox importer internals shared by netbox.c and netbox_map.c. */
#ifndef NV_IMPORT_NETBOX_H
#define NV_IMPORT_NETBOX_H

#include "netvet/inventory.h"

/* Function of a device role (slug, else name; either may be NULL).
 * @return 0, or -1 when unknown (*fn is then NETVET_FN_OTHER). */
int nv_netbox_role(const char *slug, const char *name, netvet_function *fn);
/* netvet status of a NetBox device status value ("" when none given), or
 * NULL when the value is unknown. */
const char *nv_netbox_status(const char *value);

#endif
