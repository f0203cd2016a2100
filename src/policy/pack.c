/* SPDX-License-Identifier: Apache-2.0 */
/* Policy packs: load YAML packs (built-in, file or buffer) into a policy,
 * checking every key and value and naming file:line for each problem. A pack
 * that fails leaves the policy unchanged. Rule bodies are parsed in
 * rule_parse.c; registry ids are only checked at evaluation (evaluate.c). */
#include "policy/pack.h"

#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "util/embed.h"
#include "util/alloc.h"
#include "util/sha256.h"
#include "util/diag.h"
#include "util/file.h"
#include "util/yaml.h"
#include "netvet/vendors.h"

/* ---- small owned types ---- */


void nv_rule_dispose(nv_rule *r)
{
    nv_free(r->id);
    nv_free(r->title);
    nv_free(r->source);
    nv_free(r->effective_text);
    nv_free(r->until_text);
    nv_strlist_dispose(&r->vendors);
    nv_strlist_dispose(&r->produced_outside);
    nv_strlist_dispose(&r->tags);
    nv_strlist_dispose(&r->sites);
    nv_strlist_dispose(&r->regions);
    memset(r, 0, sizeof(*r));
}

static void pack_dispose(nv_pack *p)
{
    nv_free(p->id);
    nv_free(p->title);
    nv_free(p->source);
    nv_free(p->file);
    nv_strlist_dispose(&p->assumptions);
    nv_strlist_dispose(&p->listings);
    nv_strlist_dispose(&p->vendors);
    nv_strlist_dispose(&p->countries);
    memset(p, 0, sizeof(*p));
}


/* ---- pack level ---- */

int nv_pack_parse_countries(nv_yctx *y, yaml_node_t *n, const char *key,
                            int name_key, nv_strlist *out)
{
    int err = nv_ylist(y, n, key, 1, out);
    for (size_t i = 0; !err && i < out->n; i++) {
        char *c = out->items[i];
        if (strlen(c) != 2 || !isalpha((unsigned char)c[0]) ||
            !isalpha((unsigned char)c[1])) {
            char q[64];
            nv_yquote(q, sizeof(q), c, strlen(c));
            return nv_diag_fail(y->diag, NETVET_EPARSE, y->file,
                                out->lines[i], 0,
                                "invalid country '%s'%s%s (expected an ISO "
                                "3166-1 alpha-2 code)",
                                q, name_key ? " in " : "",
                                name_key ? key : "");
        }
        c[0] = (char)toupper((unsigned char)c[0]);
        c[1] = (char)toupper((unsigned char)c[1]);
    }
    return err;
}

/* high_risk.deadline_months: a whole number of months, 1..600. */
static int parse_deadline_months(nv_yctx *y, yaml_node_t *n, nv_pack *pk)
{
    char *text = NULL, *end = NULL;
    int err = nv_ystr(y, n, "deadline_months", &text);
    if (err)
        return err;
    errno = 0;
    long m = strtol(text, &end, 10);
    int bad = errno || end == text || *end || m < 1 || m > 600;
    nv_free(text);
    if (bad)
        return nv_diag_fail(y->diag, NETVET_EPARSE, y->file, nv_yline(n), 0,
                            "deadline_months must be a whole number of "
                            "months from 1 to 600");
    pk->deadline_months = (int)m;
    return 0;
}

static int parse_high_risk(nv_yctx *y, yaml_node_t *n, nv_pack *pk)
{
    static const char *const keys[] = {"listings", "vendors", "countries",
                                       "deadline_months"};
    yaml_node_t *v[4];
    int err = nv_ymap(y, n, "high_risk", keys, 4, v);
    if (!err && v[0])
        err = nv_ylist(y, v[0], "listings", 1, &pk->listings);
    if (!err && v[1])
        err = nv_ylist(y, v[1], "vendors", 1, &pk->vendors);
    if (!err && v[2])
        err = nv_pack_parse_countries(y, v[2], "countries", 0,
                                      &pk->countries);
    if (!err && v[3])
        err = parse_deadline_months(y, v[3], pk);
    if (!err && pk->deadline_months && !pk->listings.n)
        return nv_diag_fail(y->diag, NETVET_EPARSE, y->file, nv_yline(v[3]),
                            0, "deadline_months counts from a listing: the "
                            "high_risk section needs listings");
    return err;
}

