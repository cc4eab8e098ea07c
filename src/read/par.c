/*
 * Parallel validation of one input; see par.h.
 *
 * Slots: a ring of chunk buffers. The calling thread fills the next free
 * slot from the source up to the first cut past the chunk size (the bytes
 * after that cut, the carry, start the next slot), hands it to the
 * workers, and replays the oldest slot once its worker is done. A csv
 * header is read first, on the calling thread, by the csv reader itself
 * (a source over the bytes up to the end of the header row). A record
 * that does not fit a slot (no cut within `cap` bytes: a huge field, an
 * unterminated quote) ends the parallel part: the slots in flight are
 * replayed, and the rest of the input is read on the calling thread by
 * the reader, starting at that record.
 *
 * A live input (a pipe, a terminal, a socket: live.h) keeps its promise
 * that each record is checked as soon as it arrives, and its throughput
 * when the writer is fast: while no more bytes are there to read, the
 * calling thread waits for either more bytes or a worker's word that a
 * chunk is done (a pipe the workers write a byte into), replays the
 * chunks done in input order as they come, and hands its chunk to the
 * workers (at its last cut) once nothing is left in flight. Records
 * thus come out no later than the records before them allow, and a
 * writer that keeps the pipe full gets chunks of its own size. A chunk
 * of a writer that trickles (nothing in flight, nothing to read) is
 * checked on the calling thread itself, by a worker validator of its
 * own: a handoff to a worker would only add a thread's wake-up to each
 * record's latency. A live csv chunk with a line end but no cut (a row
 * ended by a lone '\r', which only the next byte tells from "\r\n", or
 * a quoted line end) ends the parallel part, as a record too large does:
 * the reader on this thread waits for that byte as it does on one
 * thread. Compressed live input stays on one thread (its decompressor
 * may hold bytes no poll sees).
 */
#include <fcntl.h>
#include <pthread.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "contract/contract_impl.h"
#include "engine/live.h"
#include "read/cut.h"
#include "read/jsonval.h"
#include "read/par.h"
#include "read/reader.h"
#include "read/source.h"
#include "util/alloc.h"
#include "util/error.h"

_Static_assert(DV_JSONVAL_SEEN_MAX == DV_ENGINE_EXTRA_SEEN_MAX,
	       "the replay keeps extra keys as the JSON reader does");

#define DV_PAR_SMALL ((uint64_t)4 << 20)
#define DV_PAR_LOG_CAP ((size_t)1 << 30)
#define DV_PAR_CHUNK ((size_t)1 << 20)     /* default chunk size */
#define DV_PAR_MIN_CAP ((size_t)64 << 10)  /* least bytes a slot's chunk may grow to */

/* A slot's life: filled and queued by the calling thread, validated by a
 * worker, its keys resolved (by a worker, in input order), replayed and
 * freed by the calling thread. */
enum { SLOT_FREE = 0, SLOT_QUEUED, SLOT_VALIDATED, SLOT_DONE };

typedef struct dv_slot {
	char *buf;           /* cap + DV_SOURCE_CHUNK bytes */
	size_t len;          /* the chunk: buf[0..len) */
	size_t fill;         /* bytes in buf: the carry follows the chunk */
	uint64_t line0;      /* physical line of buf[0] */
	bool mid;            /* not the input's first bytes */
	uint64_t src_bytes;  /* source bytes read when it was filled */
	dv_buf log;          /* the worker's log */
	dcval_status st;     /* the worker's reader's status */
	dcval_error err;
	int state;
} dv_slot;

