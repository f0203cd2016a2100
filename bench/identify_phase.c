/* SPDX-License-Identifier: Apache-2.0 */
/* Time the attribute-and-write half of `netvet identify` without reloading
 * the CSV: load an evidence file once, then attribute and write it RUNS
 * times (to /dev/null, a fresh attributor each run so its caches start
 * cold as in a CLI run) and print each run's wall time and user+system CPU.
 * Instructions of the phase: perf stat with RUNS = 0 and RUNS = N, the
 * difference over N.
 *
 * Build against a release tree (see bench/README.md):
 *   cc -O2 -std=c17 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc \
 *      -Iinclude bench/identify_phase.c src/cli/identify_run.c \
 *      src/cli/identify_out.c src/cli/attrib_paths.c BUILD/libnetvet.a \
 *      $(pkg-config --libs yaml-0.1 jansson libpcre2-8 libxml-2.0) \
 *      -lm -lpthread -o BUILD/bench-identify
 * Usage: bench-identify ELEMENTS.CSV [RUNS] [text|csv|json] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "cli/attrib_paths.h"
#include "cli/identify_run.h"
#include "util/clock.h"

static double cpu_seconds(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static int one_run(const netvet_inventory *inv, const netvet_registry *reg,
                   nv_id_format fmt, FILE *f)
{
    netvet_attrib_options o = NETVET_ATTRIB_OPTIONS_INIT;
    nv_attrib_paths paths;
    netvet_attributor *at = NULL;
    nv_cli_attrib_paths(&o, &paths, "bench-identify", NULL, NULL);
    int rc = netvet_attributor_new(&at, reg, &o, NULL);
    if (rc < 0)
        return rc;
    nv_id_out out = {f, fmt, reg, 0, {0, 0, 0, 0, {0, 0, 0, 0}}};
    nv_id_begin(&out);
    double t0 = nv_clock_seconds(), c0 = cpu_seconds();
    rc = nv_identify_inventory(inv, at, &out);
    fflush(f);
    printf("attribute and write: %.3f s wall, %.3f s CPU, %zu conflicts\n",
           nv_clock_seconds() - t0, cpu_seconds() - c0, out.n.conflicts);
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
    nv_id_format fmt = !strcmp(fs, "text") ? NV_ID_TEXT
                       : !strcmp(fs, "json") ? NV_ID_JSON : NV_ID_CSV;
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
