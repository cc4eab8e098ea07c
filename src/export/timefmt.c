/*
 * A date, datetime or time column's `format:` (src/value/timefmt.c) as
 * query stages: one regular expression for the whole value, its groups
 * read with regexp_replace, then the same checks and typed value as the
 * ISO forms (types.c dv_sql_temporal_finish).
 *
 * dcval's parser reads each number field greedily and never backtracks;
 * a regular expression backtracks. The translation is exact because it
 * leaves nothing to backtrack over:
 *  - adjacent number fields (%Y%m%d) form one run, one group of digits;
 *    the digits' count L fixes each field's width as the greedy reader
 *    does (each takes as many as it may of what is left), and the L for
 *    which it fails are not ok;
 *  - a run must be followed by something that is not a digit (a literal
 *    digit right after it is an export error);
 *  - %z is Z, z, or a sign, two digits, an optional colon and two digits:
 *    one reading only, as dv_tf_zone;
 *  - %b and %B try each month's full name before its three letters, as
 *    dv_tf_month; only a letter after the name could make a shorter one
 *    match too, and a letter right after it is an export error;
 *  - %p is two letters, %I a number field (1..12) turned into the hour
 *    with %p as dv_parse_with_format does;
 *  - %j is a number field whose month and day agree with %m/%b and %d
 *    when written (dv_tf_day).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/sqlgen.h"

#define MAX_ITEMS 64
#define MAX_GROUPS 9

/* A number directive: its letter and width. */
struct tf_num {
	char d;
	unsigned min, max;
};

static const struct tf_num nums[] = {
	{ 'Y', 4, 4 }, { 'y', 2, 2 }, { 'm', 1, 2 }, { 'd', 1, 2 },
	{ 'H', 1, 2 }, { 'M', 1, 2 }, { 'S', 1, 2 }, { 'f', 1, 9 }, { 'I', 1, 2 },
	{ 'j', 1, 3 },
};

static const struct tf_num *num_of(char d)
{
	size_t i;

	for (i = 0; i < sizeof(nums) / sizeof(nums[0]); i++)
		if (nums[i].d == d)
			return &nums[i];
	return NULL;
}

/* A run of number directives: group `group`, directives dir[0..n). */
struct tf_run {
	unsigned group;
	char dir[MAX_ITEMS];
	unsigned n, smin, smax;
};

struct tf {
	dv_sqlgen *g;
	const dv_column *col;
	dv_buf re;                 /* the regular expression */
	struct tf_run runs[MAX_ITEMS];
	unsigned n_runs;
	unsigned zone_group;       /* 0: no %z */
	unsigned month_group;      /* 0: no %b or %B */
	unsigned ampm_group;       /* 0: no %p */
	unsigned groups;
};

static void refuse(struct tf *t, const char *what)
{
	dv_sql_fail(t->g, "export: column '%s': the format '%s': %s has no exact SQL "
		    "translation; validate the column with dcval", t->col->name,
		    t->col->time_format, what);
}

/* A literal byte of the pattern in the regex subset both engines read
 * alike: letters, digits and non-ASCII bytes as themselves, a space as
 * [ ], other ASCII escaped. */
static void literal(struct tf *t, unsigned char c)
{
	if (c == ' ')
		dv_sql_put(t->g, &t->re, "[ ]");
	else if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z'))
		dv_sql_put(t->g, &t->re, "%c", c);
	else
		dv_sql_put(t->g, &t->re, "\\%c", c);
}

/* The format with %T and %F spelled out. */
static bool expand(struct tf *t, const char *f, char *out, size_t cap)
{
	size_t n = 0;

	for (; *f; f++) {
		const char *add = NULL;
		char two[3] = { f[0], 0, 0 };

		if (f[0] == '%' && f[1]) {
			two[1] = f[1];
			add = f[1] == 'T' ? "%H:%M:%S" : f[1] == 'F' ? "%Y-%m-%d" : two;
			f++;
		} else {
			add = two;
		}
		if (n + strlen(add) + 1 > cap) {
			refuse(t, "its length");
			return false;
		}
		memcpy(out + n, add, strlen(add));
		n += strlen(add);
	}
	out[n] = '\0';
	return true;
}

