/* SPDX-License-Identifier: Apache-2.0 */
/* The running library's version, from the version CMake generates out of
 * project() (netvet/version.h): one number, kept in CMakeLists.txt. */
#include "netvet/version.h"

const char *netvet_version(void) { return NETVET_VERSION; }
