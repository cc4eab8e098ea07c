/*
 * Unit tests of src/value/strformat.c.
 */
#include <string.h>

#include "unit.h"

#include "value/strformat.h"

/* Check a string literal (its sizeof, so embedded NULs count). */
#define CHECK(f, lit) dv_strfmt_check(f, lit, sizeof(lit) - 1)

/* A conformance row: format, text, expected validity. */
struct row {
	dv_strfmt fmt;
	const char *s;
	size_t len;
	bool valid;
};

#define ROW(f, lit, v) { f, lit, sizeof(lit) - 1, v }

/*
 * Rows of JSON-Schema-Test-Suite optional/format/{email,uuid,ipv4,ipv6,
 * hostname,uri} (commit 44401e0c, MIT), from ../shared/conformance.
 */
static const struct row rows[] = {
	/* json-schema-test-suite/optional/format/email#0 */
	ROW(DV_FMT_EMAIL, "joe.bloggs@example.com", true), /* a valid e-mail address */
	ROW(DV_FMT_EMAIL, "2962", false), /* an invalid e-mail address */
	ROW(DV_FMT_EMAIL, "te~st@example.com", true), /* tilde in local part is valid */
	ROW(DV_FMT_EMAIL, "~test@example.com", true), /* tilde before local part is valid */
	ROW(DV_FMT_EMAIL, "test~@example.com", true), /* tilde after local part is valid */
	ROW(DV_FMT_EMAIL, "\"joe bloggs\"@example.com", true), /* a quoted string with a space in the local part is valid */
	ROW(DV_FMT_EMAIL, "\"joe..bloggs\"@example.com", true), /* a quoted string with a double dot in the local part is valid */
	ROW(DV_FMT_EMAIL, "\"joe@bloggs\"@example.com", true), /* a quoted string with a @ in the local part is valid */
	ROW(DV_FMT_EMAIL, "joe.bloggs@[127.0.0.1]", true), /* an IPv4-address-literal after the @ is valid */
	ROW(DV_FMT_EMAIL, "joe.bloggs@[IPv6:::1]", true), /* an IPv6-address-literal after the @ is valid */
	ROW(DV_FMT_EMAIL, ".test@example.com", false), /* dot before local part is not valid */
	ROW(DV_FMT_EMAIL, "test.@example.com", false), /* dot after local part is not valid */
	ROW(DV_FMT_EMAIL, "te.s.t@example.com", true), /* two separated dots inside local part are valid */
	ROW(DV_FMT_EMAIL, "te..st@example.com", false), /* two subsequent dots inside local part are not valid */
	ROW(DV_FMT_EMAIL, "joe.bloggs@invalid=domain.com", false), /* an invalid domain */
	ROW(DV_FMT_EMAIL, "joe.bloggs@[127.0.0.300]", false), /* an invalid IPv4-address-literal */
	ROW(DV_FMT_EMAIL, "user1@oceania.org, user2@oceania.org", false), /* two email addresses is not valid */
	ROW(DV_FMT_EMAIL, "\"Winston Smith\" <winston.smith@recdep.minitrue> (Records Department)", false), /* full "From" header is invalid */
	ROW(DV_FMT_EMAIL, "@example.com", false), /* local part is required */
	ROW(DV_FMT_EMAIL, "joe.bloggs@", false), /* domain is required */
	ROW(DV_FMT_EMAIL, "joe bloggs@example.com", false), /* unquoted space in local part is invalid */
	/* json-schema-test-suite/optional/format/uuid#0 */
	ROW(DV_FMT_UUID, "2EB8AA08-AA98-11EA-B4AA-73B441D16380", true), /* all upper-case */
	ROW(DV_FMT_UUID, "2eb8aa08-aa98-11ea-b4aa-73b441d16380", true), /* all lower-case */
	ROW(DV_FMT_UUID, "2eb8aa08-AA98-11ea-B4Aa-73B441D16380", true), /* mixed case */
	ROW(DV_FMT_UUID, "00000000-0000-0000-0000-000000000000", true), /* all zeroes is valid */
	ROW(DV_FMT_UUID, "2eb8aa08-aa98-11ea-b4aa-73b441d1638", false), /* wrong length */
	ROW(DV_FMT_UUID, "2eb8aa08-aa98-11ea-73b441d16380", false), /* missing section */
	ROW(DV_FMT_UUID, "2eb8aa08-aa98-11ea-b4ga-73b441d16380", false), /* bad characters (not hex) */
	ROW(DV_FMT_UUID, "2eb8aa08aa9811eab4aa73b441d16380", false), /* no dashes */
	ROW(DV_FMT_UUID, "2eb8aa08aa98-11ea-b4aa73b441d16380", false), /* too few dashes */
	ROW(DV_FMT_UUID, "2eb8-aa08-aa98-11ea-b4aa73b44-1d16380", false), /* too many dashes */
	ROW(DV_FMT_UUID, "2eb8aa08aa9811eab4aa73b441d16380----", false), /* dashes in the wrong spot */
	ROW(DV_FMT_UUID, "2eb8aa0-8aa98-11e-ab4aa7-3b441d16380", false), /* shifted dashes */
	ROW(DV_FMT_UUID, "98d80576-482e-427f-8434-7f86890ab222", true), /* valid version 4 */
	ROW(DV_FMT_UUID, "99c17cbb-656f-564a-940f-1a4568f03487", true), /* valid version 5 */
	ROW(DV_FMT_UUID, "99c17cbb-656f-664a-940f-1a4568f03487", true), /* hypothetical version 6 */
	ROW(DV_FMT_UUID, "99c17cbb-656f-f64a-940f-1a4568f03487", true), /* hypothetical version 15 */
	ROW(DV_FMT_UUID, "urn:uuid:2eb8aa08-aa98-11ea-b4aa-73b441d16380", false), /* URN prefixed UUID is invalid */
	ROW(DV_FMT_UUID, "2eb8aa08-aa98-11ea-b4aa-73b441d16380-", false), /* trailing hyphen after a complete UUID is invalid */
	ROW(DV_FMT_UUID, "\340\247\250eb8aa08-aa98-11ea-b4aa-73b441d16380", false), /* non-ASCII digit '২' (a Bengali 2) is invalid [non-ascii] */
	ROW(DV_FMT_UUID, "2eb8aa08-aa98-11ea-b4aa-73b441d1_380", false), /* an underscore in place of a hex digit is invalid */
	ROW(DV_FMT_UUID, "2eb8aa08-aa98-11ea-b4aa-73b441d16380\012", false), /* a trailing newline after a complete UUID is invalid */
	ROW(DV_FMT_UUID, "2eb8aa08-aa98-11ea-f4aa-73b441d16380", true), /* a variant nibble not defined by RFC 4122 is valid */
	/* json-schema-test-suite/optional/format/ipv4#0 */
	ROW(DV_FMT_IPV4, "192.168.0.1", true), /* a valid IP address */
	ROW(DV_FMT_IPV4, "127.0.0.0.1", false), /* an IP address with too many components */
	ROW(DV_FMT_IPV4, "256.256.256.256", false), /* an IP address with out-of-range values */
	ROW(DV_FMT_IPV4, "127.0", false), /* an IP address without 4 components */
	ROW(DV_FMT_IPV4, "127.1", false), /* a 2-part address resolving to a routable IP (inet_aton shorthand) */
	ROW(DV_FMT_IPV4, "127.0.1", false), /* a 3-part address resolving to a routable IP (inet_aton shorthand) */
	ROW(DV_FMT_IPV4, "0x7f000001", false), /* an IP address as an integer */
	ROW(DV_FMT_IPV4, "2130706433", false), /* an IP address as an integer (decimal) */
	ROW(DV_FMT_IPV4, "1\340\247\2507.0.0.1", false), /* invalid non-ASCII '২' (a Bengali 2) [non-ascii] */
	ROW(DV_FMT_IPV4, "\357\274\221\357\274\231\357\274\222.\357\274\221\357\274\226\357\274\230.\357\274\221.\357\274\221", false), /* invalid fullwidth digits (non-ASCII) [non-ascii] */
	ROW(DV_FMT_IPV4, "\360\235\237\217\360\235\237\227\360\235\237\220.\360\235\237\217\360\235\237\224\360\235\237\226.\360\235\237\217.\360\235\237\217", false), /* invalid mathematical bold digits (non-ASCII) [astral-codepoints, non-ascii] */
	ROW(DV_FMT_IPV4, "192.168.1.0/24", false), /* netmask is not a part of ipv4 address */
	ROW(DV_FMT_IPV4, " 192.168.0.1", false), /* leading whitespace is invalid */
	ROW(DV_FMT_IPV4, "192.168.0.1 ", false), /* trailing whitespace is invalid */
	ROW(DV_FMT_IPV4, "192.168.0.1\012", false), /* trailing newline is invalid */
	ROW(DV_FMT_IPV4, "0x7f.0.0.1", false), /* hexadecimal notation is invalid */
	ROW(DV_FMT_IPV4, "0o10.0.0.1", false), /* octal notation explicit is invalid */
	ROW(DV_FMT_IPV4, "192.168..1", false), /* empty part (double dot) is invalid */
	ROW(DV_FMT_IPV4, ".192.168.0.1", false), /* leading dot is invalid */
	ROW(DV_FMT_IPV4, "192.168.0.1.", false), /* trailing dot is invalid */
	ROW(DV_FMT_IPV4, "0.0.0.0", true), /* minimum valid IPv4 address */
	ROW(DV_FMT_IPV4, "255.255.255.255", true), /* maximum valid IPv4 address */
	ROW(DV_FMT_IPV4, "200.0.0.0", true), /* valid IPv4 with an octet in the 200 to 249 range */
	ROW(DV_FMT_IPV4, "10.20.30.40", true), /* valid IPv4 with two-digit octets */
	ROW(DV_FMT_IPV4, "", false), /* empty string is invalid */
	ROW(DV_FMT_IPV4, "+1.2.3.4", false), /* plus sign is invalid */
	ROW(DV_FMT_IPV4, "-1.2.3.4", false), /* negative sign is invalid */
	ROW(DV_FMT_IPV4, "1e2.0.0.1", false), /* exponential notation is invalid */
	ROW(DV_FMT_IPV4, "192.168.a.1", false), /* alpha characters are invalid */
	ROW(DV_FMT_IPV4, "192. 168.0.1", false), /* internal whitespace is invalid */
	ROW(DV_FMT_IPV4, "192.168.0.1\011", false), /* tab character is invalid */
	ROW(DV_FMT_IPV4, "192.168.0.1\000.evil.com", false), /* additional content after an embedded NUL byte [nul-in-string] */
	ROW(DV_FMT_IPV4, "192.168.0.1:80", false), /* with port number is invalid */
	ROW(DV_FMT_IPV4, "::ffff:192.168.0.1", false), /* an IPv4-mapped IPv6 address is invalid */
	ROW(DV_FMT_IPV4, "192.168.0.256", false), /* single octet out of range in last position */
	/* json-schema-test-suite/optional/format/ipv6#0 */
	ROW(DV_FMT_IPV6, "::1", true), /* a valid IPv6 address */
	ROW(DV_FMT_IPV6, "12345::", false), /* a group with 5 hex digits is invalid */
	ROW(DV_FMT_IPV6, "::abef", true), /* trailing 4 hex symbols is valid */
	ROW(DV_FMT_IPV6, "::abcef", false), /* trailing 5 hex symbols is invalid */
	ROW(DV_FMT_IPV6, "1:1:1:1:1:1:1:1:1:1:1:1:1:1:1:1", false), /* an IPv6 address with too many components */
	ROW(DV_FMT_IPV6, "::laptop", false), /* an IPv6 address containing illegal characters */
	ROW(DV_FMT_IPV6, "::", true), /* no digits is valid */
	ROW(DV_FMT_IPV6, "::42:ff:1", true), /* leading colons is valid */
	ROW(DV_FMT_IPV6, "d6::", true), /* trailing colons is valid */
	ROW(DV_FMT_IPV6, ":2:3:4:5:6:7:8", false), /* missing leading octet is invalid */
	ROW(DV_FMT_IPV6, "1:2:3:4:5:6:7:", false), /* missing trailing octet is invalid */
	ROW(DV_FMT_IPV6, ":2:3:4::8", false), /* missing leading octet with omitted octets later */
	ROW(DV_FMT_IPV6, "1:d6::42", true), /* single set of double colons in the middle is valid */
	ROW(DV_FMT_IPV6, "1::d6::42", false), /* two sets of double colons is invalid */
	ROW(DV_FMT_IPV6, "1::d6:192.168.0.1", true), /* mixed format with the ipv4 section as decimal octets */
	ROW(DV_FMT_IPV6, "1:2::192.168.0.1", true), /* mixed format with double colons between the sections */
	ROW(DV_FMT_IPV6, "1::2:192.168.256.1", false), /* mixed format with ipv4 section with octet out of range */
	ROW(DV_FMT_IPV6, "1::2:192.168.ff.1", false), /* mixed format with ipv4 section with a hex octet */
	ROW(DV_FMT_IPV6, "::ffff:192.168.0.1", true), /* mixed format with leading double colons (ipv4-mapped ipv6 address) */
	ROW(DV_FMT_IPV6, "1:2:3:4:5:::8", false), /* triple colons is invalid */
	ROW(DV_FMT_IPV6, "1:2:3:4:5:6:7:8", true), /* 8 octets */
	ROW(DV_FMT_IPV6, "1:2:3:4:5:6:7", false), /* insufficient octets without double colons */
	ROW(DV_FMT_IPV6, "1", false), /* no colons is invalid */
	ROW(DV_FMT_IPV6, "127.0.0.1", false), /* ipv4 is not ipv6 */
	ROW(DV_FMT_IPV6, "1:2:3:4:1.2.3", false), /* ipv4 segment must have 4 octets */
	ROW(DV_FMT_IPV6, "  ::1", false), /* leading whitespace is invalid */
	ROW(DV_FMT_IPV6, "::1  ", false), /* trailing whitespace is invalid */
	ROW(DV_FMT_IPV6, "fe80::/64", false), /* netmask is not a part of ipv6 address */
	ROW(DV_FMT_IPV6, "fe80::a%eth1", false), /* zone id is not a part of ipv6 address */
	ROW(DV_FMT_IPV6, "1000:1000:1000:1000:1000:1000:255.255.255.255", true), /* a long valid ipv6 */
	ROW(DV_FMT_IPV6, "100:100:100:100:100:100:255.255.255.255.255", false), /* a long invalid ipv6, below length limit, first */
	ROW(DV_FMT_IPV6, "100:100:100:100:100:100:100:255.255.255.255", false), /* a long invalid ipv6, below length limit, second */
	ROW(DV_FMT_IPV6, "1:2:3:4:5:6:7:\340\247\252", false), /* invalid non-ASCII '৪' (a Bengali 4) [non-ascii] */
	ROW(DV_FMT_IPV6, "1:2::192.16\340\247\252.0.1", false), /* invalid non-ASCII '৪' (a Bengali 4) in the IPv4 portion [non-ascii] */
	ROW(DV_FMT_IPV6, "[::1]", false), /* a bracketed address is invalid */
	ROW(DV_FMT_IPV6, "::ffff:192.168.0.01", false), /* a leading zero in the last IPv4 octet is invalid */
	/* json-schema-test-suite/optional/format/hostname#0 */
	ROW(DV_FMT_HOSTNAME, "www.example.com", true), /* a valid host name */
	ROW(DV_FMT_HOSTNAME, "hostname", true), /* single label */
	ROW(DV_FMT_HOSTNAME, "h0stn4me", true), /* single label with digits */
	ROW(DV_FMT_HOSTNAME, "1host", true), /* single label starting with digit */
	ROW(DV_FMT_HOSTNAME, "hostnam3", true), /* single label ending with digit */
	ROW(DV_FMT_HOSTNAME, "", false), /* empty string */
	ROW(DV_FMT_HOSTNAME, ".", false), /* single dot */
	ROW(DV_FMT_HOSTNAME, ".example", false), /* leading dot */
	ROW(DV_FMT_HOSTNAME, "example.", false), /* trailing dot */
	ROW(DV_FMT_HOSTNAME, "example\357\274\216com", false), /* IDN label separator [non-ascii] */
	ROW(DV_FMT_HOSTNAME, "host-name", true), /* single label with hyphen */
	ROW(DV_FMT_HOSTNAME, "-hostname", false), /* starts with hyphen */
	ROW(DV_FMT_HOSTNAME, "hostname-", false), /* ends with hyphen */
	ROW(DV_FMT_HOSTNAME, "host_name", false), /* contains underscore */
	ROW(DV_FMT_HOSTNAME, "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk.abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk.abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk.abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk.com", false), /* exceeds maximum overall length (256) */
	ROW(DV_FMT_HOSTNAME, "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk.com", true), /* maximum label length (63) */
	ROW(DV_FMT_HOSTNAME, "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijkl.com", false), /* exceeds maximum label length (63) */
	ROW(DV_FMT_HOSTNAME, "example.com\012", false), /* trailing newline is invalid */
	ROW(DV_FMT_HOSTNAME, "\342\204\252elvin.example.com", false), /* invalid non-ASCII KELVIN SIGN (U+212A) [non-ascii] */
	ROW(DV_FMT_HOSTNAME, "a--b.com", true), /* consecutive hyphens inside a label */
	/* json-schema-test-suite/optional/format/uri#0 */
	ROW(DV_FMT_URI, "http://foo.bar/?baz=qux#quux", true), /* a valid URL with anchor tag */
	ROW(DV_FMT_URI, "http://foo.com/blah_(wikipedia)_blah#cite-1", true), /* a valid URL with anchor tag and parentheses */
	ROW(DV_FMT_URI, "http://foo.bar/?q=Test%20URL-encoded%20stuff", true), /* a valid URL with URL-encoded stuff */
	ROW(DV_FMT_URI, "http://xn--nw2a.xn--j6w193g/", true), /* a valid puny-coded URL */
	ROW(DV_FMT_URI, "http://-.~_!$&'()*+,;=:%40:80%2f::::::@example.com", true), /* a valid URL with many special characters */
	ROW(DV_FMT_URI, "http://223.255.255.254", true), /* a valid URL based on IPv4 */
	ROW(DV_FMT_URI, "ftp://ftp.is.co.za/rfc/rfc1808.txt", true), /* a valid URL with ftp scheme */
	ROW(DV_FMT_URI, "http://www.ietf.org/rfc/rfc2396.txt", true), /* a valid URL for a simple text file */
	ROW(DV_FMT_URI, "ldap://[2001:db8::7]/c=GB?objectClass?one", true), /* a valid URL */
	ROW(DV_FMT_URI, "mailto:John.Doe@example.com", true), /* a valid mailto URI */
	ROW(DV_FMT_URI, "news:comp.infosystems.www.servers.unix", true), /* a valid newsgroup URI */
	ROW(DV_FMT_URI, "tel:+1-816-555-1212", true), /* a valid tel URI */
	ROW(DV_FMT_URI, "urn:oasis:names:specification:docbook:dtd:xml:4.1.2", true), /* a valid URN */
	ROW(DV_FMT_URI, "//foo.bar/?baz=qux#quux", false), /* an invalid protocol-relative URI Reference */
	ROW(DV_FMT_URI, "/abc", false), /* an invalid relative URI Reference */
	ROW(DV_FMT_URI, "\\\\WINDOWS\\fileshare", false), /* an invalid URI */
	ROW(DV_FMT_URI, "abc", false), /* an invalid URI though valid URI reference */
	ROW(DV_FMT_URI, "http:// shouldfail.com", false), /* an invalid URI with spaces */
	ROW(DV_FMT_URI, ":// should fail", false), /* an invalid URI with spaces and missing scheme */
	ROW(DV_FMT_URI, "bar,baz:foo", false), /* an invalid URI with comma in scheme */
	ROW(DV_FMT_URI, "https://[@example.org/test.txt", false), /* invalid userinfo */
	ROW(DV_FMT_URI, "https://example.org/foobar\302\256.txt", false), /* unescaped non US-ASCII characters [non-ascii] */
	ROW(DV_FMT_URI, "https://example.org/foobar\\.txt", false), /* invalid backslash character */
	ROW(DV_FMT_URI, "https://example.org/foobar\".txt", false), /* invalid " character */
	ROW(DV_FMT_URI, "https://example.org/foobar<>.txt", false), /* invalid <> characters */
	ROW(DV_FMT_URI, "https://example.org/foobar{}.txt", false), /* invalid {} characters */
	ROW(DV_FMT_URI, "https://example.org/foobar^.txt", false), /* invalid ^ character */
	ROW(DV_FMT_URI, "https://example.org/foobar`.txt", false), /* invalid ` character */
	ROW(DV_FMT_URI, "https://example.org/foo bar.txt", false), /* invalid SPACE character */
	ROW(DV_FMT_URI, "https://example.org/foobar|.txt", false), /* invalid | character */
	ROW(DV_FMT_URI, "http://087.10.0.1/", true), /* URI with leading-zero IPv4 is structurally valid as a reg-name */
	ROW(DV_FMT_URI, "http://999.999.999.999/", true), /* URI with out-of-bounds IPv4 is structurally valid as a reg-name */
	ROW(DV_FMT_URI, "http://example.com/%6G", false), /* invalid percent-encoding with non-hex digits */
	ROW(DV_FMT_URI, "http://example.com/%A", false), /* incomplete percent-encoding triplet */
	ROW(DV_FMT_URI, "http://example.com/%", false), /* lone percent sign is invalid */
	ROW(DV_FMT_URI, "1http://example.com", false), /* scheme must start with a letter */
	ROW(DV_FMT_URI, "ht_tp://example.com", false), /* invalid character in scheme */
	ROW(DV_FMT_URI, "http://example.com:abc/path", false), /* non-numeric port is invalid */
	ROW(DV_FMT_URI, "http://[::ffff:01.2.3.4]", false), /* leading zero in an embedded IPv4 address is invalid */
	ROW(DV_FMT_URI, "http:/[::1]", false), /* square brackets are not allowed in a path segment */
};

