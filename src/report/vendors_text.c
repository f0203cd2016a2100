/* SPDX-License-Identifier: Apache-2.0 */
/* The vendors report for people: a line per entry (list), every fact of
 * one entry (show), or how a declared name resolves and which owners put
 * the vendor in which jurisdictions on the as-of day (why). */
#include <stdio.h>
#include <string.h>

#include "inventory/inv.h"
#include "report/formats.h"
#include "report/report.h"
#include "report/vendors_report.h"
#include "util/alloc.h"
#include "util/diag.h"

#define MAX_REFS 64

static const char *const kinds[] = {"vendor", "holder"};
static const char *const states[] = {"none", "influence", "owned"};

static void codes_line(FILE *out, const char *const *c, size_t n)
{
    if (!n)
        fputs("-", out);
    for (size_t k = 0; k < n; k++)
        fprintf(out, "%s%s", k ? ", " : "", c[k]);
}

static void juris(FILE *out, const nv_report_input *in, int v)
{
    const char *c[32];
    codes_line(out, c, nv_vendor_juris(in, v, c));
}

/* The listings in force on v, "id (via holder)", or "none". */
static void listings_in_force(FILE *out, const nv_report_input *in, int v)
{
    netvet_listing_ref r[MAX_REFS];
    size_t n = netvet_registry_listings_in_force(in->registry, v, in->as_of,
                                                 r, MAX_REFS);
    if (!n)
        fputs("none", out);
    for (size_t k = 0; k < n && k < MAX_REFS; k++) {
        fprintf(out, "%s%s", k ? ", " : "", r[k].listing->id);
        if (r[k].holder != v)
            fprintf(out, " (via %s)",
                    netvet_registry_vendor(in->registry,
                                           (size_t)r[k].holder)->id);
    }
}

static void header(FILE *out, const nv_report_input *in)
{
    const netvet_registry *reg = in->registry;
    char day[16];
    for (size_t i = 0; i < netvet_registry_input_count(reg); i++) {
        netvet_input f = netvet_registry_input(reg, i);
        fprintf(out, "inputs: %s ", f.kind);
        nv_text_safe(out, f.path);
        fprintf(out, " sha256 %s\n", f.sha256);
    }
    if (netvet_registry_input_count(reg))
        fputc('\n', out);
    nv_report_text_registry_changes(out, reg);
    nv_format_date(in->as_of, day);
    fprintf(out, "netvet vendors as of %s, ownership threshold %g%%\n\n",
            day, in->vendors->threshold);
}

static void list(FILE *out, const nv_report_input *in)
{
    size_t n = netvet_registry_count(in->registry), holders = 0;
    for (size_t i = 0; i < n; i++)
        holders += netvet_registry_vendor(in->registry, i)->kind ==
                   NETVET_ENTRY_HOLDER;
    fprintf(out, "%zu entries (%zu vendors, %zu holders)\n\n", n,
            n - holders, holders);
    fprintf(out, "%-24s %-6s %-14s %s\n", "id", "kind", "jurisdictions",
            "name [listings in force]");
    for (size_t i = 0; i < n; i++) {
        const netvet_vendor *v = netvet_registry_vendor(in->registry, i);
        const char *c[32];
        char buf[64];
        size_t nc = nv_vendor_juris(in, (int)i, c), len = 0;
        buf[0] = '\0';
        for (size_t k = 0; k < nc && len + 4 < sizeof buf; k++)
            len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s",
                                    k ? "," : "", c[k]);
        fprintf(out, "%-24s %-6s %-14s ", v->id, kinds[v->kind & 1], buf);
        nv_text_safe(out, v->name);
        if (netvet_registry_listings_in_force(in->registry, (int)i,
                                              in->as_of, NULL, 0)) {
            fputs(" [", out);
            listings_in_force(out, in, (int)i);
            fputc(']', out);
        }
        fputc('\n', out);
    }
}

static void stake_line(FILE *out, const nv_stake *s)
{
    char range[32];
    if (s->state)
        fprintf(out, "state %s", s->state);
    else
        fputs(s->owner, out);
    fprintf(out, " %g%% %s", s->share,
            s->parent ? "(parent, always)"
                      : nv_stake_range(s->from, s->until, range));
}

static void show_owners(FILE *out, const nv_report_input *in, int v)
{
    nv_stake st[NV_MAX_STAKES];
    size_t n = nv_vendor_stakes(in->registry, v, in->as_of,
                                in->vendors->threshold, st);
    fputs(n ? "  owners:\n" : "  owners:         -\n", out);
    for (size_t k = 0; k < n; k++) {
        fputs("    ", out);
        stake_line(out, &st[k]);
        if (*st[k].source) {
            fputs("; source: ", out);
            nv_text_safe(out, st[k].source);
        }
        fputc('\n', out);
    }
}

static void show_listings(FILE *out, const netvet_vendor *v, int32_t day)
{
    char range[32];
    fputs(v->n_listings ? "  listings:\n" : "  listings:       -\n", out);
    for (size_t k = 0; k < v->n_listings; k++) {
        const netvet_listing *l = &v->listings[k];
        fprintf(out, "    %s %s%s; source: ", l->id,
                nv_stake_range(l->date, l->until, range),
                netvet_listing_in_force(l, day) ? "" : " (not in force)");
        nv_text_safe(out, l->source);
        fputc('\n', out);
    }
}

static void words(FILE *out, const char *label, const char *const *w,
                  size_t n)
{
    fprintf(out, "  %-16s", label);
    codes_line(out, w, n);
    fputc('\n', out);
}

