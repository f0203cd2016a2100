/* SPDX-License-Identifier: Apache-2.0 */
/* The assessment's topology step: pick the sources, build the CSR graph of
 * counted elements, then dependent weights (graph/exposure.h) and single
 * points of failure (graph/dominators.h), the two side by side on two
 * threads when there are two CPUs. Runs before the policy so that
 * exposure-cap rules can read the result through the view. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "util/clock.h"
#include "inventory/inv.h"
#include "assess/assessment.h"
#include "assess/topology.h"
#include "util/alloc.h"
#include "util/diag.h"

/* A selector the caller gave that matches no element (in service or
 * not) is an error: it would make every customer "disconnected". */
static int no_match(const char *sel, netvet_diag *diag)
{
    return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                        "source selector '%s' matches no element", sel);
}

/* Mark sources for one selector; append its description. The default
 * (no selector given: every core element) may match nothing: the
 * assessment is then incomplete (assess/incomplete.c), not an error. */
static int select_sources(uint8_t *is_source, const nv_view *v,
                          const char *sel, int is_default,
                          char *desc, size_t desc_size, netvet_diag *diag)
{
    const netvet_inventory *inv = v->inv;
    size_t used = strlen(desc);
    if (strncmp(sel, "tag:", 4) == 0) {
        int64_t tag = nv_strtab_find(&inv->strings, sel + 4, strlen(sel + 4));
        size_t any = 0;
        for (size_t k = 0; tag >= 0 && inv->tag_off && k < v->n; k++)
            if (nv_inv_has_tag(inv, k, (uint32_t)tag)) {
                any++;
                is_source[k] |= v->counted[k];
            }
        snprintf(desc + used, desc_size - used, "%stag %s", used ? ", " : "",
                 sel + 4);
        return any ? 0 : no_match(sel, diag);
    }
    netvet_function fn;
    if (netvet_function_parse(&fn, sel, strlen(sel)) < 0)
        return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                            "source selector '%s' is neither a function nor "
                            "tag:NAME", sel);
    size_t any = 0;
    for (size_t k = 0; k < v->n; k++)
        if (inv->function[k] == fn) {
            any++;
            is_source[k] |= v->counted[k];
        }
    snprintf(desc + used, desc_size - used, "%sfunction %s",
             used ? ", " : "", netvet_function_name(fn));
    return any || is_default ? 0 : no_match(sel, diag);
}

static int pick_sources(uint8_t **out, char **desc_out, const nv_view *v,
                        const char *const *sources, netvet_diag *diag)
{
    static const char *const core[] = {"core", NULL};
    char desc[512] = "";
    uint8_t *is_source = nv_calloc(v->n ? v->n : 1, 1);
    if (!is_source)
        return NETVET_ENOMEM;
    for (const char *const *s = sources ? sources : core; *s; s++) {
        int rc = select_sources(is_source, v, *s, sources == NULL, desc,
                                sizeof(desc), diag);
        if (rc < 0) {
            nv_free(is_source);
            return rc;
        }
    }
    if (!(*desc_out = nv_strdup(desc))) {
        nv_free(is_source);
        return NETVET_ENOMEM;
    }
    *out = is_source;
    return 0;
}

/* Element ids bytewise (memcmp, the shorter first on a common prefix):
 * tied single points of failure are listed in id order, whatever the
 * order of the rows (issue 16, item 12). */
static int id_order(const void *ctx, uint32_t a, uint32_t b)
{
    const nv_strtab *ids = &((const netvet_inventory *)ctx)->ids;
    size_t la = nv_strtab_strlen(ids, a), lb = nv_strtab_strlen(ids, b);
    int c = memcmp(nv_strtab_get(ids, a), nv_strtab_get(ids, b),
                   la < lb ? la : lb);
    if (c || la != lb)
        return c ? c : (la < lb ? -1 : 1);
    return a < b ? -1 : a > b;
}

static int spof(netvet_assessment *a, size_t top, const nv_graph_input *in)
{
    size_t nv = netvet_registry_count(a->view.reg);
    a->top = nv_malloc((top ? top : 1) * sizeof(uint32_t));
    a->spof_by_vendor = nv_calloc(nv ? nv : 1, sizeof(double));
    a->spof_by_domain = nv_calloc(a->view.n_domains ? a->view.n_domains : 1,
                                  sizeof(double));
    if (!a->top || !a->spof_by_vendor || !a->spof_by_domain)
        return NETVET_ENOMEM;
    a->n_top = nv_dominators_top_by(a->top, top, &a->dom, id_order,
                                    a->view.inv);
    nv_dominators_by_group(a->spof_by_vendor, a->spof_by_domain, &a->dom,
                           in);
    return 0;
}

/* The rules of `set` into b's lists, on this graph thread. */
static int rules_beside(netvet_assessment *a, nv_rule_set set,
                        nv_rules_beside *b)
{
    b->done = 1;
    return nv_policy_evaluate_set(a->policy, &a->view, set, &b->findings,
                                  &b->results);
}

/* The share-caps measured by customers served read only the dominator
 * tree: evaluated as soon as it is built (the other threads write neither
 * a->served nor view.dom, and read no more of the view than this does). */
