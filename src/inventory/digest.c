/* SPDX-License-Identifier: Apache-2.0 */
/* The SHA-256 of the inventory's files (inventory/digest.h). On two cores
 * a 1M-element run leaves one core idle for about 100 ms in all (the
 * parse's parts and the assessment's threads do not end together), about
 * what hashing its 168 MB costs (95 ms), while a hash thread at normal
 * priority beside the parse slowed one of its parts and stretched the
 * load. So the thread runs at idle priority (SCHED_IDLE) and nobody waits
 * for it until a report names the files.
 *
 * A mapped file is read with pread into the digest's own buffer, never
 * through the loader's mapping: faulting that mapping's pages in took
 * the process's memory-map locks, and a preempted idle-priority thread
 * holding them stalled the parse behind it (a part took 160 ms of CPU
 * instead of 95). A file given as a buffer is hashed in place.
 *
 * An idle-priority thread may wait long behind other processes, so the
 * first to ask does not wait for it to finish: it stops the thread at its
 * next chunk (about 35 us of hashing) and goes on from there. The state
 * of the hash passes between the two under the lock: only the thread
 * touches it until it has stopped, only the finisher after. */
#define _GNU_SOURCE /* SCHED_IDLE */
#include "inventory/digest.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <unistd.h>

#include "netvet/errors.h"
#include "util/alloc.h"

#define CHUNK ((size_t)64 << 10) /* hashed between two checks for stop */

int nv_digest_thread = 1;

/* One file: read from fd, or else hashed in place from p. */
typedef struct digest_file {
    const char *p;
    size_t len;
    int fd;      /* a descriptor of our own, or -1 */
    int present; /* hashed: the file exists */
    int kept;    /* p is ours to release (as `input`, nv_inv_digest_keep) */
    nv_file_input input;
} digest_file;

struct nv_inv_digest {
    digest_file file[2];

    /* the hash's state: the thread's until it has stopped, then the
     * finisher's */
    nv_sha256 *h;          /* of file[which], from its first byte */
    int which;             /* 0, 1, or 2 when both are done */
    size_t off;            /* bytes of file[which] hashed */
    char *buf;             /* CHUNK bytes for pread */
    char hex[2][NV_SHA256_HEX];
    int rc;                /* 0, or NETVET_ENOMEM / NETVET_EIO: stop there */

    pthread_mutex_t lock;  /* stop, stopped */
    pthread_cond_t parked;
    int stop, stopped;
    pthread_t thread;
    int threaded;          /* a thread was started and not yet joined */

    pthread_mutex_t finish_lock; /* one finisher at a time */
    int finished;
};

static int done(const nv_inv_digest *d)
{
    return d->rc < 0 || d->which >= 2;
}

/* The n bytes of f from d->off: read into d->buf, or in place.
 * @return NULL after setting d->rc (the file shrank or cannot be read). */
static const char *chunk_at(nv_inv_digest *d, const digest_file *f, size_t n)
{
    if (f->fd < 0)
        return f->p + d->off;
    for (size_t got = 0; got < n;) {
        ssize_t r = pread(f->fd, d->buf + got, n - got, (off_t)(d->off + got));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            d->rc = NETVET_EIO;
            return NULL;
        }
        got += (size_t)r;
    }
    return d->buf;
}

/* Hash the next chunk of file[which]; at its end, keep its digest and go
 * on to the next file. */
static void step(nv_inv_digest *d)
{
    const digest_file *f = &d->file[d->which];
    if (!f->present) {
        d->which++;
        return;
    }
    if (!d->h && (d->rc = nv_sha256_new(&d->h)) < 0)
        return;
    size_t n = f->len - d->off < CHUNK ? f->len - d->off : CHUNK;
    const char *bytes = n ? chunk_at(d, f, n) : "";
    if (!bytes || (d->rc = nv_sha256_add(d->h, bytes, n)) < 0)
        return;
    d->off += n;
    if (d->off < f->len)
        return;
    d->rc = nv_sha256_end(d->h, d->hex[d->which]);
    nv_sha256_free(d->h);
    d->h = NULL;
    d->which++;
    d->off = 0;
}

static void lower_priority(void)
{
#ifdef SCHED_IDLE
    struct sched_param p = {0};
    (void)pthread_setschedparam(pthread_self(), SCHED_IDLE, &p);
#endif
}

static void *run(void *arg)
{
    nv_inv_digest *d = arg;
    lower_priority();
    for (;;) {
        pthread_mutex_lock(&d->lock);
        int go = !d->stop && !done(d);
        if (!go) {
            d->stopped = 1;
            pthread_cond_signal(&d->parked);
        }
        pthread_mutex_unlock(&d->lock);
        if (!go)
            return NULL;
        step(d);
    }
}

