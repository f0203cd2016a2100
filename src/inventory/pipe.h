/* Tokenizing on a second thread: a producer fills batches of records
 * (nv_batch_fill) into a small ring while the loader consumes them in
 * file order, so row handling, diagnostics and strict mode are unchanged. */
#ifndef NV_INVENTORY_PIPE_H
#define NV_INVENTORY_PIPE_H

#include <pthread.h>

#include "inventory/batch.h"

#define NV_PIPE_SLOTS 4

typedef struct nv_pipe {
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    nv_csv *csv;              /* owned by the producer while it runs */
    const nv_batch_keys *keys;
    size_t rows;              /* records per batch */
    nv_batch slot[NV_PIPE_SLOTS];
    long count[NV_PIPE_SLOTS]; /* nv_batch_fill result per slot */
    size_t head, tail;        /* consumer reads head, producer fills tail */
    int stop, started;
} nv_pipe;

/* Inputs at least this long are tokenized on a second thread when more
 * than one CPU is online (tests lower it to cover the threaded path). */
extern size_t nv_pipe_min_bytes;
int nv_pipe_wanted(size_t input_len);

/* Start the producer on c. @return 0 or NETVET_ENOMEM (no thread). */
int nv_pipe_start(nv_pipe *p, nv_csv *c, const nv_batch_keys *keys,
                  size_t rows);
/* Wait for the next batch: *out = it; @return its record count (0 at end
 * of input) or a negative status. Release it with nv_pipe_release. */
long nv_pipe_next(nv_pipe *p, const nv_batch **out);
void nv_pipe_release(nv_pipe *p);
/* Stop the producer (if running), join it, free the batches. */
void nv_pipe_finish(nv_pipe *p);

#endif
