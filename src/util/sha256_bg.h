/* SPDX-License-Identifier: Apache-2.0 */
/* SHA-256 of large buffers on spare CPU. Each buffer is hashed by a thread
 * of its own at the lowest priority (nice 19, Linux), so the work someone
 * waits for (the parse, the analysis) keeps the cores and the digests use
 * what it leaves idle. The first caller who needs a digest takes over
 * what is left of it and finishes it at its own priority: a busy machine
 * delays the answer, never starves it.
 *
 * Ownership: the hasher reads the buffers until their digests are done;
 * the caller may read them too until it says it is done
 * (nv_sha256_bg_done_reading). Once both are done with buffer i, release
 * (arg, i) is called exactly once, from whichever thread finished last;
 * nv_sha256_bg_free releases whatever was not yet. */
#ifndef NV_UTIL_SHA256_BG_H
#define NV_UTIL_SHA256_BG_H

#include <stddef.h>

#include "util/sha256_hex.h"

typedef struct nv_sha256_bg nv_sha256_bg;

/* Buffer i is no longer read by anyone (may be NULL). */
typedef void (*nv_sha256_bg_release)(void *arg, size_t i);

/* Start hashing bufs[i][0..lens[i]) for each i < n. A thread that cannot
 * start leaves its buffer to the first nv_sha256_bg_digest. On failure
 * nothing is released: the buffers stay the caller's.
 * @param[out] out free with nv_sha256_bg_free.
 * @return 0 or NETVET_ENOMEM. */
int nv_sha256_bg_start(nv_sha256_bg **out, const void *const *bufs,
                       const size_t *lens, size_t n,
                       nv_sha256_bg_release release, void *arg);

/* The caller reads none of the buffers any more. */
void nv_sha256_bg_done_reading(nv_sha256_bg *bg);

/* The digest of buffer i as hex, finishing it in the calling thread if
 * its worker has not; "" when i is out of range. Safe from any thread.
 * The string lives as long as bg. */
const char *nv_sha256_bg_digest(nv_sha256_bg *bg, size_t i);

/* Stop the workers (unfinished digests are dropped), release every
 * buffer not yet released, free bg. NULL is a no-op. */
void nv_sha256_bg_free(nv_sha256_bg *bg);

#endif
