/*
 * Benchmark data generator: one deterministic "events" dataset written as
 * CSV and as JSON Lines with the same rows.
 *
 *   gen [--mb N | --rows N] [--seed S] [--bad-ppm P] [--csv-only] OUT_PREFIX
 *
 * writes OUT_PREFIX.csv and (unless --csv-only) OUT_PREFIX.jsonl and
 * prints one line
 *   rows=R csv_bytes=B jsonl_bytes=J bad=X bad_nounique=Y
 * where X is the number of rows carrying a violation of events.yaml and
 * Y the number still invalid under events_nounique.yaml (a repeated
 * event_id is valid there). --mb stops once the CSV file reaches N*10^6
 * bytes. --bad-ppm is the share of rows (parts per million, default 2000
 * = 0.2%) that get exactly one realistic violation; 1000000 makes every
 * row invalid.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "genio.h"

static uint64_t mix(uint64_t z)
{
	z += 0x9E3779B97F4A7C15ull;
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}


/* ---- fields: a value is text plus how JSON shows it ---- */

enum jkind { J_STR, J_NUM, J_BOOL, J_NULL };

typedef struct {
	char text[1400];
	size_t len;
	enum jkind kind;
} field;

#define NCOLS 12
static const char *const colnames[NCOLS] = {
	"user_id", "event_id", "event_ts", "label_ts", "event_type", "amount",
	"country", "email", "session_duration_sec", "is_test", "score", "notes",
};

static void fset(field *f, enum jkind k, const char *fmt_text)
{
	size_t n = strlen(fmt_text);
	memcpy(f->text, fmt_text, n + 1);
	f->len = n;
	f->kind = k;
}

static void csv_field(obuf *b, const field *f)
{
	size_t i;
	int q = 0;

	for (i = 0; i < f->len; i++) {
		char c = f->text[i];
		if (c == ',' || c == '"' || c == '\n' || c == '\r') {
			q = 1;
			break;
		}
	}
	if (!q) {
		ob_add(b, f->text, f->len);
		return;
	}
	ob_reserve(b, 2 * f->len + 2);
	b->p[b->n++] = '"';
	for (i = 0; i < f->len; i++) {
		if (f->text[i] == '"')
			b->p[b->n++] = '"';
		b->p[b->n++] = f->text[i];
	}
	b->p[b->n++] = '"';
}

static void json_string(obuf *b, const char *s, size_t n)
{
	size_t i;

	ob_reserve(b, 2 * n + 2);
	b->p[b->n++] = '"';
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			b->p[b->n++] = '\\';
			b->p[b->n++] = (char)c;
		} else if (c == '\n') {
			b->p[b->n++] = '\\';
			b->p[b->n++] = 'n';
		} else if (c == '\r') {
			b->p[b->n++] = '\\';
			b->p[b->n++] = 'r';
		} else {
			b->p[b->n++] = (char)c;
		}
	}
	b->p[b->n++] = '"';
}

static void json_field(obuf *b, const field *f)
{
	switch (f->kind) {
	case J_NULL:
		ob_add(b, "null", 4);
		break;
	case J_NUM:
	case J_BOOL:
		ob_add(b, f->text, f->len);
		break;
	case J_STR:
		json_string(b, f->text, f->len);
		break;
	}
}

/* ---- value makers ---- */

static void uuid_of(uint64_t seed, char out[37])
{
	static const char hex[] = "0123456789abcdef";
	uint64_t a = mix(seed), c = mix(seed ^ 0x5555);
	int i, k = 0;
	char d[32];

	for (i = 0; i < 16; i++)
		d[i] = hex[(a >> (4 * i)) & 15];
	for (i = 0; i < 16; i++)
		d[16 + i] = hex[(c >> (4 * i)) & 15];
	d[12] = '4';                    /* version 4 */
	d[16] = hex[8 + (c & 3)];       /* variant 10xx */
	for (i = 0; i < 32; i++) {
		if (i == 8 || i == 12 || i == 16 || i == 20)
			out[k++] = '-';
		out[k++] = d[i];
	}
	out[k] = 0;
}

