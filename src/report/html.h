/* SPDX-License-Identifier: Apache-2.0 */
/* The HTML report's pieces (html*.c): escaping, the page around a report
 * (a strict Content-Security-Policy, inline CSS, one inline script whose
 * hash the policy names), inline SVG charts, and the sections of an
 * assessment that every command's HTML report shows. The page fetches
 * nothing: no external script, style, font or image. Every string that
 * comes from an input (inventory, registry, packs, waivers, scenarios)
 * goes through nv_html_text. */
#ifndef NV_REPORT_HTML_H
#define NV_REPORT_HTML_H

#include <stdio.h>

#include "report/report.h"

/* Write s as HTML text, safe in element content and in a quoted
 * attribute value (HTML and SVG): & < > " ' become &amp; &lt; &gt; &quot;
 * &#39;; C0 controls (tab and newline too), DEL and the C1 controls
 * U+0080..U+009F are written as the visible text \xNN, as the text
 * report does (a C1 control as its two UTF-8 bytes, \xc2\xNN). NULL
 * writes nothing. */
void nv_html_text(FILE *out, const char *s);

/* The inline script of every page (filter and sort the tables marked
 * "sortable"; the page reads fully without it) and its CSP hash source
 * "'sha256-BASE64'" into buf[56] ("'none'" if it cannot be hashed: the
 * page then reads without its script). */
extern const char nv_html_script[];
void nv_html_script_hash(char *buf);

/* <!DOCTYPE html> ... <body> with the title (escaped) and the header
 * line "netvet <what> as of DATE". */
void nv_html_begin(FILE *out, const char *title, const char *as_of);
/* The script and </body></html>. */
void nv_html_end(FILE *out);

/* A verdict block: the big PASS / FAIL / INCOMPLETE, a line of counts,
 * and the reasons (incomplete reasons, failing rules). `label` prefixes
 * it ("Verdict", "After", ...). */
void nv_html_verdict(FILE *out, const netvet_assessment *a, int fail_on,
                     const char *label);
/* The rules table: one row per measurement with its margin drawn as a
 * bar against its cap (inline SVG). */
void nv_html_rules(FILE *out, const netvet_assessment *a);
/* Findings table (sortable, filterable; lists up to max elements each),
 * with element id `id` (its heading: id + "-h"). */
int nv_html_findings(FILE *out, const netvet_assessment *a, size_t max,
                     const char *id);
/* Vendor and risk-domain shares per function, as stacked SVG bars and a
 * table. */
void nv_html_shares(FILE *out, const netvet_assessment *a);
/* Exposure per domain and vendor, single points of failure (nothing when
 * the topology was not analysed). */
void nv_html_topology(FILE *out, const netvet_assessment *a);
/* Map of the sites whose elements had lat/lon (nothing when none). */
void nv_html_map(FILE *out, const netvet_assessment *a);
/* Inventory files, the input files with their SHA-256, registry changes,
 * the packs with their rule sources and dates. */
void nv_html_inputs(FILE *out, const netvet_assessment *a);
/* Every section of one assessment after its verdict, in report order. */
int nv_html_assessment_body(FILE *out, const netvet_assessment *a,
                            const netvet_report_options *opts);

/* Percent of part in whole, 0 when whole is not positive. */
double nv_html_pct(double part, double whole);
/* A horizontal bar 0..100 % (value in percent; a cap mark at cap when
 * cap >= 0), width px wide, colour class cls ("ok", "bad", "na"). */
void nv_html_bar(FILE *out, double value, double cap, int width,
                 const char *cls);

#endif