/* hostname#1 of the same suite: A-labels (xn--) checked as IDNA2008. */
static const struct row idn_rows[] = {
	ROW(DV_FMT_HOSTNAME, "xn--X", false), /* invalid Punycode */
	ROW(DV_FMT_HOSTNAME, "xn--9n2bp8q.xn--9t4b11yi5a", true), /* a valid host name (example.test in Hangul) */
	ROW(DV_FMT_HOSTNAME, "xn--07jt112bpxg.xn--9t4b11yi5a", false), /* contains illegal char U+302E Hangul single dot tone mark */
	ROW(DV_FMT_HOSTNAME, "xn--hello-txk", false), /* Begins with a Spacing Combining Mark */
	ROW(DV_FMT_HOSTNAME, "xn--hello-zed", false), /* Begins with a Nonspacing Mark */
	ROW(DV_FMT_HOSTNAME, "xn--hello-6bf", false), /* Begins with an Enclosing Mark */
	ROW(DV_FMT_HOSTNAME, "xn--zca29lwxobi7a", true), /* Exceptions that are PVALID, left-to-right chars */
	ROW(DV_FMT_HOSTNAME, "xn--qmbc", true), /* Exceptions that are PVALID, right-to-left chars */
	ROW(DV_FMT_HOSTNAME, "xn--chb89f", false), /* Exceptions that are DISALLOWED, right-to-left chars */
	ROW(DV_FMT_HOSTNAME, "xn--07jceefgh4c", false), /* Exceptions that are DISALLOWED, left-to-right chars */
	ROW(DV_FMT_HOSTNAME, "xn--al-0ea", false), /* MIDDLE DOT with no preceding 'l' */
	ROW(DV_FMT_HOSTNAME, "xn--l-fda", false), /* MIDDLE DOT with nothing preceding */
	ROW(DV_FMT_HOSTNAME, "xn--la-0ea", false), /* MIDDLE DOT with no following 'l' */
	ROW(DV_FMT_HOSTNAME, "xn--l-gda", false), /* MIDDLE DOT with nothing following */
	ROW(DV_FMT_HOSTNAME, "xn--ll-0ea", true), /* MIDDLE DOT with surrounding 'l's */
	ROW(DV_FMT_HOSTNAME, "xn--S-jib3p", false), /* Greek KERAIA not followed by Greek */
	ROW(DV_FMT_HOSTNAME, "xn--wva3j", false), /* Greek KERAIA not followed by anything */
	ROW(DV_FMT_HOSTNAME, "xn--wva3je", true), /* Greek KERAIA followed by Greek */
	ROW(DV_FMT_HOSTNAME, "xn--A-2hc5h", false), /* Hebrew GERESH not preceded by Hebrew */
	ROW(DV_FMT_HOSTNAME, "xn--5db1e", false), /* Hebrew GERESH not preceded by anything */
	ROW(DV_FMT_HOSTNAME, "xn--4dbc5h", true), /* Hebrew GERESH preceded by Hebrew */
	ROW(DV_FMT_HOSTNAME, "xn--A-2hc8h", false), /* Hebrew GERSHAYIM not preceded by Hebrew */
	ROW(DV_FMT_HOSTNAME, "xn--5db3e", false), /* Hebrew GERSHAYIM not preceded by anything */
	ROW(DV_FMT_HOSTNAME, "xn--4dbc8h", true), /* Hebrew GERSHAYIM preceded by Hebrew */
	ROW(DV_FMT_HOSTNAME, "xn--defabc-k64e", false), /* KATAKANA MIDDLE DOT with no Hiragana, Katakana, or Han */
	ROW(DV_FMT_HOSTNAME, "xn--vek", false), /* KATAKANA MIDDLE DOT with no other characters */
	ROW(DV_FMT_HOSTNAME, "xn--k8j5u", true), /* KATAKANA MIDDLE DOT with Hiragana */
	ROW(DV_FMT_HOSTNAME, "xn--bck0j", true), /* KATAKANA MIDDLE DOT with Katakana */
	ROW(DV_FMT_HOSTNAME, "xn--vek778f", true), /* KATAKANA MIDDLE DOT with Han */
	ROW(DV_FMT_HOSTNAME, "xn--ngb6iyr", false), /* Arabic-Indic digits mixed with Extended Arabic-Indic digits */
	ROW(DV_FMT_HOSTNAME, "xn--ngba1o", true), /* Arabic-Indic digits not mixed with Extended Arabic-Indic digits */
	ROW(DV_FMT_HOSTNAME, "xn--0-gyc", true), /* Extended Arabic-Indic digits not mixed with Arabic-Indic digits */
	ROW(DV_FMT_HOSTNAME, "xn--11b2er09f", false), /* ZERO WIDTH JOINER not preceded by Virama */
	ROW(DV_FMT_HOSTNAME, "xn--02b508i", false), /* ZERO WIDTH JOINER not preceded by anything */
	ROW(DV_FMT_HOSTNAME, "xn--11b2ezcw70k", true), /* ZERO WIDTH JOINER preceded by Virama */
	ROW(DV_FMT_HOSTNAME, "xn--11b2ezcs70k", true), /* ZERO WIDTH NON-JOINER preceded by Virama */
	ROW(DV_FMT_HOSTNAME, "xn--ngba5hb2804a", true), /* ZERO WIDTH NON-JOINER not preceded by Virama but matches regexp */
	ROW(DV_FMT_HOSTNAME, "XN--aa---o47jg78q", false), /* contains "--" in the 3rd and 4th position */
};

