/* SPDX-License-Identifier: Apache-2.0 */
/* Blocks of 32,768 elements go to the threads in rounds; each thread has
 * its own attributor (a fork sharing the loaded data) and record writer
 * (identify_out.h: a growing buffer, emptied each round, and the records of
 * the attribution classes it has met), and the blocks are written out in
 * order after each round, so the output is what one thread writes. */
#include "report/identify_run.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BLOCK 32768
#define MAX_THREADS 8

typedef struct worker {
    netvet_attributor *at; /* borrowed (the first) or a fork (owned) */
    const netvet_inventory *inv;
    size_t from, to;
    nv_id_out out;         /* counts of this block */
    nv_id_writer wr;       /* records of this block (owned) */
    int rc;
    pthread_t thread;
    int started;
} worker;

static int attribute_range(netvet_attributor *at, const netvet_inventory *inv,
                           size_t from, size_t to, nv_id_out *out,
                           nv_id_writer *wr)
{
    for (size_t k = from; k < to; k++) {
        netvet_attribution r;
        uint32_t cls;
        const char *mac, *id = netvet_inventory_element_id(inv, k);
        size_t mac_len;
        int rc = netvet_element_class(&cls, &mac, &mac_len, at, inv, k);
        if (rc == 0 && nv_id_record_class(out, wr, id, cls, mac, mac_len))
            continue; /* the class's record, with this id and MAC */
        if (rc == 0)
            rc = netvet_attribute_element_class(&r, &cls, at, inv, k);
        if (rc < 0)
            return rc;
        nv_id_record(out, wr, id, netvet_inventory_element_vendor(inv, k),
                     &r, cls);
    }
    return 0;
}

static void *work(void *arg)
{
    worker *w = arg;
    w->wr.out.n = 0;
    w->rc = attribute_range(w->at, w->inv, w->from, w->to, &w->out, &w->wr);
    if (w->wr.out.failed && w->rc == 0)
        w->rc = NETVET_ENOMEM;
    return NULL;
}

static size_t threads_for(size_t n)
{
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    size_t t = cpus > 0 ? (size_t)cpus : 1, blocks = (n + BLOCK - 1) / BLOCK;
    t = t < MAX_THREADS ? t : MAX_THREADS;
    return t < blocks ? t : blocks ? blocks : 1;
}

static void add_counts(nv_id_counts *c, const nv_id_counts *d)
{
    c->elements += d->elements;
    c->attributed += d->attributed;
    c->conflicts += d->conflicts;
    c->unattributed += d->unattributed;
    c->unregistered += d->unregistered;
    for (size_t l = 0; l < 4; l++)
        c->level[l] += d->level[l];
}

/* One round: blocks from `start` on the n_w workers (the first on this
 * thread); then write them in order and add up their counts. */
static int run_round(worker *w, size_t n_w, size_t start, size_t n,
                     nv_id_out *out)
{
    for (size_t i = 0; i < n_w; i++) {
        size_t from = start + i * BLOCK;
        w[i].from = from < n ? from : n;
        w[i].to = from + BLOCK < n ? from + BLOCK : n;
        w[i].out = *out;
        memset(&w[i].out.n, 0, sizeof(w[i].out.n));
        w[i].out.records = out->records + (w[i].from - start);
        w[i].started = i > 0 && pthread_create(&w[i].thread, NULL, work,
                                                &w[i]) == 0;
    }
    for (size_t i = 0; i < n_w; i++)
        if (!w[i].started)
            work(&w[i]);
    int rc = 0;
    for (size_t i = 0; i < n_w; i++) {
        if (w[i].started)
            pthread_join(w[i].thread, NULL);
        if (w[i].rc < 0 && rc == 0)
            rc = w[i].rc;
        if (rc == 0 && w[i].wr.out.n)
            fwrite(w[i].wr.out.b, 1, w[i].wr.out.n, out->f);
        add_counts(&out->n, &w[i].out.n);
        out->records += w[i].to - w[i].from;
    }
    return rc;
}

int nv_identify_inventory(const netvet_inventory *inv, netvet_attributor *at,
                          nv_id_out *out)
{
    size_t n = netvet_inventory_elements(inv), n_w = threads_for(n);
    worker w[MAX_THREADS];
    memset(w, 0, sizeof(w));
    int rc = 0;
    w[0].at = at;
    for (size_t i = 0; i < n_w; i++) {
        w[i].inv = inv;
        if (i > 0 && rc == 0)
            rc = netvet_attributor_fork(&w[i].at, at);
    }
    for (size_t start = 0; rc == 0 && start < n; start += n_w * BLOCK)
        rc = run_round(w, n_w, start, n, out);
    for (size_t i = 0; i < n_w; i++) {
        nv_id_writer_dispose(&w[i].wr);
        if (i > 0)
            netvet_attributor_free(w[i].at);
    }
    return rc;
}
