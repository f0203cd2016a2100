/* Large per-vertex arrays of the analysis (CSR, masks, dominator arrays,
 * the view's columns): plain nv_malloc/nv_calloc memory, released with
 * nv_free, advised onto transparent huge pages where the kernel has them,
 * so that filling them takes one page fault per 2 MiB instead of per
 * 4 KiB and random reads miss the TLB less. */
#ifndef NV_GRAPH_BIGMEM_H
#define NV_GRAPH_BIGMEM_H

#include <stddef.h>

/* n * size bytes, uninitialised (zeroed when zero != 0), or NULL on
 * overflow or ENOMEM. Small sizes get no advice. */
void *nv_big_alloc(size_t n, size_t size, int zero);

#endif