/* %b, %B: each month's English name, full then three letters (as
 * dv_tf_month tries them), any case: "([Jj][Aa][Nn][Uu]...|[Jj][Aa][Nn]|...)". */
static void month_names(struct tf *t)
{
	static const char *const names[12] = {
		"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december",
	};
	size_t m, i, n;
	int form;

	dv_sql_put(t->g, &t->re, "(");
	for (m = 0; m < 12; m++) {
		for (form = 0; form < 2; form++) {
			n = form ? 3 : strlen(names[m]);
			if (form && n == strlen(names[m]))
				continue; /* may */
			if (m || form)
				dv_sql_put(t->g, &t->re, "|");
			for (i = 0; i < n; i++)
				dv_sql_put(t->g, &t->re, "[%c%c]", names[m][i] - 32, names[m][i]);
		}
	}
	dv_sql_put(t->g, &t->re, ")");
}

static void close_run(struct tf *t, struct tf_run **run)
{
	if (*run)
		dv_sql_put(t->g, &t->re, "([0-9]{%u,%u})", (*run)->smin, (*run)->smax);
	*run = NULL;
}

static bool build(struct tf *t, const char *f)
{
	struct tf_run *run = NULL;
	char what[48];
	bool after_month = false;

	dv_sql_put(t->g, &t->re, "^");
	for (; *f && t->g->st == DCVAL_OK; f++) {
		const struct tf_num *nd;

		if (*f != '%' || f[1] == '%') {
			if (run && *f >= '0' && *f <= '9') {
				refuse(t, "a digit right after a number field");
				return false;
			}
			/* "mar" + "ch...": a month name could end in two places */
			if (after_month && ((*f | 32) >= 'a' && (*f | 32) <= 'z')) {
				refuse(t, "a letter right after a month name");
				return false;
			}
			after_month = false;
			close_run(t, &run);
			literal(t, (unsigned char)*f);
			if (*f == '%')
				f++;
			continue;
		}
		f++;
		nd = num_of(*f);
		if (nd) {
			if (!run) {
				if (t->groups == MAX_GROUPS) {
					refuse(t, "more than nine fields");
					return false;
				}
				run = &t->runs[t->n_runs++];
				memset(run, 0, sizeof(*run));
				run->group = ++t->groups;
			}
			run->dir[run->n++] = *f;
			run->smin += nd->min;
			run->smax += nd->max;
			continue;
		}
		close_run(t, &run);
		after_month = false;
		if (strchr("zbBp", *f) && t->groups == MAX_GROUPS) {
			refuse(t, "more than nine fields");
			return false;
		}
		if (*f == 'z') {
			t->zone_group = ++t->groups;
			dv_sql_put(t->g, &t->re, "([Zz]|[-+][0-9]{2}:?[0-9]{2})");
			continue;
		}
		if (*f == 'p') {
			t->ampm_group = ++t->groups;
			dv_sql_put(t->g, &t->re, "([AaPp][Mm])");
			continue;
		}
		if (*f == 'b' || *f == 'B') {
			t->month_group = ++t->groups;
			month_names(t);
			after_month = true;
			continue;
		}
		snprintf(what, sizeof(what), "the directive '%%%c'", *f);
		refuse(t, what);
		return false;
	}
	close_run(t, &run);
	dv_sql_put(t->g, &t->re, "$");
	return t->g->st == DCVAL_OK;
}

/*
 * The widths the greedy reader gives the run's fields for L digits, or
 * false when it fails (a field short of its minimum or digits left).
 */
static bool widths(const struct tf_run *run, unsigned L, unsigned *w)
{
	unsigned i, left = L;

	for (i = 0; i < run->n; i++) {
		const struct tf_num *nd = num_of(run->dir[i]);

		w[i] = left < nd->max ? left : nd->max;
		if (w[i] < nd->min)
			return false;
		left -= w[i];
	}
	return left == 0;
}

/* Append the text of group `group` of the value (fp<k>). */
static void group_text(struct tf *t, dv_buf *b, unsigned group)
{
	char rep[4];

	snprintf(rep, sizeof(rep), "\\%u", group);
	dv_sql_put(t->g, b, "regexp_replace(v%zu, ", t->col->index);
	dv_sql_literal(t->g, b, t->re.data, t->re.len);
	dv_sql_put(t->g, b, ", ");
	dv_sql_literal(t->g, b, rep, strlen(rep));
	dv_sql_put(t->g, b, ")");
}

