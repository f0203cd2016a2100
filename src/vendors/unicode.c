/* SPDX-License-Identifier: Apache-2.0 */
/* ICU-backed folding, confusable skeletons and descriptions of vendor names
 * (see unicode.h). UTF-8 in and out; UTF-16 only inside. One spoof checker
 * per process, opened once: its skeleton calls are safe across threads. */
#include "vendors/unicode.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "netvet/errors.h"
#include "util/alloc.h"

int nv_uname_has_non_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80)
            return 1;
    return 0;
}

/* UTF-8 -> new UTF-16 buffer. */
static int to_u16(const char *s, size_t len, UChar **out, int32_t *n)
{
    UErrorCode st = U_ZERO_ERROR;
    *out = NULL;
    if (len > (size_t)INT32_MAX / 4)
        return NETVET_EINVAL;
    u_strFromUTF8(NULL, 0, n, s, (int32_t)len, &st);
    if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
        return NETVET_EINVAL;
    *out = nv_malloc(((size_t)*n + 1) * sizeof(UChar));
    if (!*out)
        return NETVET_ENOMEM;
    st = U_ZERO_ERROR;
    u_strFromUTF8(*out, *n + 1, n, s, (int32_t)len, &st);
    return U_FAILURE(st) ? NETVET_EINVAL : 0;
}

/* UTF-16 -> new NUL-terminated UTF-8 buffer. */
static int to_u8(const UChar *u, int32_t n, char **out, size_t *out_len)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t m = 0;
    *out = NULL;
    u_strToUTF8(NULL, 0, &m, u, n, &st);
    if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
        return NETVET_EINVAL;
    *out = nv_malloc((size_t)m + 1);
    if (!*out)
        return NETVET_ENOMEM;
    st = U_ZERO_ERROR;
    u_strToUTF8(*out, m + 1, &m, u, n, &st);
    if (U_FAILURE(st)) {
        nv_free(*out);
        *out = NULL;
        return NETVET_EINVAL;
    }
    *out_len = (size_t)m;
    return 0;
}

/* Normalise u[0..*n) with `norm` into a new buffer that replaces *u. */
static int normalize(const UNormalizer2 *norm, UChar **u, int32_t *n)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t m = unorm2_normalize(norm, *u, *n, NULL, 0, &st);
    if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
        return NETVET_EINVAL;
    UChar *d = nv_malloc(((size_t)m + 1) * sizeof(UChar));
    if (!d)
        return NETVET_ENOMEM;
    st = U_ZERO_ERROR;
    m = unorm2_normalize(norm, *u, *n, d, m + 1, &st);
    nv_free(*u);
    *u = d;
    *n = m;
    return U_FAILURE(st) ? NETVET_EINVAL : 0;
}

static const UNormalizer2 *casefold_norm(void)
{
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *n = unorm2_getNFKCCasefoldInstance(&st);
    return U_FAILURE(st) ? NULL : n;
}

int nv_uname_fold(const char *s, size_t len, char **out, size_t *out_len)
{
    UChar *u = NULL;
    int32_t n;
    const UNormalizer2 *cf = casefold_norm();
    int rc = cf ? to_u16(s, len, &u, &n) : NETVET_EINVAL;
    if (rc == 0)
        rc = normalize(cf, &u, &n);
    if (rc == 0)
        rc = to_u8(u, n, out, out_len);
    nv_free(u);
    return rc;
}

/* Drop default-ignorable code points from u[0..*n) in place. */
static void drop_invisible(UChar *u, int32_t *n)
{
    int32_t i = 0, w = 0;
    while (i < *n) {
        int32_t start = i;
        UChar32 c;
        U16_NEXT(u, i, *n, c);
        if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
            continue;
        while (start < i)
            u[w++] = u[start++];
    }
    *n = w;
}

static USpoofChecker *spoof;
static pthread_once_t spoof_once = PTHREAD_ONCE_INIT;

static void open_spoof(void)
{
    UErrorCode st = U_ZERO_ERROR;
    USpoofChecker *sc = uspoof_open(&st);
    if (U_FAILURE(st))
        return;
    spoof = sc;
}

