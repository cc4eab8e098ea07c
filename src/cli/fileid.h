/*
 * Which file a path names, for the rule "outputs never clobber each other
 * or an input" (spec cli.md "Behaviour users count on"): two names are
 * the same file when they reach the same device and inode (after every
 * symlink), or, for a file that does not exist yet, the same path once
 * symlinks and the folder are resolved. The null device is never a clash:
 * writing it clobbers nothing.
 */
#ifndef DV_CLI_FILEID_H
#define DV_CLI_FILEID_H

#include <stdbool.h>
#include <sys/types.h>

typedef struct dv_file_id {
	bool exists;  /* dev and ino are valid */
	bool is_null; /* the null device */
	bool is_reg;  /* a regular file */
	dev_t dev;    /* device of the file */
	ino_t ino;    /* inode of the file */
	char *path;   /* canonical path of a file not there yet, else NULL */
} dv_file_id;

/*
 * Follow the symlinks of `path` to the name of the file it finally
 * reaches (the last link of a dangling chain gives the name to create).
 * A relative link is resolved against the folder of the link. Stops after
 * 40 links (the file then fails to open with ELOOP). Returns: new, free
 * with free(); NULL when out of memory.
 */
char *dv_path_follow(const char *path);

/*
 * Fill id for `path`, or for the open descriptor `fd` when path is NULL
 * (standard input or output given as "-"). Returns 0, or -1 when out of
 * memory. A file that cannot be looked up gets its plain path.
 */
int dv_file_id_init(dv_file_id *id, const char *path, int fd);

/* Free the contents of id. */
void dv_file_id_release(dv_file_id *id);

/* Whether writing a would overwrite b (never for the null device). */
bool dv_file_id_same(const dv_file_id *a, const dv_file_id *b);

#endif
