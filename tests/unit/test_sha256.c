/* SPDX-License-Identifier: Apache-2.0 */
/* util/sha256: the digests every report names its inputs by, against the
 * FIPS 180-2 examples (SHA-256 of "abc" and of the 448-bit message) and
 * the digest of nothing, in hex and in base64, and a 1 MiB buffer against
 * the value coreutils' sha256sum gives for it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util/sha256.h"

static void hex_is(const char *msg, size_t len, const char *want)
{
    char hex[NV_SHA256_HEX];
    assert_int_equal(nv_sha256_hex(msg, len, hex), 0);
    assert_string_equal(hex, want);
}

static void test_fips_examples(void **state)
{
    (void)state;
    hex_is("abc", 3,
           "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    hex_is(two, strlen(two),
           "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

static void test_empty_and_null(void **state)
{
    (void)state;
    const char *empty =
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    hex_is("", 0, empty);
    hex_is(NULL, 0, empty); /* an empty input may come as (NULL, 0) */
}

/* `head -c 1048576 /dev/zero | tr '\0' 'x' | sha256sum` */
static void test_one_mebibyte(void **state)
{
    (void)state;
    size_t n = (size_t)1 << 20;
    char *buf = malloc(n);
    assert_non_null(buf);
    memset(buf, 'x', n);
    hex_is(buf, n,
           "8f990ba0b577b51cf009ea049368c16bbda1b21e1b93be07a824758bb253c39b");
    free(buf);
}

static void test_base64(void **state)
{
    (void)state;
    char b64[NV_SHA256_BASE64];
    /* `printf abc | sha256sum | cut -d" " -f1 | xxd -r -p | base64` */
    assert_int_equal(nv_sha256_base64("abc", 3, b64), 0);
    assert_string_equal(b64, "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
    assert_int_equal(strlen(b64), NV_SHA256_BASE64 - 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fips_examples),
        cmocka_unit_test(test_empty_and_null),
        cmocka_unit_test(test_one_mebibyte),
        cmocka_unit_test(test_base64),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
