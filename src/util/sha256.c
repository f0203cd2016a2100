/* SPDX-License-Identifier: Apache-2.0 */
/* SHA-256 as hex (util/sha256.h), by nettle. */
#include <nettle/sha2.h>

#include "util/sha256.h"

void nv_sha256_hex(const void *buf, size_t len, char out[NV_SHA256_HEX])
{
    static const char hex[] = "0123456789abcdef";
    struct sha256_ctx ctx;
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, len, buf ? (const uint8_t *)buf : (const uint8_t *)"");
    sha256_digest(&ctx, sizeof d, d);
    for (size_t i = 0; i < sizeof d; i++) {
        out[2 * i] = hex[d[i] >> 4];
        out[2 * i + 1] = hex[d[i] & 15];
    }
    out[2 * sizeof d] = '\0';
}