typedef struct dv_par {
	dv_engine *e;
	const dv_reader *rd;
	dv_source *src;
	size_t src_pos;      /* first byte of src->chunk not taken */
	dv_cut cut;
	size_t target;       /* chunk size */
	size_t cap;          /* most bytes of a slot's chunk */
	uint64_t line;       /* line of the next chunk's first byte */
	dv_slot *slots;
	size_t n_slots;
	uint64_t filled;     /* slots handed to workers so far */
	uint64_t taken;      /* slots a worker took */
	uint64_t resolved;   /* slots whose keys were looked up */
	uint64_t reduced;    /* slots replayed (by the calling thread) */
	dcval_error *err;    /* the caller's: the readers' and replays' faults */
	dcval_status wait_st; /* live: a replay done while it waited failed
				 (or stopped the run) */
	int wake[2];         /* live: a byte per chunk done, for the waiting
				calling thread (else -1) */
	bool resolving;      /* a worker is looking a slot's keys up */
	bool resolve_failed; /* it ran out of memory: the replay looks up the
				keys of that slot and of every later one */
	dv_engine **workers;
	dv_engine *inline_w; /* live: the calling thread's own worker validator */
	struct dv_wk *wk;
	pthread_t *threads;
	unsigned n_workers;
	unsigned n_started;
	pthread_mutex_t mu;
	pthread_cond_t work; /* a slot was queued, or quit */
	pthread_cond_t done; /* a slot is done */
	bool quit;
	bool eof;            /* the source is exhausted */
	size_t carry_scanned; /* bytes of the carry the cut scan has seen */
	dcval_status src_st; /* the source's failure, after the bytes before it */
} dv_par;

bool dv_par_wanted(const dv_engine *e, const dv_source *src, dcval_format f)
{
	struct stat sb;

	if (f != DCVAL_FORMAT_CSV && f != DCVAL_FORMAT_TSV &&
	    f != DCVAL_FORMAT_JSONL)
		return false;
	if (dv_engine_jobs(e) < 2 || !dv_engine_can_split(e))
		return false;
	if (src->live) /* its size is unknown */
		return src->compression == DCVAL_COMPRESSION_NONE;
	if (dv_engine_chunk_bytes(e))
		return true;
	return src->fd >= 0 && fstat(src->fd, &sb) == 0 &&
	       S_ISREG(sb.st_mode) && (uint64_t)sb.st_size >= DV_PAR_SMALL;
}

/* ---- workers ---- */

static void run_slot(dv_par *p, dv_engine *w, dv_slot *s)
{
	dv_source ms;

	dv_buf_reset(&s->log);
	memset(&s->err, 0, sizeof(s->err));
	dv_source_init_mem(&ms, s->buf, s->len, p->src->path, s->line0, s->mid);
	dv_engine_worker_bind(w, &s->log, s->buf, s->len);
	s->st = p->rd->read(w, &ms, &s->err);
	dv_engine_worker_bind(w, NULL, NULL, 0);
}

/*
 * With p->mu held: look up the keys of every validated slot next in input
 * order (dv_engine_resolve), one slot at a time, whichever worker gets
 * here (a combining step: the worker that validated the next slot in
 * order does it, or the one that finds it validated; none waits for
 * another). The run's key sets thus see the keys in input order, as on
 * one thread, and the calling thread's replay only reports. The lock is
 * let go while a slot is resolved; `resolving` keeps it to one worker.
 */
static void resolve_ready(dv_par *p)
{
	dv_slot *r;

	while (!p->resolving && p->resolved < p->taken) {
		r = &p->slots[p->resolved % p->n_slots];
		if (r->state != SLOT_VALIDATED)
			return;
		p->resolving = true;
		if (!p->resolve_failed) {
			dcval_status st;

			pthread_mutex_unlock(&p->mu);
			st = dv_engine_resolve(p->e, r->log.data, r->log.len);
			pthread_mutex_lock(&p->mu);
			if (st != DCVAL_OK)
				p->resolve_failed = true;
		}
		r->state = SLOT_DONE;
		p->resolved++;
		p->resolving = false;
		pthread_cond_broadcast(&p->done);
		if (p->wake[1] >= 0) /* full: the reader has bytes to see */
			(void)!write(p->wake[1], "", 1);
	}
}

/* A worker thread's own: the run and its worker validator. */
typedef struct dv_wk {
	dv_par *p;
	dv_engine *w;
} dv_wk;

static void *worker_main(void *arg)
{
	dv_par *p = ((dv_wk *)arg)->p;
	dv_engine *w = ((dv_wk *)arg)->w;
	dv_slot *s;

	for (;;) {
		pthread_mutex_lock(&p->mu);
		while (p->taken == p->filled && !p->quit)
			pthread_cond_wait(&p->work, &p->mu);
		if (p->quit) {
			pthread_mutex_unlock(&p->mu);
			return NULL;
		}
		s = &p->slots[p->taken++ % p->n_slots];
		pthread_mutex_unlock(&p->mu);
		run_slot(p, w, s);
		pthread_mutex_lock(&p->mu);
		s->state = SLOT_VALIDATED;
		resolve_ready(p);
		pthread_cond_broadcast(&p->done);
		pthread_mutex_unlock(&p->mu);
	}
}

