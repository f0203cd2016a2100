/* SPDX-License-Identifier: Apache-2.0 */
/* The rule-kind table (rule_kind.h): one row per kind, naming the
 * nv_rule_kind_ops its kind_*.c file defines, indexed by netvet_rule_kind;
 * lookups by value and by name, and the public kind names. */
#include "policy/rule_kind.h"

#include <stdio.h>
#include <string.h>

/* One row per kind: X(enum value, ops defined in kind_*.c). */
#define NV_RULE_KINDS(X)                                                    \
    X(NETVET_RULE_FORBID, nv_kind_forbid)                                   \
    X(NETVET_RULE_SHARE_CAP, nv_kind_share_cap)                             \
    X(NETVET_RULE_MAX_VENDORS, nv_kind_max_vendors)                         \
    X(NETVET_RULE_EXPOSURE_CAP, nv_kind_exposure_cap)

#define DECLARE(kind, ops) extern const nv_rule_kind_ops ops;
NV_RULE_KINDS(DECLARE)
#undef DECLARE

#define ROW(kind, ops) [kind] = &ops,
static const nv_rule_kind_ops *const table[] = {NV_RULE_KINDS(ROW)};
#undef ROW

#define N_KINDS (sizeof(table) / sizeof(table[0]))

const nv_rule_kind_ops *nv_rule_kind(netvet_rule_kind kind)
{
    return (unsigned)kind < N_KINDS ? table[kind] : NULL;
}

const char *netvet_rule_kind_name(netvet_rule_kind kind)
{
    const nv_rule_kind_ops *ops = nv_rule_kind(kind);
    return ops ? ops->name : NULL;
}

int nv_rule_kind_find(const char *s, size_t len, netvet_rule_kind *out)
{
    for (size_t k = 0; k < N_KINDS; k++)
        if (table[k] && strlen(table[k]->name) == len &&
            !memcmp(table[k]->name, s, len)) {
            *out = (netvet_rule_kind)k;
            return 0;
        }
    return -1;
}

void nv_rule_kind_plan_names(char *buf, size_t size)
{
    size_t n = 0, i = 0, used = 0;
    if (!size)
        return;
    for (size_t k = 0; k < N_KINDS; k++)
        n += table[k] && table[k]->plan != NV_PLAN_NONE;
    buf[0] = '\0';
    for (size_t k = 0; k < N_KINDS && used < size; k++) {
        if (!table[k] || table[k]->plan == NV_PLAN_NONE)
            continue;
        i++;
        int w = snprintf(buf + used, size - used, "%s%s",
                         i == 1 ? "" : i == n ? " and " : ", ",
                         table[k]->name);
        used += w > 0 ? (size_t)w : 0;
    }
}