/* A string that may be written as a list: items joined with "; ". */
static int parse_joined(nv_yctx *y, yaml_node_t *n, const char *key,
                        char **out)
{
    if (n->type == YAML_SCALAR_NODE)
        return nv_ystr(y, n, key, out);
    nv_strlist l = {0};
    int err = nv_ylist(y, n, key, 1, &l);
    size_t len = 1;
    for (size_t i = 0; !err && i < l.n; i++)
        len += strlen(l.items[i]) + 2;
    if (!err && !(*out = nv_malloc(len)))
        err = nv_yoom(y);
    size_t o = 0;
    for (size_t i = 0; !err && i < l.n; i++) {
        size_t m = strlen(l.items[i]);
        if (i) {
            memcpy(*out + o, "; ", 2);
            o += 2;
        }
        memcpy(*out + o, l.items[i], m);
        o += m;
    }
    if (!err)
        (*out)[o] = '\0';
    nv_strlist_dispose(&l);
    return err;
}

enum { PK_PACK, PK_TITLE, PK_SOURCE, PK_ASSUME, PK_HR, PK_RULES,
       PK_THRESHOLD, PK_N };

/* ownership_threshold: a percentage, 0 < t <= 100. */
static int parse_threshold(nv_yctx *y, yaml_node_t *n, nv_pack *pk)
{
    char *s = NULL, *end = NULL;
    int err = nv_ystr(y, n, "ownership_threshold", &s);
    if (err < 0)
        return err;
    double t = strtod(s, &end);
    int ok = end != s && *end == '\0' && t > 0 && t <= 100 &&
             strspn(s, "0123456789.") == strlen(s);
    if (ok) {
        pk->ownership_threshold = t;
        pk->has_threshold = 1;
    } else {
        char q[64];
        nv_yquote(q, sizeof(q), s, strlen(s));
        err = nv_diag_fail(y->diag, NETVET_EPARSE, y->file, nv_yline(n), 0,
                           "ownership_threshold '%s' must be a percentage "
                           "above 0 and at most 100", q);
    }
    nv_free(s);
    return err;
}

