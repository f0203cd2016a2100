/* SPDX-License-Identifier: Apache-2.0 */
/* netvet_synth_write: checks options, creates the output directory, writes
 * elements.csv and links.csv under unpredictable temporary names (mkstemp)
 * and renames them into place once both are complete and fsync'd. The network itself is planned in plan.c
 * and written in network.c; this file only owns files and errors. */
#include "netvet/synth.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "synth/network.h"
#include "util/alloc.h"
#include "util/diag.h"

typedef struct outputs {
    char *final[2];      /* DIR/elements.csv, DIR/links.csv */
    char *tmp[2];        /* DIR/.elements.csv.XXXXXX (mkstemp) ... */
    int made[2];         /* tmp[i] was created (and is ours to remove) */
    nv_synth_out out[2];
} outputs;

static int check_options(const netvet_synth_options *o, netvet_diag *diag)
{
    if (o->version != 1 && o->version != NETVET_SYNTH_OPTIONS_VERSION)
        return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                            "synth options version %u is not supported",
                            o->version);
    if (o->n_elements < NETVET_SYNTH_MIN_ELEMENTS ||
        o->n_elements > NETVET_SYNTH_MAX_ELEMENTS)
        return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                            "number of elements must be between %d and %d, "
                            "not %llu", NETVET_SYNTH_MIN_ELEMENTS,
                            NETVET_SYNTH_MAX_ELEMENTS,
                            (unsigned long long)o->n_elements);
    if (!isfinite(o->hrv_share) || o->hrv_share < 0 || o->hrv_share > 1)
        return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                            "high-risk vendor share must be between 0 and 1");
    return NETVET_OK;
}

/* mkdir -p: create dir and any missing parents. */
static int make_dirs(const char *dir, netvet_diag *diag)
{
    char *path = nv_strdup(dir);
    if (!path)
        return NETVET_ENOMEM;
    int error = NETVET_OK;
    size_t len = strlen(path);
    for (size_t i = 1; i <= len && !error; i++) {
        if (path[i] != '/' && path[i] != '\0')
            continue;
        char saved = path[i];
        path[i] = '\0';
        struct stat st;
        if (mkdir(path, 0777) != 0 && errno != EEXIST)
            error = nv_diag_fail(diag, NETVET_EIO, path, 0, 0,
                                 "cannot create directory: %s",
                                 strerror(errno));
        else if (saved == '\0' && (stat(path, &st) != 0 ||
                                   !S_ISDIR(st.st_mode)))
            error = nv_diag_fail(diag, NETVET_EIO, path, 0, 0,
                                 "not a directory");
        path[i] = saved;
    }
    nv_free(path);
    return error;
}

static char *join(const char *dir, const char *name, const char *suffix)
{
    size_t len = strlen(dir) + strlen(name) + strlen(suffix) + 2;
    char *p = nv_malloc(len);
    if (p)
        snprintf(p, len, "%s/%s%s", dir, name, suffix);
    return p;
}

static void outputs_dispose(outputs *o, int remove_tmp)
{
    for (int i = 0; i < 2; i++) {
        nv_synth_out_dispose(&o->out[i]);
        if (remove_tmp && o->made[i])
            unlink(o->tmp[i]);
        nv_free(o->final[i]);
        nv_free(o->tmp[i]);
    }
}

static int outputs_open(outputs *o, const char *dir,
                        const netvet_synth_options *opts, netvet_diag *diag)
{
    netvet_synth_temp_fn temp_fn = opts->version >= 2 ? opts->temp_fn : NULL;
    static const char *const names[2] = {"elements.csv", "links.csv"};
    static const char *const dots[2] = {".elements.csv", ".links.csv"};
    memset(o, 0, sizeof(*o));
    for (int i = 0; i < 2; i++) {
        o->final[i] = join(dir, names[i], "");
        o->tmp[i] = join(dir, dots[i], ".XXXXXX");
        if (!o->final[i] || !o->tmp[i])
            return nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0,
                                "out of memory");
        int e = nv_synth_out_open(&o->out[i], o->tmp[i]);
        o->made[i] = e == 0;
        if (o->made[i] && temp_fn)
            temp_fn(o->tmp[i], opts->temp_payload);
        if (e == ENOMEM)
            return nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0,
                                "out of memory");
        if (e)
            return nv_diag_fail(diag, NETVET_EIO, o->tmp[i], 0, 0,
                                "cannot create file: %s", strerror(e));
    }
    return NETVET_OK;
}

/* Close both files and rename them into place. */
static int outputs_commit(outputs *o, netvet_diag *diag)
{
    for (int i = 0; i < 2; i++) {
        int e = nv_synth_out_close(&o->out[i]);
        if (e)
            return nv_diag_fail(diag, NETVET_EIO, o->final[i], 0, 0,
                                "cannot write: %s", strerror(e));
    }
    /* both are complete before either is renamed; a failure between the
     * two renames (both in one directory: rare) leaves a mixed set, and is
     * reported (docs: import and synth outputs) */
    for (int i = 1; i >= 0; i--) {
        if (rename(o->tmp[i], o->final[i]) != 0)
            return nv_diag_fail(diag, NETVET_EIO, o->final[i], 0, 0,
                                "cannot rename %s into place: %s", o->tmp[i],
                                strerror(errno));
        o->made[i] = 0;
    }
    return NETVET_OK;
}

int netvet_synth_write_stats(netvet_synth_stats *stats_out, const char *dir,
                             const netvet_synth_options *opts,
                             netvet_diag *diag)
{
    static const netvet_synth_options defaults = NETVET_SYNTH_OPTIONS_INIT;
    int error;
    if (stats_out)
        memset(stats_out, 0, sizeof(*stats_out));
    if (!dir || !*dir)
        return nv_diag_fail(diag, NETVET_EINVAL, NULL, 0, 0,
                            "no output directory given");
    if (!opts)
        opts = &defaults;
    if ((error = check_options(opts, diag)) < 0 ||
        (error = make_dirs(dir, diag)) < 0)
        return error;

    outputs files;
    nv_synth_plan plan;
    nv_synth_ctx ctx;
    if ((error = outputs_open(&files, dir, opts, diag)) < 0)
        goto done;
    /* Rounded once to parts per million: no floats past this point. */
    nv_synth_plan_init(&plan, opts->n_elements, opts->seed,
                       (uint32_t)(opts->hrv_share * NV_SYNTH_PPM + 0.5));
    nv_synth_ctx_init(&ctx, &plan, &files.out[0], &files.out[1], opts);
    nv_synth_network_write(&ctx);
    if (ctx.stats.n_elements != opts->n_elements) {
        error = nv_diag_fail(diag, NETVET_ERROR, NULL, 0, 0,
                             "internal error: planned %llu elements, made %llu",
                             (unsigned long long)opts->n_elements,
                             (unsigned long long)ctx.stats.n_elements);
        goto done;
    }
    if ((error = outputs_commit(&files, diag)) < 0)
        goto done;
    if (stats_out)
        *stats_out = ctx.stats;
done:
    outputs_dispose(&files, error < 0);
    return error;
}

int netvet_synth_write(const char *dir, const netvet_synth_options *opts,
                       netvet_diag *diag)
{
    return netvet_synth_write_stats(NULL, dir, opts, diag);
}
