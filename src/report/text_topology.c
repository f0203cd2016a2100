/* SPDX-License-Identifier: Apache-2.0 */
/* Text report, topology part: what share of customers each risk domain and
 * vendor could cut off, how many sinks depend on how many domains, and the
 * single points of failure. */
#include "report/report.h"

static double pct(double part, double whole)
{
    return whole > 0 ? 100.0 * part / whole : 0.0;
}

static const char *group_label(const netvet_assessment *a,
                               const nv_exposure_group *g)
{
    return g->kind == NV_GROUP_DOMAIN ? nv_domain_label(a, g->key)
                                      : nv_vendor_label(a, g->key);
}

static void groups(FILE *out, const netvet_assessment *a, int kind)
{
    const nv_exposure *x = &a->exposure;
    int width = 10; /* the longest label of the kind, at least 10 */
    for (size_t i = 0; i < x->n_groups; i++) {
        int w = x->groups[i].kind == kind
                    ? nv_text_safe_width(group_label(a, &x->groups[i]))
                    : 0;
        width = w > width ? w : width;
    }
    fprintf(out, "    %-*s %12s %8s %10s %9s\n", width,
            kind == NV_GROUP_DOMAIN ? "domain" : "vendor", "lost weight",
            "share", "lost sinks", "elements");
    for (size_t i = 0; i < x->n_groups; i++) {
        const nv_exposure_group *g = &x->groups[i];
        if (g->kind != kind)
            continue;
        fputs("    ", out);
        nv_text_cell(out, group_label(a, g), width);
        fprintf(out, " %12.0f %7.2f%% %10llu %9llu\n", g->lost_weight,
                pct(g->lost_weight, x->sink_weight),
                (unsigned long long)g->lost_sinks,
                (unsigned long long)g->n_elements);
    }
}

/* Sinks by how many domains they depend on. */
static void dependency_counts(FILE *out, const netvet_assessment *a)
{
    const uint64_t *by_count = a->exposure.by_n_domains;
    const char *sep = " ";
    fprintf(out, "  sinks by number of risk domains they depend on:");
    for (unsigned c = 0; c <= 64; c++) {
        if (by_count[c]) {
            fprintf(out, "%s%u%s: %llu", sep, c, c == 64 ? " or more" : "",
                    (unsigned long long)by_count[c]);
            sep = ", ";
        }
    }
    fputs(sep[0] == ',' ? "\n" : " none\n", out);
}

/* One line: the impact summed per risk domain (domains) or per vendor,
 * groups with none left out. */
static void spof_sums(FILE *out, const netvet_assessment *a, int domains)
{
    size_t n = domains ? a->view.n_domains
                       : netvet_registry_count(a->view.reg);
    const double *sum = domains ? a->spof_by_domain : a->spof_by_vendor;
    const char *sep = " ";
    fprintf(out, "    by %s:", domains ? "domain" : "vendor");
    for (size_t i = 0; i < n; i++) {
        if (!(sum[i] > 0))
            continue;
        fprintf(out, "%s%s %.0f", sep,
                domains ? nv_domain_label(a, (int32_t)i)
                        : nv_vendor_label(a, (int32_t)i),
                sum[i]);
        sep = ", ";
    }
    fputs(sep[0] == ',' ? "\n" : " none\n", out);
}

/* The single points of failure's columns: id, vendor, domains. */
typedef struct spof_cols {
    const char *cell[3];
    int width[3];
} spof_cols;

static void spof_row(const netvet_assessment *a, uint32_t k, spof_cols *c)
{
    const nv_view *v = &a->view;
    c->cell[0] = nv_inv_id(v->inv, k);
    c->cell[1] = nv_vendor_label(a, v->vendor[k]);
    c->cell[2] = v->dset[k] < 0 ? "?" : nv_dset_label(a, v->dset[k]);
}

static void spofs(FILE *out, const netvet_assessment *a)
{
    const nv_view *v = &a->view;
    const netvet_inventory *inv = v->inv;
    double total = a->exposure.sink_weight;
    spof_cols c = {{NULL}, {16, 10, 3}}; /* widths: at least these */
    for (size_t i = 0; i < a->n_top; i++) {
        spof_row(a, a->top[i], &c);
        for (int j = 0; j < 3; j++) {
            int w = nv_text_safe_width(c.cell[j]);
            c.width[j] = w > c.width[j] ? w : c.width[j];
        }
    }
    fprintf(out, "\nSingle points of failure (weight each element alone "
                 "cuts off; top %zu)\n", a->n_top);
    if (a->n_top == 0)
        fprintf(out, "  none\n");
    for (size_t i = 0; i < a->n_top; i++) {
        uint32_t k = a->top[i];
        spof_row(a, k, &c);
        fputs("  ", out);
        nv_text_cell(out, c.cell[0], c.width[0]);
        fprintf(out, " %-11s ", netvet_function_name(inv->function[k]));
        nv_text_cell(out, c.cell[1], c.width[1]);
        fputc(' ', out);
        nv_text_cell(out, c.cell[2], c.width[2]);
        fprintf(out, " %10.0f %6.2f%%  line %u\n", a->dom.impact[k],
                pct(a->dom.impact[k], total), inv->line[k]);
    }
    fprintf(out, "  impact summed over each group's elements (nested "
                 "dominators counted in each):\n");
    spof_sums(out, a, 1);
    spof_sums(out, a, 0);
}

void nv_report_text_topology(FILE *out, const netvet_assessment *a)
{
    if (!a->has_topology)
        return;
    const nv_exposure *x = &a->exposure;
    fprintf(out, "\nExposure (customer weight that loses every path to a "
                 "source if a group's equipment is removed)\n");
    fprintf(out, "  sources: %llu (%s); sinks: %llu, weight %.0f; "
                 "already disconnected: %llu sinks, weight %.0f (%.2f%%)\n",
            (unsigned long long)x->n_sources, a->sources_desc,
            (unsigned long long)x->n_sinks, x->sink_weight,
            (unsigned long long)x->n_disconnected, x->disconnected_weight,
            pct(x->disconnected_weight, x->sink_weight));
    groups(out, a, NV_GROUP_DOMAIN);
    groups(out, a, NV_GROUP_VENDOR);
    dependency_counts(out, a);
    spofs(out, a);
}