/* Stop the thread at its next chunk and join it: the hash is then the
 * caller's. */
static void stop_thread(nv_inv_digest *d)
{
    pthread_mutex_lock(&d->lock);
    d->stop = 1;
    while (!d->stopped)
        pthread_cond_wait(&d->parked, &d->lock);
    pthread_mutex_unlock(&d->lock);
    if (d->threaded)
        pthread_join(d->thread, NULL);
    d->threaded = 0;
}

/* Release what was kept and close our descriptors. */
static void release_files(nv_inv_digest *d)
{
    for (int i = 0; i < 2; i++) {
        digest_file *f = &d->file[i];
        if (f->kept)
            nv_file_input_release(&f->input);
        f->kept = 0;
        if (f->fd >= 0)
            close(f->fd);
        f->fd = -1;
    }
}

static void destroy(nv_inv_digest *d)
{
    release_files(d);
    nv_sha256_free(d->h);
    nv_free(d->buf);
    pthread_mutex_destroy(&d->finish_lock);
    pthread_cond_destroy(&d->parked);
    pthread_mutex_destroy(&d->lock);
    nv_free(d);
}

/* A mapped file gets a descriptor of its own (it outlives the loader's);
 * without one it is hashed in place, its mapping then kept. */
static void plan_file(digest_file *f, const nv_file_input *in)
{
    f->p = in->p;
    f->len = in->len;
    f->present = in->name != NULL;
    f->fd = in->is_mmap && f->present ? fcntl(in->fd, F_DUPFD_CLOEXEC, 0)
                                      : -1;
}

int nv_inv_digest_start(nv_inv_digest **out, const nv_file_input *el,
                        const nv_file_input *ln)
{
    nv_inv_digest *d = nv_calloc(1, sizeof(*d));
    *out = NULL;
    if (!d)
        return NETVET_ENOMEM;
    d->file[0].fd = d->file[1].fd = -1;
    if (pthread_mutex_init(&d->lock, NULL) != 0) {
        nv_free(d);
        return NETVET_ENOMEM;
    }
    if (pthread_cond_init(&d->parked, NULL) != 0) {
        pthread_mutex_destroy(&d->lock);
        nv_free(d);
        return NETVET_ENOMEM;
    }
    if (pthread_mutex_init(&d->finish_lock, NULL) != 0) {
        pthread_cond_destroy(&d->parked);
        pthread_mutex_destroy(&d->lock);
        nv_free(d);
        return NETVET_ENOMEM;
    }
    plan_file(&d->file[0], el);
    plan_file(&d->file[1], ln);
    /* touched now: the thread's reads fault nothing in */
    if (!(d->buf = nv_calloc(1, CHUNK))) {
        destroy(d);
        return NETVET_ENOMEM;
    }
    /* without a thread, the finisher hashes everything */
    d->threaded = nv_digest_thread &&
                  pthread_create(&d->thread, NULL, run, d) == 0;
    pthread_mutex_lock(&d->lock);
    if (!d->threaded)
        d->stopped = 1;
    pthread_mutex_unlock(&d->lock);
    *out = d;
    return NETVET_OK;
}

void nv_inv_digest_keep(nv_inv_digest *d, nv_file_input *el,
                        nv_file_input *ln)
{
    nv_file_input *in[2] = {el, ln};
    for (int i = 0; i < 2; i++) {
        digest_file *f = &d->file[i];
        if (!f->present || f->fd >= 0)
            continue; /* read from our descriptor: the loader's to free */
        f->input = *in[i];
        f->kept = 1;
        in[i]->p = NULL;
        in[i]->len = 0;
        in[i]->is_mmap = 0;
    }
}

int nv_inv_digest_wait(nv_inv_digest *d)
{
    pthread_mutex_lock(&d->finish_lock);
    if (!d->finished) {
        stop_thread(d);
        while (!done(d))
            step(d);
        nv_sha256_free(d->h);
        d->h = NULL;
        release_files(d);
        d->finished = 1;
    }
    int rc = d->rc;
    pthread_mutex_unlock(&d->finish_lock);
    return rc;
}

const char *nv_inv_digest_hex(nv_inv_digest *d, int which)
{
    if (nv_inv_digest_wait(d) < 0)
        return "";
    return d->hex[which ? 1 : 0];
}

void nv_inv_digest_free(nv_inv_digest *d)
{
    if (!d)
        return;
    stop_thread(d);
    destroy(d);
}
