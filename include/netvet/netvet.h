/* SPDX-License-Identifier: Apache-2.0 */
/* netvet: vet a telecom network's supply chain. The umbrella header: the
 * command-line front end includes only this. */
#ifndef NETVET_NETVET_H
#define NETVET_NETVET_H

#include "assess.h"
#include "attrib.h"
#include "errors.h"
#include "inventory.h"
#include "policy.h"
#include "report.h"
#include "results.h"
#include "sources.h"
#include "synth.h"
#include "vendors.h"
#include "waivers.h"
#include "whatif.h"
/* generated into the build's include directory, hence the full name */
#include "netvet/version.h"

#endif
