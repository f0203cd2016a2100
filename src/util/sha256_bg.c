/* SPDX-License-Identifier: Apache-2.0 */
/* Background SHA-256 at the lowest priority, finished by whoever needs it
 * first (util/sha256_bg.h). A worker hashes its buffer a chunk at a time
 * under the buffer's lock, so a caller taking over waits for at most one
 * chunk. */
#include "util/sha256_bg.h"

#include <nettle/sha2.h>
#include <pthread.h>
#include <stdint.h>
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "netvet/errors.h"
#include "util/alloc.h"

#define CHUNK ((size_t)1 << 20) /* about 0.6 ms of SHA-NI */

typedef struct bg_item {
    pthread_mutex_t mu;
    pthread_t thread;
    int threaded;
    const uint8_t *p;
    size_t len, pos;
    struct sha256_ctx ctx;
    int stop;       /* the worker must not hash any more */
    int digested;   /* hex holds the digest */
    int reading;    /* the caller still reads the bytes */
    int released;
    char hex[NV_SHA256_HEX];
    nv_sha256_bg *bg;
    size_t index;
} bg_item;

struct nv_sha256_bg {
    nv_sha256_bg_release release;
    void *arg;
    size_t n;
    bg_item item[];
};

static void to_hex(struct sha256_ctx *ctx, char out[NV_SHA256_HEX])
{
    static const char hex[] = "0123456789abcdef";
    uint8_t d[SHA256_DIGEST_SIZE];
    sha256_digest(ctx, sizeof d, d);
    for (size_t i = 0; i < sizeof d; i++) {
        out[2 * i] = hex[d[i] >> 4];
        out[2 * i + 1] = hex[d[i] & 15];
    }
    out[2 * sizeof d] = '\0';
}

/* Under it->mu: hand the bytes back once nobody needs them. */
static void maybe_release(bg_item *it)
{
    if (it->released || it->reading || !(it->digested || it->stop))
        return;
    it->released = 1;
    if (it->bg->release)
        it->bg->release(it->bg->arg, it->index);
}

/* Under it->mu: hash up to `most` more bytes; digest at the end. */
static void advance(bg_item *it, size_t most)
{
    size_t n = it->len - it->pos < most ? it->len - it->pos : most;
    if (n)
        sha256_update(&it->ctx, n, it->p + it->pos);
    it->pos += n;
    if (it->pos == it->len && !it->digested) {
        to_hex(&it->ctx, it->hex);
        it->digested = 1;
        maybe_release(it);
    }
}

static void lower_priority(void)
{
#ifdef __linux__
    /* per thread on Linux; failing leaves it at the caller's priority */
    (void)setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), 19);
#endif
}

static void *work(void *arg)
{
    bg_item *it = arg;
    lower_priority();
    for (int more = 1; more;) {
        pthread_mutex_lock(&it->mu);
        if (!it->stop && !it->digested)
            advance(it, CHUNK);
        more = !it->stop && !it->digested;
        pthread_mutex_unlock(&it->mu);
    }
    return NULL;
}

int nv_sha256_bg_start(nv_sha256_bg **out, const void *const *bufs,
                       const size_t *lens, size_t n,
                       nv_sha256_bg_release release, void *arg)
{
    nv_sha256_bg *bg = nv_calloc(1, sizeof(*bg) + n * sizeof(bg_item));
    *out = NULL;
    if (!bg)
        return NETVET_ENOMEM;
    bg->release = release;
    bg->arg = arg;
    bg->n = n;
    for (size_t i = 0; i < n; i++) {
        bg_item *it = &bg->item[i];
        pthread_mutex_init(&it->mu, NULL);
        it->p = bufs[i] ? bufs[i] : (const uint8_t *)"";
        it->len = bufs[i] ? lens[i] : 0;
        it->reading = 1;
        it->bg = bg;
        it->index = i;
        sha256_init(&it->ctx);
    }
    for (size_t i = 0; i < n; i++) /* all set up before any runs */
        bg->item[i].threaded =
            pthread_create(&bg->item[i].thread, NULL, work, &bg->item[i]) == 0;
    *out = bg;
    return 0;
}

void nv_sha256_bg_done_reading(nv_sha256_bg *bg)
{
    for (size_t i = 0; bg && i < bg->n; i++) {
        bg_item *it = &bg->item[i];
        pthread_mutex_lock(&it->mu);
        it->reading = 0;
        maybe_release(it);
        pthread_mutex_unlock(&it->mu);
    }
}

const char *nv_sha256_bg_digest(nv_sha256_bg *bg, size_t i)
{
    if (!bg || i >= bg->n)
        return "";
    bg_item *it = &bg->item[i];
    pthread_mutex_lock(&it->mu);
    if (!it->digested && !it->stop)
        advance(it, SIZE_MAX); /* take over: the rest, here, now */
    const char *hex = it->digested ? it->hex : "";
    pthread_mutex_unlock(&it->mu);
    return hex;
}

void nv_sha256_bg_free(nv_sha256_bg *bg)
{
    if (!bg)
        return;
    for (size_t i = 0; i < bg->n; i++) {
        pthread_mutex_lock(&bg->item[i].mu);
        bg->item[i].stop = 1;
        pthread_mutex_unlock(&bg->item[i].mu);
    }
    for (size_t i = 0; i < bg->n; i++) {
        bg_item *it = &bg->item[i];
        if (it->threaded)
            pthread_join(it->thread, NULL);
        it->reading = 0;
        maybe_release(it);
        pthread_mutex_destroy(&it->mu);
    }
    nv_free(bg);
}
