/* SPDX-License-Identifier: Apache-2.0 */
/* Run a few jobs side by side: the same function on each element of an
 * array of job structs, one thread per job (the first on the calling
 * thread). Used to split a pass over the elements or links in halves. */
#ifndef NV_UTIL_JOBS_H
#define NV_UTIL_JOBS_H

#include <stddef.h>

/* Call fn(job i) for the n jobs at `jobs` (each `size` bytes), job 0 on
 * this thread and the rest on new threads; a job whose thread cannot
 * start runs here after job 0. Returns when all have returned. */
void nv_run_jobs(void *(*fn)(void *), void *jobs, size_t n, size_t size);

/* How many ways to split `items` items: 2 when there are that many CPUs
 * online and at least min_items items, else 1. */
size_t nv_jobs_for(size_t items, size_t min_items);

#endif
