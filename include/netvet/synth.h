/* SPDX-License-Identifier: Apache-2.0 */
/* Synthetic operator networks: a deterministic generator that writes a
 * realistic inventory (elements.csv, links.csv) in netvet's native CSV, for
 * tests, demos and benchmarks. Streams to disk; memory does not grow with N. */
#ifndef NETVET_SYNTH_H
#define NETVET_SYNTH_H

#include <stdint.h>

#include "errors.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Smallest and largest networks the generator makes. */
#define NETVET_SYNTH_MIN_ELEMENTS 50
#define NETVET_SYNTH_MAX_ELEMENTS 100000000

/**
 * Progress report: `done` of `total` elements written. Called from the
 * writing thread every 65,536 elements and once at the end.
 */
typedef void (*netvet_synth_progress_fn)(uint64_t done, uint64_t total,
                                         void *payload);

/**
 * Called with the name of each temporary file synth creates in the output
 * directory (before any byte is written to it), so a caller that handles
 * signals can remove it if the process is interrupted; on return from
 * netvet_synth_write* every temporary is gone (renamed into place or
 * removed).
 */
typedef void (*netvet_synth_temp_fn)(const char *path, void *payload);

/** What to generate. Initialise with NETVET_SYNTH_OPTIONS_INIT. */
typedef struct netvet_synth_options {
    unsigned version;        /**< NETVET_SYNTH_OPTIONS_VERSION */
    uint64_t n_elements;     /**< exact number of elements to write */
    uint64_t seed;           /**< same seed and options: same bytes */
    double hrv_share;        /**< Huawei's target share of access + ran
                                  elements and weight, 0..1 (default 0.25) */
    int has_evidence;        /**< also write mac, sys_object_id, sys_descr */
    netvet_synth_progress_fn progress_fn; /**< optional, may be NULL */
    void *progress_payload;  /**< passed to progress_fn */
    /* version 2: */
    netvet_synth_temp_fn temp_fn; /**< optional, may be NULL */
    void *temp_payload;      /**< passed to temp_fn */
} netvet_synth_options;

/** 2 adds temp_fn; options of version 1 are still accepted. */
#define NETVET_SYNTH_OPTIONS_VERSION 2
#define NETVET_SYNTH_OPTIONS_INIT \
    {NETVET_SYNTH_OPTIONS_VERSION, 1000, 1, 0.25, 0, NULL, NULL, NULL, NULL}

/** What was written, as counted while writing. */
typedef struct netvet_synth_stats {
    uint64_t n_elements;       /**< rows in elements.csv */
    uint64_t n_links;          /**< rows in links.csv */
    uint64_t n_access_ran;     /**< elements of function access or ran */
    uint64_t n_access_ran_hrv; /**< ... of them supplied by Huawei */
    uint64_t weight_access_ran;     /**< summed weight of access + ran */
    uint64_t weight_access_ran_hrv; /**< ... of it on Huawei elements */
} netvet_synth_stats;

/**
 * Generate a network into directory `dir`: `dir/elements.csv` and
 * `dir/links.csv` (see docs/synth.md for the columns and the model).
 * Creates `dir` and missing parents; replaces existing files of those names.
 * Each file is written under a temporary name and renamed when complete, so
 * a failed run leaves no half-written inventory behind. Never prints.
 *
 * Runs in O(n) time and O(1) memory (two 1 MiB buffers and a few KiB).
 *
 * @param dir  output directory (borrowed)
 * @param opts options (borrowed); NULL means NETVET_SYNTH_OPTIONS_INIT
 * @param diag receives the error message on failure; may be NULL
 * @return 0; NETVET_EINVAL for options out of range or an unknown version;
 *         NETVET_EIO when the directory or files cannot be created or
 *         written; NETVET_ENOMEM.
 */
int netvet_synth_write(const char *dir, const netvet_synth_options *opts,
                       netvet_diag *diag);

/**
 * As netvet_synth_write, and also report what was written.
 * @param[out] stats_out counts of the written network (caller-owned;
 *                       zeroed on failure); may be NULL
 */
int netvet_synth_write_stats(netvet_synth_stats *stats_out, const char *dir,
                             const netvet_synth_options *opts,
                             netvet_diag *diag);

#ifdef __cplusplus
}
#endif
#endif
