/*
 * String formats of the `format:` key; see formats.h.
 *
 * Each checker reads a byte slice and accepts ASCII only: any byte
 * >= 0x80 falls outside every character class below, so non-ASCII text
 * (including IDN U-labels and fullwidth digits) is never valid. The
 * grammars are the RFCs' ABNF, cited per function.
 */
#include <stdint.h>
#include <string.h>

#include "value/strformat.h"

static const char *const dv_strfmt_names[DV_FMT_COUNT] = {
	[DV_FMT_EMAIL] = "email", [DV_FMT_UUID] = "uuid",
	[DV_FMT_URI] = "uri",	  [DV_FMT_IPV4] = "ipv4",
	[DV_FMT_IPV6] = "ipv6",	  [DV_FMT_HOSTNAME] = "hostname",
};

const char *dv_strfmt_name(dv_strfmt f)
{
	return (unsigned)f < DV_FMT_COUNT ? dv_strfmt_names[f] : "unknown";
}

bool dv_strfmt_parse(const char *name, dv_strfmt *out)
{
	unsigned f;

	for (f = 0; f < DV_FMT_COUNT; f++) {
		if (strcmp(name, dv_strfmt_names[f]) == 0) {
			*out = (dv_strfmt)f;
			return true;
		}
	}
	return false;
}

/*
 * Character classes (ASCII only, locale-free), one table lookup each: a
 * format runs on every value of its column, and a chain of range tests
 * or a loop over the bytes of a set per character was a tenth of a
 * whole validation's instructions. Bytes >= 0x80 have no class (the
 * table has 256 entries, so no byte needs a range test first).
 */
enum {
	DV_C_DIGIT = 1 << 0,  /* 0-9 */
	DV_C_ALPHA = 1 << 1,  /* A-Z a-z */
	DV_C_HEXL = 1 << 2,   /* A-F a-f */
	DV_C_ATEXT = 1 << 3,  /* RFC 5322 atext besides letters and digits */
	DV_C_UNRES = 1 << 4,  /* RFC 3986 unreserved besides letters, digits: -._~ */
	DV_C_SUB = 1 << 5,    /* RFC 3986 sub-delims: !$&'()*+,;= */
	DV_C_COLON = 1 << 6,  /* : */
	DV_C_PATH = 1 << 7,   /* @ / ? (pchar and query bytes besides the above) */
	DV_C_SCHEME = 1 << 8, /* + - . (RFC 3986 scheme besides letters, digits) */
	DV_C_AUTHEND = 1 << 9  /* / ? # (end an authority) */
};

#define DV_C_LET (DV_C_ALPHA)
#define DV_C_HEXLET (DV_C_ALPHA | DV_C_HEXL)

