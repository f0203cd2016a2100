/* SPDX-License-Identifier: Apache-2.0 */
/* One rule of a policy pack: id, kind, severity, vendor selection, scope
 * (functions, tags, sites, regions, installed dates, status), the dates it
 * is in force (from/effective, until), source, and the kind's own keys
 * (per, measure, max), each checked with file:line diagnostics. The pack around it is in pack.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "policy/pack.h"
#include "policy/rule_kind.h"
#include "util/alloc.h"
#include "util/diag.h"

/* nv_parse_date lives with the inventory's dates (src/inventory/date.c). */
#include "inventory/inv.h"

enum {
    RK_ID, RK_KIND, RK_TITLE, RK_SEVERITY, RK_VENDORS, RK_SCOPE,
    RK_EFFECTIVE, RK_SOURCE, RK_PER, RK_MEASURE, RK_MAX, RK_FROM, RK_UNTIL,
    RK_N
};
static const char *const rule_keys[RK_N] = {
    "id",     "kind",      "title",  "severity", "vendors", "scope",
    "effective", "source", "per",    "measure",  "max",     "from",
    "until"};

#define FAIL(n, ...)                                                        \
    nv_diag_fail(y->diag, NETVET_EPARSE, y->file, nv_yline(n), 0,           \
                 __VA_ARGS__)

/* Index of scalar n's text in names[0..count), or -1; q gets it quoted. */
static int pick(const yaml_node_t *n, const char *const *names, int count,
                char *q, size_t qsize)
{
    const char *s = (const char *)n->data.scalar.value;
    size_t len = n->data.scalar.length;
    nv_yquote(q, qsize, s, len);
    for (int i = 0; i < count; i++)
        if (strlen(names[i]) == len && !memcmp(names[i], s, len))
            return i;
    return -1;
}

static int need_scalar(nv_yctx *y, yaml_node_t *n, const char *key)
{
    if (n->type == YAML_SCALAR_NODE)
        return 0;
    return FAIL(n, "'%s' must be a string", key);
}

static int parse_kind(nv_yctx *y, yaml_node_t *n, nv_rule *r)
{
    char q[64];
    int err = need_scalar(y, n, "kind");
    if (err < 0)
        return err;
    const char *s = (const char *)n->data.scalar.value;
    size_t len = n->data.scalar.length;
    if (nv_rule_kind_find(s, len, &r->kind) == 0)
        return 0;
    nv_yquote(q, sizeof(q), s, len);
    return FAIL(n, "unknown rule kind '%s'", q);
}

static int parse_severity(nv_yctx *y, yaml_node_t *n, nv_rule *r)
{
    static const char *const names[] = {"note", "warning", "error"};
    char q[64];
    int err = need_scalar(y, n, "severity");
    if (err < 0)
        return err;
    int k = pick(n, names, 3, q, sizeof(q));
    if (k < 0)
        return FAIL(n, "unknown severity '%s' (expected error, warning or "
                       "note)", q);
    r->severity = (netvet_severity)k;
    return 0;
}

/* vendors: {produced_outside: [US, ...]}: ISO 3166-1 alpha-2 codes,
 * upper-cased. */
static int parse_produced_outside(nv_yctx *y, yaml_node_t *n, nv_rule *r)
{
    static const char *const keys[] = {"produced_outside"};
    yaml_node_t *v[1];
    int err = nv_ymap(y, n, "vendors", keys, 1, v);
    if (!err && !v[0])
        return FAIL(n, "vendors: a mapping must have produced_outside (a "
                       "list of country codes)");
    if (!err)
        err = nv_pack_parse_countries(y, v[0], "produced_outside", 1,
                                      &r->produced_outside);
    return err;
}

static int parse_vendors(nv_yctx *y, yaml_node_t *n, nv_rule *r)
{
    if (n->type == YAML_MAPPING_NODE) {
        r->high_risk = 0;
        return parse_produced_outside(y, n, r);
    }
    if (n->type == YAML_SCALAR_NODE && n->data.scalar.length == 9 &&
        !memcmp(n->data.scalar.value, "high-risk", 9)) {
        r->high_risk = 1;
        return 0;
    }
    r->high_risk = 0;
    int err = nv_ylist(y, n, "vendors", 0, &r->vendors);
    for (size_t i = 0; !err && i < r->vendors.n; i++)
        if (!strcmp(r->vendors.items[i], "high-risk"))
            return nv_diag_fail(y->diag, NETVET_EPARSE, y->file,
                                r->vendors.lines[i], 0,
                                "'high-risk' must stand alone, not in a "
                                "list of vendor ids");
    return err;
}

