/* SPDX-License-Identifier: Apache-2.0 */
/* HTML charts of one assessment, drawn by netvet as inline SVG: vendor
 * and risk-domain shares per function (stacked bars with a table), the
 * exposure per domain and vendor, the single points of failure. The site
 * map is in html_map.c. */
#include <string.h>

#include "report/html.h"

#define N_COLOURS 12
static const char *const colours[N_COLOURS] = {
    "#3366cc", "#dc3912", "#ff9900", "#109618", "#990099", "#0099c6",
    "#dd4477", "#66aa00", "#6b4c9a", "#316395", "#aaaa11", "#22aa99"};

/* A vendor's or domain's colour: by its rank in the whole network (the
 * same in every function's chart); grey for unknown and past the
 * palette. */
static const char *colour(const netvet_assessment *a, int domains,
                          int32_t key)
{
    const nv_group_shares *g = &a->shares.group[NV_SHARES_ALL];
    const nv_share_row *rows = domains ? g->domains : g->vendors;
    size_t n = domains ? g->n_domains : g->n_vendors;
    for (size_t i = 0, rank = 0; key >= 0 && i < n; i++) {
        if (rows[i].key < 0)
            continue;
        if (rows[i].key == key)
            return rank < N_COLOURS ? colours[rank] : "#5f6b78";
        rank++;
    }
    return "#b7bcc2";
}

static const char *label(const netvet_assessment *a, int domains, int32_t key)
{
    return domains ? nv_domain_label(a, key) : nv_vendor_label(a, key);
}

/* One stacked bar of the rows' count shares, each part titled. */
static void stacked(FILE *out, const netvet_assessment *a,
                    const nv_group_shares *g, int domains)
{
    const nv_share_row *rows = domains ? g->domains : g->vendors;
    size_t n = domains ? g->n_domains : g->n_vendors;
    const int width = 640;
    double x = 0;
    fprintf(out, "<svg width=\"100%%\" height=\"20\" viewBox=\"0 0 %d 20\" "
                 "preserveAspectRatio=\"none\" role=\"img\" "
                 "aria-label=\"%s shares\">",
            width, domains ? "risk domain" : "vendor");
    for (size_t i = 0; i < n; i++) {
        double w = g->count ? width * (double)rows[i].count / (double)g->count
                            : 0;
        fprintf(out, "<rect x=\"%.2f\" y=\"0\" width=\"%.2f\" height=\"20\" "
                     "fill=\"%s\"><title>",
                x, w, colour(a, domains, rows[i].key));
        nv_html_text(out, label(a, domains, rows[i].key));
        fprintf(out, " %.1f%%</title></rect>",
                nv_html_pct((double)rows[i].count, (double)g->count));
        x += w;
    }
    fputs("</svg>\n", out);
}

static void share_table(FILE *out, const netvet_assessment *a,
                        const nv_group_shares *g, int domains)
{
    const nv_share_row *rows = domains ? g->domains : g->vendors;
    size_t n = domains ? g->n_domains : g->n_vendors;
    fprintf(out, "<table class=\"sortable\"><thead><tr><th>%s</th>"
                 "<th class=\"n\">elements</th><th class=\"n\">share</th>"
                 "<th class=\"n\">weight</th><th class=\"n\">share</th>"
                 "</tr></thead><tbody>\n",
            domains ? "risk domain" : "vendor");
    for (size_t i = 0; i < n; i++) {
        double cs = nv_html_pct((double)rows[i].count, (double)g->count);
        double ws = nv_html_pct(rows[i].weight, g->weight);
        fprintf(out, "<tr><td><span class=\"sw\" style=\"background:%s\">"
                     "</span>", colour(a, domains, rows[i].key));
        nv_html_text(out, label(a, domains, rows[i].key));
        fprintf(out, "</td><td class=\"n\" data-v=\"%llu\">%llu</td>"
                     "<td class=\"n\" data-v=\"%.4f\">%.1f%%</td>"
                     "<td class=\"n\" data-v=\"%.0f\">%.0f</td>"
                     "<td class=\"n\" data-v=\"%.4f\">%.1f%%</td></tr>\n",
                (unsigned long long)rows[i].count,
                (unsigned long long)rows[i].count, cs, cs, rows[i].weight,
                rows[i].weight, ws, ws);
    }
    fputs("</tbody></table>\n", out);
}

void nv_html_shares(FILE *out, const netvet_assessment *a)
{
    fputs("<h2 id=\"shares-h\">Vendor and risk-domain shares per "
          "function</h2>\n<p>Risk domain: the state whose law can compel "
          "the vendor (its jurisdiction). Bars are shares of elements; the "
          "tables give weight shares too.</p>\n", out);
    for (int fn = NETVET_FN_COUNT; fn >= 0; fn--) {
        const nv_group_shares *g = &a->shares.group[fn];
        if (g->count == 0)
            continue;
        fprintf(out, "<h3>%s: %llu elements, weight %.0f; largest vendor "
                     "%.1f%%, HHI %.3f</h3>\n",
                fn == NETVET_FN_COUNT ? "whole network"
                                      : netvet_function_name(fn),
                (unsigned long long)g->count, g->weight, 100 * g->top_count,
                g->hhi_count);
        fputs("<div class=\"chart\">vendors<br/>", out);
        stacked(out, a, g, 0);
        fputs("<br/>risk domains<br/>", out);
        stacked(out, a, g, 1);
        fputs("</div>\n", out);
        fputs("<div class=\"pair\">", out);
        share_table(out, a, g, 0);
        share_table(out, a, g, 1);
        fputs("</div>\n", out);
        if (g->domains_overlap) { /* an element in several domains */
            fputs("<p>", out);
            nv_html_text(out, nv_domains_overlap_note);
            fputs(".</p>\n", out);
        }
    }
}

