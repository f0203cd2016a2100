/* SPDX-License-Identifier: Apache-2.0 */
/* Process exit statuses, as a linter's. */
#ifndef NV_CLI_EXIT_H
#define NV_CLI_EXIT_H

#define NV_EXIT_OK 0       /* no findings at or above --fail-on */
#define NV_EXIT_FINDINGS 1 /* findings at or above --fail-on */
#define NV_EXIT_USAGE 2    /* bad usage, bad input, or internal error */
#define NV_EXIT_INCOMPLETE 3 /* no such finding, but the assessment could
                              * not judge what it claims to */

#include "netvet/results.h"

/* The exit status of a verdict. */
static inline int nv_exit_of(netvet_verdict v)
{
    return v == NETVET_VERDICT_FAIL         ? NV_EXIT_FINDINGS
           : v == NETVET_VERDICT_INCOMPLETE ? NV_EXIT_INCOMPLETE
                                            : NV_EXIT_OK;
}

/* The exit status of a yes-or-no answer about a changed network (check:
 * allowed; plan: the targets pass): FINDINGS for no; for yes, INCOMPLETE
 * when the changed network's assessment `after` is, else OK. */
static inline int nv_exit_of_answer(int yes, const netvet_assessment *after,
                                    int fail_on)
{
    if (!yes)
        return NV_EXIT_FINDINGS;
    return netvet_assessment_verdict(after, fail_on) ==
                   NETVET_VERDICT_INCOMPLETE
               ? NV_EXIT_INCOMPLETE
               : NV_EXIT_OK;
}

#endif