/* ---- filling slots (the calling thread) ---- */

static bool live_wait(dv_par *p);

enum { FILL_CHUNK = 0, FILL_LAST, FILL_BIG, FILL_NOW };

/*
 * Up to `want` more source bytes into s; false when the source is
 * exhausted or failed (p->src_st). While a chunk is short of its size
 * (of at least a source chunk) and the source's own chunk is used up,
 * the source reads straight into the slot (dv_source_next_into): a chunk
 * then ends up to a source chunk past its size, at the last cut read.
 */
static bool take(dv_par *p, dv_slot *s, size_t want)
{
	dv_source *src = p->src;
	dcval_status st;
	size_t n;

	while (p->src_pos == src->len) {
		if (src->eof || p->src_st != DCVAL_OK) {
			p->eof = true;
			return false;
		}
		if (src->live && !dv_source_ready(src))
			/* nothing in flight (fill_slot): flush what no record's
			 * end flushed, a csv header's violations (a failed
			 * flush shows at the next write or at the end) */
			(void)dv_engine_live_flush(p->e);
		p->src_pos = 0;
		if (p->target >= DV_SOURCE_CHUNK && s->fill < p->target &&
		    dv_source_direct(src)) {
			st = dv_source_next_into(src, s->buf + s->fill, &n);
			s->fill += n;
		} else {
			st = dv_source_next(src);
			n = 0;
		}
		if (st != DCVAL_OK) {
			p->src_st = st;
			p->eof = true;
			return false;
		}
		if (n)
			return true;
	}
	n = src->len - p->src_pos;
	if (n > want)
		n = want;
	memcpy(s->buf + s->fill, src->chunk + p->src_pos, n);
	s->fill += n;
	p->src_pos += n;
	return true;
}

/* The chunk ends at the cut `last` (line ends before it: `at`); `scanned`
 * bytes of s were scanned. */
static int chunk_at(dv_par *p, dv_slot *s, size_t last, uint64_t at,
		    size_t scanned, int r)
{
	s->len = last;
	p->line = 1 + at;
	p->carry_scanned = scanned - last;
	return r;
}

/*
 * Fill s (its carry already in) to the first cut at or past the chunk
 * size (first_row: to the end of the csv header). FILL_LAST: the input
 * ended (or failed: the bytes after the last cut are dropped, as one
 * reader never finishes a record cut by a fault); FILL_BIG: no cut
 * within the cap.
 */
static int fill_slot(dv_par *p, dv_slot *s, bool first_row)
{
	size_t scanned = p->carry_scanned, last = 0, c, want;
	uint64_t lines = 0, at = 0;

	for (;;) {
		if (s->fill > scanned) {
			c = dv_cut_scan(&p->cut, s->buf + scanned, s->fill - scanned,
					first_row, &lines);
			if (c) {
				last = scanned + c;
				at = lines;
			}
			scanned = first_row && c ? last : s->fill;
			if (first_row && c)
				return chunk_at(p, s, last, at, scanned, FILL_CHUNK);
		}
		if (last && s->fill >= p->target)
			return chunk_at(p, s, last, at, scanned, FILL_CHUNK);
		while (p->src->live && p->src_pos == p->src->len &&
		       !dv_source_ready(p->src)) {
			/* nothing more has arrived */
			if (!last && p->cut.lines + 1 > s->line0)
				return FILL_BIG; /* a line end but no cut */
			if (p->reduced == p->filled) {
				if (last) /* nothing in flight: check these now */
					return chunk_at(p, s, last, at, scanned,
							FILL_NOW);
				break; /* take() waits for the writer */
			}
			if (!live_wait(p))
				return FILL_LAST; /* p->wait_st */
		}
		want = s->fill < p->target ? p->target - s->fill
		       : s->fill < p->cap  ? p->cap - s->fill
					   : 0;
		if (!want)
			return last ? chunk_at(p, s, last, at, scanned, FILL_CHUNK)
				    : FILL_BIG;
		if (!take(p, s, want)) {
			if (p->src_st != DCVAL_OK)
				return chunk_at(p, s, last, at, scanned, FILL_LAST);
			s->len = s->fill;
			return FILL_LAST;
		}
	}
}

