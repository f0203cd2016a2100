/* SPDX-License-Identifier: Apache-2.0 */
/* SHA-256 as 64 lowercase hex digits (libcrypto; util/sha256.c), of a
 * buffer or of bytes given in pieces, alone so that a module with its own
 * file types (the inventory loader) can hash without util/sha256.h's
 * input list. */
#ifndef NV_UTIL_SHA256_HEX_H
#define NV_UTIL_SHA256_HEX_H

#include <stddef.h>

#define NV_SHA256_HEX 65 /* 64 hex digits and a NUL */

/* @return 0, or NETVET_ENOMEM (out is then ""). */
int nv_sha256_hex(const void *buf, size_t len, char out[NV_SHA256_HEX]);

/* The digest of bytes given in pieces: nv_sha256_new, nv_sha256_add for
 * each piece in order, nv_sha256_end; then nv_sha256_free (which also
 * takes NULL). One thread at a time may use a given one. */
typedef struct nv_sha256 nv_sha256;
/* @return 0, or NETVET_ENOMEM (*out is then NULL). */
int nv_sha256_new(nv_sha256 **out);
/* @return 0, or NETVET_ENOMEM. */
int nv_sha256_add(nv_sha256 *h, const void *buf, size_t len);
/* The digest of everything added. @return 0, or NETVET_ENOMEM (out is
 * then ""). */
int nv_sha256_end(nv_sha256 *h, char out[NV_SHA256_HEX]);
void nv_sha256_free(nv_sha256 *h);

#endif
