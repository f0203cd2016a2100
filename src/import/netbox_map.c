/* SPDX-License-Identifier: Apache-2.0 */
/* NetBox vocabulary onto netvet's: device roles onto the function taxonomy
 * and device status values onto active/planned/decommissioned. The role
 * table holds common NetBox role slugs; anything else is tried as a netvet
 * function name or alias (olt, firewall, gnb, ...) and, failing that, is
 * `other` with a warning. Documented in docs/importers.md. */
#include <string.h>
#include <strings.h>

#include "import/netbox.h"

static const struct {
    const char *slug;
    netvet_function fn;
} roles[] = {
    {"core-router", NETVET_FN_CORE}, {"core-switch", NETVET_FN_CORE},
    {"p-router", NETVET_FN_CORE}, {"route-reflector", NETVET_FN_CORE},
    {"border-router", NETVET_FN_CORE}, {"peering-router", NETVET_FN_CORE},
    {"mobile-core", NETVET_FN_CORE}, {"packet-core", NETVET_FN_CORE},
    {"pe-router", NETVET_FN_AGGREGATION},
    {"aggregation-router", NETVET_FN_AGGREGATION},
    {"aggregation-switch", NETVET_FN_AGGREGATION},
    {"distribution-switch", NETVET_FN_AGGREGATION},
    {"metro-router", NETVET_FN_AGGREGATION}, {"spine", NETVET_FN_AGGREGATION},
    {"leaf", NETVET_FN_AGGREGATION}, {"dwdm", NETVET_FN_AGGREGATION},
    {"optical-transport", NETVET_FN_AGGREGATION},
    {"access-switch", NETVET_FN_ACCESS}, {"access-router", NETVET_FN_ACCESS},
    {"olt", NETVET_FN_ACCESS}, {"dslam", NETVET_FN_ACCESS},
    {"cell-site-router", NETVET_FN_ACCESS},
    {"gnodeb", NETVET_FN_RAN}, {"enodeb", NETVET_FN_RAN},
    {"radio-unit", NETVET_FN_RAN}, {"baseband-unit", NETVET_FN_RAN},
    {"firewall", NETVET_FN_SECURITY}, {"vpn-concentrator", NETVET_FN_SECURITY},
    {"ids", NETVET_FN_SECURITY}, {"ips", NETVET_FN_SECURITY},
    {"oob-switch", NETVET_FN_MANAGEMENT},
    {"management-switch", NETVET_FN_MANAGEMENT},
    {"console-server", NETVET_FN_MANAGEMENT},
    {"nms", NETVET_FN_MANAGEMENT}, {"oss", NETVET_FN_MANAGEMENT},
    {"ont", NETVET_FN_CPE}, {"onu", NETVET_FN_CPE}, {"cpe", NETVET_FN_CPE},
    {"customer-router", NETVET_FN_CPE}, {"home-gateway", NETVET_FN_CPE},
    {"server", NETVET_FN_OTHER}, {"pdu", NETVET_FN_OTHER},
    {"patch-panel", NETVET_FN_OTHER}, {"load-balancer", NETVET_FN_OTHER},
};

int nv_netbox_role(const char *slug, const char *name, netvet_function *fn)
{
    const char *try[2] = {slug, name};
    for (int k = 0; k < 2; k++) {
        if (!try[k] || !*try[k])
            continue;
        for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++) {
            if (strcasecmp(try[k], roles[i].slug) == 0) {
                *fn = roles[i].fn;
                return 0;
            }
        }
        if (netvet_function_parse(fn, try[k], strlen(try[k])) == 0)
            return 0;
    }
    *fn = NETVET_FN_OTHER;
    return -1;
}

const char *nv_netbox_status(const char *value)
{
    static const struct {
        const char *netbox, *netvet;
    } map[] = {
        {"active", "active"}, {"offline", "active"}, {"failed", "active"},
        {"decommissioning", "active"}, {"planned", "planned"},
        {"staged", "planned"}, {"inventory", "planned"},
    };
    if (!value || !*value)
        return "";
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcasecmp(value, map[i].netbox) == 0)
            return map[i].netvet;
    return NULL;
}