/* Start slot s after prev: the carry, the line it starts on. */
static void slot_start(dv_par *p, dv_slot *s, const dv_slot *prev)
{
	size_t carry = prev ? prev->fill - prev->len : 0;

	/* prev may be s itself (a csv header's slot) */
	if (carry)
		memmove(s->buf, prev->buf + prev->len, carry);
	s->fill = carry;
	s->len = 0;
	s->line0 = p->line;
	s->mid = prev != NULL;
}

/*
 * The rest of the input from slot s on, on this thread: its bytes and
 * the source's unread ones are given back to the source, which the
 * reader then reads from s's first record (with its line), as usual.
 */
static dcval_status read_rest(dv_par *p, dv_slot *s)
{
	dv_source *src = p->src;
	size_t rest = src->len - p->src_pos;
	dcval_status st;

	memcpy(s->buf + s->fill, src->chunk + p->src_pos, rest);
	s->fill += rest;
	p->src_pos = src->len;
	if (p->src_st != DCVAL_OK) {
		src->pending = p->src_st; /* the fault, after these bytes */
		p->src_st = DCVAL_OK;
	}
	dv_source_unread(src, s->buf, s->fill);
	src->mid = s->mid;
	src->line0 = s->line0;
	st = dv_source_next(src);
	if (st == DCVAL_OK)
		st = p->rd->read(p->e, src, p->err);
	return st;
}

/*
 * A csv input's start, on this thread: its byte order mark and header row
 * (none with header: false) read by the csv reader from slot 0. Returns
 * FILL_CHUNK when chunks follow (slot 0's carry), else the input was read
 * here to its end with status *st.
 */
static int read_head(dv_par *p, dcval_status *st)
{
	dv_slot *s = &p->slots[0];
	size_t bom = dv_source_bom(p->src);
	dv_source hs;
	int r = FILL_CHUNK;

	slot_start(p, s, NULL);
	take(p, s, bom);
	p->carry_scanned = bom;
	if (dv_engine_contract(p->e)->header)
		r = fill_slot(p, s, true);
	else
		chunk_at(p, s, bom, 0, bom, FILL_CHUNK);
	if (r != FILL_CHUNK) {
		*st = read_rest(p, s);
		return r;
	}
	dv_source_init_mem(&hs, s->buf, s->len, p->src->path, 1, false);
	*st = p->rd->read(p->e, &hs, p->err);
	return *st == DCVAL_OK ? FILL_CHUNK : FILL_LAST;
}

/* Hand slot s to the workers. */
static void submit(dv_par *p, dv_slot *s)
{
	s->src_bytes = p->src->bytes;
	pthread_mutex_lock(&p->mu);
	s->state = SLOT_QUEUED;
	p->filled++;
	pthread_cond_signal(&p->work);
	pthread_mutex_unlock(&p->mu);
}

/* Wait for slot s, replay it, free it. */
static dcval_status reduce(dv_par *p, dv_slot *s)
{
	dcval_status st;

	pthread_mutex_lock(&p->mu);
	while (s->state != SLOT_DONE)
		pthread_cond_wait(&p->done, &p->mu);
	s->state = SLOT_FREE;
	pthread_mutex_unlock(&p->mu);
	st = dv_engine_replay(p->e, s->log.data, s->log.len, s->buf);
	if (st == DCVAL_OK && s->st != DCVAL_OK) {
		st = s->st;
		if (p->err)
			*p->err = s->err;
	}
	if (st == DCVAL_OK && dv_engine_wants_progress(p->e))
		dv_engine_progress(p->e, s->src_bytes);
	return st;
}

/*
 * A live input with chunks in flight and no bytes to read: replay the
 * oldest chunk if it is done, else wait for the writer or a worker.
 * False (p->wait_st set) when a replay fails or stops the run.
 */
