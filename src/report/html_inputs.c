/* SPDX-License-Identifier: Apache-2.0 */
/* The HTML report's provenance: the inventory files it read (rows read,
 * loaded, skipped), the other input files with their SHA-256, what a
 * registry overlay changed, and every pack and rule with its public
 * source and the dates it applies. */
#include "report/html.h"

static void inventory_file(FILE *out, const netvet_inventory *inv, int which)
{
    const char *path = netvet_inventory_path(inv, which);
    netvet_load_stats s = netvet_inventory_stats(inv, which);
    if (!*path)
        return;
    fprintf(out, "<tr><td>%s</td><td class=\"long\">",
            which ? "links" : "elements");
    nv_html_text(out, path);
    fprintf(out, "</td><td>%llu rows read, %llu loaded, %llu skipped</td>"
                 "</tr>\n",
            (unsigned long long)s.rows_read, (unsigned long long)s.rows_loaded,
            (unsigned long long)s.rows_skipped);
}

static void files(FILE *out, const netvet_assessment *a)
{
    const netvet_inventory *inv = netvet_assessment_inventory(a);
    fputs("<table id=\"inputs\"><thead><tr><th>input</th><th>file</th>"
          "<th>read / SHA-256</th></tr></thead><tbody>\n", out);
    inventory_file(out, inv, 0);
    inventory_file(out, inv, 1);
    for (size_t i = 0; i < netvet_assessment_input_count(a); i++) {
        netvet_input in = netvet_assessment_input(a, i);
        if (!in.path)
            continue;
        fputs("<tr><td>", out);
        nv_html_text(out, in.kind);
        fputs("</td><td class=\"long\">", out);
        nv_html_text(out, in.path);
        fputs("</td><td class=\"ids\">", out);
        if (in.has_bytes)
            fprintf(out, "%llu bytes, ", in.bytes);
        fputs("sha256 ", out);
        nv_html_text(out, in.sha256);
        if (in.version) {
            fputs(", version ", out);
            nv_html_text(out, in.version);
        }
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody></table>\n", out);
}

static void registry_changes(FILE *out, const netvet_registry *reg)
{
    size_t n = netvet_registry_change_count(reg);
    if (!n)
        return;
    fputs("<h3>Registry overlays changed built-in vendors</h3>\n<p>Warning: "
          "who can compel these vendors is not what netvet ships.</p>\n<ul>\n",
          out);
    for (size_t i = 0; i < n; i++) {
        const netvet_registry_change *c = netvet_registry_change_at(reg, i);
        fputs("<li class=\"long\">", out);
        nv_html_text(out, c->file);
        fprintf(out, ":%lu: vendor ", c->line);
        nv_html_text(out, c->vendor);
        fputs(": ", out);
        nv_html_text(out, c->field);
        fputs(" &#8216;", out);
        nv_html_text(out, c->before);
        fputs("&#8217; &#8594; &#8216;", out);
        nv_html_text(out, c->after);
        fputs("&#8217;</li>\n", out);
    }
    fputs("</ul>\n", out);
}

static void packs(FILE *out, const netvet_policy *p)
{
    fputs("<h3>Packs</h3>\n", out);
    if (!p || p->n_packs == 0) {
        fputs("<p>None.</p>\n", out);
        return;
    }
    fputs("<ul>\n", out);
    for (size_t i = 0; i < p->n_packs; i++) {
        const nv_pack *pk = &p->packs[i];
        fputs("<li class=\"long\"><b>", out);
        nv_html_text(out, pk->id);
        fputs("</b>: ", out);
        nv_html_text(out, pk->title);
        fputs("<br/>source: ", out);
        nv_html_text(out, pk->source);
        for (size_t k = 0; k < pk->assumptions.n; k++) {
            fputs("<br/>assumes: ", out);
            nv_html_text(out, pk->assumptions.items[k]);
        }
        fputs("</li>\n", out);
    }
    fputs("</ul>\n", out);
}

static void rules(FILE *out, const netvet_policy *p)
{
    size_t n = p ? netvet_policy_rule_count(p) : 0;
    if (n == 0)
        return;
    fputs("<h3>Rules, their sources and dates</h3>\n<table id=\"rule-sources\" "
          "class=\"sortable\"><thead><tr><th>rule</th><th>pack</th>"
          "<th>kind</th><th>severity</th><th>title</th><th>from</th>"
          "<th>until</th><th>source</th></tr></thead><tbody>\n", out);
    for (size_t i = 0; i < n; i++) {
        netvet_rule_info r = netvet_policy_rule(p, i);
        fputs("<tr><td>", out);
        nv_html_text(out, r.id);
        fputs("</td><td>", out);
        nv_html_text(out, r.pack);
        fprintf(out, "</td><td>%s</td><td>%s</td><td class=\"long\">",
                netvet_rule_kind_name(r.kind), nv_severity_name(r.severity));
        nv_html_text(out, r.title);
        fputs("</td><td>", out);
        nv_html_text(out, *r.effective ? r.effective : "always");
        fputs("</td><td>", out);
        nv_html_text(out, *r.until ? r.until : "never");
        fputs("</td><td class=\"long\">", out);
        nv_html_text(out, r.source);
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody></table>\n", out);
}

void nv_html_inputs(FILE *out, const netvet_assessment *a)
{
    fputs("<h2 id=\"inputs-h\">Inputs and rule sources</h2>\n", out);
    files(out, a);
    registry_changes(out, a->view.reg);
    packs(out, a->policy);
    rules(out, a->policy);
}
