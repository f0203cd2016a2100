/* Fault in freshly allocated memory on another thread (madvise
 * MADV_POPULATE_WRITE), so the kernel's page zeroing for large columns
 * runs beside the loader instead of inside its stores. Contents are never
 * changed; where the kernel lacks the advice this does nothing. */
#ifndef NV_UTIL_PREFAULT_H
#define NV_UTIL_PREFAULT_H

#include <pthread.h>
#include <stddef.h>

#define NV_PREFAULT_MAX 48

typedef struct nv_prefault {
    pthread_t thread;
    int started;
    size_t n;
    char *p[NV_PREFAULT_MAX];
    size_t len[NV_PREFAULT_MAX];
    int whole[NV_PREFAULT_MAX];
} nv_prefault;

/* Queue [p, p + len) (ignored past NV_PREFAULT_MAX ranges). A `whole`
 * range (randomly accessed, such as a hash table) is faulted in entirely
 * before the sliced walk over the others. */
void nv_prefault_add(nv_prefault *pf, void *p, size_t len, int whole);
/* Start faulting the ranges in, a slice of each in turn, front to back. */
void nv_prefault_start(nv_prefault *pf);
/* Wait for the thread; the ranges must stay allocated until then. */
void nv_prefault_join(nv_prefault *pf);
/* Page-aligned interior [*lo, *hi) of [p, p + len); empty if none. */
void nv_prefault_interior(const char *p, size_t len, size_t page,
                          const char **lo, const char **hi);

#endif
