/* SPDX-License-Identifier: Apache-2.0 */
/* The timeline as JSON (schema netvet-timeline/1, docs/json-schema.md):
 * per date the verdict, every rule measurement with its status at the
 * date before, and the scenario changes applied that day. */

#include "netvet/version.h"
#include "report/formats.h"
#include "report/report.h"
#include "report/whatif_report.h"
#include "whatif/timeline.h"

static json_t *rule_json(const nv_tl_rule *r, int *ok)
{
    json_t *o = json_object();
    nv_json_put(o, "rule", json_string(r->rule_id), ok);
    nv_json_put(o, "pack", json_string(r->pack), ok);
    nv_json_put(o, "subject", json_string(r->subject), ok);
    nv_json_put(o, "measure", json_string(r->measure), ok);
    nv_json_put(o, "status",
                json_string(netvet_result_status_name(r->status)), ok);
    nv_json_put(o, "previous",
                r->has_previous
                    ? json_string(netvet_result_status_name(r->previous))
                    : json_null(), ok);
    nv_json_put(o, "value", json_real(r->value), ok);
    nv_json_put(o, "limit", json_real(r->limit), ok);
    return o;
}

static json_t *change_json(const nv_tl_change *c, int *ok)
{
    json_t *o = json_object();
    nv_json_put(o, "scenario", json_string(c->scenario_name), ok);
    nv_json_put(o, "file", json_string(c->file), ok);
    nv_json_put(o, "line", json_integer((json_int_t)c->line), ok);
    nv_json_put(o, "date", *c->date ? json_string(c->date) : json_null(), ok);
    nv_json_put(o, "action", json_string(c->action), ok);
    nv_json_put(o, "summary", json_string(c->summary), ok);
    nv_json_put(o, "elements", json_integer((json_int_t)c->elements), ok);
    return o;
}

static json_t *point_json(const nv_tl_point *p, int *ok)
{
    json_t *o = json_object(), *rules = json_array(), *ch = json_array();
    nv_json_put(o, "date", json_string(p->date), ok);
    nv_json_put(o, "verdict", json_string(nv_verdict_upper(p->verdict)), ok);
    json_t *why = json_array();
    for (size_t j = 0; j < p->n_reasons && *ok; j++)
        nv_json_append(why, json_pack("{s:s, s:s}", "reason",
                                      p->reasons[j].code, "message",
                                      p->reasons[j].message), ok);
    nv_json_put(o, "incomplete", why, ok);
    for (size_t j = 0; j < p->n_rules && *ok; j++)
        nv_json_append(rules, rule_json(&p->rules[j], ok), ok);
    for (size_t j = 0; j < p->n_changes && *ok; j++)
        nv_json_append(ch, change_json(&p->changes[j], ok), ok);
    nv_json_put(o, "rules", rules, ok);
    nv_json_put(o, "changes", ch, ok);
    return o;
}

/* {"netvet_version", "files": [{"role", "path", "bytes"?, "sha256",
 * "version"?}]} */
static json_t *provenance(const netvet_timeline *t, int *ok)
{
    json_t *files = json_array();
    for (size_t i = 0; i < t->n_files_read; i++)
        if (t->files_read[i].views & NV_TL_PROVENANCE)
            nv_json_append(files,
                           nv_report_json_provenance_input(
                               nv_tl_file_input(&t->files_read[i]), ok),
                           ok);
    json_t *o = json_pack("{s:s}", "netvet_version", netvet_version());
    nv_json_put(o, "files", files, ok);
    if (!o)
        *ok = 0;
    return o;
}

int nv_timeline_json(FILE *out, const nv_report_input *in,
                     const netvet_report_options *opts, netvet_diag *diag)
{
    (void)opts;
    const netvet_timeline *t = in->timeline;
    int ok = 1;
    json_t *doc = json_object(), *sc = json_array(), *pts = json_array();
    nv_json_put(doc, "schema", json_string(NETVET_TIMELINE_JSON_SCHEMA), &ok);
    nv_json_put(doc, "netvet_version", json_string(netvet_version()), &ok);
    nv_json_put(doc, "fail_on",
                json_string(t->fail_on < 0 ? "never"
                                           : nv_severity_name(t->fail_on)),
                &ok);
    nv_json_put(doc, "provenance", provenance(t, &ok), &ok);
    for (size_t s = 0; s < t->n_scenarios; s++) {
        json_t *o = json_object();
        nv_json_put(o, "name", json_string(t->names[s]), &ok);
        nv_json_put(o, "file", json_string(t->files[s]), &ok);
        nv_json_append(sc, o, &ok);
    }
    nv_json_put(doc, "scenarios", sc, &ok);
    json_t *inputs = json_array(), *changes = json_array();
    for (size_t i = 0; i < t->n_files_read && ok; i++)
        if (t->files_read[i].views & NV_TL_INPUT)
            nv_json_append(inputs,
                           nv_report_json_input(
                               nv_tl_file_input(&t->files_read[i])),
                           &ok);
    for (size_t i = 0; i < t->n_reg_changes && ok; i++) {
        netvet_registry_change c = nv_tl_regchange_at(t, i);
        nv_json_append(changes, nv_report_json_change(&c), &ok);
    }
    nv_json_put(doc, "inputs", inputs, &ok);
    nv_json_put(doc, "registry_changes", changes, &ok);
    for (size_t i = 0; i < t->n_points && ok; i++)
        nv_json_append(pts, point_json(&t->points[i], &ok), &ok);
    nv_json_put(doc, "points", pts, &ok);
    return nv_json_dump(out, doc, ok, diag);
}
