/* SPDX-License-Identifier: Apache-2.0 */
/* What every report says about the files it was given besides the
 * inventory: the input files with their SHA-256 (registry overlays, the
 * user's packs, pattern files, waiver files) and, as a warning, what a --registry overlay changed in
 * who can compel a built-in vendor (country, parent, state control,
 * listings; recorded by vendors/registry_changes.c): text lines before the
 * report, JSON members "inputs" and "registry_changes". */
#include <string.h>

#include "report/formats.h"
#include "report/report.h"
#include "whatif/check.h"
#include "whatif/plan.h"

const netvet_assessment *nv_report_assessment(nv_report_kind kind,
                                              const nv_report_input *in)
{
    const netvet_assessment *a = in->assessment;
    if (kind == NETVET_REPORT_CHECK && in->check)
        a = in->check->before;
    if (kind == NETVET_REPORT_PLAN && in->plan)
        a = in->plan->before;
    return a;
}

void nv_report_text_input(FILE *out, netvet_input in)
{
    if (!in.path)
        return;
    fprintf(out, "inputs: %s ", in.kind);
    nv_text_safe(out, in.path);
    fprintf(out, " sha256 %s", in.sha256);
    if (in.version)
        fprintf(out, " version %s", in.version);
    fputc('\n', out);
}

json_t *nv_report_json_input(netvet_input in)
{
    json_t *o = json_pack("{s:s, s:s, s:s}", "kind", in.kind, "path", in.path,
                          "sha256", in.sha256);
    if (o && in.version &&
        json_object_set_new(o, "version", json_string(in.version)) < 0) {
        json_decref(o);
        return NULL;
    }
    return o;
}

void nv_report_text_change_header(FILE *out)
{
    fputs("Registry overlays changed (warning: who can compel these "
          "built-in vendors is not what netvet ships)\n", out);
}

void nv_report_text_change(FILE *out, const netvet_registry_change *c)
{
    fputs("  ", out);
    nv_text_safe(out, c->file);
    fprintf(out, ":%lu: vendor %s: %s '", c->line, c->vendor, c->field);
    nv_text_safe(out, c->before);
    fputs("' -> '", out);
    nv_text_safe(out, c->after);
    fputs("'\n", out);
}

json_t *nv_report_json_change(const netvet_registry_change *c)
{
    return json_pack("{s:s, s:I, s:s, s:s, s:s, s:s}", "file", c->file,
                     "line", (json_int_t)c->line, "vendor", c->vendor,
                     "field", c->field, "before", c->before, "after",
                     c->after);
}

/* Append item to arr, or drop arr (NULL) when either is missing. */
static json_t *append_or_drop(json_t *arr, json_t *item)
{
    if (!item || json_array_append_new(arr, item) < 0) {
        json_decref(arr);
        return NULL;
    }
    return arr;
}

static void data_set_add(nv_data_set *d, const char *version)
{
    if (d->n++ == 0)
        d->version = version;
    else if (!d->version || !version || strcmp(d->version, version))
        d->mixed = 1;
}

int nv_report_data_note(nv_data_summary *d, netvet_input x)
{
    if (!x.path || !x.kind)
        return 0;
    if (!strncmp(x.kind, "ieee-", 5))
        data_set_add(&d->ieee, x.version);
    else if (!strcmp(x.kind, "enterprises"))
        data_set_add(&d->pen, x.version);
    else
        return 0;
    return 1;
}

static void data_set_print(FILE *out, const char *what, const nv_data_set *d)
{
    fprintf(out, "%s (%zu file%s", what, d->n, d->n == 1 ? "" : "s");
    if (d->version && !d->mixed)
        fprintf(out, ", version %s", d->version);
    else if (d->mixed)
        fputs(", versions differ", out);
    fputc(')', out);
}

void nv_report_text_data_line(FILE *out, const nv_data_summary *d)
{
    if (!d->ieee.n && !d->pen.n)
        return;
    fputs("data: ", out);
    if (d->ieee.n)
        data_set_print(out, "IEEE registries", &d->ieee);
    if (d->ieee.n && d->pen.n)
        fputs(", ", out);
    if (d->pen.n)
        data_set_print(out, "IANA enterprise numbers", &d->pen);
    fputs("; files and SHA-256 under Provenance\n", out);
}

void nv_report_text_inputs(FILE *out, const netvet_assessment *a,
                           const nv_report_input *ri)
{
    if (!a)
        return;
    size_t n = netvet_assessment_input_count(a);
    size_t ns = ri && ri->cases ? ri->n_cases : 0;
    if (n || ns) /* a section after the verdict's */
        fputc('\n', out);
    nv_data_summary data = {{0}, {0}};
    for (size_t i = 0; i < n; i++) {
        netvet_input x = netvet_assessment_input(a, i);
        if (!nv_report_data_note(&data, x))
            nv_report_text_input(out, x);
    }
    nv_report_text_data_line(out, &data);
    for (size_t i = 0; i < ns; i++)
        nv_report_text_input(out, netvet_scenario_input(ri->cases[i].scenario));
    nv_report_text_registry_changes(out, a->view.reg);
}

json_t *nv_report_json_inputs(const netvet_assessment *a)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < netvet_assessment_input_count(a); i++)
        arr = append_or_drop(arr,
                             nv_report_json_input(netvet_assessment_input(a, i)));
    return arr;
}

void nv_report_text_registry_changes(FILE *out, const netvet_registry *reg)
{
    size_t n = netvet_registry_change_count(reg);
    if (!n)
        return;
    fputc('\n', out); /* a section of its own */
    nv_report_text_change_header(out);
    for (size_t i = 0; i < n; i++)
        nv_report_text_change(out, netvet_registry_change_at(reg, i));
}

json_t *nv_report_json_registry_changes(const netvet_registry *reg)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < netvet_registry_change_count(reg); i++)
        arr = append_or_drop(
            arr, nv_report_json_change(netvet_registry_change_at(reg, i)));
    return arr;
}

int nv_report_json_scenario_inputs(json_t *doc, const nv_report_input *ri)
{
    json_t *arr = json_object_get(doc, "inputs");
    for (size_t i = 0; arr && ri->cases && i < ri->n_cases; i++) {
        netvet_input in = netvet_scenario_input(ri->cases[i].scenario);
        if (!in.path)
            continue;
        json_t *o = nv_report_json_input(in);
        if (!o || json_array_append_new(arr, o) < 0)
            return NETVET_ENOMEM;
    }
    return 0;
}
