/* SPDX-License-Identifier: Apache-2.0 */
/* Helpers shared by the text and JSON report writers. */
#ifndef NV_REPORT_REPORT_H
#define NV_REPORT_REPORT_H

#include <stdio.h>

#include <jansson.h>

#include "netvet/report.h"
#include "assess/assessment.h"
#include "netvet/results.h"

/* Changes --registry overlays made to built-in vendors (report/
 * registry_changes.c): a text section (nothing when there is none), a
 * JSON array (NULL on ENOMEM). */
void nv_report_text_registry_changes(FILE *out, const netvet_registry *reg);
json_t *nv_report_json_registry_changes(const netvet_registry *reg);
/* The input files a's registry and policy read (a blank line, "inputs:
 * KIND PATH sha256 HEX" lines for the files the user gave, one "data:"
 * line for the attribution data read from the system (IEEE registries,
 * IANA enterprise numbers; their files are in the provenance), then the
 * registry changes after a blank
 * line; nothing for a NULL a or when there is none; every text writer
 * calls it after its verdict), and as a
 * JSON array of nv_report_json_input's (NULL on ENOMEM); `in` adds
 * the scenario files of a what-if report. */
struct nv_report_input;
void nv_report_text_inputs(FILE *out, const netvet_assessment *a,
                           const struct nv_report_input *in);
json_t *nv_report_json_inputs(const netvet_assessment *a);
/* One input ("inputs: KIND PATH sha256 HEX[ version DATE]" line; JSON
 * {"kind", "path", "sha256", "version"?}, NULL on ENOMEM) and one
 * registry change (an indented line under nv_report_text_change_header;
 * JSON object, NULL on ENOMEM), for reports that keep their own copies
 * (timeline). Paths and values are
 * escaped for the terminal. */
void nv_report_text_input(FILE *out, netvet_input in);
/* The attribution data read from the system (IEEE registries, IANA
 * enterprise numbers) are summed up in one "data:" line rather than an
 * "inputs:" line each: nv_report_data_note takes in an input and returns
 * 1 when it is such a file (0: print it as an input); then
 * nv_report_text_data_line prints the line (nothing if none). Zero it to
 * start. */
typedef struct nv_data_set {
    size_t n;
    const char *version; /* borrowed: shown when every file has it */
    int mixed;
} nv_data_set;
typedef struct nv_data_summary {
    nv_data_set ieee, pen;
} nv_data_summary;
int nv_report_data_note(nv_data_summary *d, netvet_input x);
void nv_report_text_data_line(FILE *out, const nv_data_summary *d);
json_t *nv_report_json_input(netvet_input in);
void nv_report_text_change_header(FILE *out);
void nv_report_text_change(FILE *out, const netvet_registry_change *c);
json_t *nv_report_json_change(const netvet_registry_change *c);
/* Provenance (provenance.c): the netvet version, the as-of date and every
 * file read with its SHA-256 and size (when known): a text
 * section "Provenance" and a JSON object {"netvet_version", "as_of",
 * "files": [{"role", "path", "bytes" (when known), "sha256", "version"
 * (attribution data, when it states one)}]}
 * (NULL or *ok = 0 on ENOMEM). `in` adds whatif's scenario files. */
void nv_report_text_provenance(FILE *out, const netvet_assessment *a,
                               const struct nv_report_input *in);
json_t *nv_report_json_provenance(const netvet_assessment *a,
                                  const struct nv_report_input *in, int *ok);
/* One input file of a provenance: a text line "  KIND PATH: N bytes,
 * sha256 HEX, version DATE" (size and version when known; nothing for an
 * input with no path) and a JSON {"role", "path", "bytes"?, "sha256",
 * "version"?} (*ok = 0 on ENOMEM). */
void nv_report_text_provenance_input(FILE *out, netvet_input x);
json_t *nv_report_json_provenance_input(netvet_input x, int *ok);

/* ---- flat reports (SARIF, CSV, JUnit, Markdown; states.c) ---- */
/* One assessed state whose findings a flat report lists, and its label
 * (a scenario's name, "after the plan", or "" for assess). */
typedef struct nv_report_state {
    const netvet_assessment *a;
    const char *label;
} nv_report_state;
/* The states of report `kind` (a netvet_report_kind): *out freed with
 * nv_free. @return 0, or NETVET_ENOMEM after saying so in diag. */
int nv_report_states(int kind, const struct nv_report_input *in,
                     nv_report_state **out, size_t *n, netvet_diag *diag);
/* Findings per severity (netvet_severity index) not waived, and waived. */
void nv_report_sev_counts(const netvet_assessment *a, size_t count[3],
                          size_t *waived);

/* Append whatif's scenario files to the JSON array "inputs" of doc.
 * @return 0 or NETVET_ENOMEM. */
int nv_report_json_scenario_inputs(json_t *doc,
                                   const struct nv_report_input *in);

/* Topology sections (no output when the topology was not analysed). */
void nv_report_text_topology(FILE *out, const netvet_assessment *a);
int nv_report_json_topology(json_t *doc, const netvet_assessment *a);
/* Write the per-sink domain dependencies as the last member of the JSON
 * object being written (streamed: there can be millions). */
int nv_report_json_sinks(FILE *out, const netvet_assessment *a);
/* Sort element indexes k[0..n) by element id, bytewise (id_order.c). */
void nv_report_sort_by_id(const netvet_inventory *inv, uint32_t *k, size_t n);
/* k in id order: *out is k itself when the ids arrived sorted, else a
 * sorted *copy the caller frees. @return 0 or NETVET_ENOMEM. */
