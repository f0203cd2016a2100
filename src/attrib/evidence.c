/* SPDX-License-Identifier: Apache-2.0 */
/* One evaluator per evidence kind, each behind a cache: a value seen before
 * (the same OUI prefix, sysObjectID, description, CPE or declared name)
 * costs one hash probe, not a table search or a regex run. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "attrib/attrib_int.h"
#include "util/alloc.h"
#include "vendors/registry_int.h"

int nv_vcache_init(nv_vcache *c)
{
    memset(c, 0, sizeof(*c));
    return nv_strtab_init(&c->keys, 1024, 0);
}

void nv_vcache_dispose(nv_vcache *c)
{
    if (!c)
        return;
    nv_strtab_dispose(&c->keys);
    nv_free(c->v);
    memset(c, 0, sizeof(*c));
}

static int detail(netvet_attributor *a, uint32_t *out, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int detail(netvet_attributor *a, uint32_t *out, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    size_t len = n < 0 ? 0 : (size_t)n >= sizeof(buf) ? sizeof(buf) - 1
                                                       : (size_t)n;
    return nv_strtab_intern(&a->details, buf, len, out, NULL);
}

/* Registry vendor of a registrant name (IEEE or IANA), or -1. */
static int32_t registrant_vendor(netvet_attributor *a, const char *name)
{
    return netvet_registry_resolve(a->reg, name, strlen(name));
}

static const char *vendor_id(const netvet_attributor *a, int v)
{
    return v >= 0 ? netvet_registry_vendor(a->reg, (size_t)v)->id : "-";
}

/* ---- per kind (uncached) --------------------------------------------- */

static int eval_declared(netvet_attributor *a, const char *s, size_t len,
                         nv_verdict *v)
{
    v->vendor = netvet_registry_resolve(a->reg, s, len);
    v->weight = v->vendor >= 0 ? (float)NV_W_DECLARED : 0.0f;
    if (v->vendor >= 0)
        return detail(a, &v->detail, "declared name resolves to %s",
                      vendor_id(a, v->vendor));
    return detail(a, &v->detail, "declared name is not in the registry");
}

static int eval_mac_prefix(netvet_attributor *a, uint64_t mac, nv_verdict *v)
{
    nv_oui_hit hit;
    v->vendor = -1;
    v->weight = 0;
    if (!nv_oui_lookup(&a->oui, mac, &hit))
        return detail(a, &v->detail, "no IEEE registration for %06llX",
                      (unsigned long long)(mac >> 24));
    int digits = (int)hit.bits / 4;
    if (hit.no_evidence)
        return detail(a, &v->detail, "%s %0*llX registrant \"%s\" (no "
                      "evidence)", hit.registry, digits,
                      (unsigned long long)hit.prefix, hit.registrant);
    v->vendor = registrant_vendor(a, hit.registrant);
    v->weight = v->vendor >= 0 ? (float)NV_W_MAC : 0.0f;
    v->registrant = v->vendor >= 0 ? NULL : hit.registrant;
    return detail(a, &v->detail, "%s %0*llX %s%s", hit.registry, digits,
                  (unsigned long long)hit.prefix, hit.registrant,
                  v->vendor >= 0 ? "" : " (not in the registry)");
}

static int eval_oid(netvet_attributor *a, const char *s, size_t len,
                    nv_verdict *v)
{
    uint32_t pen;
    v->vendor = -1;
    v->weight = 0;
    if (!nv_pen_parse_oid(s, len, &pen))
        return detail(a, &v->detail, "not an enterprises OID "
                      "(1.3.6.1.4.1.N...)");
    const char *generic = nv_pen_generic(pen);
    if (generic)
        return detail(a, &v->detail, "PEN %lu: %s; weak evidence",
                      (unsigned long)pen, generic);
    v->vendor = nv_registry_find_pen(a->reg, pen);
    if (v->vendor >= 0) {
        v->weight = (float)NV_W_PEN_REGISTRY;
        return detail(a, &v->detail, "PEN %lu in the registry",
                      (unsigned long)pen);
    }
    const char *iana = nv_pen_db_lookup(&a->pens, pen);
    if (!iana)
        return detail(a, &v->detail, "PEN %lu not in the IANA table",
                      (unsigned long)pen);
    v->vendor = registrant_vendor(a, iana);
    v->weight = v->vendor >= 0 ? (float)NV_W_PEN_IANA : 0.0f;
    v->registrant = v->vendor >= 0 ? NULL : iana;
    return detail(a, &v->detail, "PEN %lu IANA registrant %s%s",
                  (unsigned long)pen, iana,
                  v->vendor >= 0 ? "" : " (not in the registry)");
}

