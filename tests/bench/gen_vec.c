/*
 * Benchmark data generator for vector columns (#15): deterministic JSON
 * Lines of documents with their embeddings, checked by vectors.yaml.
 *
 *   gen_vec [--mb N | --rows N] [--seed S] [--bad-ppm P] [--dim D] OUT_PREFIX
 *
 * writes OUT_PREFIX.jsonl, one record a line, as Python's json.dumps
 * writes them:
 *   {"id": 17, "doc": "Quarterly ...", "embedding": [0.01234567, -6.7123e-05, ...]}
 * and prints one line "rows=R jsonl_bytes=B bad=X", X the rows that
 * carry a violation of vectors.yaml. --mb stops once the file reaches
 * N*10^6 bytes. An embedding has D (default 768) elements with unit
 * Euclidean norm, each written with 8 decimals as exporters that round
 * do, and in exponent form below 1e-4 in magnitude as Python's repr
 * writes small floats.
 *
 * --bad-ppm (default 5000 = 0.5%) is the share of rows, in parts per
 * million, that get exactly one of these faults, in turn:
 *   a truncated vector (D-1 elements)             dimension
 *   two vectors concatenated (2D, norm sqrt 2)    dimension and norm
 *   an element 1e999 (valid JSON, beyond double)  finite
 *   an element NaN (json.dumps of a float nan)    malformed: JSON has no NaN
 *   an element as a string "0.01234567"           type
 *   "embedding": null                             required
 *   no "embedding" key                            required
 *   a vector not normalised (norm 2 to 20)        norm
 *   the zero vector (an empty text's embedding)   norm
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "genio.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* uniform in [0, 1) from the top 53 bits */
static double unif(void) { return (double)(rnd() >> 11) * (1.0 / 9007199254740992.0); }

/*
 * A roughly Gaussian element: the sum of four uniforms, centred (the
 * Irwin-Hall distribution, variance 1/3). It needs no log or cos, so the
 * digits do not depend on the C library's libm; the shape of the
 * distribution does not matter to a parser.
 */
static double elem(void) { return unif() + unif() + unif() + unif() - 2.0; }

static void ob_str(obuf *b, const char *s) { ob_add(b, s, strlen(s)); }

/* digits of v (< 10^19) into b, at least width of them (zero-padded) */
static void ob_uint(obuf *b, uint64_t v, int width)
{
	char d[20];
	int k = 0;

	do {
		d[k++] = (char)('0' + v % 10);
		v /= 10;
	} while (v || k < width);
	ob_reserve(b, (size_t)k);
	while (k)
		b->p[b->n++] = d[--k];
}

/*
 * One element: 8 decimals ("-0.03618083"), or 5 significant digits in
 * exponent form when 0 < |v| < 1e-4 ("6.7123e-05"), formatted by hand
 * because printf would be most of the generator's time.
 */
static void ob_num(obuf *b, double v)
{
	double a = v < 0 ? -v : v;

	if (v < 0)
		ob_add(b, "-", 1);
	if (a != 0 && a < 1e-4) {
		int e = 0;
		uint64_t m;
		while (a < 1.0) {
			a *= 10;
			e++;
		}
		m = (uint64_t)(a * 1e4 + 0.5); /* 1.0000 <= a < 10: m in [10000, 100000] */
		if (m == 100000) {
			m = 10000;
			e--;
		}
		ob_uint(b, m / 10000, 1);
		ob_add(b, ".", 1);
		ob_uint(b, m % 10000, 4);
		ob_add(b, e < 10 ? "e-0" : "e-", 3 - (e >= 10));
		ob_uint(b, (uint64_t)e, 1);
		return;
	}
	uint64_t x = (uint64_t)(a * 1e8 + 0.5);
	ob_uint(b, x / 100000000u, 1);
	ob_add(b, ".", 1);
	ob_uint(b, x % 100000000u, 8);
}

/* ---- documents ---- */

static const char *const words[] = {
	"quarterly", "report", "customer", "churn", "model", "training", "invoice", "payment",
	"delivery", "warehouse", "shipment", "delayed", "refund", "policy", "update", "summary",
	"meeting", "notes", "incident", "review", "latency", "service", "database", "migration",
	"contract", "renewal", "pricing", "discount", "regional", "sales", "forecast", "budget",
	"engineering", "roadmap", "feature", "request", "support", "ticket", "escalation", "resolved",
	"security", "audit", "findings", "compliance", "onboarding", "guide", "employee", "handbook",
	"product", "launch", "marketing", "campaign", "results", "survey", "feedback", "analysis",
	"the", "of", "and", "for", "with", "in", "on", "to", "a", "after", "before", "during",
};

