/* SPDX-License-Identifier: Apache-2.0 */
/* Allocation wrappers: overflow-checked array sizes and doubling growth,
 * and huge-page advice for the arrays that want it (nv_huge). */
#include "util/alloc.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "netvet/errors.h"

#ifdef NETVET_FAULT_INJECTION
#include <jansson.h>
#include <libxml/xmlmemory.h>
#include <stdatomic.h>
#include <stdio.h>
#include <unistd.h>

static atomic_long alloc_calls;
static atomic_long alloc_fail_at; /* 0: never */

static void *xml_realloc(void *p, size_t size)
{
    return nv_reallocarray(p, 1, size);
}

/* Read NETVET_FAIL_ALLOC before main; jansson and libxml2 allocate through
 * nv_malloc too, and PCRE2 through a general context (attrib/patterns.c);
 * libyaml is not counted (it has no allocator hook). Only in this build: a
 * release library leaves the process's jansson and libxml2 allocators
 * alone. */
__attribute__((constructor)) static void fault_init(void)
{
    json_set_alloc_funcs(nv_malloc, nv_free);
    xmlMemSetup(nv_free, nv_malloc, xml_realloc, nv_strdup);
    const char *at = getenv("NETVET_FAIL_ALLOC");
    if (at && *at)
        atomic_store(&alloc_fail_at, strtol(at, NULL, 10));
}

/* With NETVET_COUNT_ALLOC=1, the number of allocations made, on stderr. */
__attribute__((destructor)) static void fault_report(void)
{
    const char *c = getenv("NETVET_COUNT_ALLOC");
    if (c && *c == '1')
        fprintf(stderr, "netvet-alloc-count: %ld\n", atomic_load(&alloc_calls));
}

void nv_alloc_fault_set(long at)
{
    atomic_store(&alloc_fail_at, at);
    atomic_store(&alloc_calls, 0);
}

long nv_alloc_fault_count(void) { return atomic_load(&alloc_calls); }

/* Count this allocation; whether it is to fail. */
static int fault(void)
{
    long n = atomic_fetch_add(&alloc_calls, 1) + 1, at = atomic_load(&alloc_fail_at);
    return at > 0 && n >= at;
}
#define FAULT() fault()
#else
#define FAULT() 0
#endif

#define HUGE_FROM ((size_t)2 << 20)
#define HUGE_PAGE ((uintptr_t)2 << 20)

/* Advise huge pages for every page a big block touches (the whole
 * mapping of one glibc maps alone, so the mapping stays one area with one
 * advice; a 1M-element array of 4 bytes a row is just under 4 MiB).
 * Only where asked: on a VM whose free memory goes back to the host (free
 * page reporting) a fresh huge page is zeroed at 1.4-2.2 ms/MB against
 * 0.38 ms/MB for small pages, and a run that follows other work (the
 * benchmark's peer) gets fresh ones. Advice on every block of 2 MiB made
 * such 1M runs 8 % slower (324 against 298 ms, median of 10). */
void *nv_huge(void *p, size_t n, size_t size)
{
    size_t bytes = n * size; /* p holds them: no overflow */
#ifdef MADV_HUGEPAGE
    if (p && bytes >= HUGE_FROM) {
        uintptr_t lo = ((uintptr_t)p) & ~(uintptr_t)4095;
        uintptr_t hi = ((uintptr_t)p + bytes + 4095) & ~(uintptr_t)4095;
        if (hi > lo)
            madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
    }
#else
    (void)bytes;
#endif
    return p;
}

static atomic_long failed_allocs;

long nv_alloc_failures(void) { return atomic_load(&failed_allocs); }

/* p, counting it when it is NULL. */
static void *counted(void *p)
{
    if (!p)
        atomic_fetch_add(&failed_allocs, 1);
    return p;
}

void *nv_malloc(size_t size)
{
    if (FAULT())
        return counted(NULL);
    return counted(malloc(size ? size : 1));
}

void *nv_calloc(size_t n, size_t size)
{
    size_t bytes;
    if (FAULT())
        return counted(NULL);
    if (n == 0 || size == 0)
        return counted(calloc(1, 1));
    if (__builtin_mul_overflow(n, size, &bytes))
        return counted(NULL);
    return counted(calloc(n, size));
}

void *nv_reallocarray(void *p, size_t n, size_t size)
{
    size_t bytes;
    if (FAULT() || __builtin_mul_overflow(n, size, &bytes))
        return counted(NULL);
    return counted(realloc(p, bytes ? bytes : 1));
}

void nv_free(void *p) { free(p); }

char *nv_strndup(const char *s, size_t len)
{
    char *d = nv_malloc(len + 1);
    if (!d)
        return NULL;
    if (len) /* s may be NULL for an empty string: no memcpy(NULL) */
        memcpy(d, s, len);
    d[len] = '\0';
    return d;
}

char *nv_strdup(const char *s) { return nv_strndup(s, strlen(s)); }

int nv_grow(void **items, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return NETVET_OK;
    size_t ncap = *cap ? *cap : 16;
    while (ncap < need) {
        if (__builtin_mul_overflow(ncap, (size_t)2, &ncap))
            return NETVET_ENOMEM;
    }
    void *p = nv_reallocarray(*items, ncap, size);
    if (!p)
        return NETVET_ENOMEM;
    *items = p;
    *cap = ncap;
    return NETVET_OK;
}
