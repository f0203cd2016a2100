/* SPDX-License-Identifier: Apache-2.0 */
/* The default policy: which built-in packs are in force on a date. The UK
 * NCSC advice of January 2020 always (its rules carry their own dates), and
 * the Designated Vendor Direction from its issue on 13 October 2022. */
#include <string.h>
#include <time.h>

#include "netvet/policy.h"
#include "util/diag.h"

/* nv_parse_date lives with the inventory's dates (src/inventory/date.c). */
#include "inventory/inv.h"

static const struct {
    const char *pack;
    const char *from; /* NULL: always */
} default_packs[] = {
    {"uk-ncsc-2020", NULL},
    {"uk-dvd-2022", "2022-10-13"},
};

#define N_DEFAULT (sizeof(default_packs) / sizeof(default_packs[0]))

static int parse_day(const char *as_of, int32_t *day, netvet_diag *diag)
{
    if (!as_of) {
        *day = (int32_t)(time(NULL) / 86400);
        return 0;
    }
    if (nv_parse_date(as_of, strlen(as_of), day) < 0)
        return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                            "the as-of date '%s' is not a date YYYY-MM-DD",
                            as_of);
    return 0;
}

int netvet_policy_default_ids(const char *as_of, const char **ids,
                              size_t cap, size_t *n, netvet_diag *diag)
{
    int32_t day;
    if (!ids || !n)
        return NETVET_EINVAL;
    int rc = parse_day(as_of, &day, diag);
    *n = 0;
    for (size_t i = 0; rc == 0 && i < N_DEFAULT; i++) {
        int32_t from = INT32_MIN;
        if (default_packs[i].from)
            nv_parse_date(default_packs[i].from,
                          strlen(default_packs[i].from), &from);
        if (from > day)
            continue;
        if (*n == cap)
            return NETVET_ELIMIT;
        ids[(*n)++] = default_packs[i].pack;
    }
    return rc;
}

int netvet_policy_add_defaults(netvet_policy *policy, const char *as_of,
                               netvet_diag *diag)
{
    const char *ids[N_DEFAULT];
    size_t n = 0;
    if (!policy)
        return NETVET_EINVAL;
    int rc = netvet_policy_default_ids(as_of, ids, N_DEFAULT, &n, diag);
    for (size_t i = 0; rc == 0 && i < n; i++)
        rc = netvet_policy_add_builtin(policy, ids[i], diag);
    return rc;
}
