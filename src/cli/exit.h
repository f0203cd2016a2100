/* SPDX-License-Identifier: Apache-2.0 */
/* Process exit statuses, as a linter's. */
#ifndef NV_CLI_EXIT_H
#define NV_CLI_EXIT_H

#define NV_EXIT_OK 0       /* no findings at or above --fail-on */
#define NV_EXIT_FINDINGS 1 /* findings at or above --fail-on */
#define NV_EXIT_USAGE 2    /* bad usage, bad input, or internal error */

#endif
