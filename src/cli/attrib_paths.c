/* SPDX-License-Identifier: Apache-2.0 */
/* Where the attribution data lives for the CLI: an option, else an
 * environment variable, else Debian's package path (ieee-data,
 * libwireshark-data); a missing default is a warning, not an error. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli/attrib_paths.h"

static const char *data_path(const char *prog, const char *opt,
                             const char *env, const char *def,
                             const char *pkg)
{
    const char *p = opt ? opt : *env ? getenv(env) : NULL;
    if (p && *p)
        return p;
    if (access(def, R_OK) == 0)
        return def;
    fprintf(stderr, "%s: warning: %s not found (install %s); that evidence "
            "is unused\n", prog, def, pkg);
    return NULL;
}

void nv_cli_attrib_paths(netvet_attrib_options *o, nv_attrib_paths *p,
                         const char *prog, const char *ieee_dir,
                         const char *enterprises)
{
    static const char *const names[4] = NETVET_IEEE_FILES;
    const char *dir = ieee_dir ? ieee_dir : getenv("NETVET_IEEE_DIR");
    for (int i = 0; i < 4; i++) {
        int named = dir && *dir;
        snprintf(p->ieee[i], sizeof(p->ieee[i]), "%s/%s",
                 named ? dir : NETVET_IEEE_DIR, names[i]);
        o->ieee[i] = named ? p->ieee[i]
                           : data_path(prog, NULL, "", p->ieee[i], "ieee-data");
    }
    o->enterprises = data_path(prog, enterprises, "NETVET_ENTERPRISES",
                               NETVET_ENTERPRISES_PATH, "libwireshark-data");
}
