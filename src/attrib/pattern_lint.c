/* SPDX-License-Identifier: Apache-2.0 */
/* A lint run on every pattern when it is loaded: a group that repeats
 * without bound ('*', '+', '{n,}' or '{n,m}' after it) and holds a
 * quantifier itself, such as (a+)+, (.*)* or (\w+\s?){2,}, can take
 * exponential time on a subject that almost matches, so it is refused
 * (docs/attribution.md). A simple scan, not a regex parser: escapes and
 * character classes are skipped, and a nested quantifier anywhere inside
 * the repeated group counts. */
#include <stddef.h>
#include <string.h>

#include "attrib/patterns.h"

#define LINT_DEPTH 64

/* Length of the quantifier at s (0 when there is none); *unbounded set
 * when it can repeat more than once. */
static size_t quantifier(const char *s, int *unbounded)
{
    *unbounded = 0;
    if (*s == '*' || *s == '+') {
        *unbounded = 1;
        return 1;
    }
    if (*s == '?')
        return 1;
    if (*s != '{')
        return 0;
    size_t i = 1;
    while (s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == 1 && s[i] != ',')
        return 0;
    if (s[i] == ',') {
        size_t j = ++i;
        while (s[i] >= '0' && s[i] <= '9')
            i++;
        /* {n,} or {n,m} with m > 1 */
        *unbounded = i == j || !(i == j + 1 && s[j] <= '1');
    }
    return s[i] == '}' ? i + 1 : 0;
}

/* Skip a character class starting at s[0] == '['; returns the index
 * after its ']'. */
static size_t skip_class(const char *s)
{
    size_t i = 1;
    if (s[i] == '^')
        i++;
    if (s[i] == ']')
        i++;
    for (; s[i] && s[i] != ']'; i++)
        if (s[i] == '\\' && s[i + 1])
            i++;
    return s[i] ? i + 1 : i;
}

int nv_pattern_lint(const char *re, size_t *offset)
{
    int inner[LINT_DEPTH]; /* per open group: holds a quantifier */
    size_t open[LINT_DEPTH], depth = 0;
    for (size_t i = 0; re[i];) {
        int unb;
        size_t q;
        if (re[i] == '\\') {
            i += re[i + 1] ? 2 : 1;
        } else if (re[i] == '[') {
            i += skip_class(re + i);
        } else if (re[i] == '(') {
            if (depth == LINT_DEPTH) {
                *offset = i;
                return 1;
            }
            open[depth] = i;
            inner[depth++] = 0;
            i++;
            if (re[i] == '?') /* (?:, (?=, (?<name>: not a quantifier */
                i++;
        } else if (re[i] == ')' && depth) {
            int had = inner[--depth];
            i++;
            q = quantifier(re + i, &unb);
            if (had && unb) {
                *offset = open[depth];
                return 1;
            }
            if (depth && (had || q))
                inner[depth - 1] = 1;
            i += q;
        } else if ((q = quantifier(re + i, &unb)) != 0) {
            if (depth)
                inner[depth - 1] = 1;
            i += q;
        } else {
            i++;
        }
    }
    return 0;
}
