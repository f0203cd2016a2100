/* SPDX-License-Identifier: Apache-2.0 */
/* Monotonic seconds, for the phase and step times the commands print with
 * --timings (loader parts, analysis steps, what-if scenarios). */
#ifndef NV_UTIL_CLOCK_H
#define NV_UTIL_CLOCK_H

#include <time.h>

static inline double nv_clock_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#endif
