/* SPDX-License-Identifier: Apache-2.0 */
/* An output file that is all or nothing: -o FILE is written to a new
 * temporary beside it (mkstemp: O_EXCL, never a symlink followed), flushed,
 * fsync'd and renamed over FILE only when everything went well; on any
 * failure, and on SIGINT/SIGTERM/SIGHUP, the temporary is removed and FILE
 * is left as it was. '-' (or no -o) is standard output; an existing FILE
 * that is not a regular file (a character device such as /dev/null or
 * /dev/full, a FIFO) is written directly, as a rename would replace the
 * device. A symlink at FILE is replaced by the new file, not followed. */
#ifndef NV_CLI_OUTFILE_H
#define NV_CLI_OUTFILE_H

#include <stdio.h>

typedef struct nv_outfile {
    FILE *fp;
    const char *name;   /* for messages: the path, or "standard output" */
    char *tmp;          /* the temporary; NULL when written directly */
    int slot;           /* its slot in the signal handler's table, or -1 */
} nv_outfile;

/* Open PATH (NULL or "-": standard output). Prints why on failure
 * ("PROG: cannot write PATH: REASON"). @return 0 or -1. */
int nv_outfile_open(nv_outfile *o, const char *prog, const char *path);
/* Finish after a writer returned lib_rc: on success flush, fsync and rename
 * into place; a write error (even when the writer reported it as its own
 * failure) is printed as "PROG: cannot write PATH: REASON".
 * @return 0 on success, 1 when a write error was printed, -1 when lib_rc
 * failed for another reason (nothing printed: the caller prints the
 * library's message). In every failing case the temporary is removed. */
int nv_outfile_close(nv_outfile *o, const char *prog, int lib_rc);
/* Drop the output: close it and remove the temporary. */
void nv_outfile_abort(nv_outfile *o);

/* Remove `path` too if SIGINT/SIGTERM/SIGHUP arrives before
 * nv_outfile_unguard (a temporary another writer made: synth's).
 * @return its slot, or -1 when none is free (then it is not guarded). */
int nv_outfile_guard(const char *path);
void nv_outfile_unguard(int slot);
/* Hold SIGINT/SIGTERM/SIGHUP back while a short write that cleans up
 * after itself runs (import's files), and deliver them after. */
void nv_outfile_hold_signals(void);
void nv_outfile_release_signals(void);

#endif