int nv_report_id_order(const netvet_inventory *inv, const uint32_t *k,
                       size_t n, uint32_t **copy, const uint32_t **out);

/* Quote s as jansson does (", \, \b \f \n \r \t, other control bytes
 * as \u00XX; UTF-8 as is) into buf (6 x strlen(s) + 2 bytes). @return the
 * bytes written. */
size_t nv_json_quote(char *buf, const char *s);
/* Findings' element lists are streamed: the jansson document holds a
 * placeholder string for finding i's list (nonce: any address unique to
 * this report), and the dumped text is written with each placeholder
 * replaced by the list as jansson would print it. @return 0 or -1. */
void nv_json_placeholder(char *buf, size_t size, const void *nonce, size_t i);
int nv_json_write_with_elements(FILE *out, const char *text, size_t len,
                                const netvet_assessment *a, const void *nonce,
                                size_t max_elements);

/* Small by default, complete on request: machine reports (JSON) name at
 * most NV_REPORT_SUMMARY_ELEMENTS elements per finding (the first in id
 * order; the total is always there) and leave out the per-sink
 * dependency rows, unless opts->details is set (or the options predate
 * it: version 1, which always got everything). */
#define NV_REPORT_SUMMARY_ELEMENTS 100
int nv_report_full(const netvet_report_options *opts);
size_t nv_report_element_limit(const netvet_report_options *opts);

const char *nv_severity_name(netvet_severity s);
/* A finding's "waived" member, and its "waiver" object when it is waived
 * (reason, approved_by, expires, file, line); *ok = 0 on ENOMEM. */
void nv_json_put_waiver(json_t *o, const nv_finding *f, int *ok);
/* obj[key] = val (stolen); clears *ok on failure (val or obj NULL too). */
void nv_json_put(json_t *obj, const char *key, json_t *val, int *ok);
void nv_json_append(json_t *arr, json_t *val, int *ok);
/* Print s for a terminal: C0 controls (newline and tab too), DEL and the
 * C1 controls U+0080..U+009F as \xNN (a C1 control as its two UTF-8 bytes),
 * so an input string can never start a line of its own ("\nVerdict: PASS")
 * nor move the cursor. Every text writer prints input strings with it. */
void nv_text_safe(FILE *out, const char *s);
/* Columns nv_text_safe prints for s (a UTF-8 character counts one). */
int nv_text_safe_width(const char *s);
/* s through nv_text_safe, then spaces up to `width` columns (a table
 * cell; a longer s is printed whole). */
void nv_text_cell(FILE *out, const char *s, int width);
/* The widest rule id among a's results, at least `least` (the rule
 * column of a text table). */
int nv_text_rule_width(const netvet_assessment *a, int least);
/* " [WAIVED]" after a waived finding's title, else "". */
const char *nv_text_waived_mark(const nv_finding *f);
/* The line under a waived finding: "<indent>waived: REASON (approved by
 * X, expires D; FILE:LINE)"; nothing when it is not waived. */
void nv_text_waiver(FILE *out, const char *indent, const nv_finding *f);
/* Vendor id / domain code for a share row key (-1 = "unknown"). */
const char *nv_vendor_label(const netvet_assessment *a, int32_t key);
const char *nv_domain_label(const netvet_assessment *a, int32_t key);
/* Label of domain set `key`: "CN", "CN+FI" (a vendor in two domains), ""
 * (in none), "unknown" for -1. */
const char *nv_dset_label(const netvet_assessment *a, int32_t key);
/* What the reports say under domain shares when an element counts in two
 * domains or more (nv_group_shares.domains_overlap). */
extern const char nv_domains_overlap_note[];
/* "PASS", "FAIL" or "INCOMPLETE". */
const char *nv_verdict_upper(netvet_verdict v);
/* One line per reason the assessment is incomplete, "<indent>code:
 * message" (nothing when it is complete). */
void nv_report_text_incomplete(FILE *out, const netvet_assessment *a,
                               const char *indent);
/* [{"reason": code, "message": ...}, ...] (NULL on allocation failure). */
json_t *nv_report_json_incomplete(const netvet_assessment *a);
/* ---- what a text report opens with (verdict_text.c) ---- */
/* "Verdict: FAIL (3 errors, ...)", a "fails:" line per failing
 * measurement with its margin, and the reasons it is incomplete. */
void nv_text_verdict_block(FILE *out, const netvet_assessment *a,
                           int fail_on);
/* The "fails:" lines alone. @return how many. */
size_t nv_text_failing(FILE *out, const netvet_assessment *a,
                       const char *indent);
/* "40.00%, cap 35.00%: over by 5.00 points" / "3 in scope, max 0: over
 * by 3". */
void nv_text_margin(FILE *out, const nv_rule_result *r);
/* "Next steps": one per failing rule, per failing finding of netvet's
 * own checks and per incomplete reason; rules that start later. */
void nv_text_next_steps(FILE *out, const netvet_assessment *a, int fail_on);
/* "(WHAT: <opts->details_hint>)" when details were not asked for and the
 * caller said how to ask. */
void nv_text_details_hint(FILE *out, const netvet_report_options *opts,
                          const char *what);

/* Date as YYYY-MM-DD into buf[11]. */
void nv_report_as_of(const netvet_assessment *a, char *buf);

#endif
