/* SPDX-License-Identifier: Apache-2.0 */
/* Pattern sets: merging loaded files (a known id is replaced), compiling
 * with PCRE2 (UTF, invalid UTF-8 tolerated, caseless unless asked, JIT when
 * available), binding vendor ids to the registry, and matching strongest
 * first under a match limit so a hostile regex cannot hang a run. Only
 * the first NV_PAT_MAX_SUBJECT bytes of a subject are matched: PCRE2's
 * limits do not count a single-character repeat backtracking (.* before a
 * failing lookahead), so the cap is what bounds such a pattern. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "attrib/patterns.h"

#include <pcre2.h>
#include <stdio.h>
#include <string.h>

#include "util/alloc.h"
#include "util/diag.h"
#include "util/file.h"
#include "util/sha256.h"

#define OVECTOR_PAIRS 32
#define MATCH_LIMIT 200000
#define DEPTH_LIMIT 10000

/* In the allocation-failure build, PCRE2 allocates through nv_malloc too
 * (a general context made before main), so the sweep fails its
 * allocations like netvet's own; elsewhere PCRE2 uses malloc. */
#ifdef NETVET_FAULT_INJECTION
static void *pcre_malloc(PCRE2_SIZE n, void *data)
{
    (void)data;
    return nv_malloc(n);
}

static void pcre_free(void *p, void *data)
{
    (void)data;
    nv_free(p);
}

static pcre2_general_context *fault_gctx;

__attribute__((constructor)) static void pcre_fault_init(void)
{
    fault_gctx = pcre2_general_context_create(pcre_malloc, pcre_free, NULL);
}

__attribute__((destructor)) static void pcre_fault_fini(void)
{
    pcre2_general_context_free(fault_gctx);
}
#define GCTX fault_gctx
#else
#define GCTX NULL
#endif

extern const unsigned char nv_builtin_patterns[];
extern const size_t nv_builtin_patterns_len;

int nv_patterns_init(nv_patterns *ps)
{
    memset(ps, 0, sizeof(*ps));
    ps->md = pcre2_match_data_create(OVECTOR_PAIRS, GCTX);
    ps->mctx = pcre2_match_context_create(GCTX);
    if (!ps->md || !ps->mctx) {
        nv_patterns_dispose(ps);
        return NETVET_ENOMEM;
    }
    pcre2_set_match_limit(ps->mctx, MATCH_LIMIT);
    pcre2_set_depth_limit(ps->mctx, DEPTH_LIMIT);
    return NETVET_OK;
}

int nv_patterns_new_match_data(nv_patterns *ps)
{
    ps->md = pcre2_match_data_create(OVECTOR_PAIRS, GCTX);
    return ps->md ? NETVET_OK : NETVET_ENOMEM;
}

void nv_patterns_free_match_data(nv_patterns *ps)
{
    pcre2_match_data_free(ps->md);
    ps->md = NULL;
}

void nv_pattern_free_fields(nv_pattern *p)
{
    nv_free(p->id);
    nv_free(p->vendor_id);
    nv_free(p->regex);
    nv_free(p->os);
    nv_free(p->source);
    nv_free(p->file);
    for (size_t i = 0; i < p->n_examples; i++)
        nv_free(p->examples[i]);
    nv_free(p->examples);
    pcre2_code_free(p->code);
    memset(p, 0, sizeof(*p));
}

void nv_patterns_dispose(nv_patterns *ps)
{
    if (!ps)
        return;
    for (size_t i = 0; i < ps->n; i++)
        nv_pattern_free_fields(&ps->p[i]);
    nv_free(ps->p);
    nv_free(ps->order);
    nv_file_inputs_dispose(&ps->inputs);
    pcre2_match_data_free(ps->md);
    pcre2_match_context_free(ps->mctx);
    memset(ps, 0, sizeof(*ps));
}

static int group_number(pcre2_code *code, const char *name)
{
    int n = pcre2_substring_number_from_name(code, (PCRE2_SPTR)name);
    return n > 0 && n < OVECTOR_PAIRS ? n : -1;
}

int nv_pattern_compile(nv_pattern *p, char *err, size_t err_len)
{
    int code;
    PCRE2_SIZE off;
    uint32_t flags = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
    if (!p->case_sensitive)
        flags |= PCRE2_CASELESS;
    pcre2_compile_context *cctx = NULL;
    if (GCTX && !(cctx = pcre2_compile_context_create(GCTX)))
        return NETVET_ENOMEM;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)p->regex, strlen(p->regex),
                                   flags, &code, &off, cctx);
    pcre2_compile_context_free(cctx);
    if (!re && (code == PCRE2_ERROR_NOMEMORY || code == PCRE2_ERROR_HEAP_FAILED))
        return NETVET_ENOMEM;
    if (!re) {
        PCRE2_UCHAR msg[200];
        pcre2_get_error_message(code, msg, sizeof(msg));
        snprintf(err, err_len, "%s at offset %zu", (const char *)msg,
                 (size_t)off);
        return NETVET_EPARSE;
    }
    (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* interpreter if not */
    p->code = re;
    p->group_product = group_number(re, "product");
    p->group_version = group_number(re, "version");
    return NETVET_OK;
}

