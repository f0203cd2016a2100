/* SPDX-License-Identifier: Apache-2.0 */
/* The analysed network: each element's resolved vendor and risk domains, and
 * whether it counts as of the assessment date. Built by assess.c from an
 * inventory and a registry; read by shares, policy evaluation and reports.
 *
 * A risk domain is a state (an ISO country code). A vendor belongs to every
 * state that can compel it on the as-of date (netvet_registry_jurisdictions:
 * its country and those of owners holding at least the ownership
 * threshold), so it may sit in several domains. Elements do not carry
 * their domains one by one: each carries a domain-set key, an index into a
 * small table of the distinct sets (CSR: set s has the domains
 * dset_dom[dset_off[s] .. dset_off[s + 1]), ascending). A network whose
 * vendors each have one country has one singleton set per domain, with
 * set index = domain index, and costs what a single domain column did.
 * The set is that of the registry entry the element's name (or evidence)
 * resolved to, while the vendor it counts as is that entry's root
 * (vendor[k]): a Nokia Shanghai Bell element counts as vendor nokia (its
 * `parent:`) and in the domains of Nokia Shanghai Bell's jurisdictions,
 * CN and FI. vendor_dset[i] is entry i's set. */
#ifndef NV_ANALYSIS_VIEW_H
#define NV_ANALYSIS_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "graph/input.h"
#include "inventory/inv.h"
#include "netvet/vendors.h"

struct nv_exposure;   /* graph/exposure.h */
struct nv_dominators; /* graph/dominators.h */

/* Wall seconds of the analysis steps, for `netvet assess --timings`:
 * view by nv_view_build, the rest by the topology step (0 when skipped).
 * exposure runs beside dominators + spof when threads = 2; graph is the
 * wall time of the three together, topology that of the whole step.
 * rules: unknown vendors and the rules that need no exposure (beside the
 * topology); exposure_rules: those that read it (after). fold: folding
 * the graph's leaves (graph/fold.h), which leaves `core` of `vertices`. */
typedef struct nv_step_times {
    double view, csr, fold, exposure, dominators, graph, spof, topology;
    double rules, exposure_rules;
    int threads;
    size_t core, vertices;
} nv_step_times;

/* A view's passes over the elements (vendors, tag bits) run in two halves
 * side by side from this many elements on. */
#define NV_VIEW_HALVES_FROM 65536

/* Tags that can have a bit in nv_view.tag_bits. */
#define NV_VIEW_TAG_BITS 8

typedef struct nv_view {
    const netvet_inventory *inv;
    const netvet_registry *reg;
    int32_t as_of;         /* days since 1970-01-01 */
    size_t n;              /* = inv->n */
    uint8_t *counted;      /* per element: 1 if it exists as of as_of */
    int32_t *vendor;       /* per element: registry root vendor, -1 unknown */
    int32_t *dset;         /* per element: domain-set key, -1 unknown
                            * vendor; = vendor_dset[entry resolved] */
    int32_t *alt_vendor;   /* per element: the other reading (registry root)
                            * when the declared and the evidence vendor
                            * disagree, -1 when there is none; NULL when no
                            * element has one (set by attribution) */
    uint32_t *lookalike;   /* declared-name string ids that resolved only by
                            * Unicode folding or a confusable skeleton
                            * (vendors/names.h), ascending; NULL if none */
    size_t n_lookalike;
    double threshold;      /* ownership threshold (percent) the domains
                            * were built with */
    size_t n_domains;
    char **domain_country; /* per domain: ISO country code (owned) */
    size_t n_dsets;        /* distinct domain sets */
    uint32_t *dset_off;    /* n_dsets + 1 offsets into dset_dom */
    int32_t *dset_dom;     /* the sets' domains, each set ascending */
    char **dset_label;     /* per set: its countries joined by '+' in
                            * domain order ("CN+FI"; "" for none) (owned) */
    int multi_domain;      /* some vendor's set has two domains or more */
    int32_t *vendor_dset;  /* per registry vendor: its domain set */
    size_t n_counted;      /* elements with counted = 1 */
    double total_weight;   /* weight of counted elements */
    uint8_t *tag_bits;     /* per element: bit i when it carries tag
                            * tag_bit_id[i] (nv_view_tag_bits), or NULL */
    uint32_t tag_bit_id[NV_VIEW_TAG_BITS];
    size_t n_tag_bits;
    const struct nv_exposure *exposure; /* dependent weights, or NULL when
                                         * the topology was not analysed */
    const struct nv_dominators *dom;    /* dominator tree from the sources
                                         * (share-cap served), or NULL */
    nv_step_times times;
} nv_view;

/* Build the view: resolve each element's declared vendor (once per distinct
 * name) to its root vendor, put each root vendor in the domains of its
 * jurisdictions as of `as_of` with ownership `threshold` (percent;
 * NETVET_OWNERSHIP_THRESHOLD unless a policy sets another), and mark
 * elements that exist as of `as_of` (not decommissioned; planned ones
 * only once their installed date has come). Domains are numbered in order
 * of first appearance of the vendors' registry countries (registry
 * order), then of the other countries of their jurisdictions.
 * @return 0 or NETVET_ENOMEM. */
int nv_view_build(nv_view *view, const netvet_inventory *inv,
                  const netvet_registry *reg, int32_t as_of,
                  double threshold);

/* Give the tags ids[0..n) (string ids; the first NV_VIEW_TAG_BITS) a bit
 * each in view->tag_bits, so a rule's tag test reads a byte per element,
 * not the element's tag list (analysis/tagbits.c). @return 0 or
 * NETVET_ENOMEM. */
int nv_view_tag_bits(nv_view *view, const uint32_t *ids, size_t n);
/* The bits of the tags ids[0..n), or 0 when one of them has none (the
 * tag lists must be read). */
unsigned nv_view_tag_mask(const nv_view *view, const uint32_t *ids, size_t n);
void nv_view_dispose(nv_view *view);

/* Put registry vendor `vendor` in exactly the domains of the n country
 * codes (any order, repeats ignored; new countries become new domains)
 * instead of its registry jurisdictions, and re-key the elements that
 * count as it (vendor[k] == vendor, its subsidiaries' too). For tests and
 * for callers that know an ownership the registry does not.
 * @return 0, NETVET_EINVAL (vendor out of range) or NETVET_ENOMEM. */
int nv_view_set_jurisdictions(nv_view *view, size_t vendor,
                              const char *const *codes, size_t n);

/* The domains of set s (ascending): *dom gets them, the result is how
 * many (0 for s < 0: unknown vendor). */
static inline size_t nv_view_domains(const nv_view *v, int32_t s,
                                     const int32_t **dom)
{
    if (s < 0 || (size_t)s >= v->n_dsets) {
        *dom = NULL;
        return 0;
    }
    *dom = v->dset_dom + v->dset_off[s];
    return v->dset_off[s + 1] - v->dset_off[s];
}

/* Is domain d in set s? */
static inline int nv_view_in_domain(const nv_view *v, int32_t s, int32_t d)
{
    const int32_t *dom;
    size_t n = nv_view_domains(v, s, &dom);
    for (size_t i = 0; i < n; i++)
        if (dom[i] == d)
            return 1;
    return 0;
}

/* Point *in at the view's columns (no copy) for the graph kernels:
 * vendor keys are registry root vendors, domain-set keys and the set
 * table the view's. */
void nv_view_graph_input(nv_graph_input *in, const nv_view *view);

#endif
