/* SPDX-License-Identifier: Apache-2.0 */
/* SHA-256 of an input file's bytes, as 64 lowercase hex digits, so every
 * report can name exactly which overlay or pack it was given (nettle). */
#ifndef NV_UTIL_SHA256_H
#define NV_UTIL_SHA256_H

#include <stddef.h>

#define NV_SHA256_HEX 65 /* 64 hex digits and a NUL */

void nv_sha256_hex(const void *buf, size_t len, char out[NV_SHA256_HEX]);

#endif