/* days since 1970-01-01 to civil date (Howard Hinnant's algorithm) */
static void civil(int64_t z, int *y, unsigned *m, unsigned *d)
{
	z += 719468;
	int64_t era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t yy = (int64_t)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yy + (*m <= 2));
}

/* style: 0 = Z, 1 = Z with millis, 2 = +02:00 offset, 3 = naive with space */
static void fmt_ts(int64_t t, int style, unsigned ms, char *out, size_t cap)
{
	int y;
	unsigned mo, d;
	int64_t lt = t + (style == 2 ? 7200 : 0);
	int64_t days = lt / 86400, s = lt % 86400;

	civil(days, &y, &mo, &d);
	unsigned hh = (unsigned)(s / 3600), mi = (unsigned)(s / 60 % 60),
		 ss = (unsigned)(s % 60);
	switch (style) {
	case 0:
		snprintf(out, cap, "%04d-%02u-%02uT%02u:%02u:%02uZ", y, mo, d, hh, mi, ss);
		break;
	case 1:
		snprintf(out, cap, "%04d-%02u-%02uT%02u:%02u:%02u.%03uZ", y, mo, d, hh, mi, ss, ms);
		break;
	case 2:
		snprintf(out, cap, "%04d-%02u-%02uT%02u:%02u:%02u+02:00", y, mo, d, hh, mi, ss);
		break;
	default:
		snprintf(out, cap, "%04d-%02u-%02u %02u:%02u:%02u", y, mo, d, hh, mi, ss);
		break;
	}
}

static const char *const types[5] = { "click", "view", "purchase", "signup", "logout" };
static const char *const countries[] = {
	"US", "DE", "FR", "GB", "IN", "BR", "JP", "CA", "ES", "IT",
	"NL", "SE", "PL", "MX", "AU", "KR", "NG", "ZA", "AR", "CH",
};
static const char *const firsts[] = {
	"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
	"ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil",
	"trent", "victor", "walter", "yasmin",
};
static const char *const lasts[] = {
	"smith", "jones", "garcia", "muller", "rossi", "tanaka", "kim", "silva",
	"novak", "dubois", "okafor", "larsen", "kowalski", "nguyen", "haddad",
};
static const char *const domains[] = {
	"example.com", "mail.example.org", "corp.example.net", "example.co.uk",
	"shop.example.io",
};
static const char *const phrases[] = {
	"clicked the banner",
	"scrolled, then left",
	"said \"great app\"",
	"checkout failed, retried",
	"opened from push notification",
	"A/B variant \"blue\"",
	"slow page load, 3.2s",
	"caf\xc3\xa9 promo, 10% off",
	"na\xc3\xafve user, first visit",
	"support ticket #4411",
	"re-engaged after 30 days",
	"price shown: $19.99, \"sale\"",
};
#define N(a) (sizeof(a) / sizeof((a)[0]))

#define NUSERS 50000
#define RING 1024

