/* SPDX-License-Identifier: Apache-2.0 */
/* Page boundaries of addresses in mapped inputs, for the madvise calls
 * that map their pages ahead or hand them back. */
#ifndef NV_UTIL_PAGES_H
#define NV_UTIL_PAGES_H

#include <stdint.h>
#include <unistd.h>

static inline uintptr_t nv_page_mask(void)
{
    long page = sysconf(_SC_PAGESIZE);
    return (uintptr_t)(page > 0 ? page : 4096) - 1;
}

/* p rounded down, or up, to a page boundary. */
static inline uintptr_t nv_page_down(const void *p)
{
    return (uintptr_t)p & ~nv_page_mask();
}

static inline uintptr_t nv_page_up(const void *p)
{
    uintptr_t mask = nv_page_mask();
    return ((uintptr_t)p + mask) & ~mask;
}

#endif