static void check_rows(const struct row *r, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (dv_strfmt_check(r[i].fmt, r[i].s, r[i].len) != r[i].valid)
			fail_msg("%s row %zu '%s': want %s", dv_strfmt_name(r[i].fmt),
				 i, r[i].s, r[i].valid ? "valid" : "invalid");
}

static void test_conformance_format_rows(void **state)
{
	(void)state;
	check_rows(rows, sizeof(rows) / sizeof(rows[0]));
}

static void test_conformance_idn_hostname_rows(void **state)
{
	(void)state;
	check_rows(idn_rows, sizeof(idn_rows) / sizeof(idn_rows[0]));
}

static void test_strfmt_names_round_trip(void **state)
{
	dv_strfmt f, back;

	(void)state;
	for (f = 0; f < DV_FMT_COUNT; f++) {
		assert_true(dv_strfmt_parse(dv_strfmt_name(f), &back));
		assert_int_equal(back, f);
	}
	assert_string_equal(dv_strfmt_name(DV_FMT_IPV6), "ipv6");
	assert_false(dv_strfmt_parse("url", &back));
	assert_false(dv_strfmt_parse("date", &back));
}

static void test_empty_string_invalid_for_every_format(void **state)
{
	dv_strfmt f;

	(void)state;
	for (f = 0; f < DV_FMT_COUNT; f++)
		assert_false(dv_strfmt_check(f, "", 0));
}