static void doc(obuf *b)
{
	unsigned n = 6 + rn(30), i;

	ob_add(b, "\"", 1);
	for (i = 0; i < n; i++) {
		const char *w = words[rn(N(words))];
		if (i)
			ob_add(b, " ", 1);
		if (rn(40) == 0) {
			ob_str(b, "\\\""); /* a quoted word: an escape for the parsers */
			ob_str(b, w);
			ob_str(b, "\\\"");
		} else if (i == 0) {
			char c = (char)(w[0] - 'a' + 'A');
			ob_add(b, &c, 1);
			ob_str(b, w + 1);
		} else {
			ob_str(b, w);
		}
	}
	ob_add(b, ".\"", 2);
}

/* ---- embeddings ---- */

enum fault {
	F_NONE = -1,
	F_SHORT, F_DOUBLED, F_OVERFLOW, F_NAN, F_STRING, F_NULL, F_MISSING, F_SCALED, F_ZERO,
	F_COUNT
};

/* D elements scaled to unit Euclidean norm (times scale) into v */
static void unit_vector(double *v, unsigned dim, double scale)
{
	double ss = 0;
	unsigned i;

	for (i = 0; i < dim; i++) {
		v[i] = elem();
		ss += v[i] * v[i];
	}
	ss = scale / sqrt(ss);
	for (i = 0; i < dim; i++)
		v[i] *= ss;
}

static void embedding(obuf *b, double *v, unsigned dim, enum fault f)
{
	unsigned n = dim, i, odd = rn(dim);

	if (f == F_NULL) {
		ob_str(b, "null");
		return;
	}
	if (f == F_ZERO) {
		memset(v, 0, dim * sizeof *v);
	} else {
		unit_vector(v, dim, f == F_SCALED ? 2.0 + rn(19) : 1.0);
		if (f == F_DOUBLED) {
			unit_vector(v + dim, dim, 1.0);
			n = 2 * dim;
		} else if (f == F_SHORT) {
			n = dim - 1;
		}
	}
	ob_reserve(b, (size_t)n * 14 + 2);
	ob_add(b, "[", 1);
	for (i = 0; i < n; i++) {
		if (i)
			ob_add(b, ", ", 2);
		if (i == odd && f == F_OVERFLOW) {
			ob_str(b, "1e999");
		} else if (i == odd && f == F_NAN) {
			ob_str(b, "NaN");
		} else if (i == odd && f == F_STRING) {
			ob_add(b, "\"", 1);
			ob_num(b, v[i]);
			ob_add(b, "\"", 1);
		} else if (f == F_ZERO) {
			ob_str(b, "0.0");
		} else {
			ob_num(b, v[i]);
		}
	}
	ob_add(b, "]", 1);
}

static void usage(void)
{
	fprintf(stderr, "usage: gen_vec [--mb N | --rows N] [--seed S] [--bad-ppm P] [--dim D] OUT_PREFIX\n");
	exit(2);
}

int main(int argc, char **argv)
{
	gen_args a = { 0, 0, 20261124, 5000, NULL };
	long long rows = 0, bad = 0;
	long dim = 768;
	char path[4096];
	obuf b = { 0 };
	uint64_t bytes = 0;
	double *v;
	FILE *f;
	int i;

	for (i = 1; i < argc; i++) {
		if (gen_common_arg(argc, argv, &i, &a))
			continue;
		if (!strcmp(argv[i], "--dim") && i + 1 < argc)
			dim = atol(argv[++i]);
		else
			usage();
	}
	double mb = a.mb;
	long long want_rows = a.rows;
	unsigned long long seed = a.seed;
	long bad_ppm = a.bad_ppm;
	const char *prefix = a.prefix;

	if (!prefix || (mb <= 0 && want_rows <= 0) || dim < 2 || dim > 1000000)
		usage();
	rng_state = seed;
	snprintf(path, sizeof path, "%s.jsonl", prefix);
	if (!(f = fopen(path, "wb")) || !(v = malloc(2 * (size_t)dim * sizeof *v))) {
		perror(path);
		return 1;
	}
	while (want_rows ? rows < want_rows : bytes < (uint64_t)(mb * 1e6)) {
		enum fault fault = F_NONE;
		size_t start = b.n;

		if ((long)rn(1000000) < bad_ppm)
			fault = (enum fault)(bad++ % F_COUNT);
		rows++;
		ob_str(&b, "{\"id\": ");
		ob_uint(&b, (uint64_t)rows, 1);
		ob_str(&b, ", \"doc\": ");
		doc(&b);
		if (fault != F_MISSING) {
			ob_str(&b, ", \"embedding\": ");
			embedding(&b, v, (unsigned)dim, fault);
		}
		ob_str(&b, "}\n");
		bytes += b.n - start;
		if (b.n > (1u << 20))
			ob_flush(&b, f);
	}
	ob_flush(&b, f);
	if (fclose(f)) {
		perror(path);
		return 1;
	}
	printf("rows=%lld jsonl_bytes=%llu bad=%lld\n", rows, (unsigned long long)bytes, bad);
	free(v);
	free(b.p);
	return 0;
}