int main(int argc, char **argv)
{
	gen_args a = { 100, -1, 20261124, 2000, NULL };
	int i, csv_only = 0;

	for (i = 1; i < argc; i++) {
		if (gen_common_arg(argc, argv, &i, &a))
			continue;
		if (!strcmp(argv[i], "--csv-only")) {
			csv_only = 1;
			continue;
		}
		fprintf(stderr, "usage: gen [--mb N | --rows N] [--seed S] [--bad-ppm P] [--csv-only] OUT_PREFIX\n");
		return 2;
	}
	double mb = a.mb;
	long long want_rows = a.rows;
	uint64_t seed = a.seed;
	long bad_ppm = a.bad_ppm;
	const char *prefix = a.prefix;

	if (!prefix) {
		fprintf(stderr, "usage: gen [--mb N | --rows N] [--seed S] [--bad-ppm P] [--csv-only] OUT_PREFIX\n");
		return 2;
	}
	rng_state = seed;

	char path[4096];
	snprintf(path, sizeof path, "%s.csv", prefix);
	FILE *fc = fopen(path, "wb");
	snprintf(path, sizeof path, "%s.jsonl", prefix);
	FILE *fj = csv_only ? fopen("/dev/null", "wb") : fopen(path, "wb");
	if (!fc || !fj) {
		perror("gen: open");
		return 1;
	}

	obuf bc = { 0 }, bj = { 0 };
	uint64_t csv_bytes = 0, jsonl_bytes = 0;
	uint64_t target = (uint64_t)(mb * 1e6);
	long long rows = 0, bad = 0, bad_dup = 0;
	int64_t id = 0, ring[RING];
	int nring = 0;
	int64_t t = 1704067200; /* 2024-01-01T00:00:00Z */
	field f[NCOLS];
	int c;

	for (c = 0; c < NCOLS; c++) {
		ob_add(&bc, colnames[c], strlen(colnames[c]));
		ob_add(&bc, c + 1 < NCOLS ? "," : "\n", 1);
	}

	for (;;) {
		if (want_rows >= 0 ? rows >= want_rows : csv_bytes + bc.n >= target)
			break;
		char tmp[1400];

		/* user_id */
		uint64_t user = rnd() % NUSERS;
		uuid_of(seed * 31 + user, tmp);
		fset(&f[0], J_STR, tmp);
		/* event_id: increasing with gaps */
		id += 1 + (rn(4) == 0);
		snprintf(tmp, sizeof tmp, "%lld", (long long)id);
		fset(&f[1], J_NUM, tmp);
		/* event_ts / label_ts */
		t += rn(5);
		unsigned st = rn(10);
		fmt_ts(t, st < 7 ? 0 : st < 9 ? 1 : 2, rn(1000), tmp, sizeof tmp);
		fset(&f[2], J_STR, tmp);
		fmt_ts(t + 60 + rn(3 * 86400), 0, 0, tmp, sizeof tmp);
		fset(&f[3], J_STR, tmp);
		/* event_type */
		unsigned ty = rn(100);
		const char *tys = ty < 45 ? types[0] : ty < 80 ? types[1] : ty < 90 ? types[2]
				  : ty < 95 ? types[3] : types[4];
		fset(&f[4], J_STR, tys);
		/* amount: mostly empty, set on purchases */
		if (tys == types[2] || rn(10) == 0) {
			snprintf(tmp, sizeof tmp, "%u.%02u", rn(2000), rn(100));
			fset(&f[5], J_NUM, tmp);
		} else {
			fset(&f[5], J_NULL, "");
		}
		/* country */
		fset(&f[6], J_STR, countries[rn(N(countries))]);
		/* email: derived from the user */
		uint64_t u = mix(user);
		snprintf(tmp, sizeof tmp, "%s.%s%u@%s", firsts[u % N(firsts)],
			 lasts[(u >> 8) % N(lasts)], (unsigned)(user % 1000),
			 domains[(u >> 16) % N(domains)]);
		fset(&f[7], J_STR, tmp);
		/* session_duration_sec: often empty */
		if (rn(5) < 3) {
			snprintf(tmp, sizeof tmp, "%u.%03u", rn(3600), rn(1000));
			fset(&f[8], J_NUM, tmp);
		} else {
			fset(&f[8], J_NULL, "");
		}
		/* is_test */
		fset(&f[9], J_BOOL, rn(100) < 3 ? "true" : "false");
		/* score in [0, 1] */
		unsigned sc = rn(10001);
		if (sc == 10000)
			fset(&f[10], J_NUM, "1");
		else {
			snprintf(tmp, sizeof tmp, "0.%04u", sc);
			fset(&f[10], J_NUM, tmp);
		}
		/* notes: free text with commas, quotes, some newlines */
		unsigned nk = rn(10);
		if (nk < 3) {
			fset(&f[11], J_NULL, "");
		} else {
			size_t n = 0;
			unsigned k, parts = 1 + rn(3);
			for (k = 0; k < parts; k++) {
				const char *ph = phrases[rn(N(phrases))];
				size_t pl = strlen(ph);
				if (k) {
					const char *sep = rn(50) == 0 ? "\n" : "; ";
					memcpy(tmp + n, sep, strlen(sep));
					n += strlen(sep);
				}
				memcpy(tmp + n, ph, pl);
				n += pl;
			}
			tmp[n] = 0;
			fset(&f[11], J_STR, tmp);
		}

		/* one realistic violation on a few rows */
		if ((long)rn(1000000) < bad_ppm) {
			unsigned kind = rn(20);
			char z[80];
			bad++;
			switch (kind) {
			case 0: /* user_id typo */
				f[0].text[5] = 'x';
				break;
			case 1: /* replayed event: an event_id seen before */
				if (nring) {
					snprintf(tmp, sizeof tmp, "%lld",
						 (long long)ring[rn((unsigned)(nring < RING ? nring : RING))]);
					fset(&f[1], J_NUM, tmp);
					bad_dup++;
				} else {
					fset(&f[1], J_NUM, "0");
				}
				break;
			case 2:
				fset(&f[1], J_NUM, "0");
				break;
			case 3: /* naive timestamp */
				fmt_ts(t, 3, 0, z, sizeof z);
				fset(&f[2], J_STR, z);
				break;
			case 4:
				fset(&f[2], J_STR, "2025-02-30T10:00:00Z");
				break;
			case 5:
				fset(&f[3], J_STR, "2019-12-31T23:59:59Z");
				break;
			case 6:
				fset(&f[4], J_STR, "share");
				break;
			case 7: /* missing event_type: empty in csv, null in json */
				fset(&f[4], J_NULL, "");
				break;
			case 8: /* decimal comma */
				fset(&f[5], J_STR, "12,5");
				break;
			case 9:
				fset(&f[5], J_NUM, "-4.99");
				break;
			case 10:
				fset(&f[6], J_STR, "France");
				break;
			case 11:
				fset(&f[6], J_STR, "fr");
				break;
			case 12:
				snprintf(z, sizeof z, "%s.%s@", firsts[rn(N(firsts))], lasts[rn(N(lasts))]);
				fset(&f[7], J_STR, z);
				break;
			case 13:
				snprintf(z, sizeof z, "%s.%s.example.com", firsts[rn(N(firsts))], lasts[rn(N(lasts))]);
				fset(&f[7], J_STR, z);
				break;
			case 14:
				fset(&f[8], J_NUM, "-1.5");
				break;
			case 15:
				fset(&f[9], J_STR, "yes");
				break;
			case 16:
				fset(&f[10], J_NUM, "1.5");
				break;
			case 17:
				fset(&f[10], J_NULL, "");
				break;
			case 18: { /* runaway notes: over max_length 1000 */
				size_t n = 0;
				while (n < 1100) {
					memcpy(tmp + n, "lorem ipsum ", 12);
					n += 12;
				}
				tmp[n] = 0;
				fset(&f[11], J_STR, tmp);
				break;
			}
			default:
				fset(&f[0], J_NULL, "");
				break;
			}
		}
		if (f[1].text[0] != '0' && f[1].kind == J_NUM && strtoll(f[1].text, NULL, 10) == id)
			ring[nring++ % RING] = id;

		for (c = 0; c < NCOLS; c++) {
			if (f[c].kind != J_NULL)
				csv_field(&bc, &f[c]);
			ob_add(&bc, c + 1 < NCOLS ? "," : "\n", 1);
		}
		if (!csv_only) {
			ob_add(&bj, "{", 1);
			for (c = 0; c < NCOLS; c++) {
				if (c)
					ob_add(&bj, ",", 1);
				json_string(&bj, colnames[c], strlen(colnames[c]));
				ob_add(&bj, ":", 1);
				json_field(&bj, &f[c]);
			}
			ob_add(&bj, "}\n", 2);
		}
		rows++;
		if (bc.n > (1 << 20)) {
			csv_bytes += bc.n;
			ob_flush(&bc, fc);
		}
		if (bj.n > (1 << 20)) {
			jsonl_bytes += bj.n;
			ob_flush(&bj, fj);
		}
	}
	csv_bytes += bc.n;
	jsonl_bytes += bj.n;
	ob_flush(&bc, fc);
	ob_flush(&bj, fj);
	if (fclose(fc) || fclose(fj)) {
		perror("gen: close");
		return 1;
	}
	printf("rows=%lld csv_bytes=%llu jsonl_bytes=%llu bad=%lld bad_nounique=%lld\n",
	       rows, (unsigned long long)csv_bytes, (unsigned long long)jsonl_bytes,
	       bad, bad - bad_dup);
	free(bc.p);
	free(bj.p);
	return 0;
}
