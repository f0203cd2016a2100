/* SPDX-License-Identifier: Apache-2.0 */
/* The function taxonomy (docs/inventory-format.md) and the aliases operators write for it:
 * 5GC/EPC/IMS are core, OSS/NMS/EMS management, OLT access, gNB/RRU ran... */
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "netvet/inventory.h"

static const char *const canonical[NETVET_FN_COUNT] = {
    "core", "management", "security", "aggregation",
    "access", "ran", "cpe", "other",
};

static const struct {
    const char *alias;
    netvet_function fn;
} aliases[] = {
    {"5gc", NETVET_FN_CORE},          {"epc", NETVET_FN_CORE},
    {"ims", NETVET_FN_CORE},          {"mobile-core", NETVET_FN_CORE},
    {"ip-core", NETVET_FN_CORE},      {"bng", NETVET_FN_CORE},
    {"p-router", NETVET_FN_CORE},     {"hlr", NETVET_FN_CORE},
    {"hss", NETVET_FN_CORE},          {"udm", NETVET_FN_CORE},
    {"oss", NETVET_FN_MANAGEMENT},    {"nms", NETVET_FN_MANAGEMENT},
    {"ems", NETVET_FN_MANAGEMENT},    {"mgmt", NETVET_FN_MANAGEMENT},
    {"orchestration", NETVET_FN_MANAGEMENT},
    {"firewall", NETVET_FN_SECURITY}, {"aaa", NETVET_FN_SECURITY},
    {"pki", NETVET_FN_SECURITY},      {"siem", NETVET_FN_SECURITY},
    {"transport", NETVET_FN_AGGREGATION},
    {"agg", NETVET_FN_AGGREGATION},   {"metro", NETVET_FN_AGGREGATION},
    {"backhaul", NETVET_FN_AGGREGATION},
    {"olt", NETVET_FN_ACCESS},        {"dslam", NETVET_FN_ACCESS},
    {"msan", NETVET_FN_ACCESS},       {"csr", NETVET_FN_ACCESS},
    {"cell-site-router", NETVET_FN_ACCESS},
    {"gnb", NETVET_FN_RAN},           {"enb", NETVET_FN_RAN},
    {"nodeb", NETVET_FN_RAN},         {"bbu", NETVET_FN_RAN},
    {"rru", NETVET_FN_RAN},           {"rrh", NETVET_FN_RAN},
    {"du", NETVET_FN_RAN},            {"cu", NETVET_FN_RAN},
    {"radio", NETVET_FN_RAN},         {"baseband", NETVET_FN_RAN},
    {"ont", NETVET_FN_CPE},           {"onu", NETVET_FN_CPE},
    {"router-cpe", NETVET_FN_CPE},    {"home-gateway", NETVET_FN_CPE},
};

const char *netvet_function_name(netvet_function fn)
{
    return (unsigned)fn < NETVET_FN_COUNT ? canonical[fn] : "other";
}

static int equals_folded(const char *word, const char *s, size_t len)
{
    return strlen(word) == len && strncasecmp(word, s, len) == 0;
}

int netvet_function_parse(netvet_function *out, const char *name, size_t len)
{
    while (len && (*name == ' ' || *name == '\t')) {
        name++;
        len--;
    }
    while (len && (name[len - 1] == ' ' || name[len - 1] == '\t'))
        len--;
    for (int i = 0; i < NETVET_FN_COUNT; i++) {
        if (equals_folded(canonical[i], name, len)) {
            *out = (netvet_function)i;
            return 0;
        }
    }
    for (size_t i = 0; i < sizeof(aliases) / sizeof(aliases[0]); i++) {
        if (equals_folded(aliases[i].alias, name, len)) {
            *out = aliases[i].fn;
            return 0;
        }
    }
    return NETVET_ENOTFOUND;
}
