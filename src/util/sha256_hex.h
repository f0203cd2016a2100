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

#endif