static bool live_wait(dv_par *p)
{
	dv_slot *s = &p->slots[p->reduced % p->n_slots];
	char drop[64];
	dcval_status st;
	bool done;

	pthread_mutex_lock(&p->mu);
	done = s->state == SLOT_DONE;
	pthread_mutex_unlock(&p->mu);
	if (!done) {
		dv_source_wait(p->src, p->wake[0]);
		while (read(p->wake[0], drop, sizeof(drop)) > 0)
			;
		return true;
	}
	p->reduced++;
	st = reduce(p, s);
	if (st != DCVAL_OK)
		p->wait_st = st;
	return st == DCVAL_OK;
}

/* FILL_NOW: slot s validated, resolved and replayed on this thread (no
 * chunk is in flight, so its keys come next in input order). */
static dcval_status run_inline(dv_par *p, dv_slot *s)
{
	s->src_bytes = p->src->bytes;
	pthread_mutex_lock(&p->mu);
	p->filled++;
	p->taken++; /* workers see no new slot */
	pthread_mutex_unlock(&p->mu);
	run_slot(p, p->inline_w, s);
	pthread_mutex_lock(&p->mu);
	s->state = SLOT_VALIDATED;
	resolve_ready(p); /* next in input order: resolved here and now */
	pthread_mutex_unlock(&p->mu);
	p->reduced++;
	return reduce(p, s);
}

/*
 * Fill, submit and reduce until the input ends: *big is set to the slot
 * a record did not fit (read on this thread afterwards), NULL if none.
 */
static dcval_status pump(dv_par *p, const dv_slot *prev, dv_slot **big)
{
	dcval_status st = DCVAL_OK;
	bool reading = true;
	dv_slot *s;
	int r;

	*big = NULL;
	while (st == DCVAL_OK) {
		while (reading && p->filled - p->reduced < p->n_slots) {
			s = &p->slots[p->filled % p->n_slots];
			slot_start(p, s, prev);
			r = fill_slot(p, s, false);
			if (p->wait_st != DCVAL_OK)
				return p->wait_st;
			if (r == FILL_BIG) {
				*big = s;
				reading = false;
				break;
			}
			if (r == FILL_NOW) {
				prev = s;
				if ((st = run_inline(p, s)) != DCVAL_OK)
					return st;
				continue;
			}
			submit(p, s);
			prev = s;
			reading = r == FILL_CHUNK;
		}
		if (p->reduced == p->filled)
			break;
		st = reduce(p, &p->slots[p->reduced++ % p->n_slots]);
	}
	return st;
}

/* ---- set up and tear down ---- */

static dcval_status slots_new(dv_par *p)
{
	size_t i;

	p->slots = dv_calloc(p->n_slots, sizeof(*p->slots));
	if (!p->slots)
		return DCVAL_ENOMEM;
	for (i = 0; i < p->n_slots; i++) {
		/* written from the start, chunk after chunk: huge pages */
		p->slots[i].buf = dv_alloc_huge(p->cap + DV_SOURCE_CHUNK, false);
		if (!p->slots[i].buf)
			return DCVAL_ENOMEM;
		dv_buf_init(&p->slots[i].log, DV_PAR_LOG_CAP);
	}
	return DCVAL_OK;
}

/* A live input's wake pipe: both ends non-blocking, not inherited;
 * false when the process has no descriptor to spare. */
static bool wake_new(dv_par *p)
{
	int i;

	if (pipe(p->wake) != 0) {
		p->wake[0] = p->wake[1] = -1;
		return false;
	}
	for (i = 0; i < 2; i++)
		if (fcntl(p->wake[i], F_SETFL, O_NONBLOCK) != 0 ||
		    fcntl(p->wake[i], F_SETFD, FD_CLOEXEC) != 0)
			return false;
	return true;
}

