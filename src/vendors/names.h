/* SPDX-License-Identifier: Apache-2.0 */
/* Normalisation of vendor names into match keys: ASCII case-fold, words split
 * on every non-alphanumeric byte, trailing legal-form words ("Co., Ltd.",
 * "Oyj", "S.A.") removed. The registry indexes these keys; resolution only
 * ever matches a key exactly, it never guesses. */
#ifndef NV_VENDORS_NAMES_H
#define NV_VENDORS_NAMES_H

#include <stddef.h>

#include "netvet/vendors.h"

/* Write the normalised key of s[0..len) into out, which must hold at least
 * len bytes (a key is never longer than its input; it is not NUL-terminated).
 * @return the key length; 0 when no word is left (e.g. "Co. Ltd."). O(len). */
size_t nv_name_normalise(const char *s, size_t len, char *out);

/* Is word[0..len) (lowercase) one of the legal-form suffixes stripped by
 * nv_name_normalise? */
int nv_name_is_suffix(const char *word, size_t len);

/* The registry key of a name: nv_name_normalise, after the Unicode NFKC
 * case fold (invisible characters removed) when s has a non-ASCII byte.
 * out holds at least len bytes; a name that cannot be folded (invalid
 * UTF-8, out of memory) gets the ASCII normalisation only. */
size_t nv_name_key(const char *s, size_t len, char *out);

/* The confusable key of a name: nv_name_normalise of its UTS #39 skeleton
 * (vendors/unicode.h; of its upper case when `upper`), in a new buffer
 * *out (nv_free it) of length *n. The registry indexes both keys of each
 * name; a declared name looks both up.
 * @return 0, NETVET_ENOMEM or NETVET_EINVAL (not UTF-8). */
int nv_name_skeleton_key(const char *s, size_t len, int upper, char **out,
                         size_t *n);

/* How a declared name reached its registry vendor. */
typedef enum nv_name_match {
    NV_MATCH_EXACT = 0, /* its key, or its case-folded key to a key that is
                         * itself non-ASCII (a registered native name) */
    NV_MATCH_FOLDED,    /* only once invisible or compatibility characters
                         * were folded away (U+200B, fullwidth, U+00A0) */
    NV_MATCH_CONFUSABLE /* only by its confusable skeleton ("Нuawei") */
} nv_name_match;

/* netvet_registry_resolve, also saying how it matched (*how set when the
 * result is >= 0). */
int nv_registry_resolve_how(const netvet_registry *reg, const char *name,
                            size_t len, nv_name_match *how);

#endif
