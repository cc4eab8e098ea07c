/*
 * What the bench's data generators (gen.c, gen_vec.c) share: the
 * splitmix64 generator (Steele, Lea, Flood 2014, "Fast splittable
 * pseudorandom number generators"; deterministic for a seed) and a
 * growable output buffer written out in large blocks.
 */
#ifndef DV_BENCH_GENIO_H
#define DV_BENCH_GENIO_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng_state;

static uint64_t rnd(void)
{
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static unsigned rn(unsigned n) { return (unsigned)(rnd() % n); }

typedef struct {
	char *p;
	size_t n, cap;
} obuf;

static void ob_reserve(obuf *b, size_t more)
{
	if (b->n + more <= b->cap)
		return;
	while (b->n + more > b->cap)
		b->cap = b->cap ? b->cap * 2 : 1 << 20;
	b->p = realloc(b->p, b->cap);
	if (!b->p) {
		perror("bench generator");
		exit(1);
	}
}

static void ob_add(obuf *b, const char *s, size_t n)
{
	ob_reserve(b, n);
	memcpy(b->p + b->n, s, n);
	b->n += n;
}

static void ob_flush(obuf *b, FILE *f)
{
	if (b->n && fwrite(b->p, 1, b->n, f) != b->n) {
		perror("bench generator: write");
		exit(1);
	}
	b->n = 0;
}

/* The options both generators take. */
typedef struct {
	double mb;          /* --mb N: about N 10^6 bytes */
	long long rows;     /* --rows N: exactly N records (-1: by size) */
	uint64_t seed;      /* --seed S */
	long bad_ppm;       /* --bad-ppm P: faulty records per million */
	const char *prefix; /* the output files' prefix */
} gen_args;

/* Whether argv[*i] is one of gen_args' options or the prefix (*i moves
 * past a value it takes). */
static int gen_common_arg(int argc, char **argv, int *i, gen_args *a)
{
	const char *o = argv[*i];

	if (*i + 1 < argc && !strcmp(o, "--mb"))
		a->mb = atof(argv[++*i]);
	else if (*i + 1 < argc && !strcmp(o, "--rows"))
		a->rows = atoll(argv[++*i]);
	else if (*i + 1 < argc && !strcmp(o, "--seed"))
		a->seed = strtoull(argv[++*i], NULL, 10);
	else if (*i + 1 < argc && !strcmp(o, "--bad-ppm"))
		a->bad_ppm = atol(argv[++*i]);
	else if (o[0] != '-' && !a->prefix)
		a->prefix = o;
	else
		return 0;
	return 1;
}

#endif
