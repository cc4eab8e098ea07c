/*
 * Escaping text for one-line output that a terminal, a log parser or a
 * CI runner reads: nothing written is a control character (spec cli.md
 * "Behaviour users count on": C0, DEL and C1 are written as escapes).
 * Used by the text and github reports and by the tool's diagnostics.
 *
 *   C0 controls      \n \r \t, others \xNN     (\x1b)
 *   DEL              \x7f
 *   C1 controls      \u0080 .. \u009f           (U+009B, an 8-bit CSI)
 *   not UTF-8        each such byte as \xNN
 *   with DV_ESC_QUOTES also \\ and \"
 *
 * Everything else (valid UTF-8 from U+0020 on, but DEL and C1) is copied.
 */
#ifndef DV_UTIL_ESC_H
#define DV_UTIL_ESC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Longest escaped form of one character ("\u009f"), without a NUL. */
#define DV_ESC_CHAR_MAX 6

/* An escaped text is at most this many times as long as the text. */
#define DV_ESC_GROWTH 4

enum dv_esc_flags {
	DV_ESC_QUOTES = 1 << 0 /* also \ and " as \\ and \" (quoted values) */
};

/*
 * The character at s[0..len) (len >= 1) as it is shown: writes its
 * escaped (or copied) form to out, which has room for DV_ESC_CHAR_MAX
 * bytes, and stores in *used the bytes of s it covers (1 to 4; 1 for a
 * byte that does not start a valid UTF-8 sequence). Returns the length
 * written to out.
 */
size_t dv_esc_char(const char *s, size_t len, unsigned flags, char *out,
		   size_t *used);

/* Length of s[0..len) once escaped. */
size_t dv_esc_len(const char *s, size_t len, unsigned flags);

/* Write s[0..len) escaped to f (errors stay in f's error flag). */
void dv_esc_fwrite(FILE *f, const char *s, size_t len, unsigned flags);

/*
 * Write s[0..len), text that starts a line of output, to f; when it would
 * read as a GitHub Actions workflow command ("::" after leading white
 * space, which the runner trims), its first ':' is written as \x3a, so
 * a path or column name at the start of a report line cannot forge a
 * command. s is already escaped (no control characters).
 */
void dv_esc_fput_line_start(FILE *f, const char *s, size_t len);

#endif