static void show(FILE *out, const nv_report_input *in, int v)
{
    const netvet_registry *reg = in->registry;
    const netvet_vendor *vd = netvet_registry_vendor(reg, (size_t)v);
    fprintf(out, "%s: ", vd->id);
    nv_text_safe(out, vd->name);
    fprintf(out, "\n  %-16s%s\n  %-16s", "kind:", kinds[vd->kind & 1],
            "aliases:");
    size_t na = netvet_registry_alias_count(reg, (size_t)v);
    for (size_t k = 0; k < na; k++) {
        fputs(k ? "; " : "", out);
        nv_text_safe(out, netvet_registry_alias(reg, (size_t)v, k));
    }
    fprintf(out, "%s\n  %-16s%s", na ? "" : "-", "country:", vd->country);
    if (*vd->country_source) {
        fputs(" (", out);
        nv_text_safe(out, vd->country_source);
        fputc(')', out);
    }
    fprintf(out, "\n  %-16s%s\n", "state control:",
            states[vd->state_control % 3]);
    show_owners(out, in, v);
    words(out, "categories:", vd->categories, vd->n_categories);
    words(out, "production:", vd->production, vd->n_production);
    if (*vd->production_source) {
        fprintf(out, "  %-16s", "production src:");
        nv_text_safe(out, vd->production_source);
        fputc('\n', out);
    }
    fprintf(out, "  %-16s", "pens:");
    for (size_t k = 0; k < vd->n_pens; k++)
        fprintf(out, "%s%lu", k ? ", " : "", (unsigned long)vd->pens[k]);
    fprintf(out, "%s\n", vd->n_pens ? "" : "-");
    show_listings(out, vd, in->as_of);
    fprintf(out, "  %-16s", "note:");
    nv_text_safe(out, *vd->note ? vd->note : "-");
    fprintf(out, "\n  %-16s", "jurisdictions:");
    juris(out, in, v);
    fprintf(out, "\n  %-16s", "listed:");
    listings_in_force(out, in, v);
    fputc('\n', out);
}

/* The owner chain of v, one level per indent; seen[] marks entries
 * already shown. */
static void chain(FILE *out, const nv_report_input *in, int v, int depth,
                  unsigned char *seen)
{
    const netvet_vendor *vd = netvet_registry_vendor(in->registry, (size_t)v);
    nv_stake st[NV_MAX_STAKES];
    fprintf(out, "%*s%s (%s): country %s\n", 2 * depth, "", vd->id,
            kinds[vd->kind & 1], vd->country);
    seen[v] = 1;
    size_t n = nv_vendor_stakes(in->registry, v, in->as_of,
                                in->vendors->threshold, st);
    for (size_t k = 0; k < n; k++) {
        fprintf(out, "%*s", 2 * depth + 2, "");
        stake_line(out, &st[k]);
        if (!st[k].in_force) {
            fputs(": not in force\n", out);
            continue;
        }
        if (!st[k].counts) {
            fputs(": below the threshold\n", out);
            continue;
        }
        fputs(": counts, adds ", out);
        if (st[k].state)
            fputs(st[k].state, out);
        else
            juris(out, in, st[k].index);
        fputc('\n', out);
        if (st[k].index >= 0 && !seen[st[k].index] && depth < 32)
            chain(out, in, st[k].index, depth + 2, seen);
    }
}

static void how(FILE *out, const netvet_registry *reg,
                const netvet_name_resolution *r)
{
    static const char *const by[] = {
        "", "by exact id or name", "by alias", "by normalised match with",
        "by folded match with", "by look-alike (confusable characters)"};
    const netvet_vendor *vd = netvet_registry_vendor(reg, (size_t)r->vendor);
    fprintf(out, "resolves to %s (", vd->id);
    nv_text_safe(out, vd->name);
    fprintf(out, ") %s", by[(unsigned)r->how % 6]);
    if (r->matched && r->how != NETVET_NAME_EXACT) {
        fputs(" \"", out);
        nv_text_safe(out, r->matched);
        fputc('"', out);
    }
    fputc('\n', out);
}

static int why(FILE *out, const nv_report_input *in)
{
    netvet_name_resolution r;
    int v = nv_vendors_subject(in, &r);
    fputs("name \"", out);
    nv_text_safe(out, in->vendors->subject ? in->vendors->subject : "");
    fputs("\": ", out);
    if (v < 0) {
        fputs("does not resolve to a registry entry\n", out);
        return 0;
    }
    how(out, in->registry, &r);
    fputs("jurisdictions: ", out);
    juris(out, in, v);
    fputs("\nownership:\n", out);
    unsigned char *seen = nv_calloc(netvet_registry_count(in->registry), 1);
    if (!seen)
        return NETVET_ENOMEM;
    chain(out, in, v, 1, seen);
    nv_free(seen);
    fputs("listings in force: ", out);
    listings_in_force(out, in, v);
    fputc('\n', out);
    return 0;
}

int nv_vendors_text(FILE *out, const nv_report_input *in,
                    const netvet_report_options *opts, netvet_diag *diag)
{
    (void)opts;
    header(out, in);
    if (in->vendors->view == NETVET_VENDORS_LIST)
        list(out, in);
    else if (in->vendors->view == NETVET_VENDORS_SHOW)
        show(out, in, netvet_registry_find(in->registry,
                                           in->vendors->subject));
    else
        return why(out, in) < 0 ? nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0,
                                               0, "out of memory")
                                : 0;
    return 0;
}
