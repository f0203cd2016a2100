/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz target: arbitrary bytes as snmpwalk output; checks the counts add
 * up and that the row written loads with the ordinary loader. */
#include "import_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_import(data, size, nv_import_snmpwalk, NULL, "dev1.txt", 1, 1);
}
