/*
 * String formats of the `format:` key on string columns.
 */
#ifndef DV_VALUE_STRFORMAT_H
#define DV_VALUE_STRFORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum dv_strfmt {
	DV_FMT_EMAIL = 0, /* RFC 5321 mailbox: local@domain, dot-atom or quoted local part, hostname or [IP] domain */
	DV_FMT_UUID,      /* RFC 4122 8-4-4-4-12 hex, any case, any version */
	DV_FMT_URI,       /* RFC 3986 absolute URI: scheme ':' hier-part [? query] [# fragment] */
	DV_FMT_IPV4,      /* dotted quad, 0..255, no leading zeros */
	DV_FMT_IPV6,      /* RFC 4291 text forms, :: compression, embedded IPv4; no zone id */
	DV_FMT_HOSTNAME,  /* RFC 1123: labels 1-63 of [A-Za-z0-9-], no leading/trailing '-', total <= 253 */
	DV_FMT_COUNT
} dv_strfmt;

/* Name as written in contracts ("email"); parse it back. */
const char *dv_strfmt_name(dv_strfmt f);
bool dv_strfmt_parse(const char *name, dv_strfmt *out);

/* Whether s[0..len) is valid for format f (s need not be NUL-terminated). */
bool dv_strfmt_check(dv_strfmt f, const char *s, size_t len);

/*
 * Internal to formats.c / idna.c: whether the host name label s[0..len),
 * which starts with "xn--" in any case and is otherwise letters, digits
 * and '-', is an IDNA2008 A-label (valid Punycode of a plausible U-label).
 */
bool dv_idna_alabel_ok(const char *s, size_t len);

#endif
