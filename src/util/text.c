/* SPDX-License-Identifier: Apache-2.0 */
/* A growable message buffer that stops growing, and remembers it, when
 * memory runs out (util/text.h). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "util/text.h"

void nv_text_vadd(nv_text *t, const char *fmt, va_list ap)
{
    if (t->oom)
        return;
    for (;;) {
        size_t room = t->cap - t->len;
        va_list cp;
        va_copy(cp, ap);
        int n = vsnprintf(t->s ? t->s + t->len : NULL, room, fmt, cp);
        va_end(cp);
        if (n < 0) {
            t->oom = 1;
            return;
        }
        if ((size_t)n < room) {
            t->len += (size_t)n;
            return;
        }
        if (NV_GROW(t->s, t->cap, t->len + (size_t)n + 1) < 0) {
            t->oom = 1;
            return;
        }
    }
}

void nv_text_add(nv_text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    nv_text_vadd(t, fmt, ap);
    va_end(ap);
}

void nv_text_dispose(nv_text *t)
{
    nv_free(t->s);
    memset(t, 0, sizeof(*t));
}