static int parse_rules(nv_yctx *y, yaml_node_t *n, nv_rule **rules_out,
                       size_t *n_out)
{
    if (n->type != YAML_SEQUENCE_NODE)
        return nv_diag_fail(y->diag, NETVET_EPARSE, y->file, nv_yline(n), 0,
                            "'rules' must be a list");
    size_t count =
        (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
    if (count > NV_PACK_MAX_RULES)
        return nv_diag_fail(y->diag, NETVET_ELIMIT, y->file, nv_yline(n), 0,
                            "more than %d rules", NV_PACK_MAX_RULES);
    nv_rule *rules = nv_calloc(count, sizeof(*rules));
    if (!rules)
        return nv_yoom(y);
    *rules_out = rules;
    for (size_t i = 0; i < count; i++) {
        yaml_node_t *it =
            yaml_document_get_node(y->doc, n->data.sequence.items.start[i]);
        *n_out = i + 1;
        int err = it ? nv_rule_parse(&rules[i], y, it) : NETVET_EPARSE;
        if (err < 0)
            return err;
    }
    return 0;
}

/* Is `id` the id of a pack built into the library? */
static int builtin_id(const char *id)
{
    for (const nv_builtin_pack *b = nv_builtin_packs; b->name; b++)
        if (!strcmp(b->name, id))
            return 1;
    return 0;
}

/* A user pack that takes a built-in pack's id would stand in for it in
 * every report: refused. */
static int check_id(nv_yctx *y, const netvet_policy *pol,
                    const yaml_node_t *n, const char *id)
{
    if (pol->loading_builtin || !builtin_id(id))
        return 0;
    return nv_diag_fail(y->diag, NETVET_EPARSE, y->file, nv_yline(n), 0,
                        "pack id '%s' is the id of a built-in pack: give "
                        "your pack another id", id);
}

static int parse_pack(nv_yctx *y, yaml_node_t *root, nv_pack *pk,
                      nv_rule **rules, size_t *n_rules,
                      const netvet_policy *pol)
{
    static const char *const keys[PK_N] = {
        "pack",      "title", "source",             "assumptions",
        "high_risk", "rules", "ownership_threshold"};
    yaml_node_t *v[PK_N];
    int err = nv_ymap(y, root, "pack", keys, PK_N, v);
    if (err < 0)
        return err;
    if (!v[PK_PACK])
        return nv_diag_fail(y->diag, NETVET_EPARSE, y->file, nv_yline(root),
                            0, "pack has no 'pack' id");
    if (!v[PK_RULES])
        return nv_diag_fail(y->diag, NETVET_EPARSE, y->file, nv_yline(root),
                            0, "pack has no 'rules'");
    err = nv_yid(y, v[PK_PACK], "pack id", &pk->id);
    if (!err)
        err = check_id(y, pol, v[PK_PACK], pk->id);
    if (!err)
        err = v[PK_TITLE] ? nv_ystr(y, v[PK_TITLE], "title", &pk->title)
                          : ((pk->title = nv_strdup("")) ? 0 : nv_yoom(y));
    if (!err)
        err = v[PK_SOURCE] ? parse_joined(y, v[PK_SOURCE], "source",
                                          &pk->source)
                           : ((pk->source = nv_strdup("")) ? 0 : nv_yoom(y));
    if (!err && v[PK_ASSUME])
        err = nv_ylist(y, v[PK_ASSUME], "assumptions", 1, &pk->assumptions);
    if (!err && v[PK_HR])
        err = parse_high_risk(y, v[PK_HR], pk);
    pk->ownership_threshold = NETVET_OWNERSHIP_THRESHOLD;
    if (!err && v[PK_THRESHOLD])
        err = parse_threshold(y, v[PK_THRESHOLD], pk);
    if (!err)
        err = parse_rules(y, v[PK_RULES], rules, n_rules);
    return err;
}

/* Rules that select high-risk vendors need a high_risk definition; rule ids
 * must be unique across every loaded pack; pack ids too. */
static int check_pack(nv_yctx *y, const netvet_policy *pol,
                      const nv_pack *pk, const nv_rule *rules, size_t n)
{
    int no_hr = !pk->listings.n && !pk->vendors.n && !pk->countries.n;
    for (size_t i = 0; i < pol->n_packs; i++)
        if (!strcmp(pol->packs[i].id, pk->id))
            return nv_diag_fail(y->diag, NETVET_EPARSE, y->file, 1, 0,
                                "pack '%s' is already loaded", pk->id);
    for (size_t i = 0; i < n; i++) {
        for (size_t j = 0; j < i; j++)
            if (!strcmp(rules[j].id, rules[i].id))
                return nv_diag_fail(y->diag, NETVET_EPARSE, y->file,
                                    rules[i].line, 0,
                                    "duplicate rule id '%s' (first at line "
                                    "%lu)",
                                    rules[i].id, rules[j].line);
        for (size_t j = 0; j < pol->n_rules; j++)
            if (!strcmp(pol->rules[j].id, rules[i].id))
                return nv_diag_fail(
                    y->diag, NETVET_EPARSE, y->file, rules[i].line, 0,
                    "duplicate rule id '%s' (already in pack '%s')",
                    rules[i].id, pol->packs[pol->rules[j].pack].id);
    }
    for (size_t i = 0; i < n; i++)
        if (rules[i].high_risk && no_hr)
            return nv_diag_fail(y->diag, NETVET_EPARSE, y->file,
                                rules[i].line, 0,
                                "rule '%s' selects high-risk vendors but the "
                                "pack has no 'high_risk' vendors",
                                rules[i].id);
    return 0;
}

static int commit(netvet_policy *pol, nv_pack *pk, nv_rule *rules, size_t n)
{
    if (NV_GROW(pol->packs, pol->packs_cap, pol->n_packs + 1) < 0 ||
        NV_GROW(pol->rules, pol->rules_cap, pol->n_rules + n) < 0)
        return NETVET_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        rules[i].pack = pol->n_packs;
        pol->rules[pol->n_rules++] = rules[i];
        memset(&rules[i], 0, sizeof(rules[i]));
    }
    pol->packs[pol->n_packs++] = *pk;
    memset(pk, 0, sizeof(*pk));
    return 0;
}