static void test_ipv4_leading_zero_and_range(void **state)
{
	(void)state;
	assert_true(CHECK(DV_FMT_IPV4, "1.2.3.4"));
	assert_false(CHECK(DV_FMT_IPV4, "01.2.3.4"));
	assert_false(CHECK(DV_FMT_IPV4, "1.2.3.00"));
	assert_true(CHECK(DV_FMT_IPV4, "1.2.3.0"));
	assert_false(CHECK(DV_FMT_IPV4, "1.2.3.1000"));
	assert_false(CHECK(DV_FMT_IPV4, "1.2.3.4."));
	assert_false(CHECK(DV_FMT_IPV4, "1.2.3"));
	assert_true(dv_strfmt_check(DV_FMT_IPV4, "1.2.3.45", 7));
}

static void test_ipv6_forms(void **state)
{
	(void)state;
	assert_true(CHECK(DV_FMT_IPV6, "2001:db8:0:0:0:0:2:1"));
	assert_true(CHECK(DV_FMT_IPV6, "2001:DB8::2:1"));
	assert_true(CHECK(DV_FMT_IPV6, "::ffff:1.2.3.4"));
	assert_true(CHECK(DV_FMT_IPV6, "1:2:3:4:5:6:1.2.3.4"));
	assert_true(CHECK(DV_FMT_IPV6, "1:2:3:4:5:6:7::"));
	assert_true(CHECK(DV_FMT_IPV6, "::2:3:4:5:6:7:8"));
	assert_false(CHECK(DV_FMT_IPV6, "1:2:3:4:5:6:7:8::"));
	assert_false(CHECK(DV_FMT_IPV6, "1:2:3:4:5:6:7:8:9"));
	assert_false(CHECK(DV_FMT_IPV6, "1:2:3:4:5:6:7::8"));
	assert_false(CHECK(DV_FMT_IPV6, "::1.2.3.4:1"));
	assert_false(CHECK(DV_FMT_IPV6, "1:"));
	assert_false(CHECK(DV_FMT_IPV6, ":1"));
	assert_false(CHECK(DV_FMT_IPV6, ":"));
	assert_false(CHECK(DV_FMT_IPV6, ":::"));
	assert_false(CHECK(DV_FMT_IPV6, "fe80::1%25eth0"));
	assert_false(CHECK(DV_FMT_IPV6, "g::1"));
}

