/*
 * Bare parse baseline for JSON Lines: jansson, the parser dcval uses, one
 * json_loadb per line with dcval's parse flags, on 256 KiB chunks split at
 * '\n' with memchr (a line that spans chunks is copied into a buffer), as
 * dcval's reader does. It counts records and top-level keys and does
 * nothing else. dcval's JSON Lines throughput is reported as a share of
 * this one's.
 *
 *   baseline_jsonl FILE   prints "records=R keys=K invalid=I"
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK (256 * 1024)
#define FLAGS (JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL | JSON_DECODE_ANY)

static unsigned long long records, keys, invalid;

static void line(const char *s, size_t n)
{
	json_error_t err;
	json_t *v;

	if (n && s[n - 1] == '\r')
		n--;
	if (n == 0)
		return;
	records++;
	v = json_loadb(s, n, FLAGS, &err);
	if (!v) {
		invalid++;
		return;
	}
	if (json_is_object(v))
		keys += json_object_size(v);
	json_decref(v);
}

int main(int argc, char **argv)
{
	static char buf[CHUNK];
	char *carry = NULL;
	size_t ncarry = 0, capcarry = 0, got;
	FILE *f;

	if (argc != 2 || !(f = fopen(argv[1], "rb"))) {
		fprintf(stderr, "usage: baseline_jsonl FILE\n");
		return 2;
	}
	while ((got = fread(buf, 1, sizeof buf, f)) > 0) {
		const char *p = buf, *end = buf + got, *nl;
		while ((nl = memchr(p, '\n', (size_t)(end - p)))) {
			if (ncarry) {
				size_t k = (size_t)(nl - p);
				if (ncarry + k > capcarry) {
					capcarry = (ncarry + k) * 2;
					carry = realloc(carry, capcarry);
					if (!carry)
						return 4;
				}
				memcpy(carry + ncarry, p, k);
				line(carry, ncarry + k);
				ncarry = 0;
			} else {
				line(p, (size_t)(nl - p));
			}
			p = nl + 1;
		}
		if (p < end) {
			size_t k = (size_t)(end - p);
			if (ncarry + k > capcarry) {
				capcarry = (ncarry + k) * 2;
				carry = realloc(carry, capcarry);
				if (!carry)
					return 4;
			}
			memcpy(carry + ncarry, p, k);
			ncarry += k;
		}
	}
	if (ncarry)
		line(carry, ncarry);
	free(carry);
	fclose(f);
	printf("records=%llu keys=%llu invalid=%llu\n", records, keys, invalid);
	return 0;
}
