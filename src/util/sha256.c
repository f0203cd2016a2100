/* SPDX-License-Identifier: Apache-2.0 */
/* SHA-256 as hex, by nettle, and the list of hashed input files
 * (util/sha256.h). */
#include <nettle/base64.h>
#include <nettle/sha2.h>
#include <stdio.h>

#include "util/alloc.h"
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

void nv_sha256_base64(const void *buf, size_t len,
                      char out[NV_SHA256_BASE64])
{
    struct sha256_ctx ctx;
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, len, buf ? (const uint8_t *)buf : (const uint8_t *)"");
    sha256_digest(&ctx, sizeof d, d);
    base64_encode_raw((char *)out, sizeof d, d);
    out[BASE64_ENCODE_RAW_LENGTH(sizeof d)] = '\0';
}

int nv_file_inputs_add(nv_file_inputs *l, const char *path, const void *buf,
                       size_t len)
{
    char *copy = nv_strdup(path ? path : "");
    if (!copy || NV_GROW(l->items, l->cap, l->n + 1) < 0) {
        nv_free(copy);
        return NETVET_ENOMEM;
    }
    nv_file_input *x = &l->items[l->n];
    x->path = copy;
    nv_sha256_hex(buf, len, x->sha256);
    x->bytes = len;
    x->kind = NULL;
    x->version[0] = '\0';
    l->n++;
    return NETVET_OK;
}

void nv_file_inputs_label(nv_file_inputs *l, const char *kind,
                          const char *version)
{
    if (!l->n)
        return;
    nv_file_input *x = &l->items[l->n - 1];
    x->kind = kind;
    snprintf(x->version, sizeof(x->version), "%s", version ? version : "");
}

netvet_input nv_file_inputs_get(const nv_file_inputs *l, const char *kind,
                                size_t i)
{
    netvet_input in = NETVET_INPUT_NONE;
    if (l && i < l->n) {
        const nv_file_input *x = &l->items[i];
        in.kind = x->kind ? x->kind : kind;
        in.path = x->path;
        in.sha256 = x->sha256;
        in.version = x->version[0] ? x->version : NULL;
        in.bytes = x->bytes;
        in.has_bytes = 1;
    }
    return in;
}

void nv_file_inputs_dispose(nv_file_inputs *l)
{
    for (size_t i = 0; i < l->n; i++)
        nv_free(l->items[i].path);
    nv_free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}
