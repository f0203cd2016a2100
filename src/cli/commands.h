/* The netvet subcommands. Each is main-like: it parses its own options,
 * prints, and returns the process exit status (see exit.h). */
#ifndef NV_CLI_COMMANDS_H
#define NV_CLI_COMMANDS_H

int nv_cmd_assess(int argc, char **argv);
int nv_cmd_identify(int argc, char **argv);
int nv_cmd_import(int argc, char **argv);
int nv_cmd_synth(int argc, char **argv);
int nv_cmd_whatif(int argc, char **argv);
int nv_cmd_check(int argc, char **argv);
int nv_cmd_plan(int argc, char **argv);

#endif
