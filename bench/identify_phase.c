/* SPDX-License-Identifier: Apache-2.0 */
/* Time the attribute-and-write half of `netvet identify` without reloading
 * the CSV: load an evidence file once, then attribute and write it RUNS
 * times (to /dev/null, a fresh attributor each run so its caches start
 * cold as in a CLI run) and print each run's wall time and user+system CPU.
 * Instructions of the phase: perf stat with RUNS = 0 and RUNS = N, the
 * difference over N.
 *
 * It uses only the public API (the identify report). Build against a
 * release tree (see bench/README.md):
 *   cc -O2 -std=c17 -D_POSIX_C_SOURCE=200809L -Iinclude -IBUILD/include \
 *      bench/identify_phase.c BUILD/libnetvet.a \
 *      $(pkg-config --libs yaml-0.1 jansson libpcre2-8 libxml-2.0) \
 *      -lm -lpthread -o BUILD/bench-identify
 * Usage: bench-identify ELEMENTS.CSV [RUNS] [text|csv|json] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "netvet/netvet.h"

static double wall_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static double cpu_seconds(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

/* The attribution data at Debian's paths, as netvet's defaults. */
static void default_paths(netvet_attrib_options *o, char paths[4][256])
{
    static const char *const ieee[4] = NETVET_IEEE_FILES;
    for (int i = 0; i < 4; i++) {
        snprintf(paths[i], 256, "%s/%s", NETVET_IEEE_DIR, ieee[i]);
        o->ieee[i] = paths[i];
    }
    o->enterprises = NETVET_ENTERPRISES_PATH;
}

static int one_run(const netvet_inventory *inv, const netvet_registry *reg,
                   netvet_format fmt, FILE *f)
{
    netvet_attrib_options o = NETVET_ATTRIB_OPTIONS_INIT;
    char paths[4][256];
    netvet_attributor *at = NULL;
    netvet_identify_report *out = NULL;
    default_paths(&o, paths);
    int rc = netvet_attributor_new(&at, reg, &o, NULL);
    if (rc == 0)
        rc = netvet_identify_report_new(&out, f, fmt, reg, NULL);
    double t0 = wall_seconds(), c0 = cpu_seconds();
    if (rc == 0)
        rc = netvet_identify_report_add(out, inv, at);
    fflush(f);
    if (rc == 0)
        printf("attribute and write: %.3f s wall, %.3f s CPU, %zu "
               "conflicts\n", wall_seconds() - t0, cpu_seconds() - c0,
               netvet_identify_report_counts(out).conflicts);
    netvet_identify_report_free(out);
    netvet_attributor_free(at);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s ELEMENTS.CSV [RUNS] [text|csv|json]\n",
                argv[0]);
        return 2;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 3;
    const char *fs = argc > 3 ? argv[3] : "csv";
    netvet_format fmt = NETVET_FORMAT_CSV;
    if (netvet_format_parse(fs, &fmt) < 0) {
        fprintf(stderr, "unknown format '%s'\n", fs);
        return 2;
    }
    netvet_load_options lo = NETVET_LOAD_OPTIONS_INIT;
    lo.evidence_only = 1;
    netvet_inventory *inv = NULL;
    netvet_registry *reg = NULL;
    FILE *f = fopen("/dev/null", "w");
    if (!f || netvet_registry_new_builtin(&reg, NULL) < 0 ||
        netvet_inventory_load(&inv, argv[1], &lo, NULL) < 0) {
        fprintf(stderr, "cannot load %s\n", argv[1]);
        return 2;
    }
    static char obuf[1 << 16];
    setvbuf(f, obuf, _IOFBF, sizeof(obuf));
    int rc = 0;
    for (int i = 0; rc == 0 && i < runs; i++)
        rc = one_run(inv, reg, fmt, f);
    netvet_inventory_free(inv);
    netvet_registry_free(reg);
    fclose(f);
    return rc < 0 ? 1 : 0;
}