/*
 * %j (dv_tf_day): the day of the year in 1..365 or 366 (a leap year) is
 * a month and day, which must agree with %m/%b and %d when one of them
 * is written (absent ones are 1); the month and day become the day's.
 * Appends the conditions to cond and replaces *mx, *dx.
 */
static void day_of_year(struct tf *t, dv_buf *cond, dv_buf *mx, dv_buf *dx,
			const char *yx, const char *jtext)
{
	static const unsigned cum[12] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
	dv_sqlgen *g = t->g;
	bool have_md = t->month_group;
	dv_buf lx, jx, mj, dj;
	unsigned m, i;

	for (i = 0; i < t->n_runs; i++)
		if (memchr(t->runs[i].dir, 'm', t->runs[i].n) || memchr(t->runs[i].dir, 'd', t->runs[i].n))
			have_md = true;
	dv_buf_init(&lx, 1u << 20);
	dv_buf_init(&jx, 1u << 20);
	dv_buf_init(&mj, 1u << 20);
	dv_buf_init(&dj, 1u << 20);
	dv_sql_put(g, &lx, "CASE WHEN (%s %% 4 = 0 AND %s %% 100 <> 0) OR %s %% 400 = 0 "
		   "THEN 1 ELSE 0 END", yx, yx, yx);
	dv_sql_put(g, &jx, "CAST(%s AS BIGINT)", jtext);
	/* the month: the last whose first day is at or before the day (the
	 * leap day shifts every month after February) */
	dv_sql_put(g, &mj, "CASE");
	for (m = 12; m > 1; m--)
		dv_sql_put(g, &mj, " WHEN %s > %u%s%s%s THEN %u", jx.data, cum[m - 1],
			   m > 2 ? " + (" : "", m > 2 ? lx.data : "", m > 2 ? ")" : "", m);
	dv_sql_put(g, &mj, " ELSE 1 END");
	dv_sql_put(g, &dj, "%s - CASE %s", jx.data, mj.data);
	for (m = 2; m <= 12; m++)
		dv_sql_put(g, &dj, " WHEN %u THEN %u%s%s%s", m, cum[m - 1], m > 2 ? " + (" : "",
			   m > 2 ? lx.data : "", m > 2 ? ")" : "");
	dv_sql_put(g, &dj, " ELSE 0 END");
	dv_sql_put(g, cond, " AND %s BETWEEN 1 AND 365 + (%s)", jx.data, lx.data);
	if (have_md)
		dv_sql_put(g, cond, " AND %s = (%s) AND %s = (%s)", mx->data, mj.data, dx->data,
			   dj.data);
	if (g->st != DCVAL_OK)
		goto out;
	dv_buf_reset(mx);
	dv_buf_reset(dx);
	dv_sql_put(g, mx, "(%s)", mj.data);
	dv_sql_put(g, dx, "(%s)", dj.data);
out:
	dv_buf_release(&lx);
	dv_buf_release(&jx);
	dv_buf_release(&mj);
	dv_buf_release(&dj);
}

/*
 * Stage P: each run's text fr<k>_<i> and the zone's fz<k> (NULL unless
 * the value matches); stage Q: fq<k>, the value when every run's length
 * is one the greedy reader takes, and the fields dy .. om as types.c
 * names them, each directive's text cut from its run by the run's
 * length.
 */