static const uint16_t dv_cls[256] = {
	['0'] = DV_C_DIGIT, ['1'] = DV_C_DIGIT, ['2'] = DV_C_DIGIT,
	['3'] = DV_C_DIGIT, ['4'] = DV_C_DIGIT, ['5'] = DV_C_DIGIT,
	['6'] = DV_C_DIGIT, ['7'] = DV_C_DIGIT, ['8'] = DV_C_DIGIT,
	['9'] = DV_C_DIGIT,
	['A'] = DV_C_HEXLET, ['B'] = DV_C_HEXLET, ['C'] = DV_C_HEXLET,
	['D'] = DV_C_HEXLET, ['E'] = DV_C_HEXLET, ['F'] = DV_C_HEXLET,
	['a'] = DV_C_HEXLET, ['b'] = DV_C_HEXLET, ['c'] = DV_C_HEXLET,
	['d'] = DV_C_HEXLET, ['e'] = DV_C_HEXLET, ['f'] = DV_C_HEXLET,
	['G'] = DV_C_LET, ['H'] = DV_C_LET, ['I'] = DV_C_LET, ['J'] = DV_C_LET,
	['K'] = DV_C_LET, ['L'] = DV_C_LET, ['M'] = DV_C_LET, ['N'] = DV_C_LET,
	['O'] = DV_C_LET, ['P'] = DV_C_LET, ['Q'] = DV_C_LET, ['R'] = DV_C_LET,
	['S'] = DV_C_LET, ['T'] = DV_C_LET, ['U'] = DV_C_LET, ['V'] = DV_C_LET,
	['W'] = DV_C_LET, ['X'] = DV_C_LET, ['Y'] = DV_C_LET, ['Z'] = DV_C_LET,
	['g'] = DV_C_LET, ['h'] = DV_C_LET, ['i'] = DV_C_LET, ['j'] = DV_C_LET,
	['k'] = DV_C_LET, ['l'] = DV_C_LET, ['m'] = DV_C_LET, ['n'] = DV_C_LET,
	['o'] = DV_C_LET, ['p'] = DV_C_LET, ['q'] = DV_C_LET, ['r'] = DV_C_LET,
	['s'] = DV_C_LET, ['t'] = DV_C_LET, ['u'] = DV_C_LET, ['v'] = DV_C_LET,
	['w'] = DV_C_LET, ['x'] = DV_C_LET, ['y'] = DV_C_LET, ['z'] = DV_C_LET,
	['!'] = DV_C_ATEXT | DV_C_SUB,
	['#'] = DV_C_ATEXT | DV_C_AUTHEND,
	['$'] = DV_C_ATEXT | DV_C_SUB,
	['%'] = DV_C_ATEXT,
	['&'] = DV_C_ATEXT | DV_C_SUB,
	['\''] = DV_C_ATEXT | DV_C_SUB,
	['('] = DV_C_SUB,
	[')'] = DV_C_SUB,
	['*'] = DV_C_ATEXT | DV_C_SUB,
	['+'] = DV_C_ATEXT | DV_C_SUB | DV_C_SCHEME,
	[','] = DV_C_SUB,
	['-'] = DV_C_ATEXT | DV_C_UNRES | DV_C_SCHEME,
	['.'] = DV_C_UNRES | DV_C_SCHEME,
	['/'] = DV_C_ATEXT | DV_C_PATH | DV_C_AUTHEND,
	[':'] = DV_C_COLON,
	[';'] = DV_C_SUB,
	['='] = DV_C_ATEXT | DV_C_SUB,
	['?'] = DV_C_ATEXT | DV_C_PATH | DV_C_AUTHEND,
	['@'] = DV_C_PATH,
	['^'] = DV_C_ATEXT,
	['_'] = DV_C_ATEXT | DV_C_UNRES,
	['`'] = DV_C_ATEXT,
	['{'] = DV_C_ATEXT,
	['|'] = DV_C_ATEXT,
	['}'] = DV_C_ATEXT,
	['~'] = DV_C_ATEXT | DV_C_UNRES,
};

/* Whether c has one of the classes in mask. */
static inline bool dv_has(char c, unsigned mask)
{
	return (dv_cls[(unsigned char)c] & mask) != 0;
}

static bool dv_is_digit(char c)
{
	return dv_has(c, DV_C_DIGIT);
}

static bool dv_is_alpha(char c)
{
	return dv_has(c, DV_C_ALPHA);
}

static bool dv_is_alnum(char c)
{
	return dv_has(c, DV_C_DIGIT | DV_C_ALPHA);
}

static bool dv_is_hex(char c)
{
	return dv_has(c, DV_C_DIGIT | DV_C_HEXL);
}

/* RFC 3986 unreserved and sub-delims. */
#define DV_C_URI (DV_C_DIGIT | DV_C_ALPHA | DV_C_UNRES | DV_C_SUB)

