/* Monotonic seconds, for the per-step times `netvet assess --timings`
 * prints (nv_view.times, nv_shares.seconds). */
#ifndef NV_GRAPH_CLOCK_H
#define NV_GRAPH_CLOCK_H

#include <time.h>

static inline double nv_clock_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#endif
