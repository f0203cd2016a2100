/* SPDX-License-Identifier: Apache-2.0 */
/* Allocation wrappers used by the whole library: overflow-checked sizes and
 * one place to count peak bytes later. */
#ifndef NV_UTIL_ALLOC_H
#define NV_UTIL_ALLOC_H

#include <stddef.h>

void *nv_malloc(size_t size);
void *nv_calloc(size_t n, size_t size);
/* Returns NULL (leaving p untouched) on overflow or failure. */
void *nv_reallocarray(void *p, size_t n, size_t size);
void nv_free(void *p);
/* Ask for transparent huge pages for the block p of n * size bytes (when
 * it is 2 MiB or more); p is returned, NULL stays NULL. Only for arrays
 * the graph kernels read at random (CSR, dominator arrays): there fewer
 * TLB misses pay. Blocks filled and read in order do better on small
 * pages (bench/README.md, "Fifth try"). */
void *nv_huge(void *p, size_t n, size_t size);
char *nv_strndup(const char *s, size_t len);
char *nv_strdup(const char *s);

/* Allocations through nv_* that returned NULL so far (all threads): a
 * library that allocates through them (jansson in the fault-injection
 * build) and then reports a parse error can be told apart from a real
 * one. */
long nv_alloc_failures(void);

#ifdef NETVET_FAULT_INJECTION
/* Test builds only: fail the at-th allocation from now and every later one
 * (0: none), restarting the count; the allocations counted so far. */
void nv_alloc_fault_set(long at);
long nv_alloc_fault_count(void);
#endif

/* Grow *items (capacity *cap, element size `size`) to hold at least `need`
 * elements, doubling. @return 0 or NETVET_ENOMEM. */
int nv_grow(void **items, size_t *cap, size_t need, size_t size);
#define NV_GROW(arr, cap, need)                                              \
    ((size_t)(need) <= (cap) ? 0                                             \
                             : nv_grow((void **)&(arr), &(cap), (need),      \
                                       sizeof(*(arr))))

#endif