static int parse_functions(nv_yctx *y, yaml_node_t *n, nv_rule *r)
{
    nv_strlist l = {0};
    int err = nv_ylist(y, n, "functions", 0, &l);
    for (size_t i = 0; !err && i < l.n; i++) {
        netvet_function fn;
        if (netvet_function_parse(&fn, l.items[i], strlen(l.items[i])) < 0 ||
            (unsigned)fn >= NETVET_FN_COUNT) {
            char q[64];
            nv_yquote(q, sizeof(q), l.items[i], strlen(l.items[i]));
            err = nv_diag_fail(y->diag, NETVET_EPARSE, y->file, l.lines[i],
                               0, "unknown function '%s'", q);
        } else {
            r->fn_mask |= 1u << fn;
        }
    }
    nv_strlist_dispose(&l);
    return err;
}

/* A YYYY-MM-DD scalar of key `key` into *day (and *text when not NULL). */
static int parse_day(nv_yctx *y, yaml_node_t *n, const char *key,
                     int32_t *day, char **text)
{
    char *s = NULL;
    int err = nv_ystr(y, n, key, &s);
    if (err < 0)
        return err;
    if (nv_parse_date(s, strlen(s), day) < 0) {
        char q[64];
        nv_yquote(q, sizeof(q), s, strlen(s));
        nv_free(s);
        return FAIL(n, "bad %s date '%s' (expected YYYY-MM-DD)", key, q);
    }
    if (text) {
        nv_free(*text);
        *text = s;
    } else {
        nv_free(s);
    }
    return 0;
}

static int parse_status(nv_yctx *y, yaml_node_t *n, nv_rule *r)
{
    static const char *const names[] = {"active", "planned",
                                        "decommissioned"};
    nv_strlist l = {0};
    int err = nv_ylist(y, n, "status", 0, &l);
    for (size_t i = 0; !err && i < l.n; i++) {
        int k = 0;
        while (k < 3 && strcmp(names[k], l.items[i]))
            k++;
        if (k < 3) {
            r->status_mask |= (uint8_t)(1u << k);
            continue;
        }
        char q[64];
        nv_yquote(q, sizeof(q), l.items[i], strlen(l.items[i]));
        err = nv_diag_fail(y->diag, NETVET_EPARSE, y->file, l.lines[i], 0,
                           "unknown status '%s' (expected active, planned "
                           "or decommissioned)", q);
    }
    nv_strlist_dispose(&l);
    return err;
}

/* The element-date and status keys of a scope (v[4..6]). */
static int parse_scope_dates(nv_yctx *y, yaml_node_t **v, nv_rule *r)
{
    int err = 0;
    if (v[4])
        err = parse_day(y, v[4], "installed_after", &r->installed_after,
                        NULL);
    if (!err && v[5])
        err = parse_day(y, v[5], "installed_before", &r->installed_before,
                        NULL);
    if (!err && v[6])
        err = parse_status(y, v[6], r);
    if (!err && v[4] && v[5] && r->installed_before - r->installed_after <= 1)
        err = FAIL(v[5], "installed_before must be later than "
                         "installed_after (no day is strictly between)");
    return err;
}

static int parse_scope(nv_yctx *y, yaml_node_t *n, nv_rule *r)
{
    static const char *const keys[] = {
        "functions",       "tags",             "sites", "regions",
        "installed_after", "installed_before", "status"};
    yaml_node_t *v[7];
    int err = nv_ymap(y, n, "scope", keys, 7, v);
    if (!err && v[0])
        err = parse_functions(y, v[0], r);
    if (!err && v[1])
        err = nv_ylist(y, v[1], "tags", 0, &r->tags);
    if (!err && v[2])
        err = nv_ylist(y, v[2], "sites", 0, &r->sites);
    if (!err && v[3])
        err = nv_ylist(y, v[3], "regions", 0, &r->regions);
    if (!err)
        err = parse_scope_dates(y, v, r);
    return err;
}

