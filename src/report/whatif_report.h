/* SPDX-License-Identifier: Apache-2.0 */
/* Writers of the comparison reports (what-if, check, plan): the text
 * pieces they share and the JSON builders. Only the public *_write
 * functions touch FILE streams for the caller. */
#ifndef NV_REPORT_WHATIF_REPORT_H
#define NV_REPORT_WHATIF_REPORT_H

#include <stdio.h>

#include <jansson.h>

#include "netvet/whatif.h"
#include "whatif/compare.h"

/* ---- text (whatif_text.c) ---- */

/* "<label>PASS (0 errors, 1 warning, 0 notes)" (no newline). */
void nv_text_verdict(FILE *out, const char *label, nv_verdict v);
/* A rule measurement right-aligned in width columns ("-" when absent). */
void nv_text_value(FILE *out, const nv_rule_result *r, int width);
/* The rule table, before and after (only changed rows if asked). */
void nv_text_rule_pairs(FILE *out, const netvet_assessment *a,
                        const nv_compare *c, int only_changed);
/* Dependent weight per domain, before and after. */
void nv_text_exposure(FILE *out, const netvet_assessment *b,
                      const netvet_assessment *a);
/* "netvet <title> as of DATE" (the first line). */
void nv_whatif_text_title(FILE *out, const netvet_assessment *b,
                          const char *title);
/* A blank line, then inventory, policy, baseline verdict. */
void nv_whatif_text_header(FILE *out, const netvet_assessment *b,
                           int fail_on);
/* @return NETVET_ENOMEM when the assessments cannot be compared. */
int nv_whatif_text_case(FILE *out, const netvet_assessment *b,
                        const netvet_whatif_case *c,
                        const netvet_report_options *opts);

/* ---- plan (plan_text.c, read by plan_json.c too) ---- */

/* Rule id of target t; is it a forbid rule; a vendor's id ("none" < 0). */
const char *nv_plan_rule_id(const netvet_plan *p, size_t t);
int nv_plan_is_forbid(const netvet_plan *p, size_t t);
const char *nv_plan_vendor_id(const netvet_plan *p, int32_t v);

/* ---- JSON (whatif_json.c) ---- */

/* Builders: NULL or *ok = 0 on allocation failure. */
json_t *nv_json_verdict(const netvet_assessment *a, int fail_on, int *ok);
json_t *nv_json_rule_pairs(const netvet_assessment *a, const nv_compare *c,
                           int *ok);
json_t *nv_json_findings(const netvet_assessment *a, const nv_compare *c,
                         int which, int *ok);
json_t *nv_json_shares(const netvet_assessment *b, const netvet_assessment *a,
                       int *ok);
json_t *nv_json_exposure(const netvet_assessment *b,
                         const netvet_assessment *a, int *ok);
json_t *nv_json_header(const netvet_assessment *b, const char *schema,
                       int fail_on, int *ok);
/* Dump doc (consumed) to out with the library's JSON settings. */
int nv_json_dump(FILE *out, json_t *doc, int ok, netvet_diag *diag);

#endif