static void test_hostname_lengths(void **state)
{
	char buf[300];

	(void)state;
	memset(buf, 'a', sizeof(buf));
	/* 4 labels of 63 + 3 dots = 255 > 253 */
	buf[63] = buf[127] = buf[191] = '.';
	assert_false(dv_strfmt_check(DV_FMT_HOSTNAME, buf, 255));
	assert_true(dv_strfmt_check(DV_FMT_HOSTNAME, buf, 253));
	assert_true(dv_strfmt_check(DV_FMT_HOSTNAME, buf, 63));
	memset(buf, 'b', 64);
	assert_false(dv_strfmt_check(DV_FMT_HOSTNAME, buf, 64));
	assert_false(CHECK(DV_FMT_HOSTNAME, "a..b"));
	assert_false(CHECK(DV_FMT_HOSTNAME, "a.-b"));
	assert_false(CHECK(DV_FMT_HOSTNAME, "a b"));
	assert_true(CHECK(DV_FMT_HOSTNAME, "123.example"));
	assert_true(CHECK(DV_FMT_HOSTNAME, "EXAMPLE.COM"));
}

static void test_uuid_exact_layout(void **state)
{
	(void)state;
	assert_true(CHECK(DV_FMT_UUID, "123e4567-e89b-12d3-a456-426614174000"));
	assert_false(CHECK(DV_FMT_UUID, "{123e4567-e89b-12d3-a456-426614174000}"));
	assert_false(CHECK(DV_FMT_UUID, "123e4567-e89b-12d3-a456-42661417400"));
	assert_false(CHECK(DV_FMT_UUID, "123e4567+e89b-12d3-a456-426614174000"));
}