/* from (or its alias effective) and until: the days the rule is in force. */
static int parse_dates(nv_yctx *y, yaml_node_t **v, nv_rule *r)
{
    int err = 0;
    if (v[RK_FROM] && v[RK_EFFECTIVE])
        return FAIL(v[RK_FROM], "rule '%s' has both 'from' and 'effective' "
                                "(the same key; give one)", r->id);
    yaml_node_t *from = v[RK_FROM] ? v[RK_FROM] : v[RK_EFFECTIVE];
    if (from)
        err = parse_day(y, from, v[RK_FROM] ? "from" : "effective",
                        &r->effective, &r->effective_text);
    if (!err && v[RK_UNTIL])
        err = parse_day(y, v[RK_UNTIL], "until", &r->until, &r->until_text);
    if (!err && from && v[RK_UNTIL] && r->until < r->effective)
        err = FAIL(v[RK_UNTIL], "rule '%s' is in force until %s, before "
                                "it starts (%s)", r->id, r->until_text,
                                r->effective_text);
    return err;
}

static int parse_per(nv_yctx *y, yaml_node_t *n, nv_rule *r)
{
    static const char *const names[] = {"domain", "vendor", "all"};
    char q[64];
    int err = need_scalar(y, n, "per");
    if (err < 0)
        return err;
    int k = pick(n, names, 3, q, sizeof(q));
    if (k < 0)
        return FAIL(n, "unknown per '%s' (expected domain, vendor or all)",
                    q);
    r->per = (nv_per)k;
    return 0;
}

static int parse_measure(nv_yctx *y, yaml_node_t *n, nv_rule *r)
{
    nv_strlist l = {0};
    int err = nv_ylist(y, n, "measure", 0, &l);
    r->measures = 0;
    for (size_t i = 0; !err && i < l.n; i++) {
        if (!strcmp(l.items[i], "count")) {
            r->measures |= NV_MEASURE_COUNT;
        } else if (!strcmp(l.items[i], "weight")) {
            r->measures |= NV_MEASURE_WEIGHT;
        } else if (!strcmp(l.items[i], "served")) {
            r->measures |= NV_MEASURE_SERVED;
        } else if (!strcmp(l.items[i], "sites")) {
            r->measures |= NV_MEASURE_SITES;
        } else {
            char q[64];
            nv_yquote(q, sizeof(q), l.items[i], strlen(l.items[i]));
            err = nv_diag_fail(y->diag, NETVET_EPARSE, y->file, l.lines[i],
                               0,
                               "unknown measure '%s' (expected count, "
                               "weight, served or sites)",
                               q);
        }
    }
    nv_strlist_dispose(&l);
    return err;
}

/* A plain decimal number: digits, '.', sign, exponent; finite. */
static int parse_number(const yaml_node_t *n, double *out, char *q,
                        size_t qsize)
{
    const char *s = (const char *)n->data.scalar.value;
    size_t len = n->data.scalar.length;
    nv_yquote(q, qsize, s, len);
    if (len == 0 || len > 32 || strspn(s, "0123456789.eE+-") != len)
        return -1;
    char buf[33];
    memcpy(buf, s, len);
    buf[len] = '\0';
    char *end;
    *out = strtod(buf, &end);
    return *end == '\0' && isfinite(*out) ? 0 : -1;
}

static int parse_max(nv_yctx *y, yaml_node_t *n, nv_rule *r)
{
    char q[64];
    int err = need_scalar(y, n, "max");
    if (err < 0)
        return err;
    if (parse_number(n, &r->max, q, sizeof(q)) < 0)
        return FAIL(n, "'max' must be a number, not '%s'", q);
    if (r->max == 0)
        r->max = 0; /* -0 would print as "-0" */
    const nv_rule_kind_ops *kind = nv_rule_kind(r->kind);
    if ((kind->flags & NV_KIND_MAX_SHARE) && (r->max < 0 || r->max > 1))
        return FAIL(n, "%s max %s is outside [0, 1]", kind->name, q);
    if ((kind->flags & NV_KIND_MAX_COUNT) &&
        (r->max < 0 || r->max > NV_MAX_VENDORS_LIMIT ||
         r->max != floor(r->max)))
        return FAIL(n, "%s max %s must be a whole number from 0 to %d",
                    kind->name, q, NV_MAX_VENDORS_LIMIT);
    return 0;
}

/* Keys that only some kinds take (the kind's flags say which); `max` is
 * required where it applies. */