static dcval_status workers_start(dv_par *p)
{
	unsigned i;

	p->workers = dv_calloc(p->n_workers, sizeof(*p->workers));
	p->wk = dv_calloc(p->n_workers, sizeof(*p->wk));
	p->threads = dv_calloc(p->n_workers, sizeof(*p->threads));
	if (!p->workers || !p->wk || !p->threads)
		return DCVAL_ENOMEM;
	for (i = 0; i < p->n_workers; i++) {
		p->workers[i] = dv_engine_worker_new(p->e);
		if (!p->workers[i] ||
		    dv_engine_worker_input(p->workers[i], p->e) != DCVAL_OK)
			return DCVAL_ENOMEM;
		p->wk[i].p = p;
		p->wk[i].w = p->workers[i];
	}
	if (p->src->live) {
		p->inline_w = dv_engine_worker_new(p->e);
		if (!p->inline_w ||
		    dv_engine_worker_input(p->inline_w, p->e) != DCVAL_OK)
			return DCVAL_ENOMEM;
	}
	dv_engine_keys_shared(p->e);
	for (i = 0; i < p->n_workers; i++) {
		if (pthread_create(&p->threads[i], NULL, worker_main, &p->wk[i]))
			return DCVAL_ENOMEM;
		p->n_started++;
	}
	return DCVAL_OK;
}

static void par_release(dv_par *p)
{
	unsigned i;
	size_t k;

	pthread_mutex_lock(&p->mu);
	p->quit = true;
	pthread_cond_broadcast(&p->work);
	pthread_mutex_unlock(&p->mu);
	for (i = 0; i < p->n_started; i++)
		pthread_join(p->threads[i], NULL);
	for (i = 0; p->workers && i < p->n_workers; i++)
		dv_engine_worker_free(p->workers[i]);
	dv_engine_worker_free(p->inline_w);
	for (k = 0; p->slots && k < p->n_slots; k++) {
		dv_free_huge(p->slots[k].buf);
		dv_buf_release(&p->slots[k].log);
	}
	dv_free(p->slots);
	dv_free(p->workers);
	dv_free(p->wk);
	dv_free(p->threads);
	if (p->wake[0] >= 0) {
		close(p->wake[0]);
		close(p->wake[1]);
	}
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->work);
	pthread_cond_destroy(&p->done);
}

static void par_init(dv_par *p, dv_engine *e, dv_source *src, dcval_format f)
{
	const struct dcval_contract *c = dv_engine_contract(e);
	size_t chunk = dv_engine_chunk_bytes(e);
	char delim = f == DCVAL_FORMAT_TSV ? '\t' : ',';

	memset(p, 0, sizeof(*p));
	p->e = e;
	p->rd = dv_reader_get(f);
	p->src = src;
	p->target = chunk ? chunk : DV_PAR_CHUNK;
	p->cap = p->target < DV_PAR_MIN_CAP / 8 ? DV_PAR_MIN_CAP : 8 * p->target;
	p->n_workers = dv_engine_jobs(e);
	p->n_slots = 2 * (size_t)p->n_workers + 1;
	p->line = 1;
	p->wake[0] = p->wake[1] = -1;
	if (c->delimiter_set)
		delim = c->delimiter;
	dv_cut_init(&p->cut, f != DCVAL_FORMAT_JSONL, delim, c->quote,
		    !c->quote_none);
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->work, NULL);
	pthread_cond_init(&p->done, NULL);
}

dcval_status dv_par_read(dv_engine *e, dv_source *src, dcval_format f,
			 dcval_error *err)
{
	dcval_status st = DCVAL_OK;
	const dv_slot *prev = NULL;
	dv_slot *big = NULL;
	dv_par p;

	par_init(&p, e, src, f);
	p.err = err;
	st = slots_new(&p);
	if (st == DCVAL_OK && src->live && !wake_new(&p)) {
		/* nothing read yet: the reader takes the input on this
		 * thread, as without -j (not "out of memory") */
		par_release(&p);
		return p.rd->read(e, src, err);
	}
	if (st == DCVAL_OK && p.cut.csv) {
		if (read_head(&p, &st) != FILL_CHUNK || st != DCVAL_OK)
			goto out;
		prev = &p.slots[0];
	}
	if (st == DCVAL_OK)
		st = workers_start(&p);
	if (st == DCVAL_OK)
		st = pump(&p, prev, &big);
	if (st == DCVAL_OK && big)
		st = read_rest(&p, big);
out:
	if (st == DCVAL_ENOMEM)
		dv_error_set(err, st, src->path, 0, 0, "out of memory");
	par_release(&p);
	return st;
}