/* RFC 791 dotted quad as in RFC 3986 dec-octet: 0..255, no leading 0. */
static bool dv_ipv4_ok(const char *s, size_t len)
{
	size_t i = 0, start;
	unsigned part, v;

	for (part = 0; part < 4; part++) {
		if (part > 0 && (i == len || s[i++] != '.'))
			return false;
		start = i;
		v = 0;
		while (i < len && dv_is_digit(s[i]) && i - start < 3)
			v = v * 10 + (unsigned)(s[i++] - '0');
		if (i == start || v > 255 || (s[start] == '0' && i - start > 1))
			return false;
	}
	return i == len;
}

/*
 * One IPv6 piece at s[*i..len): 1-4 hex digits, or a dotted quad that
 * ends the address (counted as two pieces); *n counts the pieces.
 */
static bool dv_ipv6_piece(const char *s, size_t len, size_t *i, unsigned *n)
{
	size_t j = *i;
	bool dot = false;

	while (j < len && (dv_is_hex(s[j]) || s[j] == '.'))
		dot |= s[j++] == '.';
	if (dot) {
		if (j != len || !dv_ipv4_ok(s + *i, j - *i))
			return false;
		*n += 2;
	} else {
		if (j == *i || j - *i > 4)
			return false;
		*n += 1;
	}
	*i = j;
	return true;
}

/*
 * RFC 4291 section 2.2 text forms: eight pieces, or fewer with exactly
 * one "::", the last 32 bits optionally as a dotted quad. No zone id,
 * no brackets, no prefix length.
 */
static bool dv_ipv6_ok(const char *s, size_t len)
{
	size_t i = 0;
	unsigned n = 0;
	bool gap = false;

	if (len >= 2 && s[0] == ':' && s[1] == ':') {
		gap = true;
		i = 2;
	}
	while (i < len && n < 9) {
		if (!dv_ipv6_piece(s, len, &i, &n))
			return false;
		if (i == len)
			break;
		if (s[i++] != ':' || i == len)
			return false; /* junk, or a trailing single ':' */
		if (s[i] == ':') {
			if (gap)
				return false;
			gap = true;
			i++;
		}
	}
	if (i != len)
		return false;
	return gap ? n <= 7 : n == 8;
}

/* Whether the label starts with the ACE prefix "xn--" (any case). */
static bool dv_is_alabel(const char *s, size_t len)
{
	return len >= 4 && (s[0] | 0x20) == 'x' && (s[1] | 0x20) == 'n' &&
	       s[2] == '-' && s[3] == '-';
}

/*
 * RFC 1123 section 2.1 host name: dot-separated labels of 1..63
 * letters, digits and '-', not starting or ending with '-', at most 253
 * bytes in all (RFC 1035's 255 minus the length bytes of the wire
 * form). A trailing dot (root) is not accepted. Labels starting "xn--"
 * must be IDNA2008 A-labels (idna.c).
 */
static bool dv_hostname_ok(const char *s, size_t len)
{
	size_t i, start = 0;

	if (len == 0 || len > 253)
		return false;
	for (i = 0; i <= len; i++) {
		if (i < len && s[i] != '.') {
			if (!dv_is_alnum(s[i]) && s[i] != '-')
				return false;
			continue;
		}
		if (i == start || i - start > 63 || s[start] == '-' ||
		    s[i - 1] == '-')
			return false;
		if (dv_is_alabel(s + start, i - start) &&
		    !dv_idna_alabel_ok(s + start, i - start))
			return false;
		start = i + 1;
	}
	return true;
}

/*
 * Whether each of the 8 bytes of x is a hex digit, 8 at a time (SWAR:
 * H. S. Warren, "Hacker's Delight", 2nd ed., 6-1 on testing bytes). For
 * a byte b < 0x80, b + (0x80 - lo) has its top bit set exactly when
 * b >= lo, and no carry leaves the byte; a range is "at least lo and not
 * at least hi + 1". Letters are tested on b | 0x20 (lower case).
 */