/* Skeleton of u[0..*n), replacing *u. */
static int skeleton(UChar **u, int32_t *n)
{
    pthread_once(&spoof_once, open_spoof);
    if (!spoof)
        return NETVET_EINVAL;
    UErrorCode st = U_ZERO_ERROR;
    int32_t m = uspoof_getSkeleton(spoof, 0, *u, *n, NULL, 0, &st);
    if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
        return NETVET_EINVAL;
    UChar *d = nv_malloc(((size_t)m + 1) * sizeof(UChar));
    if (!d)
        return NETVET_ENOMEM;
    st = U_ZERO_ERROR;
    m = uspoof_getSkeleton(spoof, 0, *u, *n, d, m + 1, &st);
    nv_free(*u);
    *u = d;
    *n = m;
    return U_FAILURE(st) ? NETVET_EINVAL : 0;
}

/* Full Unicode upper case of u[0..*n) (root locale), replacing *u. */
static int upper_case(UChar **u, int32_t *n)
{
    UErrorCode st = U_ZERO_ERROR;
    int32_t m = u_strToUpper(NULL, 0, *u, *n, "", &st);
    if (st != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(st))
        return NETVET_EINVAL;
    UChar *d = nv_malloc(((size_t)m + 1) * sizeof(UChar));
    if (!d)
        return NETVET_ENOMEM;
    st = U_ZERO_ERROR;
    m = u_strToUpper(d, m + 1, *u, *n, "", &st);
    nv_free(*u);
    *u = d;
    *n = m;
    return U_FAILURE(st) ? NETVET_EINVAL : 0;
}

int nv_uname_skeleton(const char *s, size_t len, int upper, char **out,
                      size_t *out_len)
{
    UChar *u = NULL;
    int32_t n;
    UErrorCode st = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&st);
    const UNormalizer2 *cf = casefold_norm();
    int rc = U_SUCCESS(st) && cf ? to_u16(s, len, &u, &n) : NETVET_EINVAL;
    if (rc == 0) {
        drop_invisible(u, &n);
        rc = normalize(nfkc, &u, &n);
    }
    if (rc == 0 && upper)
        rc = upper_case(&u, &n);
    if (rc == 0)
        rc = skeleton(&u, &n);
    if (rc == 0)
        rc = normalize(cf, &u, &n);
    if (rc == 0)
        rc = to_u8(u, n, out, out_len);
    nv_free(u);
    return rc;
}

int nv_uname_has_invisible(const char *s, size_t len)
{
    int32_t i = 0, n = len > INT32_MAX ? INT32_MAX : (int32_t)len;
    while (i < n) {
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c >= 0 && u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
            return 1;
    }
    return 0;
}

/* Script of c, or USCRIPT_COMMON for punctuation, digits and the like. */
static UScriptCode script_of(UChar32 c)
{
    UErrorCode st = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &st);
    return U_FAILURE(st) ? USCRIPT_COMMON : sc;
}

/* First code point of s that is not ASCII (and, if `visible`, not
 * default-ignorable); also whether s has a Latin letter. */
static UChar32 first_odd(const char *s, int32_t n, int visible, int *latin,
                         int32_t *at)
{
    UChar32 found = -1;
    *latin = 0;
    for (int32_t i = 0; i < n;) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, n, c);
        if (c >= 0 && script_of(c) == USCRIPT_LATIN)
            *latin = 1;
        if (found < 0 && c >= 0x80 &&
            !(visible && u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))) {
            found = c;
            *at = start;
        }
    }
    return found;
}

void nv_uname_describe(const char *s, size_t len, int confusable, char *out,
                       size_t size)
{
    int32_t n = len > INT32_MAX ? INT32_MAX : (int32_t)len, at = 0;
    int latin;
    UChar32 c = first_odd(s, n, confusable, &latin, &at);
    int clen = c < 0 ? 0 : U8_LENGTH(c);
    if (c < 0)
        snprintf(out, size, "look-alike characters");
    else if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
        snprintf(out, size, "invisible characters (U+%04X)", (unsigned)c);
    else if (confusable && script_of(c) > USCRIPT_INHERITED)
        snprintf(out, size, "%s (%s %.*s)",
                 latin ? "mixed scripts" : "look-alike characters",
                 uscript_getName(script_of(c)), clen, s + at);
    else
        snprintf(out, size, "%s (U+%04X%s%.*s)",
                 confusable ? "look-alike characters" : "compatibility characters",
                 (unsigned)c, u_isgraph(c) ? " " : "", u_isgraph(c) ? clen : 0,
                 s + at);
}