static void test_email_local_part_rules(void **state)
{
	char buf[100];

	(void)state;
	assert_true(CHECK(DV_FMT_EMAIL, "a!#$%&'*+-/=?^_`{|}~b@example.com"));
	assert_true(CHECK(DV_FMT_EMAIL, "\"a\\\"b\"@example.com"));
	assert_true(CHECK(DV_FMT_EMAIL, "\"\"@example.com"));
	assert_false(CHECK(DV_FMT_EMAIL, "\"a\"b@example.com"));
	assert_false(CHECK(DV_FMT_EMAIL, "\"ab@example.com"));
	assert_false(CHECK(DV_FMT_EMAIL, "\"a\\\"@example.com"));
	assert_false(CHECK(DV_FMT_EMAIL, "\"a\tb\"@example.com"));
	assert_false(CHECK(DV_FMT_EMAIL, "a@b@example.com"));
	assert_false(CHECK(DV_FMT_EMAIL, "a(b)@example.com"));
	assert_false(CHECK(DV_FMT_EMAIL, "caf\xc3\xa9@example.com"));
	memset(buf, 'x', sizeof(buf));
	memcpy(buf + 64, "@ex.com", 7);
	assert_true(dv_strfmt_check(DV_FMT_EMAIL, buf, 71));
	memcpy(buf + 65, "@ex.com", 7);
	assert_false(dv_strfmt_check(DV_FMT_EMAIL, buf, 72));
}

