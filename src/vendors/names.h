/* SPDX-License-Identifier: Apache-2.0 */
/* Normalisation of vendor names into match keys: ASCII case-fold, words split
 * on every non-alphanumeric byte, trailing legal-form words ("Co., Ltd.",
 * "Oyj", "S.A.") removed. The registry indexes these keys; resolution only
 * ever matches a key exactly, it never guesses. */
#ifndef NV_VENDORS_NAMES_H
#define NV_VENDORS_NAMES_H

#include <stddef.h>

/* Write the normalised key of s[0..len) into out, which must hold at least
 * len bytes (a key is never longer than its input; it is not NUL-terminated).
 * @return the key length; 0 when no word is left (e.g. "Co. Ltd."). O(len). */
size_t nv_name_normalise(const char *s, size_t len, char *out);

/* Is word[0..len) (lowercase) one of the legal-form suffixes stripped by
 * nv_name_normalise? */
int nv_name_is_suffix(const char *word, size_t len);

#endif