static bool dv_hex8(uint64_t x)
{
	const uint64_t hi = UINT64_C(0x8080808080808080);
	uint64_t y = x | UINT64_C(0x2020202020202020), digit, letter;

	if (x & hi)
		return false;
	digit = (x + UINT64_C(0x5050505050505050)) & ~(x + UINT64_C(0x4646464646464646));
	letter = (y + UINT64_C(0x1f1f1f1f1f1f1f1f)) & ~(y + UINT64_C(0x1919191919191919));
	return ((digit | letter) & hi) == hi;
}

/* RFC 4122 section 3: 8-4-4-4-12 hex digits, any case, any version: the
 * four dashes in place and the 32 digits checked as four words. */
static bool dv_uuid_ok(const char *s, size_t len)
{
	uint64_t w[4];
	uint32_t a, b;

	if (len != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' ||
	    s[23] != '-')
		return false;
	memcpy(&w[0], s, 8);
	memcpy(&a, s + 9, 4);
	memcpy(&b, s + 14, 4);
	w[1] = (uint64_t)a | (uint64_t)b << 32;
	memcpy(&a, s + 19, 4);
	memcpy(&b, s + 24, 4);
	w[2] = (uint64_t)a | (uint64_t)b << 32;
	memcpy(&w[3], s + 28, 8);
	return dv_hex8(w[0]) && dv_hex8(w[1]) && dv_hex8(w[2]) && dv_hex8(w[3]);
}

/* RFC 5322 atext. */
static bool dv_is_atext(char c)
{
	return dv_has(c, DV_C_DIGIT | DV_C_ALPHA | DV_C_ATEXT);
}

/*
 * RFC 5321 Local-part at s[0..len): Dot-string (atoms of atext joined by
 * single dots) or Quoted-string (printable ASCII, '\' quoting one
 * printable byte). Returns its length, or 0 when there is none.
 */
static size_t dv_email_local(const char *s, size_t len)
{
	size_t i = 0;

	if (len > 0 && s[0] == '"') {
		for (i = 1; i < len && s[i] != '"'; i++) {
			if (s[i] == '\\' && i + 1 < len)
				i++;
			if (s[i] < 32 || s[i] > 126)
				return 0;
		}
		return i < len ? i + 1 : 0;
	}
	while (i < len && (dv_is_atext(s[i]) || s[i] == '.')) {
		if (s[i] == '.' && (i == 0 || s[i - 1] == '.'))
			return 0;
		i++;
	}
	if (i == 0 || s[i - 1] == '.')
		return 0;
	return i;
}

/*
 * RFC 5321 Domain or address-literal after the '@': a host name, or
 * "[dotted quad]" or "[IPv6:address]" (the general tagged literal is
 * not accepted).
 */
static bool dv_email_domain(const char *s, size_t len)
{
	if (len < 2 || s[0] != '[')
		return dv_hostname_ok(s, len);
	if (s[len - 1] != ']')
		return false;
	s++;
	len -= 2;
	if (len > 5 && memcmp(s, "IPv6:", 5) == 0)
		return dv_ipv6_ok(s + 5, len - 5);
	return dv_ipv4_ok(s, len);
}

/* RFC 5321 Mailbox: Local-part "@" domain; local part at most 64 bytes,
 * the whole at most 254 (a 256-byte Path less its angle brackets). */
static bool dv_email_ok(const char *s, size_t len)
{
	size_t n;

	if (len > 254)
		return false;
	n = dv_email_local(s, len);
	if (n == 0 || n > 64 || n == len || s[n] != '@')
		return false;
	return dv_email_domain(s + n + 1, len - n - 1);
}

/* RFC 3986 pct-encoded at s[i]: '%' and two hex digits. */
static bool dv_uri_pct(const char *s, size_t len, size_t i)
{
	return len - i >= 3 && dv_is_hex(s[i + 1]) && dv_is_hex(s[i + 2]);
}

/*
 * Whether s[0..len) is made only of unreserved, sub-delims, pct-encoded
 * and the bytes of the classes `extra`.
 */
