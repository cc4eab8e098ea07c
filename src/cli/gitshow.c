/*
 * Reading a file at a git revision: `git rev-parse --verify`, then
 * `git cat-file -t` and `git cat-file blob` of REV:./NAME run with -C in
 * the file's folder (git's `./` makes the path relative to that folder).
 * The child's standard output is read into a buffer, its standard error
 * kept for the message.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/gitshow.h"

/* Most bytes of git's standard error kept. */
#define DV_GIT_ERR_MAX 512

/* Read all of fd into b (bytes beyond b's cap are read and dropped,
 * *over set). */
static void drain(int fd, dv_buf *b, bool *over)
{
	char chunk[8192];
	ssize_t n;

	for (;;) {
		n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (!*over && dv_buf_append(b, chunk, (size_t)n) != DCVAL_OK)
			*over = true;
	}
}

/*
 * Run git with argv (argv[0] "git"), its output into out, its standard
 * error into err (NUL-terminated, err_cap bytes). Returns git's exit
 * status, 127 when it could not run, -1 when the output was too big.
 */
static int run_git(const char *const argv[], dv_buf *out, char *err, size_t err_cap)
{
	int po[2], pe[2], status = 0;
	bool over = false, eover = false;
	dv_buf eb;
	pid_t pid;

	err[0] = '\0';
	if (pipe(po) != 0)
		return 127;
	if (pipe(pe) != 0) {
		close(po[0]);
		close(po[1]);
		return 127;
	}
	pid = fork();
	if (pid < 0) {
		close(po[0]);
		close(po[1]);
		close(pe[0]);
		close(pe[1]);
		return 127;
	}
	if (pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		dup2(po[1], 1);
		dup2(pe[1], 2);
		close(po[0]);
		close(po[1]);
		close(pe[0]);
		close(pe[1]);
		execvp("git", (char *const *)argv);
		_exit(127);
	}
	close(po[1]);
	close(pe[1]);
	/* git writes little to standard error: reading its output first
	 * cannot leave it blocked on a full error pipe */
	drain(po[0], out, &over);
	close(po[0]);
	dv_buf_init(&eb, DV_GIT_ERR_MAX);
	drain(pe[0], &eb, &eover);
	close(pe[0]);
	snprintf(err, err_cap, "%.*s", (int)eb.len, eb.data ? eb.data : "");
	err[strcspn(err, "\r\n")] = '\0';
	dv_buf_release(&eb);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (over)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

/* git's message without its "fatal: " prefix. */
static const char *git_why(const char *err)
{
	if (!strncmp(err, "fatal: ", 7))
		return err + 7;
	if (!strncmp(err, "error: ", 7))
		return err + 7;
	return err[0] ? err : "git failed";
}

static dv_gitshow_result fail_msg(char *msg, size_t cap, int rc,
				  const char *what, const char *err)
{
	if (rc == 127)
		snprintf(msg, cap, "%s: git: cannot run git", what);
	else if (rc == -1)
		snprintf(msg, cap, "%s: git: the file is too large", what);
	else
		snprintf(msg, cap, "%s: git: %s", what, git_why(err));
	return DV_GITSHOW_FAIL;
}

/*
 * Whether rev is HEAD in a repository without commits (the branch HEAD
 * names does not exist yet): before the first commit every file is new,
 * so a pre-commit hook running `--git HEAD` lets the first commit pass.
 */
static bool unborn_head(const char *dir, const char *rev)
{
	const char *sym[] = { "git", "-C", dir, "symbolic-ref", "-q", "HEAD",
			      NULL };
	char err[DV_GIT_ERR_MAX + 1], ref[300];
	dv_buf out;
	bool unborn = false;

	if (strcmp(rev, "HEAD") != 0 && strcmp(rev, "@") != 0)
		return false;
	dv_buf_init(&out, 256);
	if (run_git(sym, &out, err, sizeof(err)) == 0 && out.len > 0 &&
	    out.len < sizeof(ref)) {
		const char *verify[] = { "git", "-C", dir, "rev-parse", "-q",
					 "--verify", ref, NULL };

		snprintf(ref, sizeof(ref), "%.*s", (int)out.len, out.data);
		ref[strcspn(ref, "\r\n")] = '\0';
		dv_buf_reset(&out);
		unborn = run_git(verify, &out, err, sizeof(err)) == 1;
	}
	dv_buf_release(&out);
	return unborn;
}

dv_gitshow_result dv_gitshow(const char *rev, const char *path, dv_buf *out,
			     char *msg, size_t msg_cap)
{
	char *dcopy = strdup(path), *bcopy = strdup(path);
	char err[DV_GIT_ERR_MAX + 1], *obj = NULL, *revc = NULL;
	dv_gitshow_result r = DV_GITSHOW_FAIL;
	const char *dir, *base;
	dv_buf sink;
	size_t n;
	int rc;

	msg[0] = '\0';
	dv_buf_init(&sink, 4096);
	if (!dcopy || !bcopy)
		goto out_free;
	dir = dirname(dcopy);
	base = basename(bcopy);
	n = strlen(rev) + strlen(base) + 16;
	obj = malloc(n);
	revc = malloc(n);
	if (!obj || !revc)
		goto out_free;
	snprintf(obj, n, "%s:./%s", rev, base);
	snprintf(revc, n, "%s^{commit}", rev);
	{
		const char *verify[] = { "git", "-C", dir, "rev-parse", "--verify",
				   "--end-of-options", revc, NULL };

		rc = run_git(verify, &sink, err, sizeof(err));
		if (rc == 128 && unborn_head(dir, rev)) {
			r = DV_GITSHOW_ABSENT;
			goto out_free;
		}
		if (rc != 0) {
			if (rc == 128 && !strstr(err, "not a git repository") &&
			    !strstr(err, "cannot change to"))
				snprintf(err, sizeof(err),
					 "unknown revision '%s'", rev);
			r = fail_msg(msg, msg_cap, rc, path, err);
			goto out_free;
		}
	}
	{
		const char *type[] = { "git", "-C", dir, "cat-file", "-t", obj,
				 NULL };

		dv_buf_reset(&sink);
		rc = run_git(type, &sink, err, sizeof(err));
		if (rc != 0) {
			r = rc == 128 ? DV_GITSHOW_ABSENT :
					fail_msg(msg, msg_cap, rc, path, err);
			goto out_free;
		}
		if (sink.len < 4 || memcmp(sink.data, "blob", 4) != 0) {
			snprintf(msg, msg_cap, "%s: git: not a file at '%s'", path,
				 rev);
			goto out_free;
		}
	}
	{
		const char *blob[] = { "git", "-C", dir, "cat-file", "blob", obj,
				 NULL };

		rc = run_git(blob, out, err, sizeof(err));
		r = rc == 0 ? DV_GITSHOW_OK : fail_msg(msg, msg_cap, rc, path, err);
	}

out_free:
	if (r == DV_GITSHOW_FAIL && !msg[0])
		snprintf(msg, msg_cap, "%s: git: out of memory", path);
	dv_buf_release(&sink);
	free(obj);
	free(revc);
	free(dcopy);
	free(bcopy);
	return r;
}