static void fields(struct tf *t, dv_type type, const char *match)
{
	dv_sqlgen *g = t->g;
	size_t k = t->col->index;
	dv_buf src[sizeof(nums) / sizeof(nums[0])];
	unsigned i, j, L, w[MAX_ITEMS];
	dv_buf e, yx, mx, dx;

	for (i = 0; i < sizeof(nums) / sizeof(nums[0]); i++)
		dv_buf_init(&src[i], 1u << 20);
	dv_buf_init(&e, 1u << 20);
	dv_buf_init(&yx, 1u << 20);
	dv_buf_init(&mx, 1u << 20);
	dv_buf_init(&dx, 1u << 20);
	for (i = 0; i < t->n_runs; i++) {
		struct tf_run *run = &t->runs[i];

		dv_buf_reset(&e);
		group_text(t, &e, run->group);
		if (g->st == DCVAL_OK)
			dv_sql_field(g, DV_STAGE_P, "CASE WHEN %s THEN %s END AS fr%zu_%u", match,
				     e.data, k, i);
		for (j = 0; j < run->n; j++) {
			dv_buf *s = &src[num_of(run->dir[j]) - nums];

			dv_sql_put(g, s, "CASE length(fr%zu_%u)", k, i);
			for (L = run->smin; L <= run->smax; L++) {
				unsigned o = 1, x;

				if (!widths(run, L, w))
					continue;
				for (x = 0; x < j; x++)
					o += w[x];
				dv_sql_put(g, s, " WHEN %u THEN substr(fr%zu_%u, %u, %u)", L, k, i,
					   o, w[j]);
			}
			dv_sql_put(g, s, " END");
		}
	}
	{
		static const char *const pre[3] = { "fz", "fb", "fa" };
		unsigned grp[3] = { t->zone_group, t->month_group, t->ampm_group };

		for (i = 0; i < 3; i++) {
			if (!grp[i])
				continue;
			dv_buf_reset(&e);
			group_text(t, &e, grp[i]);
			if (g->st == DCVAL_OK)
				dv_sql_field(g, DV_STAGE_P, "CASE WHEN %s THEN %s END AS %s%zu", match,
					     e.data, pre[i], k);
		}
	}
#define SRC(c) (src[num_of(c) - nums].len ? src[num_of(c) - nums].data : NULL)
	/* the date's fields; absent ones default as dv_parse_with_format:
	 * 1970-01-01 00:00:00.0, no offset */
	if (SRC('y'))
		dv_sql_put(g, &yx, "(CASE WHEN CAST(%s AS BIGINT) < 69 THEN 2000 ELSE 1900 END + "
			   "CAST(%s AS BIGINT))", SRC('y'), SRC('y'));
	else
		dv_sql_put(g, &yx, "CAST(%s AS BIGINT)", SRC('Y') ? SRC('Y') : "1970");
	if (t->month_group)
		dv_sql_put(g, &mx, "CASE lower(left(fb%zu, 3)) WHEN 'jan' THEN 1 "
			   "WHEN 'feb' THEN 2 WHEN 'mar' THEN 3 WHEN 'apr' THEN 4 WHEN 'may' "
			   "THEN 5 WHEN 'jun' THEN 6 WHEN 'jul' THEN 7 WHEN 'aug' THEN 8 WHEN "
			   "'sep' THEN 9 WHEN 'oct' THEN 10 WHEN 'nov' THEN 11 ELSE 12 END", k);
	else
		dv_sql_put(g, &mx, "CAST(%s AS BIGINT)", SRC('m') ? SRC('m') : "1");
	dv_sql_put(g, &dx, "CAST(%s AS BIGINT)", SRC('d') ? SRC('d') : "1");
	/* fq<k>: every run's length is one the greedy reader takes, and the
	 * fields' own ranges that the calendar and clock checks do not see */
	dv_buf_reset(&e);
	dv_sql_put(g, &e, "TRUE");
	for (i = 0; i < t->n_runs; i++) {
		dv_sql_put(g, &e, " AND length(fr%zu_%u) IN (0", k, i);
		for (L = t->runs[i].smin; L <= t->runs[i].smax; L++)
			if (widths(&t->runs[i], L, w))
				dv_sql_put(g, &e, ", %u", L);
		dv_sql_put(g, &e, ")");
	}
	if (SRC('I'))
		dv_sql_put(g, &e, " AND CAST(%s AS BIGINT) BETWEEN 1 AND 12", SRC('I'));
	if (SRC('j') && g->st == DCVAL_OK) {
		day_of_year(t, &e, &mx, &dx, yx.data, SRC('j'));
	}
	if (g->st == DCVAL_OK)
		dv_sql_field(g, DV_STAGE_Q, "CASE WHEN fp%zu IS NOT NULL AND %s THEN fp%zu END "
			     "AS fq%zu", k, e.data, k, k);
	dv_buf_release(&e);
	if (type != DV_T_TIME && g->st == DCVAL_OK) {
		dv_sql_field(g, DV_STAGE_Q, "%s AS dy%zu", yx.data, k);
		dv_sql_field(g, DV_STAGE_Q, "%s AS dm%zu", mx.data, k);
		dv_sql_field(g, DV_STAGE_Q, "%s AS dd%zu", dx.data, k);
	}
#define NUM(c, dflt, name)                                                      \
	dv_sql_field(g, DV_STAGE_Q, "CAST(%s AS BIGINT) AS " name "%zu",             \
		     SRC(c) ? SRC(c) : dflt, k)
	if (type != DV_T_DATE) {
		if (SRC('I')) {
			/* %I with %p: hour12 % 12, plus 12 after noon (dv_parse_with_format) */
			char pm[96] = "0";

			if (t->ampm_group)
				snprintf(pm, sizeof(pm), "CASE WHEN lower(fa%zu) = 'pm' THEN 12 ELSE 0 END", k);
			dv_sql_field(g, DV_STAGE_Q, "CAST(%s AS BIGINT) %% 12 + %s AS ch%zu", SRC('I'),
				     pm, k);
		} else
			NUM('H', "0", "ch");
		NUM('M', "0", "cm");
		NUM('S', "0", "cs");
		if (SRC('f'))
			dv_sql_field(g, DV_STAGE_Q, "CAST(rpad(%s, 9, '0') AS BIGINT) AS cn%zu",
				     SRC('f'), k);
		else
			dv_sql_field(g, DV_STAGE_Q, "CAST(0 AS BIGINT) AS cn%zu", k);
		if (t->zone_group) {
			dv_sql_field(g, DV_STAGE_Q, "CASE WHEN left(fz%zu, 1) = '-' THEN -1 "
				     "WHEN left(fz%zu, 1) = '+' THEN 1 ELSE 0 END AS os%zu", k, k, k);
			dv_sql_field(g, DV_STAGE_Q, "CASE WHEN left(fz%zu, 1) IN ('+', '-') THEN "
				     "CAST(substr(fz%zu, 2, 2) AS BIGINT) ELSE 0 END AS oh%zu", k, k, k);
			dv_sql_field(g, DV_STAGE_Q, "CASE WHEN left(fz%zu, 1) IN ('+', '-') THEN "
				     "CAST(right(fz%zu, 2) AS BIGINT) ELSE 0 END AS om%zu", k, k, k);
		} else {
			dv_sql_field(g, DV_STAGE_Q, "0 AS os%zu", k);
			dv_sql_field(g, DV_STAGE_Q, "0 AS oh%zu", k);
			dv_sql_field(g, DV_STAGE_Q, "0 AS om%zu", k);
		}
	}
#undef NUM
#undef SRC
	for (i = 0; i < sizeof(nums) / sizeof(nums[0]); i++)
		dv_buf_release(&src[i]);
	dv_buf_release(&yx);
	dv_buf_release(&mx);
	dv_buf_release(&dx);
}