static int served_rules(netvet_assessment *a)
{
    if (!a->policy)
        return 0;
    a->view.dom = &a->dom;
    return rules_beside(a, NV_RULES_SERVED, &a->served);
}

/* The rules that read the exposure (and not the dominator tree):
 * evaluated once it is done, while the dominators' thread finishes (the
 * other threads write neither a->exposed nor view.exposure, and do not
 * read view.exposure). */
static int exposure_rules(netvet_assessment *a)
{
    if (!a->policy)
        return 0;
    a->view.exposure = &a->exposure;
    return rules_beside(a, NV_RULES_EXPOSURE, &a->exposed);
}

/* Seconds since *t, restarting the clock. */
static double lap(double *t)
{
    double now = nv_clock_seconds(), dt = now - *t;
    *t = now;
    return dt;
}

/* The dominators and the single points of failure (top list, sums per
 * vendor and domain) as a job for a second thread. They read the graph,
 * the sources, the weights and the view, as the exposure passes do, and
 * write only a->dom, a->top and the spof sums, which exposure never
 * touches, so the two can run at once. */
typedef struct dom_job {
    netvet_assessment *a;
    const nv_csr *g;
    const nv_fold *fold; /* with the sources */
    const nv_graph_input *in; /* the view's columns */
    size_t top;
    int rc;
    double dominators, spof; /* seconds */
} dom_job;

static void *dom_run(void *arg)
{
    dom_job *job = arg;
    double t0 = nv_clock_seconds(), clock = t0;
    job->rc = nv_dominators_compute_folded(&job->a->dom, job->g, job->fold,
                                           job->in->weight);
    job->dominators = lap(&clock);
    if (job->rc == 0) {
        job->rc = spof(job->a, job->top, job->in);
        job->spof = lap(&clock);
    }
    if (job->rc == 0)
        job->rc = served_rules(job->a);
    return NULL;
}

/* Exposure on this thread, dominators and spof on a second one when there
 * are two CPUs and the thread starts, else one after the other. Both run
 * on g's core (f). is_source holds counted elements only (pick_sources). */
static int exposure_and_dominators(netvet_assessment *a, const nv_csr *g,
                                   const nv_fold *f, const uint8_t *is_source,
                                   const netvet_assess_options *opts)
{
    nv_step_times *t = &a->view.times;
    nv_exposure_options xo = NV_EXPOSURE_OPTIONS_INIT;
    nv_graph_input in;
    size_t top = opts ? opts->top_spof : 10;
    xo.is_source = is_source;
    xo.fold = f;
    xo.want_depends = !opts || opts->version < 2 || opts->sink_dependencies;
    nv_view_graph_input(&in, &a->view);
    dom_job job = {a, g, f, &in, top, 0, 0, 0};
    pthread_t thread;
    t->threads = sysconf(_SC_NPROCESSORS_ONLN) > 1 &&
                         pthread_create(&thread, NULL, dom_run, &job) == 0
                     ? 2
                     : 1;
    double t0 = nv_clock_seconds();
    int rc = nv_exposure_compute(&a->exposure, g, &in, &xo);
    t->exposure = nv_clock_seconds() - t0;
    if (rc == 0)
        rc = exposure_rules(a);
    if (t->threads == 2)
        pthread_join(thread, NULL);
    else
        dom_run(&job);
    t->dominators = job.dominators;
    t->spof = job.spof;
    return rc < 0 ? rc : job.rc;
}

int nv_topology_run(netvet_assessment *a, const netvet_assess_options *opts,
                    netvet_diag *diag)
{
    uint8_t *is_source = NULL;
    nv_csr g = {0};
    nv_fold f = {0};
    nv_step_times *t = &a->view.times;
    double t0 = nv_clock_seconds(), clock = t0;
    int rc = pick_sources(&is_source, &a->sources_desc, &a->view,
                          opts ? opts->sources : NULL, diag);
    if (rc < 0)
        return rc;
    rc = nv_csr_build(&g, a->view.inv, a->view.counted);
    t->csr = lap(&clock);
    if (rc == 0 && (rc = nv_fold_leaves(&f, &g, is_source)) == 0) {
        t->fold = lap(&clock);
        t->core = f.n_core;
        t->vertices = g.n;
        rc = exposure_and_dominators(a, &g, &f, is_source, opts);
        t->graph = lap(&clock);
    }
    nv_fold_dispose(&f);
    nv_csr_dispose(&g);
    nv_free(is_source);
    t->topology = nv_clock_seconds() - t0;
    if (rc == 0) {
        a->has_topology = 1;
        a->view.exposure = &a->exposure;
        a->view.dom = &a->dom;
    }
    return rc;
}

void nv_topology_dispose(netvet_assessment *a)
{
    nv_exposure_dispose(&a->exposure);
    nv_dominators_dispose(&a->dom);
    nv_findings_dispose(&a->served.findings);
    nv_results_dispose(&a->served.results);
    nv_findings_dispose(&a->exposed.findings);
    nv_results_dispose(&a->exposed.results);
    nv_free(a->top);
    nv_free(a->spof_by_vendor);
    nv_free(a->spof_by_domain);
    nv_free(a->sources_desc);
}
