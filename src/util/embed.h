/* SPDX-License-Identifier: Apache-2.0 */
/* Built-in data compiled into the library by cmake/Embed.cmake: the default
 * vendor registry and the table of built-in policy packs. */
#ifndef NV_UTIL_EMBED_H
#define NV_UTIL_EMBED_H

#include <stddef.h>

typedef struct nv_builtin_pack {
    const char *name;           /* pack file name without .yaml */
    const unsigned char *data;  /* YAML text, NUL-terminated */
    const size_t *len;          /* bytes, without the NUL */
} nv_builtin_pack;

/* Terminated by a row with name == NULL. */
extern const nv_builtin_pack nv_builtin_packs[];

extern const unsigned char nv_builtin_registry[];
extern const size_t nv_builtin_registry_len;
extern const unsigned char nv_builtin_registry_world[];
extern const size_t nv_builtin_registry_world_len;

#endif