/* Move every pattern of `add` into ps, replacing those with the same id. */
static int merge(nv_patterns *ps, nv_patterns *add)
{
    if (NV_GROW(ps->p, ps->cap, ps->n + add->n) < 0)
        return NETVET_ENOMEM;
    for (size_t i = 0; i < add->n; i++) {
        size_t j = 0;
        while (j < ps->n && strcmp(ps->p[j].id, add->p[i].id) != 0)
            j++;
        if (j < ps->n)
            nv_pattern_free_fields(&ps->p[j]);
        else
            ps->n++;
        ps->p[j] = add->p[i];
    }
    add->n = 0;
    nv_free(ps->order); /* stale until the next bind */
    ps->order = NULL;
    return NETVET_OK;
}

int nv_patterns_add_buffer(nv_patterns *ps, const char *buf, size_t len,
                           const char *name, netvet_diag *diag)
{
    if (!ps || (!buf && len))
        return NETVET_EINVAL;
    name = name ? name : "<buffer>";
    if (len > NV_PAT_MAX_BYTES)
        return nv_diag_fail(diag, NETVET_ELIMIT, name, 0, 0, "pattern file "
                            "is larger than %zu bytes", NV_PAT_MAX_BYTES);
    nv_patterns add;
    int rc = nv_patterns_init(&add);
    if (rc == NETVET_OK)
        rc = nv_patterns_parse(&add, buf ? buf : "", len, name, diag);
    if (rc == NETVET_OK)
        rc = merge(ps, &add);
    nv_patterns_dispose(&add);
    return rc;
}

/* add_buffer, then record the file with the SHA-256 of its bytes. */
static int add_file_buffer(void *p, char *buf, size_t len, const char *name,
                           netvet_diag *diag)
{
    nv_patterns *ps = p;
    int rc = nv_patterns_add_buffer(ps, buf, len, name, diag);
    if (rc < 0)
        return rc;
    if (nv_file_inputs_add(&ps->inputs, name, buf, len) < 0)
        return nv_diag_fail(diag, NETVET_ENOMEM, name, 0, 0,
                            "out of memory");
    return 0;
}

int nv_patterns_add_file(nv_patterns *ps, const char *path, netvet_diag *diag)
{
    return nv_load_file(path, NV_PAT_MAX_BYTES, add_file_buffer, ps, diag);
}

int nv_patterns_add_builtin(nv_patterns *ps, netvet_diag *diag)
{
    return nv_patterns_add_buffer(ps, (const char *)nv_builtin_patterns,
                                  nv_builtin_patterns_len,
                                  "builtin:patterns.yaml", diag);
}

int nv_patterns_bind(nv_patterns *ps, const netvet_registry *reg,
                     netvet_diag *diag)
{
    for (size_t i = 0; i < ps->n; i++) {
        nv_pattern *p = &ps->p[i];
        p->vendor = netvet_registry_find(reg, p->vendor_id);
        if (p->vendor < 0)
            return nv_diag_fail(diag, NETVET_EPARSE, p->file, p->line, 0,
                                "pattern '%s' names vendor '%s', which is "
                                "not in the registry", p->id, p->vendor_id);
    }
    nv_free(ps->order);
    ps->order = nv_calloc(ps->n ? ps->n : 1, sizeof(uint32_t));
    if (!ps->order)
        return NETVET_ENOMEM;
    size_t k = 0;
    for (int c = NV_PAT_STRONG; c >= NV_PAT_WEAK; c--)
        for (size_t i = 0; i < ps->n; i++)
            if ((int)ps->p[i].conf == c)
                ps->order[k++] = (uint32_t)i;
    return NETVET_OK;
}

static void capture(const PCRE2_SIZE *ov, int group, size_t *off, size_t *len)
{
    *off = *len = 0;
    if (group < 0 || ov[2 * group] == PCRE2_UNSET)
        return;
    *off = ov[2 * group];
    *len = ov[2 * group + 1] - ov[2 * group];
}

int nv_patterns_match(const nv_patterns *ps, const char *s, size_t len,
                      nv_pat_match *m)
{
    memset(m, 0, sizeof(*m));
    m->pattern = -1;
    int limited = 0;
    if (len > NV_PAT_MAX_SUBJECT) { /* the first 4 KiB, whole characters */
        len = NV_PAT_MAX_SUBJECT;
        while (len && ((unsigned char)s[len] & 0xC0) == 0x80)
            len--;
    }
    for (size_t k = 0; k < ps->n; k++) {
        size_t i = ps->order ? ps->order[k] : k;
        const nv_pattern *p = &ps->p[i];
        int rc = pcre2_match(p->code, (PCRE2_SPTR)s, len, 0, 0, ps->md,
                             ps->mctx);
        if (rc == PCRE2_ERROR_NOMEMORY)
            return NETVET_ENOMEM; /* never "no match" for want of memory */
        if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
            rc == PCRE2_ERROR_JIT_STACKLIMIT)
            limited = 1;
        if (rc < 0)
            continue;
        const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(ps->md);
        m->pattern = (int)i;
        capture(ov, p->group_product, &m->product_off, &m->product_len);
        capture(ov, p->group_version, &m->version_off, &m->version_len);
        return 1;
    }
    return limited ? NETVET_ELIMIT : 0;
}

const char *nv_pat_conf_name(nv_pat_conf c)
{
    static const char *const names[] = {"weak", "medium", "strong"};
    return (unsigned)c < 3 ? names[c] : "?";
}
