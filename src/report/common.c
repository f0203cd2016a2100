/* SPDX-License-Identifier: Apache-2.0 */
/* Labels shared by every report format. */
#include <stdint.h>

#include "report/report.h"

void nv_text_safe(FILE *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    for (;;) {
        const unsigned char *q = p;
        while (*q >= 0x20 && *q != 0x7f && !(q[0] == 0xc2 && q[1] >= 0x80 &&
                                             q[1] <= 0x9f))
            q++;
        fwrite(p, 1, (size_t)(q - p), out);
        if (!*q)
            return;
        if (*q == 0xc2) {
            fprintf(out, "\\xc2\\x%02x", q[1]);
            p = q + 2;
        } else {
            fprintf(out, "\\x%02x", *q);
            p = q + 1;
        }
    }
}

/* Is p the start of a character nv_text_safe escapes as 8 bytes? */
static int is_c1(const unsigned char *p)
{
    return p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f;
}

int nv_text_safe_width(const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    int w = 0;
    while (*p) {
        if (is_c1(p)) {
            w += 8;
            p += 2;
            continue;
        }
        if (*p < 0x20 || *p == 0x7f)
            w += 4;
        else if ((*p & 0xc0) != 0x80) /* not a continuation byte */
            w++;
        p++;
    }
    return w;
}

void nv_text_cell(FILE *out, const char *s, int width)
{
    nv_text_safe(out, s);
    for (int w = nv_text_safe_width(s); w < width; w++)
        fputc(' ', out);
}

int nv_text_rule_width(const netvet_assessment *a, int least)
{
    int w = least;
    for (size_t i = 0; a && a->policy && i < a->results.n; i++) {
        int n = nv_text_safe_width(
            netvet_policy_rule(a->policy, a->results.items[i].rule).id);
        w = n > w ? n : w;
    }
    return w;
}

const char *nv_severity_name(netvet_severity s)
{
    switch (s) {
    case NETVET_SEV_ERROR: return "error";
    case NETVET_SEV_WARNING: return "warning";
    default: return "note";
    }
}

const char *nv_vendor_label(const netvet_assessment *a, int32_t key)
{
    if (key < 0)
        return "unknown";
    return netvet_registry_vendor(a->view.reg, (size_t)key)->id;
}

const char *nv_domain_label(const netvet_assessment *a, int32_t key)
{
    return key < 0 ? "unknown" : a->view.domain_country[key];
}

const char nv_domains_overlap_note[] =
    "a vendor in several risk domains counts in each: the domain shares "
    "add up to more than 100%";

const char *nv_dset_label(const netvet_assessment *a, int32_t key)
{
    return key < 0 ? "unknown" : a->view.dset_label[key];
}

void nv_report_as_of(const netvet_assessment *a, char *buf)
{
    nv_format_date(a->view.as_of, buf);
}

const char *nv_verdict_upper(netvet_verdict v)
{
    return v == NETVET_VERDICT_FAIL         ? "FAIL"
           : v == NETVET_VERDICT_INCOMPLETE ? "INCOMPLETE"
                                            : "PASS";
}

void nv_report_text_incomplete(FILE *out, const netvet_assessment *a,
                               const char *indent)
{
    for (size_t i = 0; i < netvet_assessment_incomplete_count(a); i++) {
        const char *msg = "";
        const char *code = netvet_assessment_incomplete(a, i, &msg);
        fprintf(out, "%sincomplete: ", indent);
        nv_text_safe(out, msg);
        fprintf(out, " (%s)\n", code);
    }
}

json_t *nv_report_json_incomplete(const netvet_assessment *a)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < netvet_assessment_incomplete_count(a); i++) {
        const char *msg = "";
        const char *code = netvet_assessment_incomplete(a, i, &msg);
        json_t *o = json_pack("{s:s, s:s}", "reason", code, "message", msg);
        if (!o || json_array_append_new(arr, o) < 0) {
            json_decref(arr);
            return NULL;
        }
    }
    return arr;
}

void nv_json_put_waiver(json_t *o, const nv_finding *f, int *ok)
{
    nv_json_put(o, "waived", json_boolean(f->waived), ok);
    if (!f->waived)
        return;
    json_t *w = json_object();
    if (!w) {
        *ok = 0;
        return;
    }
    nv_json_put(w, "reason", json_string(f->waiver_reason), ok);
    nv_json_put(w, "approved_by", json_string(f->waiver_by), ok);
    nv_json_put(w, "expires", json_string(f->waiver_expires), ok);
    nv_json_put(w, "file", json_string(f->waiver_file), ok);
    nv_json_put(w, "line", json_integer((json_int_t)f->waiver_line), ok);
    nv_json_put(o, "waiver", w, ok);
}

const char *nv_text_waived_mark(const nv_finding *f)
{
    return f->waived ? " [WAIVED]" : "";
}

void nv_text_waiver(FILE *out, const char *indent, const nv_finding *f)
{
    if (!f->waived)
        return;
    fprintf(out, "%swaived: ", indent);
    nv_text_safe(out, f->waiver_reason);
    fputs(" (approved by ", out);
    nv_text_safe(out, f->waiver_by);
    fprintf(out, ", expires %s; ", f->waiver_expires);
    nv_text_safe(out, f->waiver_file);
    fprintf(out, ":%lu)\n", f->waiver_line);
}

int nv_report_full(const netvet_report_options *opts)
{
    return opts->version < 2 || opts->details;
}

size_t nv_report_element_limit(const netvet_report_options *opts)
{
    return nv_report_full(opts) ? SIZE_MAX : NV_REPORT_SUMMARY_ELEMENTS;
}
