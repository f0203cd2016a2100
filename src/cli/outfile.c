/* SPDX-License-Identifier: Apache-2.0 */
/* -o FILE written all or nothing (see outfile.h): a temporary made with
 * mkstemp beside FILE, renamed over it on success, removed on failure and
 * by a SIGINT/SIGTERM/SIGHUP handler, which unlinks the paths armed in a
 * static table and re-raises the signal with its default action. */
#include "cli/outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define NV_OUT_SLOTS 4
#define NV_OUT_PATH 4096

/* Written before armed is set, read only while it is: safe in a handler. */
static char sig_path[NV_OUT_SLOTS][NV_OUT_PATH];
static volatile sig_atomic_t sig_armed[NV_OUT_SLOTS];
static int sig_installed;

static void on_signal(int sig)
{
    for (int i = 0; i < NV_OUT_SLOTS; i++)
        if (sig_armed[i])
            unlink(sig_path[i]);
    signal(sig, SIG_DFL);
    raise(sig); /* blocked until the handler returns, then default */
}

static void install_handlers(void)
{
    static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    if (sig_installed)
        return;
    sig_installed = 1;
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        struct sigaction old, sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        for (size_t j = 0; j < sizeof sigs / sizeof *sigs; j++)
            sigaddset(&sa.sa_mask, sigs[j]);
        /* a signal the shell told us to ignore stays ignored */
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaction(sigs[i], &sa, NULL);
    }
}

static int arm(const char *path)
{
    if (strlen(path) >= NV_OUT_PATH)
        return -1;
    install_handlers();
    for (int i = 0; i < NV_OUT_SLOTS; i++) {
        if (!sig_armed[i]) {
            memcpy(sig_path[i], path, strlen(path) + 1);
            atomic_signal_fence(memory_order_seq_cst); /* path, then flag */
            sig_armed[i] = 1;
            return i;
        }
    }
    return -1;
}

static void disarm(int slot)
{
    if (slot >= 0)
        sig_armed[slot] = 0;
}

int nv_outfile_guard(const char *path)
{
    return arm(path);
}

void nv_outfile_unguard(int slot)
{
    disarm(slot);
}

static sigset_t held_old;

void nv_outfile_hold_signals(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigprocmask(SIG_BLOCK, &set, &held_old);
}

void nv_outfile_release_signals(void)
{
    sigprocmask(SIG_SETMASK, &held_old, NULL);
}

/* "DIR/.BASE.XXXXXX" for path "DIR/BASE" (or ".BASE.XXXXXX"). */
static char *tmp_template(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
    size_t len = strlen(path);
    char *t = malloc(len + 10);
    if (!t)
        return NULL;
    memcpy(t, path, dir);
    t[dir] = '.';
    memcpy(t + dir + 1, path + dir, len - dir);
    memcpy(t + len + 1, ".XXXXXX", 8);
    return t;
}

/* Create the temporary beside path, armed for the signal handler. */
static int open_tmp(nv_outfile *o, const char *path)
{
    o->tmp = tmp_template(path);
    if (!o->tmp)
        return -1;
    int fd = mkstemp(o->tmp); /* O_CREAT|O_EXCL: never follows a link */
    if (fd < 0) {
        int e = errno;
        free(o->tmp);
        o->tmp = NULL;
        errno = e;
        return -1;
    }
    o->slot = arm(o->tmp);
    mode_t mask = umask(0);
    umask(mask);
    if (fchmod(fd, 0666 & ~mask) != 0 || !(o->fp = fdopen(fd, "w"))) {
        int e = errno;
        close(fd);
        nv_outfile_abort(o);
        errno = e;
        return -1;
    }
    return 0;
}

int nv_outfile_open(nv_outfile *o, const char *prog, const char *path)
{
    struct stat st;
    memset(o, 0, sizeof *o);
    o->slot = -1;
    if (!path || !strcmp(path, "-")) {
        o->fp = stdout;
        o->name = "standard output";
        return 0;
    }
    o->name = path;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode))
        o->fp = fopen(path, "w"); /* a device or FIFO: no rename */
    else
        open_tmp(o, path);
    if (o->fp)
        return 0;
    fprintf(stderr, "%s: cannot write %s: %s\n", prog, path, strerror(errno));
    return -1;
}

void nv_outfile_abort(nv_outfile *o)
{
    if (o->fp && o->fp != stdout)
        fclose(o->fp);
    o->fp = NULL;
    if (o->tmp) {
        unlink(o->tmp);
        disarm(o->slot);
        free(o->tmp);
        o->tmp = NULL;
    }
}

/* Flush and sync; @return 0 or the errno of the failing write. */
static int flush_all(nv_outfile *o)
{
    int had = ferror(o->fp);
    clearerr(o->fp);
    if (fflush(o->fp) != 0) /* retries what is buffered: the real errno */
        return errno ? errno : EIO;
    if (had && o->tmp && write(fileno(o->fp), "\n", 1) < 0)
        return errno; /* a probe on a file about to be removed */
    if (had)
        return EIO;
    if (o->tmp && fsync(fileno(o->fp)) != 0)
        return errno;
    return 0;
}

/* Make the rename durable: fsync the directory holding path (best effort:
 * the report is complete either way). */
static void sync_dir(const char *path)
{
    const char *slash = strrchr(path, '/');
    char dir[NV_OUT_PATH];
    size_t n = slash ? (size_t)(slash - path) + 1 : 0;
    if (n >= sizeof dir)
        return;
    memcpy(dir, path, n);
    memcpy(dir + n, ".", 2);
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

/* Close and rename into place; @return 0 or an errno. */
static int commit(nv_outfile *o)
{
    int e = flush_all(o);
    if (o->fp == stdout)
        return e;
    if (fclose(o->fp) != 0 && !e)
        e = errno ? errno : EIO;
    o->fp = NULL;
    if (!e && o->tmp && rename(o->tmp, o->name) != 0)
        e = errno;
    if (!e && o->tmp) {
        disarm(o->slot); /* after the rename: the name is gone anyway */
        sync_dir(o->name);
        free(o->tmp);
        o->tmp = NULL;
    }
    return e;
}

int nv_outfile_close(nv_outfile *o, const char *prog, int lib_rc)
{
    if (lib_rc < 0 && !ferror(o->fp)) {
        nv_outfile_abort(o);
        return -1;
    }
    errno = 0;
    int e = commit(o);
    if (!e && lib_rc < 0)
        e = EIO;
    if (!e)
        return 0;
    nv_outfile_abort(o);
    fprintf(stderr, "%s: cannot write %s: %s\n", prog, o->name, strerror(e));
    return 1;
}
