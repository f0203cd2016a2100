/* SPDX-License-Identifier: Apache-2.0 */
/* Vendor name normalisation and netvet_registry_resolve: turn a declared name
 * ("Huawei Technologies Co., Ltd.") into a key ("huawei technologies") and
 * look it up exactly in the registry's key map. Building that map, and
 * rejecting keys shared by two vendors, is registry.c's job. */
#include "vendors/names.h"

#include <string.h>

#include "util/alloc.h"
#include "vendors/unicode.h"
#include "vendors/registry_int.h"

/* Legal-form words removed from the end of a name, repeatedly. Runs of
 * single letters are joined first, so "S.A." and "S.p.A." count as "sa" and
 * "spa". Descriptive words such as "group", "holding(s)", "technologies" or
 * "networks" are kept: they can name a different company of the group. */
static const char *const suffixes[] = {
    "ab",   "ag",    "as",      "asa",          "bv",      "co",
    "company", "corp", "corporation", "gmbh",   "inc",     "incorporated",
    "kg",   "kk",    "limited", "llc",          "llp",     "ltd",
    "ltda", "nv",    "oao",     "ooo",          "oy",      "oyj",
    "pao",  "plc",   "pte",     "pty",          "pvt",     "sa",
    "sarl", "sas",   "se",      "spa",          "srl",     "zao",
};

/* Longest run of single letters looked at ("s a r l"). */
#define MAX_LETTER_RUN 4

int nv_name_is_suffix(const char *word, size_t len)
{
    for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
        if (strlen(suffixes[i]) == len && memcmp(suffixes[i], word, len) == 0)
            return 1;
    }
    return 0;
}

static int is_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c >= 0x80;
}

static char fold(unsigned char c)
{
    return (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
}

/* Words joined by single spaces, lowercased. @return length. */
static size_t split_words(const char *s, size_t len, char *out)
{
    size_t n = 0;
    int sep = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!is_word_byte(c)) {
            sep = 1;
            continue;
        }
        if (sep && n > 0)
            out[n++] = ' ';
        sep = 0;
        out[n++] = fold(c);
    }
    return n;
}

/* Length of key[0..n) without its last word (and the space before it). */
static size_t drop_last_word(const char *key, size_t n, size_t *word_start)
{
    size_t start = n;
    while (start > 0 && key[start - 1] != ' ')
        start--;
    *word_start = start;
    return start > 0 ? start - 1 : 0;
}

/* If the key ends in 2..MAX_LETTER_RUN one-letter words that spell a
 * suffix ("s a"), return the length without them; else n. */
static size_t strip_letter_run(const char *key, size_t n)
{
    char letters[MAX_LETTER_RUN];
    size_t cut[MAX_LETTER_RUN]; /* key length without the last k+1 words */
    size_t k = 0, end = n;
    while (k < MAX_LETTER_RUN && end > 0) {
        size_t start;
        size_t rest = drop_last_word(key, end, &start);
        if (end - start != 1)
            break;
        letters[k] = key[start];
        cut[k++] = rest;
        end = rest;
    }
    for (; k >= 2; k--) {
        char word[MAX_LETTER_RUN];
        for (size_t i = 0; i < k; i++)
            word[i] = letters[k - 1 - i];
        if (nv_name_is_suffix(word, k))
            return cut[k - 1];
    }
    return n;
}

size_t nv_name_normalise(const char *s, size_t len, char *out)
{
    size_t n = split_words(s, len, out);
    while (n > 0) {
        size_t start;
        size_t rest = drop_last_word(out, n, &start);
        if (nv_name_is_suffix(out + start, n - start)) {
            n = rest;
            continue;
        }
        size_t shorter = strip_letter_run(out, n);
        if (shorter == n)
            break;
        n = shorter;
    }
    return n;
}

size_t nv_name_key(const char *s, size_t len, char *out)
{
    char *folded;
    size_t flen;
    if (!nv_uname_has_non_ascii(s, len) ||
        nv_uname_fold(s, len, &folded, &flen) < 0)
        return nv_name_normalise(s, len, out);
    size_t n = 0;
    if (flen <= len) /* NFKC may grow a name ("ﬃ"); then ASCII only */
        n = nv_name_normalise(folded, flen, out);
    else
        n = nv_name_normalise(s, len, out);
    nv_free(folded);
    return n;
}

int nv_name_skeleton_key(const char *s, size_t len, int upper, char **out,
                         size_t *n)
{
    char *skel;
    size_t slen;
    *out = NULL;
    *n = 0;
    int rc = nv_uname_skeleton(s, len, upper, &skel, &slen);
    if (rc < 0)
        return rc;
    *n = nv_name_normalise(skel, slen, skel);
    *out = skel;
    return 0;
}

/* Registry vendor of key[0..n), and whether that key is non-ASCII. */
static int key_vendor(const netvet_registry *reg, const char *key, size_t n,
                      int *native)
{
    *native = nv_uname_has_non_ascii(key, n);
    return n > 0 ? nv_registry_key_vendor(reg, key, n) : -1;
}