static bool dv_uri_chars(const char *s, size_t len, unsigned extra)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == '%') {
			if (!dv_uri_pct(s, len, i))
				return false;
			i += 2;
		} else if (!dv_has(s[i], DV_C_URI | extra)) {
			return false;
		}
	}
	return true;
}

/* RFC 3986 IP-literal inside the brackets: IPv6address or IPvFuture. */
static bool dv_uri_ip_literal(const char *s, size_t len)
{
	size_t i = 1;

	if (len == 0 || (s[0] != 'v' && s[0] != 'V'))
		return dv_ipv6_ok(s, len);
	while (i < len && dv_is_hex(s[i]))
		i++;
	if (i == 1 || i + 1 >= len || s[i] != '.')
		return false;
	for (i++; i < len; i++)
		if (!dv_has(s[i], DV_C_URI | DV_C_COLON))
			return false;
	return true;
}

/* RFC 3986 authority: [ userinfo "@" ] host [ ":" port ]. */
static bool dv_uri_authority(const char *s, size_t len)
{
	size_t at = len, i, h;

	for (i = 0; i < len; i++)
		if (s[i] == '@')
			at = i;
	if (at < len) {
		if (!dv_uri_chars(s, at, DV_C_COLON))
			return false;
		s += at + 1;
		len -= at + 1;
	}
	if (len > 0 && s[0] == '[') {
		for (h = 1; h < len && s[h] != ']'; h++)
			;
		if (h == len || !dv_uri_ip_literal(s + 1, h - 1))
			return false;
		h++;
	} else {
		for (h = 0; h < len && s[h] != ':'; h++)
			;
		if (!dv_uri_chars(s, h, 0))
			return false; /* reg-name, possibly empty */
	}
	if (h == len)
		return true;
	if (s[h] != ':')
		return false;
	for (i = h + 1; i < len; i++)
		if (!dv_is_digit(s[i]))
			return false;
	return true;
}

/*
 * RFC 3986 section 3 URI (absolute, fragment allowed):
 * scheme ":" hier-part [ "?" query ] [ "#" fragment ].
 */
static bool dv_uri_ok(const char *s, size_t len)
{
	size_t i = 1, a, hash = len;

	if (len == 0 || !dv_is_alpha(s[0]))
		return false;
	while (i < len && dv_has(s[i], DV_C_DIGIT | DV_C_ALPHA | DV_C_SCHEME))
		i++;
	if (i == len || s[i++] != ':')
		return false;
	if (len - i >= 2 && s[i] == '/' && s[i + 1] == '/') {
		i += 2;
		for (a = i; a < len && !dv_has(s[a], DV_C_AUTHEND); a++)
			;
		if (!dv_uri_authority(s + i, a - i))
			return false;
		i = a;
	}
	for (a = i; a < len; a++) {
		if (s[a] == '#') {
			hash = a;
			break;
		}
	}
	/* path and query: pchar, '/' and '?'; fragment the same, no '#' */
	if (!dv_uri_chars(s + i, hash - i, DV_C_COLON | DV_C_PATH))
		return false;
	return hash == len || dv_uri_chars(s + hash + 1, len - hash - 1,
					     DV_C_COLON | DV_C_PATH);
}

bool dv_strfmt_check(dv_strfmt f, const char *s, size_t len)
{
	switch (f) {
	case DV_FMT_EMAIL:
		return dv_email_ok(s, len);
	case DV_FMT_UUID:
		return dv_uuid_ok(s, len);
	case DV_FMT_URI:
		return dv_uri_ok(s, len);
	case DV_FMT_IPV4:
		return dv_ipv4_ok(s, len);
	case DV_FMT_IPV6:
		return dv_ipv6_ok(s, len);
	case DV_FMT_HOSTNAME:
		return dv_hostname_ok(s, len);
	default:
		return false;
	}
}
