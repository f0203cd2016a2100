/* SPDX-License-Identifier: Apache-2.0 */
/* SHA-256 of a buffer as 64 lowercase hex digits (libcrypto; util/sha256.c),
 * alone so that a module with its own file types (the inventory loader)
 * can hash without util/sha256.h's input list. */
#ifndef NV_UTIL_SHA256_HEX_H
#define NV_UTIL_SHA256_HEX_H

#include <stddef.h>

#define NV_SHA256_HEX 65 /* 64 hex digits and a NUL */

/* @return 0, or NETVET_ENOMEM (out is then ""). */
int nv_sha256_hex(const void *buf, size_t len, char out[NV_SHA256_HEX]);

/* The same digest of bytes given in pieces: new, then for each message
 * begin, add the pieces in order, end. */
typedef struct nv_sha256 nv_sha256;
/* @return the context, or NULL without memory. */
nv_sha256 *nv_sha256_new(void);
void nv_sha256_begin(nv_sha256 *s);
void nv_sha256_add(nv_sha256 *s, const void *p, size_t n);
/* The digest of what was added since begin. @return 0, or NETVET_ENOMEM
 * (libcrypto failed: out is ""). */
int nv_sha256_end(nv_sha256 *s, char out[NV_SHA256_HEX]);
void nv_sha256_free(nv_sha256 *s);

#endif