/* The Unicode steps of resolution, for a name whose ASCII key missed. */
static int resolve_unicode(const netvet_registry *reg, const char *name,
                           size_t len, char *key, nv_name_match *how)
{
    int native = 0, found = -1;
    if (nv_uname_has_non_ascii(name, len)) {
        found = key_vendor(reg, key, nv_name_key(name, len, key), &native);
        if (found >= 0) {
            *how = native && !nv_uname_has_invisible(name, len)
                       ? NV_MATCH_EXACT : NV_MATCH_FOLDED;
            return found;
        }
    }
    *how = NV_MATCH_CONFUSABLE;
    for (int upper = 0; upper < 2 && found < 0; upper++) {
        char *skel;
        size_t n;
        if (nv_name_skeleton_key(name, len, upper, &skel, &n) < 0)
            return -1;
        found = n > 0 ? nv_registry_skel_vendor(reg, skel, n) : -1;
        nv_free(skel);
    }
    return found;
}

int nv_registry_resolve_how(const netvet_registry *reg, const char *name,
                            size_t len, nv_name_match *how)
{
    nv_name_match unused;
    if (!how)
        how = &unused;
    if (!reg || !name || len == 0)
        return -1;
    char small[256];
    char *key = len <= sizeof(small) ? small : nv_malloc(len);
    if (!key)
        return -1;
    size_t n = nv_name_normalise(name, len, key);
    int found = n > 0 ? nv_registry_key_vendor(reg, key, n) : -1;
    *how = NV_MATCH_EXACT;
    if (found < 0)
        found = resolve_unicode(reg, name, len, key, how);
    if (key != small)
        nv_free(key);
    return found;
}

int netvet_registry_resolve(const netvet_registry *reg, const char *name,
                            size_t len)
{
    return nv_registry_resolve_how(reg, name, len, NULL);
}

const char *netvet_name_how_name(netvet_name_how how)
{
    static const char *const names[] = {"none",       "exact",  "alias",
                                        "normalised", "folded", "look-alike"};
    return (unsigned)how < sizeof(names) / sizeof(names[0]) ? names[how]
                                                             : "none";
}

/* The entry text (id, name or alias) that produced the key of `name`, and
 * whether it is that text byte for byte. */
static void explain_key(const netvet_registry *reg, const char *name,
                        size_t len, netvet_name_resolution *out)
{
    char small[256];
    char *key = len <= sizeof(small) ? small : nv_malloc(len);
    const nv_keyref *k = NULL;
    if (key) {
        size_t n = nv_name_normalise(name, len, key);
        k = n ? nv_registry_key_ref(reg, key, n) : NULL;
        if (!k && nv_uname_has_non_ascii(name, len)) {
            n = nv_name_key(name, len, key);
            k = n ? nv_registry_key_ref(reg, key, n) : NULL;
        }
    }
    if (k && k->vendor == out->vendor)
        out->matched = nv_registry_key_text(reg, k);
    if (key != small)
        nv_free(key);
}

static int same_text(const char *text, const char *name, size_t len)
{
    return text && strlen(text) == len && !memcmp(text, name, len);
}

/* Is `name` byte for byte the id, name or an alias of vendor v? */
static void explain_exact(const netvet_registry *reg, const char *name,
                          size_t len, netvet_name_resolution *out)
{
    const netvet_vendor *vd = netvet_registry_vendor(reg, (size_t)out->vendor);
    if (same_text(vd->id, name, len) || same_text(vd->name, name, len)) {
        out->how = NETVET_NAME_EXACT;
        out->matched = same_text(vd->id, name, len) ? vd->id : vd->name;
        return;
    }
    for (size_t j = 0; j < nv_registry_alias_count(reg, (size_t)out->vendor);
         j++) {
        const char *a = nv_registry_alias(reg, (size_t)out->vendor, j);
        if (same_text(a, name, len)) {
            out->how = NETVET_NAME_ALIAS;
            out->matched = a;
            return;
        }
    }
}

int netvet_registry_explain_name(const netvet_registry *reg,
                                 const char *name, size_t len,
                                 netvet_name_resolution *out)
{
    nv_name_match how;
    if (!out)
        return -1;
    out->vendor = nv_registry_resolve_how(reg, name, len, &how);
    out->how = NETVET_NAME_NONE;
    out->matched = NULL;
    if (out->vendor < 0)
        return -1;
    out->how = how == NV_MATCH_CONFUSABLE ? NETVET_NAME_LOOKALIKE
               : how == NV_MATCH_FOLDED   ? NETVET_NAME_FOLDED
                                          : NETVET_NAME_NORMALISED;
    if (how != NV_MATCH_CONFUSABLE) {
        explain_key(reg, name, len, out);
        explain_exact(reg, name, len, out);
    }
    return out->vendor;
}