static void test_email_domain_rules(void **state)
{
	(void)state;
	assert_true(CHECK(DV_FMT_EMAIL, "a@localhost"));
	assert_true(CHECK(DV_FMT_EMAIL, "a@[IPv6:2001:db8::1]"));
	assert_false(CHECK(DV_FMT_EMAIL, "a@[2001:db8::1]"));
	assert_false(CHECK(DV_FMT_EMAIL, "a@[IPv6:1.2.3.4]"));
	assert_false(CHECK(DV_FMT_EMAIL, "a@[tag:text]"));
	assert_false(CHECK(DV_FMT_EMAIL, "a@[1.2.3.4"));
	assert_false(CHECK(DV_FMT_EMAIL, "a@example.com."));
	assert_false(CHECK(DV_FMT_EMAIL, "a@-example.com"));
}

static void test_uri_structure(void **state)
{
	(void)state;
	assert_true(CHECK(DV_FMT_URI, "file:///etc/hosts"));
	assert_true(CHECK(DV_FMT_URI, "foo:"));
	assert_true(CHECK(DV_FMT_URI, "a+b-c.d:x"));
	assert_true(CHECK(DV_FMT_URI, "http://u:p@h:8080/p?q=1&r=%5B#f/?:@"));
	assert_false(CHECK(DV_FMT_URI, "http://h/p?r[]"));
	assert_true(CHECK(DV_FMT_URI, "http://[v1.fe]/"));
	assert_true(CHECK(DV_FMT_URI, "http://h:/"));
	assert_false(CHECK(DV_FMT_URI, "http://h/#a#b"));
	assert_false(CHECK(DV_FMT_URI, "http://[v1]/"));
	assert_false(CHECK(DV_FMT_URI, "http://[::1/"));
	assert_false(CHECK(DV_FMT_URI, "http://[::1]x/"));
	assert_false(CHECK(DV_FMT_URI, "http://a@b@c/"));
	assert_false(CHECK(DV_FMT_URI, "http://h/%zz"));
	assert_false(CHECK(DV_FMT_URI, "http://h/\x7f"));
	assert_true(dv_strfmt_check(DV_FMT_URI, "a:b%20", 6));
	assert_false(dv_strfmt_check(DV_FMT_URI, "a:b%20", 5));
	assert_false(dv_strfmt_check(DV_FMT_URI, "a:b%20", 4));
}

