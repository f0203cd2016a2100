/* SPDX-License-Identifier: Apache-2.0 */
/* Load the inventory on a second thread while the calling thread reads
 * the registry, packs and waivers, printing exactly what, and in the order,
 * a load on one thread would: the inventory's warnings and progress wait
 * (kept in order) until the caller says it has nothing more to print. */
#ifndef NV_CLI_INV_LOAD_H
#define NV_CLI_INV_LOAD_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "cli/cli.h"
#include "netvet/netvet.h"

typedef struct nv_kept_diag nv_kept_diag;

typedef struct nv_inv_load {
    /* set before nv_inv_load_start */
    const char *path;           /* file or directory (not '-') */
    netvet_load_options opts;   /* progress_fn/payload: where to print */
    nv_cli_diag *out;           /* where warnings are printed */
    /* results, after nv_inv_load_finish */
    netvet_inventory *inv;
    netvet_diag *diag;          /* the load's own sink (its message) */
    int rc;
    /* private */
    pthread_t thread;
    pthread_mutex_t lock;
    int threaded, released, dropped;
    nv_kept_diag *kept;
    size_t n_kept, cap_kept;
    size_t lost;                /* warnings that could not be kept */
    void (*progress_fn)(const char *what, uint64_t done, uint64_t total,
                        void *payload);
    void *progress_payload;
} nv_inv_load;

/* Start loading (on a thread when there are two CPUs and one starts,
 * else at once). @return 0, or NETVET_ENOMEM (nothing started). */
int nv_inv_load_start(nv_inv_load *j);
/* The caller has printed all it will before the inventory's messages:
 * print those kept so far and let the rest print as they come (print 0:
 * drop them all, as when the caller failed and the inventory would not
 * have been read). Then wait for the load. @return the load's status. */
int nv_inv_load_finish(nv_inv_load *j, int print);
/* Free the kept messages and the load's diag (not the inventory). */
void nv_inv_load_dispose(nv_inv_load *j);

#endif
