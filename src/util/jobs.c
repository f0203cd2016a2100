/* SPDX-License-Identifier: Apache-2.0 */
/* Jobs side by side on threads (jobs.h). */
#include "util/jobs.h"

#include <pthread.h>
#include <unistd.h>

#define MAX_JOBS 16

void nv_run_jobs(void *(*fn)(void *), void *jobs, size_t n, size_t size)
{
    pthread_t thread[MAX_JOBS];
    int started[MAX_JOBS] = {0};
    char *job = jobs;
    for (size_t i = 1; i < n && i < MAX_JOBS; i++)
        started[i] = pthread_create(&thread[i], NULL, fn, job + i * size) == 0;
    if (n > 0)
        fn(job);
    for (size_t i = 1; i < n; i++) {
        if (i < MAX_JOBS && started[i])
            pthread_join(thread[i], NULL);
        else
            fn(job + i * size);
    }
}

size_t nv_jobs_for(size_t items, size_t min_items)
{
    return items >= min_items && sysconf(_SC_NPROCESSORS_ONLN) > 1 ? 2 : 1;
}