static int check_kind_keys(nv_yctx *y, yaml_node_t *map, yaml_node_t **v,
                           nv_rule *r)
{
    static const struct {
        int key;
        unsigned flag;
    } optional[] = {{RK_PER, NV_KIND_TAKES_PER},
                    {RK_MEASURE, NV_KIND_TAKES_MEASURE},
                    {RK_MAX, NV_KIND_TAKES_MAX}};
    const nv_rule_kind_ops *kind = nv_rule_kind(r->kind);
    for (size_t i = 0; i < 3; i++) {
        yaml_node_t *n = v[optional[i].key];
        if (n && !(kind->flags & optional[i].flag))
            return FAIL(n, "'%s' does not apply to a %s rule",
                        rule_keys[optional[i].key], kind->name);
    }
    if (!v[RK_MAX] && (kind->flags & NV_KIND_TAKES_MAX))
        return FAIL(map, "rule '%s' has no 'max'", r->id);
    return 0;
}

/* The kind's own check of key `key` (node n), if it has one. */
static int kind_check(nv_yctx *y, yaml_node_t *n, nv_rule_key key,
                      const nv_rule *r)
{
    const nv_rule_kind_ops *kind = nv_rule_kind(r->kind);
    return kind->check ? kind->check(y, n, key, r) : 0;
}

static int set_defaults(nv_yctx *y, nv_rule *r)
{
    r->severity = NETVET_SEV_ERROR;
    r->effective = NV_ALWAYS;
    r->until = NV_NEVER;
    r->installed_after = NV_ALWAYS;
    r->installed_before = NV_NEVER;
    r->high_risk = 1;
    r->per = NV_PER_DOMAIN;
    r->measures = NV_MEASURE_COUNT | NV_MEASURE_WEIGHT;
    r->effective_text = nv_strdup("");
    r->until_text = nv_strdup("");
    return r->effective_text && r->until_text ? 0 : nv_yoom(y);
}

static int parse_body(nv_yctx *y, yaml_node_t *map, yaml_node_t **v,
                      nv_rule *r)
{
    int err = check_kind_keys(y, map, v, r);
    if (!err)
        err = v[RK_TITLE] ? nv_ystr(y, v[RK_TITLE], "title", &r->title)
                          : ((r->title = nv_strdup(r->id)) ? 0 : nv_yoom(y));
    if (!err && v[RK_SEVERITY])
        err = parse_severity(y, v[RK_SEVERITY], r);
    if (!err && v[RK_VENDORS])
        err = parse_vendors(y, v[RK_VENDORS], r);
    if (!err && v[RK_SCOPE] && !(err = parse_scope(y, v[RK_SCOPE], r)))
        err = kind_check(y, v[RK_SCOPE], NV_KEY_SCOPE, r);
    if (!err)
        err = parse_dates(y, v, r);
    if (!err && v[RK_PER] && !(err = parse_per(y, v[RK_PER], r)))
        err = kind_check(y, v[RK_PER], NV_KEY_PER, r);
    if (!err && v[RK_MEASURE])
        err = parse_measure(y, v[RK_MEASURE], r);
    if (!err && v[RK_MAX] && !(err = parse_max(y, v[RK_MAX], r)))
        err = kind_check(y, v[RK_MAX], NV_KEY_MAX, r);
    if (!err)
        err = nv_ystr(y, v[RK_SOURCE], "source", &r->source);
    if (!err && !*r->source)
        err = FAIL(v[RK_SOURCE], "rule '%s' has an empty 'source'", r->id);
    return err;
}

int nv_rule_parse(nv_rule *r, nv_yctx *y, yaml_node_t *map)
{
    yaml_node_t *v[RK_N];
    int err = nv_ymap(y, map, "rule", rule_keys, RK_N, v);
    if (err < 0)
        return err;
    r->line = nv_yline(map);
    if (!v[RK_ID])
        return FAIL(map, "rule has no 'id'");
    if ((err = nv_yid(y, v[RK_ID], "rule id", &r->id)) < 0)
        return err;
    if (!v[RK_KIND])
        return FAIL(map, "rule '%s' has no 'kind'", r->id);
    if (!v[RK_SOURCE])
        return FAIL(map, "rule '%s' has no 'source'", r->id);
    if ((err = set_defaults(y, r)) < 0 ||
        (err = parse_kind(y, v[RK_KIND], r)) < 0)
        return err;
    return parse_body(y, map, v, r);
}
