/* SPDX-License-Identifier: Apache-2.0 */
/* A growable text buffer for messages and descriptions built piece by
 * piece: appends after an allocation failure are dropped and `oom` says so,
 * so callers check once at the end. */
#ifndef NV_UTIL_TEXT_H
#define NV_UTIL_TEXT_H

#include <stdarg.h>
#include <stddef.h>

typedef struct nv_text {
    char *s;      /* NUL-terminated once anything was added (owned) */
    size_t len, cap;
    int oom;
} nv_text;

void nv_text_add(nv_text *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void nv_text_vadd(nv_text *t, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
void nv_text_dispose(nv_text *t);

#endif
