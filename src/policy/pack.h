/* Policy internals shared by the pack loader (pack.c, rule_parse.c) and the
 * evaluator (evaluate.c, rule_kinds.c): the loaded packs and rules and the
 * per-evaluation context (YAML walking is util/yaml.h). The format
 * is documented in docs/policy-format.md. */
#ifndef NV_POLICY_PACK_H
#define NV_POLICY_PACK_H

#include <stddef.h>
#include <stdint.h>

#include <yaml.h>

#include "netvet/policy.h"
#include "policy/findings.h"
#include "analysis/view.h"
#include "util/text.h"
#include "util/yaml.h"

#define NV_PACK_MAX_BYTES (4u << 20) /* largest pack file */
#define NV_PACK_MAX_RULES 4096       /* rules per pack */
#define NV_MAX_VENDORS_LIMIT 1000000 /* largest max-vendors `max` */
#define NV_ALWAYS INT32_MIN          /* rule without an effective date */

typedef enum nv_per { NV_PER_DOMAIN = 0, NV_PER_VENDOR, NV_PER_ALL } nv_per;

#define NV_MEASURE_COUNT 1u
#define NV_MEASURE_WEIGHT 2u

typedef struct nv_pack {
    char *id, *title, *source; /* owned; title/source "" when absent */
    char *file;                /* name used in diagnostics (owned) */
    nv_strlist assumptions;
    nv_strlist listings;       /* high_risk.listings */
    nv_strlist vendors;        /* high_risk.vendors */
    nv_strlist countries;      /* high_risk.countries, upper case */
} nv_pack;

typedef struct nv_rule {
    char *id, *title, *source; /* owned */
    char *effective_text;      /* "" when the rule always applies */
    int32_t effective;         /* days since 1970-01-01, or NV_ALWAYS */
    netvet_rule_kind kind;
    netvet_severity severity;
    size_t pack;               /* index into netvet_policy.packs */
    unsigned long line;        /* line of the rule in its pack */
    int high_risk;             /* vendors: high-risk */
    nv_strlist vendors;        /* explicit vendor ids otherwise */
    uint32_t fn_mask;          /* bit per netvet_function; 0 = any */
    nv_strlist tags, sites, regions; /* n == 0: key absent */
    nv_per per;                /* share-cap */
    unsigned measures;         /* share-cap: NV_MEASURE_* bits */
    double max;                /* share-cap share, or max-vendors count */
} nv_rule;

struct netvet_policy {
    nv_pack *packs;
    size_t n_packs, packs_cap;
    nv_rule *rules;
    size_t n_rules, rules_cap;
};

void nv_strlist_dispose(nv_strlist *l);
void nv_rule_dispose(nv_rule *r);

/* ---- rules (rule_parse.c) ---- */

/* Parse one rule mapping into *out (zeroed by the caller). On failure the
 * diagnostic is set and *out holds whatever was parsed, for nv_rule_dispose. */
int nv_rule_parse(nv_rule *out, nv_yctx *y, yaml_node_t *map);
const char *nv_rule_kind_name(netvet_rule_kind kind);

/* ---- evaluation (evaluate.c, rule_kinds.c) ---- */

/* A rule's scope with its strings resolved to the inventory's ids. */
typedef struct nv_scope {
    uint32_t fn_mask;        /* 0 = any function */
    uint32_t *ids;           /* tags, then sites, then regions (owned) */
    size_t n_tags, n_sites, n_regions;
    int has_tags, has_sites, has_regions;
    int empty;               /* matches no element at all */
    char *desc;              /* "functions core, ran; tags sensitive" */
} nv_scope;

/* Everything one rule's evaluation needs; arrays are sized by the registry
 * (n_vendors) and the view (n_domains) and zeroed before each rule. */
typedef struct nv_eval {
    const netvet_policy *policy;
    const nv_view *view;
    const nv_rule *rule;
    nv_scope scope;
    size_t n_vendors;
    uint8_t *selected;      /* per registry vendor: chosen by the rule */
    const char *sel_word;   /* "high-risk" or "listed" */
    uint64_t *v_count;      /* per vendor: elements in scope */
    double *v_weight;
    uint32_t *by_id;        /* all registry vendors, sorted by id */
    uint32_t *order;        /* vendors in scope, sorted by id */
    size_t n_order;
    uint64_t *d_count;      /* per domain: elements in scope */
    double *d_weight;
    uint8_t *d_selected;    /* per domain: a selected vendor is in scope */
    uint64_t total_count;   /* elements in scope */
    double total_weight;
    nv_results *results;    /* measurements of every rule, or NULL */
    size_t rule_index;      /* index of `rule` in the policy */
} nv_eval;

/* Is counted element k inside the scope? */
int nv_scope_match_slow(const nv_scope *s, const nv_view *v, size_t k);

static inline int nv_scope_match(const nv_scope *s, const nv_view *v, size_t k)
{
    if (s->fn_mask) {
        unsigned fn = v->inv->function ? v->inv->function[k] : 31u;
        if (fn > 31u || !(s->fn_mask & (1u << fn)))
            return 0;
    }
    if (s->has_tags | s->has_sites | s->has_regions)
        return nv_scope_match_slow(s, v, k);
    return 1;
}

/* Vendor of element k if it is a registry vendor, else -1. */
static inline int32_t nv_eval_vendor(const nv_eval *e, size_t k)
{
    int32_t vd = e->view->vendor[k];
    return vd >= 0 && (size_t)vd < e->n_vendors ? vd : -1;
}
static inline int32_t nv_eval_domain(const nv_eval *e, size_t k)
{
    int32_t d = e->view->domain ? e->view->domain[k] : -1;
    return d >= 0 && (size_t)d < e->view->n_domains ? d : -1;
}
static inline double nv_eval_weight(const nv_eval *e, size_t k)
{
    return e->view->inv->weight ? e->view->inv->weight[k] : 0.0;
}

/* Append a finding for the current rule with the given subject, measure,
 * value, limit and message; takes ownership of `elements` (n of them) even
 * on failure. @return 0 or NETVET_ENOMEM. */
int nv_eval_emit(nv_eval *e, nv_findings *out, const char *subject,
                 const char *measure, double value, double limit,
                 const char *message, uint32_t *elements, size_t n);
int nv_rule_forbid(nv_eval *e, nv_findings *out);
int nv_rule_share_cap(nv_eval *e, nv_findings *out);
int nv_rule_max_vendors(nv_eval *e, nv_findings *out);
int nv_rule_exposure_cap(nv_eval *e, nv_findings *out);

#endif
