/* SPDX-License-Identifier: Apache-2.0 */
/* The inventory load beside the registry's (cli/inv_load.h). On a 2-core
 * machine the registry, packs and waivers (ICU skeletons and YAML, about
 * 12-15 ms) otherwise run with one core idle before the inventory starts.
 * Until the caller releases it, the load's warnings are kept (copied, in
 * order) and its progress is not shown; after, they print as they come.
 * One lock orders the two threads' printing. */
#include "cli/inv_load.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct nv_kept_diag {
    netvet_diag_entry e; /* file and message owned */
};

static char *copy(const char *s)
{
    return strdup(s ? s : "");
}

/* Keep a copy of e; a copy that fails is counted (j->lost) and added to
 * the warnings not shown on release (this thread must not touch j->out
 * while the caller may be printing). */
static void keep(nv_inv_load *j, const netvet_diag_entry *e)
{
    if (j->n_kept == j->cap_kept) {
        size_t cap = j->cap_kept ? 2 * j->cap_kept : 16;
        nv_kept_diag *k = realloc(j->kept, cap * sizeof(*k));
        if (!k) {
            j->lost++;
            return;
        }
        j->kept = k;
        j->cap_kept = cap;
    }
    nv_kept_diag *k = &j->kept[j->n_kept];
    k->e = *e;
    k->e.file = copy(e->file);
    k->e.message = copy(e->message);
    if (!k->e.file || !k->e.message) {
        free((char *)k->e.file);
        free((char *)k->e.message);
        j->lost++;
        return;
    }
    j->n_kept++;
}

static void on_diag(const netvet_diag_entry *e, void *payload)
{
    nv_inv_load *j = payload;
    pthread_mutex_lock(&j->lock);
    if (e->severity == NETVET_SEV_ERROR || j->dropped)
        ; /* the failure is printed from j->diag's message */
    else if (j->released)
        nv_cli_print_diag(e, j->out);
    else
        keep(j, e);
    pthread_mutex_unlock(&j->lock);
}

static void on_progress(const char *what, uint64_t done, uint64_t total,
                        void *payload)
{
    nv_inv_load *j = payload;
    pthread_mutex_lock(&j->lock);
    if (j->released && !j->dropped)
        j->progress_fn(what, done, total, j->progress_payload);
    pthread_mutex_unlock(&j->lock);
}

static void *run(void *arg)
{
    nv_inv_load *j = arg;
    j->rc = netvet_inventory_load(&j->inv, j->path, &j->opts, j->diag);
    return NULL;
}

int nv_inv_load_start(nv_inv_load *j)
{
    j->inv = NULL;
    j->kept = NULL;
    j->n_kept = j->cap_kept = j->lost = 0;
    j->released = j->dropped = 0;
    j->progress_fn = j->opts.progress_fn;
    j->progress_payload = j->opts.progress_payload;
    if (j->progress_fn) {
        j->opts.progress_fn = on_progress;
        j->opts.progress_payload = j;
    }
    if (pthread_mutex_init(&j->lock, NULL) != 0)
        return NETVET_ENOMEM;
    if (netvet_diag_new(&j->diag, on_diag, j) < 0) {
        pthread_mutex_destroy(&j->lock);
        return NETVET_ENOMEM;
    }
    /* one CPU, or no thread: the load runs in nv_inv_load_finish, after
     * the caller's, as it would without this module */
    j->threaded = sysconf(_SC_NPROCESSORS_ONLN) > 1 &&
                  pthread_create(&j->thread, NULL, run, j) == 0;
    return 0;
}

int nv_inv_load_finish(nv_inv_load *j, int print)
{
    pthread_mutex_lock(&j->lock);
    if (!j->released) {
        for (size_t i = 0; print && i < j->n_kept; i++)
            nv_cli_print_diag(&j->kept[i].e, j->out);
        if (print && !j->out->quiet)
            j->out->suppressed += j->lost;
        j->released = 1;
        j->dropped = !print;
    }
    pthread_mutex_unlock(&j->lock);
    if (j->threaded)
        pthread_join(j->thread, NULL);
    else if (print)
        run(j);
    else
        j->rc = NETVET_OK; /* never read, as after a failed registry */
    j->threaded = 0;
    return j->rc;
}

void nv_inv_load_dispose(nv_inv_load *j)
{
    for (size_t i = 0; i < j->n_kept; i++) {
        free((char *)j->kept[i].e.file);
        free((char *)j->kept[i].e.message);
    }
    free(j->kept);
    j->kept = NULL;
    j->n_kept = j->cap_kept = 0;
    netvet_diag_free(j->diag);
    j->diag = NULL;
    pthread_mutex_destroy(&j->lock);
}