void dv_sql_timefmt_stages(dv_sqlgen *g, const dv_column *col)
{
	struct tf *t;
	char fmt[256];
	dv_buf m;
	char v[32];

	t = calloc(1, sizeof(*t));
	if (!t) {
		g->st = DCVAL_ENOMEM;
		return;
	}
	t->g = g;
	t->col = col;
	dv_buf_init(&t->re, 1u << 16);
	dv_buf_init(&m, 1u << 20);
	if (!expand(t, col->time_format, fmt, sizeof(fmt)) || !build(t, fmt))
		goto out;
	snprintf(v, sizeof(v), "v%zu", col->index);
	{
		dv_buf lit;

		dv_buf_init(&lit, 1u << 16);
		dv_sql_literal(g, &lit, t->re.data, t->re.len);
		if (g->st == DCVAL_OK)
			dv_sql_put(g, &m, g->d->regex_match, v, lit.data);
		dv_buf_release(&lit);
	}
	if (g->st == DCVAL_OK)
		dv_sql_field(g, DV_STAGE_P, "CASE WHEN %s THEN v%zu END AS fp%zu", m.data,
			     col->index, col->index);
	fields(t, col->type, m.data);
	dv_sql_temporal_finish(g, col->index, col->type, "fq");
out:
	dv_buf_release(&m);
	dv_buf_release(&t->re);
	free(t);
}
