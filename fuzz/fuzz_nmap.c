/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz target: arbitrary bytes as nmap XML; checks the counts add up and
 * that whatever CSV is produced loads with the ordinary loader. */
#include "import_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_import(data, size, nv_import_nmap, NULL, "fuzz", 1, 0);
}