static float conf_weight(nv_pat_conf c)
{
    static const float w[] = {0.3f, 0.6f, 0.9f};
    return w[c];
}

static int eval_descr(netvet_attributor *a, const char *s, size_t len,
                      nv_verdict *v)
{
    nv_pat_match m;
    v->vendor = -1;
    v->weight = 0;
    int rc = nv_patterns_match(&a->patterns, s, len, &m);
    if (rc == NETVET_ENOMEM)
        return rc;
    if (rc == NETVET_ELIMIT)
        return detail(a, &v->detail, "pattern match limit reached");
    if (rc <= 0)
        return detail(a, &v->detail, "no pattern matches");
    const nv_pattern *p = &a->patterns.p[m.pattern];
    v->vendor = p->vendor;
    v->weight = conf_weight(p->conf);
    int pl = (int)(m.product_len > 64 ? 64 : m.product_len);
    int vl = (int)(m.version_len > 32 ? 32 : m.version_len);
    return detail(a, &v->detail, "pattern %s (%s)%s%s%s%.*s%s%.*s", p->id,
                  nv_pat_conf_name(p->conf), p->os[0] ? ", os " : "", p->os,
                  pl ? ", product " : "", pl, s + m.product_off,
                  vl ? ", version " : "", vl, s + m.version_off);
}

/* cpe:/P:vendor:... (URI) or cpe:2.3:P:vendor:... (formatted string). */
static int eval_cpe(netvet_attributor *a, const char *s, size_t len,
                    nv_verdict *v)
{
    size_t i;
    v->vendor = -1;
    v->weight = 0;
    if (len > 7 && strncasecmp(s, "cpe:2.3:", 8) == 0)
        i = 8;
    else if (len > 5 && strncasecmp(s, "cpe:/", 5) == 0)
        i = 5;
    else
        return detail(a, &v->detail, "not a CPE name");
    char part = i < len ? (char)(s[i] | 0x20) : 0;
    if ((part != 'h' && part != 'o' && part != 'a') || i + 1 >= len ||
        s[i + 1] != ':')
        return detail(a, &v->detail, "CPE part is not h, o or a");
    size_t start = i + 2, end = start;
    while (end < len && s[end] != ':' && s[end] != ' ' && s[end] != ';')
        end++;
    v->vendor = end > start ? netvet_registry_resolve(a->reg, s + start,
                                                      end - start)
                            : -1;
    float w = part == 'h' ? NV_W_CPE_HW : part == 'o' ? NV_W_CPE_OS
                                                      : NV_W_CPE_APP;
    v->weight = v->vendor >= 0 ? w : 0.0f;
    return detail(a, &v->detail, "CPE %s vendor \"%.*s\"%s",
                  part == 'h' ? "hardware" : part == 'o' ? "OS" : "application",
                  (int)(end - start > 64 ? 64 : end - start), s + start,
                  v->vendor >= 0 ? "" : " (not in the registry)");
}

/* ---- cached front --------------------------------------------------- */

static int cached(netvet_attributor *a, int which, const char *key,
                  size_t key_len, nv_verdict **out)
{
    nv_vcache *c = &a->cache[which];
    uint32_t id;
    int is_new, rc = nv_strtab_intern(&c->keys, key, key_len, &id, &is_new);
    if (rc < 0)
        return rc;
    if (is_new && NV_GROW(c->v, c->cap, (size_t)id + 1) < 0)
        return NETVET_ENOMEM;
    *out = &c->v[id];
    if (is_new)
        **out = (nv_verdict){-1, 0, 0, NULL};
    return is_new;
}

/* Bytes of the MAC cache key: the OUI, or the 36-bit prefix (in 5 bytes)
 * where the OUI is split further. */
static size_t mac_key_len(const netvet_attributor *a, uint64_t mac)
{
    return nv_oui_key_bits(&a->oui, mac) == 24 ? 3 : 5;
}

