/* SPDX-License-Identifier: Apache-2.0 */
/* nv_json_quote against jansson itself: the streamed parts of the JSON
 * report (element lists, per-sink dependencies) must quote strings byte
 * for byte as jansson does. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "report/report.h"

static void same_as_jansson(const char *s)
{
    json_t *j = json_string(s);
    assert_non_null(j);
    char *want = json_dumps(j, JSON_ENCODE_ANY);
    json_decref(j);
    assert_non_null(want);
    char *got = malloc(6 * strlen(s) + 3);
    assert_non_null(got);
    size_t n = nv_json_quote(got, s);
    got[n] = '\0';
    assert_string_equal(got, want);
    free(got);
    free(want);
}

static void test_every_ascii_byte(void **state)
{
    (void)state;
    for (int c = 1; c < 128; c++) {
        char s[4] = {'a', (char)c, 'z', 0};
        same_as_jansson(s);
    }
}

static void test_mixed_strings(void **state)
{
    (void)state;
    same_as_jansson("");
    same_as_jansson("NE00000001");
    same_as_jansson("two\nlines \"quoted\" back\\slash\ttab");
    same_as_jansson("caf\xc3\xa9 \xe2\x80\xa8 \xf0\x9f\x93\xa1 /path");
    same_as_jansson("\x01\x1f\x7f");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_ascii_byte),
        cmocka_unit_test(test_mixed_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
