/*
 * Inside dcval infer: the key tree and the run's state, shared by
 * infer.c (reading) and iout.c (the contract written).
 */
#ifndef DV_INFER_INFER_IMPL_H
#define DV_INFER_INFER_IMPL_H

#include "infer/icol.h"
#include "infer/infer.h"
#include "util/strmap.h"

#define DV_INODE_TOP UINT32_MAX

/* A column, or a JSON key whose objects hold columns. */
typedef struct dv_inode {
	uint32_t parent;        /* DV_INODE_TOP for a top-level key or csv column */
	uint32_t depth;         /* keys from the top, 1 for a top-level one */
	char *key;              /* its key (csv: the header name) */
	size_t key_len;
	char *lk;               /* lookup key: parent (4 bytes), then key */
	size_t lk_len;
	uint64_t present;       /* records where it is not null */
	uint64_t obj_unfed;     /* objects not fed to col (before it held a non-object) */
	uint64_t csv_files;     /* csv inputs whose header names it */
	bool saw_obj;           /* held an object */
	bool saw_other;         /* held a value that is not an object (or too deep to enter) */
	bool has_child;
	dv_icol col;
} dv_inode;

struct dv_infer {
	dv_infer_opts o;
	dv_inode **nodes;
	size_t n_nodes;
	size_t alloc_nodes;
	dv_strmap index;        /* nodes by lk */
	uint64_t records;       /* records read, good and bad */
	uint64_t good;          /* records inferred from */
	uint64_t bad;           /* records left out */
	uint32_t formats;       /* bit per dcval_format read */
	size_t inputs;          /* inputs read */
	size_t csv_header_files;/* csv inputs read with a header */
	bool positional;        /* csv without a header (the first one's names were unusable) */
	size_t width;           /* positional: fields per row */
	bool extra_ignore;      /* some key cannot be declared */
	bool done;              /* opts.records reached */
	char *first_path;       /* the first input's name */
	/* the current input */
	const char *path;
	uint32_t *fmap;         /* csv: node of each field */
	size_t fmap_n;
	bool skip_rows;         /* csv: this input's header is unusable */
	bool shift;             /* csv: its header row became record 1 */
};

/* Node index of key[0..len) under parent; created when absent (false
 * when the column cap is reached: *idx unset). */
dcval_status dv_infer_node(struct dv_infer *inf, uint32_t parent,
			   const char *key, size_t len, uint32_t *idx,
			   bool *found);

#endif
