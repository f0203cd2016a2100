/* SPDX-License-Identifier: Apache-2.0 */
/* Waivers: accepted exceptions to policy rules, each with a reason, an
 * approver and an expiry date, loaded from YAML files (docs/waivers.md)
 * and applied to an assessment's findings (netvet_assess_options.waivers).
 * A waived finding stays in every report, marked waived, and does not
 * fail the verdict. */
#ifndef NETVET_WAIVERS_H
#define NETVET_WAIVERS_H

#include <stddef.h>

#include "errors.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct netvet_waivers netvet_waivers;

/** @param[out] out an empty set; free with netvet_waivers_free. */
int netvet_waivers_new(netvet_waivers **out);
void netvet_waivers_free(netvet_waivers *waivers);
/** Add the waivers of a YAML file; every error names file:line. A file that
 * fails adds nothing. @return 0, NETVET_EPARSE, NETVET_EIO, NETVET_ELIMIT,
 * NETVET_ENOMEM. */
int netvet_waivers_add_file(netvet_waivers *waivers, const char *path,
                            netvet_diag *diag);
/** Same from a buffer; `name` is used in diagnostics. */
int netvet_waivers_add_buffer(netvet_waivers *waivers, const char *buf,
                              size_t len, const char *name,
                              netvet_diag *diag);
/** Number of waivers loaded. */
size_t netvet_waivers_count(const netvet_waivers *waivers);
/** Files (and buffers) the waivers were read from, in order, each with the
 * SHA-256 of its bytes; every report lists them. */
size_t netvet_waivers_input_count(const netvet_waivers *waivers);
/** Input i (kind "waivers"); all members NULL when i is out of range. */
netvet_input netvet_waivers_input(const netvet_waivers *waivers, size_t i);

#ifdef __cplusplus
}
#endif
#endif
