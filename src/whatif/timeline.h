/* SPDX-License-Identifier: Apache-2.0 */
/* The timeline of a dated plan (netvet_timeline_run): the dates it is
 * assessed at (timeline_dates.c: collected from the rules and the
 * scenarios' dated changes, ordered, unique) and, per date, the verdict,
 * every rule measurement with its state at the point before, and the
 * changes applied that day (timeline.c). The report writers read these
 * structs directly. */
#ifndef NV_WHATIF_TIMELINE_H
#define NV_WHATIF_TIMELINE_H

#include <stddef.h>
#include <stdint.h>

#include "netvet/whatif.h"

#define NV_TL_UNDATED INT32_MIN /* an undated change: from the start */

typedef struct nv_tl_rule {
    char *rule_id, *pack, *subject, *measure; /* owned */
    netvet_result_status status, previous;
    int has_previous;
    double value, limit;
} nv_tl_rule;

typedef struct nv_tl_change {
    size_t scenario, change;   /* indexes into the run's scenarios */
    const char *scenario_name, *file; /* owned by the timeline's copies */
    unsigned long line;
    char date[11];             /* "" when undated */
    const char *action;        /* static */
    char *summary;             /* owned */
    size_t elements;
} nv_tl_change;

/* Why a point's assessment is incomplete (assess/incomplete.c). */
typedef struct nv_tl_reason {
    const char *code; /* static */
    char *message;    /* owned */
} nv_tl_reason;

typedef struct nv_tl_point {
    int32_t day;
    char date[11];
    netvet_verdict verdict;
    nv_tl_reason *reasons;
    size_t n_reasons;
    nv_tl_rule *rules;
    size_t n_rules;
    nv_tl_change *changes;
    size_t n_changes;
} nv_tl_point;

/* A file the timeline read. The timeline keeps one list of them, in this
 * order: the inventory's files, the registry overlays, the packs, the
 * assessment's other inputs (attribution data, pattern and waiver files),
 * the scenarios. Reports show two views of it: the provenance
 * (NV_TL_PROVENANCE: all of them) and the inputs besides the inventory
 * (NV_TL_INPUT: all but the inventory's files). The copies are owned: the assessments the list is taken from
 * do not outlive the run. */
enum { NV_TL_PROVENANCE = 1, NV_TL_INPUT = 2 };

typedef struct nv_tl_file {
    const char *role;   /* static: "elements", "links", or the kind of a
                         * netvet_input ("registry", "pack", "scenario",
                         * "patterns", "ieee-oui", ...) */
    char *path;         /* owned */
    long long bytes;    /* its size, -1 when not known (packs, scenarios) */
    char *version;      /* owned; the data's own date, NULL when none */
    char sha256[65];    /* "" when not hashed */
    unsigned views;     /* NV_TL_PROVENANCE | NV_TL_INPUT */
} nv_tl_file;

typedef struct nv_tl_regchange {
    char *file, *vendor, *field, *before, *after; /* owned */
    unsigned long line;
} nv_tl_regchange;

struct netvet_timeline {
    nv_tl_file *files_read;    /* every file read (owned; see nv_tl_file) */
    size_t n_files_read;
    nv_tl_point *points;
    size_t n_points;
    char **names, **files;     /* per scenario, owned */
    size_t n_scenarios;
    int fail_on;
    nv_tl_regchange *reg_changes; /* overlays' changes to built-in vendors */
    size_t n_reg_changes;
};

/* Copy the files read (inv's, a's inputs, the scenarios') and a's
 * registry changes into t (timeline_inputs.c); nv_tl_inputs_dispose frees
 * them. @return 0 or NETVET_ENOMEM. */
int nv_tl_keep_inputs(netvet_timeline *t, const netvet_inventory *inv,
                      const netvet_assessment *a,
                      const netvet_scenario *const *sc, size_t n);
void nv_tl_inputs_dispose(netvet_timeline *t);
/* How many of t's files read are in `view` (NV_TL_PROVENANCE or
 * NV_TL_INPUT). */
size_t nv_tl_file_count(const netvet_timeline *t, unsigned view);
/* Views of the copies for the report writers. */
netvet_input nv_tl_file_input(const nv_tl_file *f);
netvet_registry_change nv_tl_regchange_at(const netvet_timeline *t,
                                          size_t i);

/* A scenario change in the order the timeline applies them. */
typedef struct nv_tl_event {
    int32_t day;               /* NV_TL_UNDATED when undated */
    size_t scenario, change;
} nv_tl_event;

/* Every change of the scenarios, sorted by date (undated first), then
 * scenario, then position in its file. *out: free with nv_free.
 * @return 0 or NETVET_ENOMEM. */
int nv_tl_events(const netvet_scenario *const *sc, size_t n,
                 nv_tl_event **out, size_t *n_out);

/* The days on which a listing that a pack of p selects high-risk vendors
 * by (high_risk.listings) starts (`date`) or stops (`until`) applying to
 * some vendor of reg, with repeats, into *out (free with nv_free).
 * @return 0 or NETVET_ENOMEM. */
int nv_tl_listing_days(const netvet_policy *p, const netvet_registry *reg,
                       int32_t **out, size_t *n_out);

/* The dates of a timeline, ascending and unique: `from` and every date in
 * (from, to] at which a rule starts (its effective date) or stops (the day
 * after its end), or a dated change applies, or that is one of
 * extra[0..n_extra) (listing days: they add points but never move the
 * default from and to). from/to < NV_TL_UNDATED + 1
 * (i.e. NV_TL_UNDATED) mean "not given": from defaults to the earliest of
 * the rule and change dates (`fallback` when there is none), to to the
 * latest (at least from). *days: free with nv_free.
 * @return 0, NETVET_EINVAL (from after to), NETVET_ENOMEM. */
int nv_tl_dates(const netvet_policy *p, const nv_tl_event *ev, size_t n_ev,
                const int32_t *extra, size_t n_extra, int32_t from,
                int32_t to, int32_t fallback, int32_t **days,
                size_t *n_days, netvet_diag *diag);

#endif