uint64_t nv_mac_verdict_key(const netvet_attributor *a, const char *s,
                            size_t len)
{
    uint64_t mac;
    nv_mac_status st = nv_mac_parse(s, len, &mac);
    if (st != NV_MAC_OK) /* the verdict is the status's text */
        return (uint64_t)1 << 62 | (uint64_t)st;
    size_t key_len = mac_key_len(a, mac);
    return (uint64_t)1 << 63 | (uint64_t)key_len << 48 |
           mac >> (48 - 8 * key_len);
}

static int eval_mac(netvet_attributor *a, const char *s, size_t len,
                    nv_verdict *out)
{
    uint64_t mac;
    nv_mac_status st = nv_mac_parse(s, len, &mac);
    if (st != NV_MAC_OK) {
        out->vendor = -1;
        out->weight = 0;
        return detail(a, &out->detail, "%s", nv_mac_status_text(st));
    }
    unsigned char key[5];
    size_t key_len = mac_key_len(a, mac);
    uint64_t p = mac >> (48 - 8 * key_len);
    for (size_t i = key_len; i-- > 0; p >>= 8)
        key[i] = (unsigned char)p;
    nv_verdict *v;
    int rc = cached(a, NV_CACHE_MAC, (const char *)key, key_len, &v);
    if (rc == 1)
        rc = eval_mac_prefix(a, mac, v);
    if (rc < 0)
        return rc;
    *out = *v;
    return NETVET_OK;
}

static const int cache_of[NETVET_EV_COUNT] = {
    NV_CACHE_DECLARED, NV_CACHE_MAC, NV_CACHE_OID, NV_CACHE_DESCR,
    NV_CACHE_DESCR, NV_CACHE_CPE};

/* Verdict of a non-MAC value through its content cache; *index_out is its
 * index there. */
static int eval_text(netvet_attributor *a, netvet_evidence_kind kind,
                     const char *s, size_t len, uint32_t *index_out)
{
    nv_verdict *v = NULL;
    int rc = cached(a, cache_of[kind], s, len, &v);
    if (rc < 0)
        return rc;
    if (rc == 1) {
        rc = kind == NETVET_EV_DECLARED        ? eval_declared(a, s, len, v)
             : kind == NETVET_EV_SYS_OBJECT_ID ? eval_oid(a, s, len, v)
             : kind == NETVET_EV_CPE           ? eval_cpe(a, s, len, v)
                                               : eval_descr(a, s, len, v);
    }
    *index_out = (uint32_t)(v - a->cache[cache_of[kind]].v);
    return rc < 0 ? rc : NETVET_OK;
}

static void set_result(netvet_evidence *ev, const nv_verdict *r,
                       uint32_t *detail_out)
{
    ev->vendor = r->vendor;
    ev->weight = r->weight;
    ev->registrant = r->registrant;
    *detail_out = r->detail;
}

int nv_eval_evidence(netvet_attributor *a, netvet_evidence_kind kind,
                     const char *s, size_t len, netvet_evidence *ev,
                     uint32_t *detail_out)
{
    nv_verdict r = {-1, 0, 0, NULL};
    uint32_t k = 0;
    int rc = kind == NETVET_EV_MAC ? eval_mac(a, s, len, &r)
                                   : eval_text(a, kind, s, len, &k);
    if (rc < 0)
        return rc;
    set_result(ev, kind == NETVET_EV_MAC ? &r : &a->cache[cache_of[kind]].v[k],
               detail_out);
    return NETVET_OK;
}

int nv_eval_evidence_sid(netvet_attributor *a, uint64_t owner,
                         uint32_t sid, netvet_evidence_kind kind,
                         const char *s, size_t len, netvet_evidence *ev,
                         uint32_t *detail_out)
{
    if (kind == NETVET_EV_MAC) /* MACs are distinct: nothing to gain */
        return nv_eval_evidence(a, kind, s, len, ev, detail_out);
    if (a->sid_owner != owner) {
        memset(a->sid, 0, sizeof(a->sid));
        a->sid_owner = owner;
    }
    nv_sidslot *slot = &a->sid[cache_of[kind]][sid & (NV_SID_SLOTS - 1)];
    const nv_vcache *c = &a->cache[cache_of[kind]];
    if (slot->verdict == 0 || slot->sid != sid) {
        uint32_t k;
        int rc = eval_text(a, kind, s, len, &k);
        if (rc < 0)
            return rc;
        slot->sid = sid;
        slot->verdict = k + 1;
    }
    set_result(ev, &c->v[slot->verdict - 1], detail_out);
    return NETVET_OK;
}