static int load_document(netvet_policy *pol, yaml_document_t *doc,
                         const char *name, const char *sha256,
                         netvet_diag *diag)
{
    nv_yctx y = {doc, name, diag};
    yaml_node_t *root = yaml_document_get_root_node(doc);
    if (!root)
        return nv_diag_fail(diag, NETVET_EPARSE, name, 1, 0, "empty pack");
    nv_pack pk = {0};
    nv_rule *rules = NULL;
    size_t n = 0;
    int err = parse_pack(&y, root, &pk, &rules, &n, pol);
    if (!err)
        err = check_pack(&y, pol, &pk, rules, n);
    if (!err && !(pk.file = nv_strdup(name)))
        err = nv_yoom(&y);
    memcpy(pk.sha256, sha256, sizeof(pk.sha256));
    if (!err && commit(pol, &pk, rules, n) < 0)
        err = nv_yoom(&y);
    for (size_t i = 0; i < n; i++)
        nv_rule_dispose(&rules[i]);
    nv_free(rules);
    pack_dispose(&pk);
    return err;
}

int netvet_policy_add_buffer(netvet_policy *policy, const char *buf,
                             size_t len, const char *name, netvet_diag *diag)
{
    if (!policy || (!buf && len))
        return NETVET_EINVAL;
    if (!name)
        name = "<buffer>";
    if (len > NV_PACK_MAX_BYTES)
        return nv_diag_fail(diag, NETVET_ELIMIT, name, 0, 0,
                            "pack is larger than %u bytes",
                            (unsigned)NV_PACK_MAX_BYTES);
    yaml_document_t doc;
    int err = nv_yaml_load_one(&doc, buf, len, name, "a pack",
                               NV_YAML_MAX_DEPTH, diag);
    if (err < 0)
        return err;
    char sha256[NV_SHA256_HEX];
    if (nv_sha256_hex(buf, len, sha256) < 0) {
        yaml_document_delete(&doc);
        return nv_diag_fail(diag, NETVET_ENOMEM, name, 0, 0, "out of memory");
    }
    err = load_document(policy, &doc, name, sha256, diag);
    yaml_document_delete(&doc);
    return err;
}

/* ---- files, built-ins, the policy object ---- */

static int add_buffer(void *policy, char *buf, size_t len,
                      const char *name, netvet_diag *diag)
{
    return netvet_policy_add_buffer(policy, buf, len, name, diag);
}

int netvet_policy_add_file(netvet_policy *policy, const char *path,
                           netvet_diag *diag)
{
    if (!policy || !path)
        return NETVET_EINVAL;
    return nv_load_file(path, NV_PACK_MAX_BYTES, add_buffer, policy, diag);
}

int netvet_policy_add_builtin(netvet_policy *policy, const char *pack_id,
                              netvet_diag *diag)
{
    if (!policy || !pack_id)
        return NETVET_EINVAL;
    for (const nv_builtin_pack *b = nv_builtin_packs; b->name; b++) {
        if (strcmp(b->name, pack_id))
            continue;
        char name[256];
        snprintf(name, sizeof(name), "data/policies/%s.yaml", b->name);
        size_t before = policy->n_packs;
        policy->loading_builtin = 1;
        int rc = netvet_policy_add_buffer(policy, (const char *)b->data,
                                          *b->len, name, diag);
        policy->loading_builtin = 0;
        for (size_t i = before; rc == 0 && i < policy->n_packs; i++)
            policy->packs[i].builtin = 1;
        return rc;
    }
    return nv_diag_fail(diag, NETVET_ENOTFOUND, NULL, 0, 0,
                        "no built-in policy pack '%s'", pack_id);
}

#define NV_MAX_BUILTIN 64 /* more built-in packs than this are not listed */
static const char *builtin_ids[NV_MAX_BUILTIN + 1];
static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;