/* Whether byte c is one of the bytes of set (a plain reading of the
 * RFCs' sets, against which the checker's class table is pinned). */
static bool in_set(int c, const char *set)
{
	return c != 0 && strchr(set, c) != NULL;
}

#define ALNUM "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
#define HEXD "0123456789ABCDEFabcdef"

/*
 * Every byte 0..255 in one position of each format, against the sets of
 * the RFCs written out as strings: uuid (hex digits, RFC 4122), e-mail
 * local part (RFC 5322 atext), host name labels (RFC 1123), URI path
 * (RFC 3986 pchar: unreserved, sub-delims, ':' '@', plus '/' '?'),
 * authority user info (no '@'/'/'/'?' there) and scheme.
 */
static void test_every_byte_against_the_rfc_sets(void **state)
{
	static const size_t uuid_at[] = { 0, 3, 7, 8, 9, 12, 13, 14, 17, 18, 19,
					  22, 23, 24, 27, 28, 31, 35 };
	char b[64];
	size_t k;
	int c;

	(void)state;
	for (c = 0; c < 256; c++) {
		bool hex = in_set(c, HEXD);
		bool atext = in_set(c, ALNUM "!#$%&'*+-/=?^_`{|}~");
		bool pchar = in_set(c, ALNUM "-._~" "!$&'()*+,;=" ":@");
		bool user = in_set(c, ALNUM "-._~" "!$&'()*+,;=" ":");
		bool scheme = in_set(c, ALNUM "+-.");

		/* a digit of each group and each half of a checked word, and
		 * every dash */
		for (k = 0; k < sizeof(uuid_at) / sizeof(uuid_at[0]); k++) {
			memcpy(b, "123e4567-e89b-12d3-a456-426614174000", 36);
			b[uuid_at[k]] = (char)c;
			assert_int_equal(dv_strfmt_check(DV_FMT_UUID, b, 36),
					 uuid_at[k] == 8 || uuid_at[k] == 13 ||
					 uuid_at[k] == 18 || uuid_at[k] == 23
					 ? c == '-' : hex);
		}

		memcpy(b, "abc@example.com", 15);
		b[1] = (char)c;
		assert_int_equal(dv_strfmt_check(DV_FMT_EMAIL, b, 15),
				 atext || c == '.');

		memcpy(b, "axb.example", 11);
		b[1] = (char)c;
		assert_int_equal(dv_strfmt_check(DV_FMT_HOSTNAME, b, 11),
				 in_set(c, ALNUM "-") || c == '.');

		memcpy(b, "http://h/pxq", 12);
		b[10] = (char)c;
		/* '/', '?' are path/query bytes; '#' starts an empty-ish
		 * fragment "q"; '%' needs two hex digits */
		assert_int_equal(dv_strfmt_check(DV_FMT_URI, b, 12),
				 pchar || c == '/' || c == '?' || c == '#');

		memcpy(b, "http://uxv@h/", 13);
		b[8] = (char)c;
		/* in the user info; '@' moves the split, '/' '?' '#' end the
		 * authority early, '[' ']' are not allowed there */
		if (c != '@' && c != '/' && c != '?' && c != '#')
			assert_int_equal(dv_strfmt_check(DV_FMT_URI, b, 13),
					 user);

		memcpy(b, "axb:z", 5);
		b[1] = (char)c;
		assert_int_equal(dv_strfmt_check(DV_FMT_URI, b, 5),
				 scheme || c == ':');
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_conformance_format_rows),
		cmocka_unit_test(test_conformance_idn_hostname_rows),
		cmocka_unit_test(test_strfmt_names_round_trip),
		cmocka_unit_test(test_empty_string_invalid_for_every_format),
		cmocka_unit_test(test_ipv4_leading_zero_and_range),
		cmocka_unit_test(test_ipv6_forms),
		cmocka_unit_test(test_hostname_lengths),
		cmocka_unit_test(test_uuid_exact_layout),
		cmocka_unit_test(test_every_byte_against_the_rfc_sets),
		cmocka_unit_test(test_email_local_part_rules),
		cmocka_unit_test(test_email_domain_rules),
		cmocka_unit_test(test_uri_structure),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
