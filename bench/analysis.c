/* SPDX-License-Identifier: Apache-2.0 */
/* Time the analysis half of `netvet assess` without reloading the CSV:
 * load the inventory once, then run netvet_assess RUNS times (UK pack, as
 * of 2026-11-23) and print each run's step times (the --timings split),
 * its user+system CPU and a hash of the topology results (exposure groups,
 * regions, depends rows, idom and impact of every element), so two builds
 * can be compared for identical results at 10M without writing the JSON.
 *
 * A fixed mmap threshold keeps glibc from recycling one run's freed big
 * arrays in the next, so every run pays the page faults a CLI run pays.
 *
 * Build against a release tree (see bench/README.md):
 *   cc -O2 -std=c17 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc \
 *      -Iinclude bench/analysis.c BUILD/libnetvet.a \
 *      $(pkg-config --libs yaml-0.1 jansson libpcre2-8 libxml-2.0) \
 *      -lm -lpthread -o BUILD/bench-analysis
 * Usage: bench-analysis DIR [RUNS] */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "netvet/assess.h"
#include "assess/assessment.h"
#include "util/clock.h"

static uint64_t mix(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 0x100000001b3ull;
    return h;
}

static uint64_t result_hash(const netvet_assessment *a)
{
    const nv_exposure *x = &a->exposure;
    const nv_dominators *d = &a->dom;
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < x->n_groups; i++) {
        const nv_exposure_group *g = &x->groups[i];
        h = mix(h, &g->key, sizeof(g->key));
        h = mix(h, &g->lost_weight, sizeof(g->lost_weight));
        h = mix(h, &g->lost_sinks, sizeof(g->lost_sinks));
        h = mix(h, g->fn_weight, sizeof(g->fn_weight));
    }
    h = mix(h, x->region_lost, x->n_groups * x->n_regions * sizeof(double));
    h = mix(h, x->region_total, x->n_regions * sizeof(double));
    h = mix(h, &x->sink_weight, sizeof(double));
    h = mix(h, &x->disconnected_weight, sizeof(double));
    if (x->depends)
        h = mix(h, x->depends, d->n * x->n_depend_words * sizeof(uint64_t));
    h = mix(h, d->idom, d->n * sizeof(uint32_t));
    h = mix(h, d->impact, d->n * sizeof(double));
    h = mix(h, a->top, a->n_top * sizeof(uint32_t));
    size_t nv = netvet_registry_count(a->view.reg);
    h = mix(h, a->spof_by_vendor, nv * sizeof(double));
    h = mix(h, a->spof_by_domain, a->view.n_domains * sizeof(double));
    return h;
}

/* "VmRSS a MB, VmHWM b MB" from /proc/self/status (Linux). */
static void print_rss(const char *when)
{
    char line[256];
    long rss = -1, hwm = -1;
    FILE *f = fopen("/proc/self/status", "r");
    while (f && fgets(line, sizeof(line), f)) {
        sscanf(line, "VmRSS: %ld", &rss);
        sscanf(line, "VmHWM: %ld", &hwm);
    }
    if (f)
        fclose(f);
    printf("%s: RSS %ld MB, peak RSS %ld MB\n", when, rss / 1024, hwm / 1024);
}

static double cpu_seconds(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s DIR [RUNS]\n", argv[0]);
        return 2;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 3;
    netvet_diag *diag = NULL;
    netvet_registry *reg = NULL;
    netvet_policy *pol = NULL;
    netvet_inventory *inv = NULL;
    netvet_load_options lo = NETVET_LOAD_OPTIONS_INIT;
    netvet_assess_options ao = NETVET_ASSESS_OPTIONS_INIT;
    ao.as_of = "2026-11-23";
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    double t0 = nv_clock_seconds();
    if (netvet_diag_new(&diag, NULL, NULL) < 0 ||
        netvet_registry_new_builtin(&reg, diag) < 0 ||
        netvet_policy_new(&pol) < 0 ||
        netvet_policy_add_builtin(pol, "uk-ncsc-2020", diag) < 0 ||
        netvet_inventory_load(&inv, argv[1], &lo, diag) < 0) {
        fprintf(stderr, "load failed: %s\n",
                diag ? netvet_diag_message(diag) : "");
        return 1;
    }
    printf("load %.3f s\n", nv_clock_seconds() - t0);
    print_rss("after load");
    for (int r = 0; r < runs; r++) {
        netvet_assessment *a = NULL;
        double c0 = cpu_seconds(), w0 = nv_clock_seconds();
        if (netvet_assess(&a, inv, reg, pol, &ao, diag) < 0) {
            fprintf(stderr, "assess failed: %s\n", netvet_diag_message(diag));
            return 1;
        }
        double wall = nv_clock_seconds() - w0, cpu = cpu_seconds() - c0;
        const nv_step_times *t = &a->view.times;
        printf("run %d: assess %.3f s (cpu %.3f s): view %.3f shares %.3f "
               "csr %.3f exposure %.3f dominators %.3f spof %.3f (together "
               "%.3f, %d threads) topology %.3f policy %.3f; "
               "hash %016llx\n",
               r + 1, wall, cpu, t->view, a->shares.seconds, t->csr,
               t->exposure, t->dominators, t->spof, t->graph, t->threads,
               t->topology,
               wall - t->view - a->shares.seconds - t->topology,
               (unsigned long long)result_hash(a));
        print_rss("after assess");
        fflush(stdout);
        netvet_assessment_free(a);
    }
    netvet_inventory_free(inv);
    netvet_policy_free(pol);
    netvet_registry_free(reg);
    netvet_diag_free(diag);
    return 0;
}
