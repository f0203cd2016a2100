/* SPDX-License-Identifier: Apache-2.0 */
/* SHA-256 of an input file's bytes, as 64 lowercase hex digits, so every
 * report can name exactly which overlay or pack it was given (libcrypto). */
#ifndef NV_UTIL_SHA256_H
#define NV_UTIL_SHA256_H

#include <stddef.h>

#include "netvet/errors.h"

#include "util/sha256_hex.h"

/* The same digest in base64 (RFC 4648, padded: 44 characters and a NUL),
 * as a Content-Security-Policy hash source wants it. @return 0, or
 * NETVET_ENOMEM (out is then ""). */
#define NV_SHA256_BASE64 45
int nv_sha256_base64(const void *buf, size_t len, char out[NV_SHA256_BASE64]);

/* The files an object was read from (overlay registries, pattern files,
 * waiver files), each with the SHA-256 of its bytes, in order. Zero it to
 * start; nv_file_inputs_dispose frees it. */
typedef struct nv_file_input {
    char *path; /* owned */
    char sha256[NV_SHA256_HEX];
    size_t bytes;        /* length hashed */
    const char *kind;    /* static; NULL: the kind nv_file_inputs_get is given */
    char version[11];    /* YYYY-MM-DD the data states, "" none */
} nv_file_input;

typedef struct nv_file_inputs {
    nv_file_input *items;
    size_t n, cap;
} nv_file_inputs;

/* Record `path` and the hash of buf[0..len). @return 0 or NETVET_ENOMEM. */
int nv_file_inputs_add(nv_file_inputs *l, const char *path, const void *buf,
                       size_t len);
/* The last input added: set its own kind (a static string) and version
 * (YYYY-MM-DD, or NULL for none); for lists of mixed kinds. */
void nv_file_inputs_label(nv_file_inputs *l, const char *kind,
                          const char *version);
/* Input i as a netvet_input of `kind` unless it has its own, with its
 * size and version (all NULL when i is out of range). */
netvet_input nv_file_inputs_get(const nv_file_inputs *l, const char *kind,
                                size_t i);
void nv_file_inputs_dispose(nv_file_inputs *l);

#endif
