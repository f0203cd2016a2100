/* SPDX-License-Identifier: Apache-2.0 */
/* The netvet subcommands. Each is described by an nv_cmd (opts.h): its
 * option table and manual, and its main-like run function, which parses
 * its own options, prints, and returns the process exit status (exit.h).
 * main.c lists them in nv_commands. */
#ifndef NV_CLI_COMMANDS_H
#define NV_CLI_COMMANDS_H

#include "cli/opts.h"

extern const nv_cmd nv_cmd_assess;
extern const nv_cmd nv_cmd_identify;
extern const nv_cmd nv_cmd_import;
extern const nv_cmd nv_cmd_synth;
extern const nv_cmd nv_cmd_whatif;
extern const nv_cmd nv_cmd_check;
extern const nv_cmd nv_cmd_plan;
extern const nv_cmd nv_cmd_timeline;
extern const nv_cmd nv_cmd_vendors;
extern const nv_cmd nv_cmd_packs;

#endif
