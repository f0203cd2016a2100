/* SPDX-License-Identifier: Apache-2.0 */
/* The timeline for people: one block per date with the verdict (and the
 * one before when it changed), the scenario changes applied that day and
 * the rule measurements that started or stopped applying or flipped
 * between pass and fail; at the first date, every rule in force. */
#include <string.h>

#include "netvet/version.h"
#include "report/formats.h"
#include "report/report.h"
#include "whatif/timeline.h"

/* Why measurement r is shown at a point, or NULL when it is not. */
static const char *label(const nv_tl_rule *r, int first)
{
    int on = r->status != NETVET_RESULT_NOT_IN_EFFECT;
    int was = r->has_previous &&
              r->previous != NETVET_RESULT_NOT_IN_EFFECT;
    if (first)
        return on ? "in force" : NULL;
    if (on && !was)
        return "starts";
    if (!on)
        return was ? "stops" : NULL;
    if (r->previous == r->status)
        return NULL;
    if (r->status == NETVET_RESULT_FAIL)
        return r->previous == NETVET_RESULT_PASS ? "fails" : "changes";
    if (r->status == NETVET_RESULT_PASS)
        return r->previous == NETVET_RESULT_FAIL ? "passes" : "changes";
    return "changes";
}

static void rule_line(FILE *out, const nv_tl_rule *r, const char *why)
{
    char measure[96];
    snprintf(measure, sizeof(measure), "%s%s%s", r->subject,
             *r->subject ? " " : "", r->measure);
    fprintf(out, "  %-8s %-22s %-22s %s", why, r->rule_id, measure,
            netvet_result_status_name(r->status));
    if (r->status == NETVET_RESULT_PASS || r->status == NETVET_RESULT_FAIL) {
        if (strstr(r->measure, "share"))
            fprintf(out, " %.2f%% (cap %.2f%%)", 100 * r->value,
                    100 * r->limit);
        else
            fprintf(out, " %.0f (max %.0f)", r->value, r->limit);
    }
    fputc('\n', out);
}

static void change_line(FILE *out, const nv_tl_change *c)
{
    fprintf(out, "  %-8s ", "applied");
    nv_text_safe(out, c->scenario_name);
    fprintf(out, ":%lu %s ", c->line, c->action);
    nv_text_safe(out, c->summary);
    fprintf(out, " (%zu element%s)\n", c->elements,
            c->elements == 1 ? "" : "s");
}

static void point_block(FILE *out, const netvet_timeline *t, size_t i)
{
    const nv_tl_point *p = &t->points[i];
    fprintf(out, "\n%s  %s", p->date, nv_verdict_upper(p->verdict));
    if (i && t->points[i - 1].verdict != p->verdict)
        fprintf(out, " (was %s)", nv_verdict_upper(t->points[i - 1].verdict));
    fputc('\n', out);
    for (size_t j = 0; j < p->n_reasons; j++) {
        fputs("  incomplete: ", out);
        nv_text_safe(out, p->reasons[j].message);
        fprintf(out, " (%s)\n", p->reasons[j].code);
    }
    for (size_t j = 0; j < p->n_changes; j++)
        change_line(out, &p->changes[j]);
    size_t shown = 0;
    for (size_t j = 0; j < p->n_rules; j++) {
        const char *why = label(&p->rules[j], i == 0);
        if (why) {
            rule_line(out, &p->rules[j], why);
            shown++;
        }
    }
    if (!shown)
        fprintf(out, "  %s\n", i ? "(no rule changed state)"
                                 : "(no rule in force)");
}

int nv_timeline_text(FILE *out, const nv_report_input *in,
                     const netvet_report_options *opts, netvet_diag *diag)
{
    (void)opts;
    (void)diag;
    const netvet_timeline *t = in->timeline;
    const nv_tl_point *last = &t->points[t->n_points - 1];
    fprintf(out, "Verdict at %s: %s\n  verdicts:", last->date,
            nv_verdict_upper(last->verdict));
    for (size_t i = 0; i < t->n_points; i++)
        if (i == 0 || t->points[i].verdict != t->points[i - 1].verdict)
            fprintf(out, "%s %s from %s", i ? "," : "",
                    nv_verdict_upper(t->points[i].verdict),
                    t->points[i].date);
    fputc('\n', out);
    if (nv_tl_file_count(t, NV_TL_INPUT))
        fputc('\n', out);
    nv_data_summary data = {{0}, {0}};
    for (size_t i = 0; i < t->n_files_read; i++) {
        netvet_input x = nv_tl_file_input(&t->files_read[i]);
        if ((t->files_read[i].views & NV_TL_INPUT) &&
            !nv_report_data_note(&data, x))
            nv_report_text_input(out, x);
    }
    nv_report_text_data_line(out, &data);
    if (t->n_reg_changes) {
        fputc('\n', out);
        nv_report_text_change_header(out);
        for (size_t i = 0; i < t->n_reg_changes; i++) {
            netvet_registry_change c = nv_tl_regchange_at(t, i);
            nv_report_text_change(out, &c);
        }
    }
    fprintf(out, "\nTimeline %s to %s: %zu date%s\n", t->points[0].date,
            last->date, t->n_points, t->n_points == 1 ? "" : "s");
    for (size_t s = 0; s < t->n_scenarios; s++) {
        fputs("Scenario ", out);
        nv_text_safe(out, t->names[s]);
        fputs(" (", out);
        nv_text_safe(out, t->files[s]);
        fputs(")\n", out);
    }
    for (size_t i = 0; i < t->n_points; i++)
        point_block(out, t, i);
    fprintf(out, "\nProvenance\n  netvet %s\n", netvet_version());
    for (size_t i = 0; i < t->n_files_read; i++)
        if (t->files_read[i].views & NV_TL_PROVENANCE)
            nv_report_text_provenance_input(
                out, nv_tl_file_input(&t->files_read[i]));
    return 0;
}
