/* SPDX-License-Identifier: Apache-2.0 */
/* Which libnetvet is this? Prints the version the running library reports
 * (netvet_version()), the version of the headers the program was compiled
 * against (NETVET_VERSION from netvet/version.h) and whether they match.
 * Build against an installed prefix:
 *   cc version.c $(pkg-config --cflags --libs netvet) -o version */
#include <stdio.h>
#include <string.h>

#include <netvet/netvet.h>
#include <netvet/version.h>

int main(void)
{
    char parts[64];
    const char *running = netvet_version();
    int same = strcmp(running, NETVET_VERSION) == 0;

    snprintf(parts, sizeof parts, "%d.%d.%d", NETVET_VERSION_MAJOR,
             NETVET_VERSION_MINOR, NETVET_VERSION_PATCH);
    printf("netvet_version(): %s\n", running);
    printf("NETVET_VERSION:   %s (major.minor.patch %s)\n", NETVET_VERSION,
           strcmp(parts, NETVET_VERSION) == 0 ? "agrees" : "DISAGREES");
    printf("NETVET_SOVERSION: %d\n", NETVET_SOVERSION);
    printf("library and headers %s\n", same ? "match" : "DO NOT MATCH");
    return same ? 0 : 1;
}
