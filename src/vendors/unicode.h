/* SPDX-License-Identifier: Apache-2.0 */
/* Unicode side of vendor names, on ICU: the NFKC case fold (default-ignorable
 * characters such as U+200B and U+FEFF removed) that makes a declared name
 * comparable to the registry's, the UTS #39 confusable skeleton that catches
 * look-alikes ("Нuawei" with a Cyrillic Н), and a short description of why a
 * name needed either. Names are resolved once per distinct string. */
#ifndef NV_VENDORS_UNICODE_H
#define NV_VENDORS_UNICODE_H

#include <stddef.h>

/* 1 if s[0..len) has a byte >= 0x80. */
int nv_uname_has_non_ascii(const char *s, size_t len);

/* NFKC_Casefold of UTF-8 s[0..len) into a new NUL-terminated buffer *out
 * (nv_free it), length *out_len. Invalid UTF-8 fails.
 * @return 0, NETVET_ENOMEM or NETVET_EINVAL. */
int nv_uname_fold(const char *s, size_t len, char **out, size_t *out_len);

/* Confusable skeleton of s: default-ignorables removed, NFKC, upper-cased
 * when `upper` (a skeleton is case-sensitive: 'I' and 'l' share one, 'i'
 * does not, and Cyrillic 'н' looks like 'H' only in capitals), the UTS #39
 * skeleton (uspoof_getSkeleton), then NFKC_Casefold. Two names whose
 * skeletons are equal look alike. Same contract as nv_uname_fold. */
int nv_uname_skeleton(const char *s, size_t len, int upper, char **out,
                      size_t *out_len);

/* 1 if s has a default-ignorable (invisible) code point. */
int nv_uname_has_invisible(const char *s, size_t len);

/* Why s looked like a registry name it does not equal, into out:
 * "mixed scripts (Cyrillic Н)", "look-alike characters (Greek Ζ)",
 * "invisible characters (U+200B)" or "compatibility characters (U+FF28 Ｈ)".
 * `confusable` = it matched by skeleton only. */
void nv_uname_describe(const char *s, size_t len, int confusable, char *out,
                       size_t size);

#endif
