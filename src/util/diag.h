/* SPDX-License-Identifier: Apache-2.0 */
/* Internal side of netvet_diag: report fatal errors and row warnings. */
#ifndef NV_UTIL_DIAG_H
#define NV_UTIL_DIAG_H

#include "netvet/errors.h"

/* Set the fatal message "file:line:col: msg" (parts omitted when 0/NULL),
 * forward it as an error entry, and return `status`. diag may be NULL. */
int nv_diag_fail(netvet_diag *diag, int status, const char *file,
                 unsigned long line, unsigned long column, const char *fmt,
                 ...) __attribute__((format(printf, 6, 7)));
/* Report a warning entry (counted). diag may be NULL. */
void nv_diag_warn(netvet_diag *diag, const char *file, unsigned long line,
                  unsigned long column, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

#endif
