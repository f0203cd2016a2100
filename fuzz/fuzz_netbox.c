/* SPDX-License-Identifier: Apache-2.0 */
/* Fuzz target: arbitrary bytes as a NetBox REST response; runs the collect
 * and finish steps, checks the counts add up and loads the output. */
#include "import_fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return fuzz_import(data, size, nv_import_netbox, nv_import_netbox_finish, "fuzz", 0, 0);
}
