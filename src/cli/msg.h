/*
 * Every message the command prints about itself goes through here:
 * "dcval: " is added in front and a newline after (format strings carry
 * neither).
 */
#ifndef DV_CLI_MSG_H
#define DV_CLI_MSG_H

#include "dcval/dcval.h"

void dv_errorf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Usage error: the message, then "dcval: try 'dcval --help'". */
void dv_usagef(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A library error: "dcval: FILE:LINE:COL: text", and for contract errors
 * the source line with a caret under the column. */
void dv_error_print(const dcval_error *err);

#endif
