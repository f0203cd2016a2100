/* SPDX-License-Identifier: Apache-2.0 */
/* Attribution data paths for the commands that attribute vendors. */
#ifndef NV_CLI_ATTRIB_PATHS_H
#define NV_CLI_ATTRIB_PATHS_H

#include "netvet/netvet.h"

typedef struct nv_attrib_paths {
    char ieee[4][4096]; /* storage o->ieee points into */
} nv_attrib_paths;

/* Fill o->ieee and o->enterprises: --ieee-dir / $NETVET_IEEE_DIR, else
 * /usr/share/ieee-data; --enterprises / $NETVET_ENTERPRISES, else
 * Debian's enterprises.tsv. Missing defaults warn on stderr and stay NULL.
 * p must outlive the use of o. */
void nv_cli_attrib_paths(netvet_attrib_options *o, nv_attrib_paths *p,
                         const char *prog, const char *ieee_dir,
                         const char *enterprises);

#endif
