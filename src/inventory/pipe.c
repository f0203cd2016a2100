/* A bounded single-producer, single-consumer ring of batches under one
 * mutex and one condition variable; batches are 1024 rows, so the lock is
 * taken about once per 140 KB of CSV. */
#include "inventory/pipe.h"

#include <string.h>
#include <unistd.h>

#include "netvet/errors.h"

size_t nv_pipe_min_bytes = 4u << 20;

int nv_pipe_wanted(size_t input_len)
{
    return input_len >= nv_pipe_min_bytes &&
           sysconf(_SC_NPROCESSORS_ONLN) > 1;
}

static void *produce(void *arg)
{
    nv_pipe *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (!p->stop && p->tail - p->head == NV_PIPE_SLOTS)
            pthread_cond_wait(&p->cv, &p->mu);
        if (p->stop)
            break;
        size_t k = p->tail % NV_PIPE_SLOTS;
        pthread_mutex_unlock(&p->mu);
        long n = nv_batch_fill(&p->slot[k], p->csv, p->rows, p->keys);
        pthread_mutex_lock(&p->mu);
        p->count[k] = n;
        p->tail++;
        pthread_cond_broadcast(&p->cv);
        if (n <= 0)
            break;
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

int nv_pipe_start(nv_pipe *p, nv_csv *c, const nv_batch_keys *keys,
                  size_t rows)
{
    memset(p, 0, sizeof(*p));
    p->csv = c;
    p->keys = keys;
    p->rows = rows;
    if (pthread_mutex_init(&p->mu, NULL) != 0)
        return NETVET_ENOMEM;
    if (pthread_cond_init(&p->cv, NULL) != 0) {
        pthread_mutex_destroy(&p->mu);
        return NETVET_ENOMEM;
    }
    if (pthread_create(&p->thread, NULL, produce, p) != 0) {
        pthread_cond_destroy(&p->cv);
        pthread_mutex_destroy(&p->mu);
        return NETVET_ENOMEM;
    }
    p->started = 1;
    return 0;
}

long nv_pipe_next(nv_pipe *p, const nv_batch **out)
{
    pthread_mutex_lock(&p->mu);
    while (p->head == p->tail)
        pthread_cond_wait(&p->cv, &p->mu);
    size_t k = p->head % NV_PIPE_SLOTS;
    long n = p->count[k];
    pthread_mutex_unlock(&p->mu);
    *out = &p->slot[k];
    return n;
}

void nv_pipe_release(nv_pipe *p)
{
    pthread_mutex_lock(&p->mu);
    p->head++;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
}

void nv_pipe_finish(nv_pipe *p)
{
    if (!p->started)
        return;
    pthread_mutex_lock(&p->mu);
    p->stop = 1;
    pthread_cond_broadcast(&p->cv);
    pthread_mutex_unlock(&p->mu);
    pthread_join(p->thread, NULL);
    pthread_cond_destroy(&p->cv);
    pthread_mutex_destroy(&p->mu);
    for (size_t i = 0; i < NV_PIPE_SLOTS; i++)
        nv_batch_dispose(&p->slot[i]);
    p->started = 0;
}
