/* Allocation wrappers: overflow-checked array sizes and doubling growth. */
#include "util/alloc.h"

#include <stdlib.h>
#include <string.h>

#include "netvet/errors.h"

void *nv_malloc(size_t size) { return malloc(size ? size : 1); }

void *nv_calloc(size_t n, size_t size)
{
    if (n == 0 || size == 0)
        return calloc(1, 1);
    return calloc(n, size);
}

void *nv_reallocarray(void *p, size_t n, size_t size)
{
    size_t bytes;
    if (__builtin_mul_overflow(n, size, &bytes))
        return NULL;
    return realloc(p, bytes ? bytes : 1);
}

void nv_free(void *p) { free(p); }

char *nv_strndup(const char *s, size_t len)
{
    char *d = malloc(len + 1);
    if (!d)
        return NULL;
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
