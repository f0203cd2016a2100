/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz target: arbitrary bytes as GraphML; checks the counts add up and
 * that whatever CSV is produced loads with the ordinary loader. */
#include "import_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_import(data, size, nv_import_graphml, NULL, "fuzz", 0, 0);
}
