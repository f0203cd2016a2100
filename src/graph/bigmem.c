/* See bigmem.h. The advice goes on the 2 MiB-aligned interior of the
 * block before anything touches it (calloc leaves fresh mmap pages
 * untouched), so the first write faults in a huge page. */
#include "graph/bigmem.h"

#include <stdint.h>
#include <sys/mman.h>

#include "util/alloc.h"

#define HUGE_PAGE ((size_t)2 << 20)

static void advise_huge(void *p, size_t bytes)
{
#ifdef MADV_HUGEPAGE
    uintptr_t lo = ((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
    uintptr_t hi = ((uintptr_t)p + bytes) & ~(uintptr_t)(HUGE_PAGE - 1);
    if (hi > lo)
        madvise((void *)lo, (size_t)(hi - lo), MADV_HUGEPAGE); /* a hint */
#else
    (void)p;
    (void)bytes;
#endif
}

void *nv_big_alloc(size_t n, size_t size, int zero)
{
    size_t bytes;
    if (__builtin_mul_overflow(n, size, &bytes))
        return NULL;
    void *p = zero ? nv_calloc(n, size) : nv_malloc(bytes);
    if (p && bytes >= 4 * HUGE_PAGE)
        advise_huge(p, bytes);
    return p;
}
