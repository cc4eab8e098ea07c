/*
 * Common includes of the cmocka unit tests.
 */
#ifndef DV_TESTS_UNIT_H
#define DV_TESTS_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#endif
