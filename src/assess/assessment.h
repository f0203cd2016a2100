/* SPDX-License-Identifier: Apache-2.0 */
/* The assessment's contents, read by the report writers. */
#ifndef NV_ASSESS_ASSESSMENT_H
#define NV_ASSESS_ASSESSMENT_H

#include "analysis/shares.h"
#include "analysis/view.h"
#include "graph/dominators.h"
#include "graph/exposure.h"
#include "netvet/assess.h"
#include "policy/policy.h"

/* One reason the assessment could not judge what it claims to
 * (assess/incomplete.c): a static code and its message (owned). */
typedef struct nv_incomplete {
    const char *code;
    char *message;
} nv_incomplete;

/* Rules evaluated on a graph thread as soon as what they read is ready,
 * into lists of their own (done), moved into the assessment's findings
 * and results once every thread is joined. */
typedef struct nv_rules_beside {
    nv_findings findings;
    nv_results results;
    int done;
} nv_rules_beside;

struct netvet_assessment {
    const netvet_policy *policy; /* borrowed */
    nv_view view;
    nv_shares shares;
    nv_findings findings; /* sorted: errors first */
    nv_results results;   /* every rule's measurements, in rule order */
    size_t n_unknown_elements; /* counted elements with an unknown vendor */
    double unknown_weight;     /* their weight */
    struct nv_input_copy {     /* attribution data, pattern and waiver */
        const char *kind;      /* files used (owned copies: the */
        char *path;            /* assessment may outlive the attributor */
        char sha256[65];       /* and the waivers) */
        char version[11];      /* "" none */
        unsigned long long bytes;
        int has_bytes;
    } *file_inputs;
    size_t n_file_inputs;
    nv_incomplete *incomplete; /* reasons it is incomplete (owned) */
    size_t n_incomplete;
    int attributed;            /* vendors come from evidence (attributor) */
    int riskier;               /* ... and the riskier of two readings */
    size_t n_attributed;       /* elements whose vendor the evidence changed */
    /* topology (has_topology = 0: no links file, or not asked) */
    int has_topology;
    char *sources_desc;        /* "functions core", "tags gateway" (owned) */
    nv_exposure exposure;
    nv_dominators dom;
    uint32_t *top;             /* top single points of failure (owned) */
    size_t n_top;
    double *spof_by_vendor;    /* per registry vendor (owned) */
    double *spof_by_domain;    /* per domain (owned) */
    /* the share-caps measured by customers served, on the dominators'
     * thread as soon as the tree is built; then the rules that read the
     * exposure, on the exposure's thread while the dominators' finishes */
    nv_rules_beside served, exposed;
};

/* Record why the assessment is incomplete (after the rules ran).
 * @return 0 or NETVET_ENOMEM. */
int nv_incomplete_compute(netvet_assessment *a,
                          const netvet_assess_options *opts);
void nv_incomplete_dispose(netvet_assessment *a);

#endif