static void fill_builtin_ids(void)
{
    size_t n = 0;
    for (const nv_builtin_pack *b = nv_builtin_packs;
         b->name && n < NV_MAX_BUILTIN; b++)
        builtin_ids[n++] = b->name;
    builtin_ids[n] = NULL;
}

const char *const *netvet_policy_builtin_ids(void)
{
    pthread_once(&builtin_once, fill_builtin_ids);
    return builtin_ids;
}

int netvet_policy_new(netvet_policy **out)
{
    if (!out)
        return NETVET_EINVAL;
    *out = nv_calloc(1, sizeof(**out));
    return *out ? NETVET_OK : NETVET_ENOMEM;
}

void netvet_policy_free(netvet_policy *policy)
{
    if (!policy)
        return;
    for (size_t i = 0; i < policy->n_rules; i++)
        nv_rule_dispose(&policy->rules[i]);
    for (size_t i = 0; i < policy->n_packs; i++)
        pack_dispose(&policy->packs[i]);
    nv_free(policy->rules);
    nv_free(policy->packs);
    nv_free(policy);
}

size_t netvet_policy_input_count(const netvet_policy *policy)
{
    size_t n = 0;
    for (size_t i = 0; policy && i < policy->n_packs; i++)
        n += !policy->packs[i].builtin;
    return n;
}

netvet_input netvet_policy_input(const netvet_policy *policy, size_t i)
{
    netvet_input in = NETVET_INPUT_NONE;
    for (size_t k = 0; policy && k < policy->n_packs; k++) {
        const nv_pack *pk = &policy->packs[k];
        if (pk->builtin || i--)
            continue;
        in.kind = "pack";
        in.path = pk->file;
        in.sha256 = pk->sha256;
        break;
    }
    return in;
}

size_t netvet_policy_rule_count(const netvet_policy *policy)
{
    return policy ? policy->n_rules : 0;
}

netvet_rule_info netvet_policy_rule(const netvet_policy *policy, size_t i)
{
    netvet_rule_info info = {"", "", "", NETVET_RULE_FORBID,
                             NETVET_SEV_ERROR, "", "", ""};
    if (!policy || i >= policy->n_rules)
        return info;
    const nv_rule *r = &policy->rules[i];
    info.id = r->id;
    info.pack = policy->packs[r->pack].id;
    info.title = r->title;
    info.kind = r->kind;
    info.severity = r->severity;
    info.source = r->source;
    info.effective = r->effective_text;
    info.until = r->until_text;
    return info;
}

/* ---- packs, read-only ---- */

size_t netvet_policy_pack_count(const netvet_policy *policy)
{
    return policy ? policy->n_packs : 0;
}

netvet_pack_info netvet_policy_pack(const netvet_policy *policy, size_t i)
{
    netvet_pack_info info;
    memset(&info, 0, sizeof(info));
    if (!policy || i >= policy->n_packs)
        return info;
    const nv_pack *pk = &policy->packs[i];
    info.id = pk->id;
    info.title = pk->title;
    info.source = pk->source;
    info.file = pk->file;
    info.builtin = pk->builtin;
    info.ownership_threshold = pk->ownership_threshold;
    info.n_assumptions = pk->assumptions.n;
    info.assumptions = (const char *const *)pk->assumptions.items;
    info.n_listings = pk->listings.n;
    info.listings = (const char *const *)pk->listings.items;
    info.n_vendors = pk->vendors.n;
    info.vendors = (const char *const *)pk->vendors.items;
    info.n_countries = pk->countries.n;
    info.countries = (const char *const *)pk->countries.items;
    info.deadline_months = pk->deadline_months;
    return info;
}

double netvet_policy_ownership_threshold(const netvet_policy *policy)
{
    if (!policy || policy->n_packs == 0)
        return NETVET_OWNERSHIP_THRESHOLD;
    double t = policy->packs[0].ownership_threshold;
    for (size_t i = 1; i < policy->n_packs; i++)
        if (policy->packs[i].ownership_threshold < t)
            t = policy->packs[i].ownership_threshold;
    return t;
}
