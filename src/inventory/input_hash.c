/* SPDX-License-Identifier: Apache-2.0 */
/* The inventory files' SHA-256 on an idle-priority thread, or on the
 * caller's when it asks first (input_hash.h). Each hashes in steps of
 * HASH_STEP bytes and looks between steps whether the other has finished
 * (or the caller is letting go). Letting go waits for the thread to see
 * that, at most one step: a thread still inside libcrypto when the
 * process exits races its exit handlers (ThreadSanitizer saw it). */
#define _GNU_SOURCE 1 /* SCHED_IDLE (Linux) */
#include "inventory/input_hash.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#include "netvet/errors.h"
#include "util/alloc.h"
#include "util/pages.h"

/* Bytes hashed between two looks at the other side: 0.6 ms at 1.8
 * GB/s, a multiple of every page size. */
#define HASH_STEP ((size_t)1 << 20)
/* Hashed pages go back this many bytes at a time, as the parse's do: each
 * release interrupts the process's other CPUs (a TLB flush). */
#define HAND_BACK ((size_t)32 << 20)

_Atomic int nv_input_hash_test_stall;

struct nv_input_hash {
    nv_hash_input in[2];
    nv_sha256 *mine, *theirs; /* the caller's context, the thread's */
    char thread_hex[2][NV_SHA256_HEX]; /* the thread's, once done is set */
    char hex[2][NV_SHA256_HEX];        /* the answer, once answered */
    atomic_int done;  /* the thread has hashed both files */
    atomic_int stop;  /* no one needs the thread's work any more */
    pthread_t thread;
    int threaded;     /* thread runs (joined by nv_input_hash_free) */
    int answered;     /* under lock */
    pthread_mutex_t lock;
};

static void free_bytes(const nv_hash_input *in)
{
    if (in->is_mmap)
        munmap(in->p, in->len);
    else
        nv_free(in->p);
}

static void release(nv_input_hash *h)
{
    free_bytes(&h->in[0]);
    free_bytes(&h->in[1]);
    nv_sha256_free(h->mine);
    nv_sha256_free(h->theirs);
    pthread_mutex_destroy(&h->lock);
    nv_free(h);
}

/* The whole pages of [p, p + n), hashed: back to the page cache. */
static void hand_back(const char *p, size_t n)
{
    uintptr_t lo = nv_page_up(p), hi = nv_page_down(p + n);
    if (hi > lo)
        madvise((void *)lo, hi - lo, MADV_DONTNEED);
}

/* Input i's digest into out with context s, unless *quit is set before
 * it is done. @return 1 done (out "" when libcrypto failed), 0 quit. */
static int hash_one(nv_input_hash *h, int i, nv_sha256 *s,
                    const atomic_int *quit, char out[NV_SHA256_HEX])
{
    const nv_hash_input *in = &h->in[i];
    out[0] = '\0';
    if (!in->hash)
        return 1;
    nv_sha256_begin(s);
    size_t back = 0; /* hashed bytes before this are handed back */
    for (size_t at = 0; at < in->len; at += HASH_STEP) {
        if (atomic_load_explicit(quit, memory_order_acquire))
            return 0;
        size_t n = in->len - at < HASH_STEP ? in->len - at : HASH_STEP;
        nv_sha256_add(s, in->p + at, n);
        if (in->is_mmap && (at + n - back >= HAND_BACK || at + n == in->len)) {
            hand_back(in->p + back, at + n - back);
            back = at + n;
        }
    }
    (void)nv_sha256_end(s, out);
    return 1;
}

/* The loader's threads come first: this one runs when a CPU would
 * otherwise be idle (where SCHED_IDLE exists; anyone may lower a
 * thread's priority). */
static void lower_priority(void)
{
#ifdef SCHED_IDLE
    struct sched_param none = {0};
    (void)pthread_setschedparam(pthread_self(), SCHED_IDLE, &none);
#endif
}

static void *run(void *arg)
{
    nv_input_hash *h = arg;
    lower_priority();
    while (nv_input_hash_test_stall &&
           !atomic_load_explicit(&h->stop, memory_order_acquire)) {
        struct timespec ms = {0, 1000000};
        nanosleep(&ms, NULL);
    }
    int all = 1;
    for (int i = 0; i < 2 && all; i++)
        all = hash_one(h, i, h->theirs, &h->stop, h->thread_hex[i]);
    if (all)
        atomic_store_explicit(&h->done, 1, memory_order_release);
    return NULL;
}

int nv_input_hash_start(nv_input_hash **out, const nv_hash_input in[2])
{
    nv_input_hash *h = nv_calloc(1, sizeof(*h));
    *out = NULL;
    if (!h) {
        free_bytes(&in[0]);
        free_bytes(&in[1]);
        return NETVET_ENOMEM;
    }
    h->in[0] = in[0];
    h->in[1] = in[1];
    atomic_init(&h->done, 0);
    atomic_init(&h->stop, 0);
    if (pthread_mutex_init(&h->lock, NULL) != 0) {
        free_bytes(&in[0]);
        free_bytes(&in[1]);
        nv_free(h);
        return NETVET_ENOMEM;
    }
    if (!(h->mine = nv_sha256_new()) || !(h->theirs = nv_sha256_new())) {
        release(h);
        return NETVET_ENOMEM;
    }
    /* without a thread, the files are hashed when first asked for */
    h->threaded = pthread_create(&h->thread, NULL, run, h) == 0;
    *out = h;
    return NETVET_OK;
}

const char *nv_input_hash_bytes(const nv_input_hash *h, int i)
{
    return h->in[i ? 1 : 0].p;
}

int nv_input_hash_keeps_pages(const nv_input_hash *h, int i)
{
    const nv_hash_input *in = &h->in[i ? 1 : 0];
    return in->hash && in->len <= NV_HASH_KEEP_BYTES;
}

/* Hash both files here until done, or until the thread is. */
static void answer(nv_input_hash *h)
{
    int all = 1;
    for (int i = 0; i < 2 && all; i++)
        all = hash_one(h, i, h->mine, &h->done, h->hex[i]);
    if (!all) /* the thread finished first */
        memcpy(h->hex, h->thread_hex, sizeof(h->hex));
    atomic_store_explicit(&h->stop, 1, memory_order_release);
    h->answered = 1;
}

const char *nv_input_hash_hex(nv_input_hash *h, int i)
{
    pthread_mutex_lock(&h->lock);
    if (!h->answered) {
        if (atomic_load_explicit(&h->done, memory_order_acquire)) {
            memcpy(h->hex, h->thread_hex, sizeof(h->hex));
            h->answered = 1;
        } else {
            answer(h);
        }
    }
    pthread_mutex_unlock(&h->lock);
    return h->hex[i ? 1 : 0];
}

void nv_input_hash_free(nv_input_hash *h)
{
    if (!h)
        return;
    atomic_store_explicit(&h->stop, 1, memory_order_release);
    if (h->threaded)
        pthread_join(h->thread, NULL);
    release(h);
}