static void exposure_rows(FILE *out, const netvet_assessment *a, int kind)
{
    const nv_exposure *x = &a->exposure;
    fprintf(out, "<table class=\"sortable\"><thead><tr><th>%s</th>"
                 "<th class=\"n\">elements</th><th class=\"n\">lost weight"
                 "</th><th class=\"n\">share</th><th class=\"n\">lost sinks"
                 "</th><th>share of customer weight cut off</th></tr></thead>"
                 "<tbody>\n",
            kind == NV_GROUP_DOMAIN ? "risk domain" : "vendor");
    for (size_t i = 0; i < x->n_groups; i++) {
        const nv_exposure_group *g = &x->groups[i];
        if (g->kind != kind)
            continue;
        double s = nv_html_pct(g->lost_weight, x->sink_weight);
        fputs("<tr><td>", out);
        nv_html_text(out, label(a, kind == NV_GROUP_DOMAIN, g->key));
        fprintf(out, "</td><td class=\"n\" data-v=\"%llu\">%llu</td>"
                     "<td class=\"n\" data-v=\"%.0f\">%.0f</td>"
                     "<td class=\"n\" data-v=\"%.4f\">%.2f%%</td>"
                     "<td class=\"n\" data-v=\"%llu\">%llu</td><td class=\"bar\">",
                (unsigned long long)g->n_elements,
                (unsigned long long)g->n_elements, g->lost_weight,
                g->lost_weight, s, s, (unsigned long long)g->lost_sinks,
                (unsigned long long)g->lost_sinks);
        nv_html_bar(out, s, -1, 220, s > 0 ? "bad" : "ok");
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody></table>\n", out);
}

static void spof_row(FILE *out, const netvet_assessment *a, uint32_t k)
{
    const nv_view *v = &a->view;
    const netvet_inventory *inv = v->inv;
    double s = nv_html_pct(a->dom.impact[k], a->exposure.sink_weight);
    fputs("<tr><td class=\"long\">", out);
    nv_html_text(out, nv_inv_id(inv, k));
    fprintf(out, "</td><td>%s</td><td>", netvet_function_name(inv->function[k]));
    nv_html_text(out, nv_vendor_label(a, v->vendor[k]));
    fputs("</td><td>", out);
    nv_html_text(out, v->dset[k] < 0 ? "?" : nv_dset_label(a, v->dset[k]));
    fputs("</td><td class=\"long\">", out);
    nv_html_text(out, inv->site ? nv_inv_str(inv, inv->site[k]) : "");
    fprintf(out, "</td><td class=\"n\" data-v=\"%.0f\">%.0f</td>"
                 "<td class=\"n\" data-v=\"%.4f\">%.2f%%</td>"
                 "<td class=\"n\">%u</td><td class=\"bar\">",
            a->dom.impact[k], a->dom.impact[k], s, s, inv->line[k]);
    nv_html_bar(out, s, -1, 160, "bad");
    fputs("</td></tr>\n", out);
}

static void spofs(FILE *out, const netvet_assessment *a)
{
    fprintf(out, "<h3>Single points of failure (top %zu)</h3>\n"
                 "<p>The customer weight each element alone cuts off from "
                 "every source.</p>\n", a->n_top);
    if (a->n_top == 0) {
        fputs("<p>None.</p>\n", out);
        return;
    }
    fputs("<table id=\"spof\" class=\"sortable\"><thead><tr><th>element</th>"
          "<th>function</th><th>vendor</th><th>risk domain</th><th>site</th>"
          "<th class=\"n\">weight cut off</th><th class=\"n\">share</th>"
          "<th class=\"n\">line</th><th></th></tr></thead><tbody>\n", out);
    for (size_t i = 0; i < a->n_top; i++)
        spof_row(out, a, a->top[i]);
    fputs("</tbody></table>\n", out);
}

void nv_html_topology(FILE *out, const netvet_assessment *a)
{
    if (!a->has_topology)
        return;
    const nv_exposure *x = &a->exposure;
    fputs("<h2 id=\"exposure-h\">Exposure per risk domain and vendor</h2>\n"
          "<p>Customer weight that loses every path to a source if a "
          "group's equipment is removed. Sources: ", out);
    nv_html_text(out, a->sources_desc);
    fprintf(out, " (%llu); sinks: %llu, weight %.0f; already disconnected: "
                 "%llu sinks, weight %.0f.</p>\n",
            (unsigned long long)x->n_sources, (unsigned long long)x->n_sinks,
            x->sink_weight, (unsigned long long)x->n_disconnected,
            x->disconnected_weight);
    exposure_rows(out, a, NV_GROUP_DOMAIN);
    exposure_rows(out, a, NV_GROUP_VENDOR);
    spofs(out, a);
}
