/* One helper thread walks all queued ranges in 64 slices each, so every
 * column stays ahead of a loader that fills them row by row. */
#include "util/prefault.h"

#include <stdint.h>
#include <sys/mman.h>
#include <unistd.h>

#define SLICES 64

void nv_prefault_add(nv_prefault *pf, void *p, size_t len, int whole)
{
    if (pf->n < NV_PREFAULT_MAX && p && len) {
        pf->p[pf->n] = p;
        pf->whole[pf->n] = whole;
        pf->len[pf->n++] = len;
    }
}

void nv_prefault_interior(const char *p, size_t len, size_t page,
                          const char **lo, const char **hi)
{
    uintptr_t a = ((uintptr_t)p + page - 1) & ~(uintptr_t)(page - 1);
    uintptr_t b = ((uintptr_t)p + len) & ~(uintptr_t)(page - 1);
    *lo = (const char *)a;
    *hi = (const char *)(b > a ? b : a);
}

#ifdef MADV_POPULATE_WRITE
static int populate_range(const char *p, size_t len, size_t page)
{
    const char *lo, *hi;
    nv_prefault_interior(p, len, page, &lo, &hi);
    return hi > lo ? madvise((void *)lo, (size_t)(hi - lo), MADV_POPULATE_WRITE)
                   : 0;
}
#endif

static void *populate(void *arg)
{
#ifdef MADV_POPULATE_WRITE
    nv_prefault *pf = arg;
    long sz = sysconf(_SC_PAGESIZE);
    size_t page = sz > 0 ? (size_t)sz : 4096;
    for (size_t i = 0; i < pf->n; i++)
        if (pf->whole[i] && populate_range(pf->p[i], pf->len[i], page) != 0)
            return NULL;
    for (size_t s = 0; s < SLICES; s++) {
        for (size_t i = 0; i < pf->n; i++) {
            if (pf->whole[i])
                continue;
            size_t step = pf->len[i] / SLICES + 1;
            size_t from = s * step, to = from + step;
            if (from >= pf->len[i])
                continue;
            size_t end = to < pf->len[i] ? to : pf->len[i];
            if (populate_range(pf->p[i] + from, end - from, page) != 0)
                return NULL; /* not supported, or no memory: stop */
        }
    }
#else
    (void)arg;
#endif
    return NULL;
}

void nv_prefault_start(nv_prefault *pf)
{
    if (pf->n && !pf->started &&
        pthread_create(&pf->thread, NULL, populate, pf) == 0)
        pf->started = 1;
}

void nv_prefault_join(nv_prefault *pf)
{
    if (pf->started)
        pthread_join(pf->thread, NULL);
    pf->started = 0;
}
