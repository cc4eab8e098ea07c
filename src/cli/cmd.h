/*
 * The commands of the dcval binary, one file each.
 */
#ifndef DV_CLI_CMD_H
#define DV_CLI_CMD_H

int dv_cmd_validate(int argc, char **argv);
int dv_cmd_lint(int argc, char **argv);
int dv_cmd_export(int argc, char **argv);
int dv_cmd_infer(int argc, char **argv);
int dv_cmd_profile(int argc, char **argv);
int dv_cmd_diff(int argc, char **argv);
int dv_cmd_merge(int argc, char **argv);

/* Print the top-level help to stdout. */
void dv_main_help(void);

#endif
