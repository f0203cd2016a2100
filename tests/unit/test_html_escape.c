/* SPDX-License-Identifier: Apache-2.0 */
/* nv_html_text, the escaping of every input string in the HTML report:
 * exact expected output for markup, quotes, control characters, C1
 * controls and UTF-8 that must pass through; and the CSP hash of the
 * page's script. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "report/html.h"
#include "util/sha256.h"

/* nv_html_text(s) as a string (caller frees). */
static char *escaped(const char *s)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    nv_html_text(f, s);
    assert_int_equal(fclose(f), 0);
    return buf;
}

static void expect(const char *in, const char *want)
{
    char *got = escaped(in);
    assert_string_equal(got, want);
    free(got);
}

static void test_markup(void **state)
{
    (void)state;
    expect("<script>alert(1)</script>",
           "&lt;script&gt;alert(1)&lt;/script&gt;");
    expect("\"><img src=x onerror=alert(1)>",
           "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect("a & b", "a &amp; b");
    expect("&amp;", "&amp;amp;");
    expect("it's", "it&#39;s");
    expect("' onmouseover='x", "&#39; onmouseover=&#39;x");
    expect("<!-- -->", "&lt;!-- --&gt;");
    expect("]]>", "]]&gt;");
}

static void test_plain_and_utf8(void **state)
{
    (void)state;
    expect("", "");
    expect(NULL, "");
    expect("Huawei Technologies Co., Ltd.", "Huawei Technologies Co., Ltd.");
    /* UTF-8 passes through unchanged: é, 华为, U+00A0, U+2028 */
    expect("Soci\xc3\xa9t\xc3\xa9", "Soci\xc3\xa9t\xc3\xa9");
    expect("\xe5\x8d\x8e\xe4\xb8\xba", "\xe5\x8d\x8e\xe4\xb8\xba");
    expect("a\xc2\xa0" "b", "a\xc2\xa0" "b");
    expect("a\xe2\x80\xa8" "b", "a\xe2\x80\xa8" "b");
}

static void test_controls(void **state)
{
    (void)state;
    expect("a\nb", "a\\x0ab");
    expect("\t\r\x01\x1f", "\\x09\\x0d\\x01\\x1f");
    expect("x\x7fy", "x\\x7fy");
    expect("\x1b[31mred", "\\x1b[31mred");
    /* C1 controls (U+0080..U+009F as UTF-8) */
    expect("a\xc2\x85" "b", "a\\xc2\\x85b");
    expect("\xc2\x9f", "\\xc2\\x9f");
    /* U+00A0 right after the C1 range is text */
    expect("\xc2\xa0", "\xc2\xa0");
    expect("<\n>", "&lt;\\x0a&gt;");
}

static void test_long_name(void **state)
{
    (void)state;
    size_t n = 1 << 20;
    char *s = malloc(n + 1);
    assert_non_null(s);
    for (size_t i = 0; i < n; i++)
        s[i] = i % 2 ? '<' : 'a';
    s[n] = '\0';
    char *got = escaped(s);
    assert_int_equal(strlen(got), n / 2 * (1 + 4));
    assert_memory_equal(got, "a&lt;a&lt;", 10);
    free(got);
    free(s);
}

/* The Content-Security-Policy names the script by the SHA-256 of its
 * exact text, base64: checked against a known vector first. */
static void test_script_hash(void **state)
{
    (void)state;
    char b64[NV_SHA256_BASE64], want[64], got[56];
    nv_sha256_base64("abc", 3, b64);
    assert_string_equal(b64, "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
    nv_sha256_base64(nv_html_script, strlen(nv_html_script), b64);
    snprintf(want, sizeof want, "'sha256-%s'", b64);
    nv_html_script_hash(got);
    assert_string_equal(got, want);
    /* the script stays well-formed XML text: no '<' nor '&' */
    assert_null(strchr(nv_html_script, '<'));
    assert_null(strchr(nv_html_script, '&'));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_markup),
        cmocka_unit_test(test_plain_and_utf8),
        cmocka_unit_test(test_controls),
        cmocka_unit_test(test_long_name),
        cmocka_unit_test(test_script_hash),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
