/* SPDX-License-Identifier: Apache-2.0 */
/* The format table: every report netvet writes, for every command, is one
 * row (report kind, format) -> writer. The public entry points build an
 * nv_report_input and call nv_report_dispatch; a (kind, format) pair with
 * no row is an error naming the formats the kind has, never a fallback.
 * A new format is one new file with its writer plus one row of
 * NV_FORMAT_TABLE per report it serves. */
#ifndef NV_REPORT_FORMATS_H
#define NV_REPORT_FORMATS_H

#include <stdio.h>

#include <stdint.h>

#include "netvet/whatif.h"

struct nv_compare;     /* whatif/compare.h */
struct nv_id_format_ops; /* report/identify_out.h */

typedef netvet_report_kind nv_report_kind;
#define NV_REPORT_KIND_COUNT (NETVET_REPORT_PACKS + 1)

/* What a writer reads; each kind sets its own members (all borrowed). */
typedef struct nv_report_input {
    const netvet_assessment *assessment; /* assess; whatif: the baseline */
    const netvet_whatif_case *cases;     /* whatif */
    size_t n_cases;
    const netvet_check *check;           /* check */
    const struct nv_compare *compare;    /* check: before vs after */
    const netvet_plan *plan;             /* plan */
    const netvet_timeline *timeline;     /* timeline */
    const netvet_registry *registry;     /* vendors */
    const netvet_vendors_options *vendors; /* vendors */
    int32_t as_of;                       /* vendors: vendors->as_of */
    const netvet_policy *policy;         /* packs */
    const char *pack_id;                 /* packs: NULL = all */
} nv_report_input;

/* The assessment whose registry and policy the report used (assess,
 * whatif: the baseline; check, plan: before), or NULL (timeline). */
const netvet_assessment *nv_report_assessment(nv_report_kind kind,
                                              const nv_report_input *in);

/* A whole-document writer. @return 0 or a negative netvet status (its
 * message in diag). */
typedef int (*nv_report_fn)(FILE *out, const nv_report_input *in,
                            const netvet_report_options *opts,
                            netvet_diag *diag);

typedef struct nv_format_row {
    nv_report_kind kind;
    netvet_format format;
    nv_report_fn write;                       /* NULL for identify */
    const struct nv_id_format_ops *identify;  /* identify's streamed writer */
} nv_format_row;

/* Name of a report kind ("assess", "whatif", ...). */
const char *nv_report_kind_name(nv_report_kind kind);

/* The row of (kind, format), or NULL after failing diag with NETVET_EINVAL
 * and "format 'csv' is not available for the whatif report (text, json)". */
const nv_format_row *nv_report_find(nv_report_kind kind, netvet_format format,
                                    netvet_diag *diag);

/* Look up (kind, opts->format) and run its writer; a failed stream becomes
 * NETVET_EIO. @return 0, NETVET_EINVAL (no such row), or the writer's. */
int nv_report_dispatch(nv_report_kind kind, FILE *out,
                       const nv_report_input *in,
                       const netvet_report_options *opts, netvet_diag *diag);

/* ---- the table ----
 * One row per (report, format) netvet can write, in the order the error
 * message lists a report's formats: W(kind, format, writer) for a whole
 * document, I(kind, format, ops) for identify's streamed records. A row
 * here declares its writer and puts it in formats.c's table. */
#define NV_FORMAT_TABLE(W, I)                                                \
    W(NETVET_REPORT_ASSESS, NETVET_FORMAT_TEXT,                              \
      nv_assess_text) /* text.c */                                           \
    W(NETVET_REPORT_ASSESS, NETVET_FORMAT_JSON,                              \
      nv_assess_json) /* json.c */                                           \
    W(NETVET_REPORT_WHATIF, NETVET_FORMAT_TEXT,                              \
      nv_whatif_text) /* whatif_text.c */                                    \
    W(NETVET_REPORT_WHATIF, NETVET_FORMAT_JSON,                              \
      nv_whatif_json) /* whatif_json.c */                                    \
    W(NETVET_REPORT_CHECK, NETVET_FORMAT_TEXT,                               \
      nv_check_text) /* check_text.c */                                      \
    W(NETVET_REPORT_CHECK, NETVET_FORMAT_JSON,                               \
      nv_check_json) /* check_json.c */                                      \
    W(NETVET_REPORT_PLAN, NETVET_FORMAT_TEXT,                                \
      nv_plan_text) /* plan_text.c */                                        \
    W(NETVET_REPORT_PLAN, NETVET_FORMAT_JSON,                                \
      nv_plan_json) /* plan_json.c */                                        \
    W(NETVET_REPORT_TIMELINE, NETVET_FORMAT_TEXT,                            \
      nv_timeline_text) /* timeline_text.c */                                \
    W(NETVET_REPORT_TIMELINE, NETVET_FORMAT_JSON,                            \
      nv_timeline_json) /* timeline_json.c */                                \
    I(NETVET_REPORT_IDENTIFY, NETVET_FORMAT_TEXT,                            \
      nv_identify_text) /* identify_text.c */                                \
    I(NETVET_REPORT_IDENTIFY, NETVET_FORMAT_CSV,                             \
      nv_identify_csv) /* identify_csv.c */                                  \
    I(NETVET_REPORT_IDENTIFY, NETVET_FORMAT_JSON,                            \
      nv_identify_json) /* identify_json.c */                                \
    W(NETVET_REPORT_ASSESS, NETVET_FORMAT_HTML,                              \
      nv_assess_html) /* html.c */                                           \
    W(NETVET_REPORT_WHATIF, NETVET_FORMAT_HTML,                              \
      nv_whatif_html) /* html_compare.c */                                   \
    W(NETVET_REPORT_CHECK, NETVET_FORMAT_HTML,                               \
      nv_check_html) /* html_compare.c */                                    \
    W(NETVET_REPORT_PLAN, NETVET_FORMAT_HTML,                                \
      nv_plan_html) /* html_compare.c */                                     \
    W(NETVET_REPORT_TIMELINE, NETVET_FORMAT_HTML,                            \
      nv_timeline_html) /* html.c */                                         \
    W(NETVET_REPORT_VENDORS, NETVET_FORMAT_TEXT,                             \
      nv_vendors_text) /* vendors_text.c */                                  \
    W(NETVET_REPORT_VENDORS, NETVET_FORMAT_JSON,                             \
      nv_vendors_json) /* vendors_json.c */                                  \
    W(NETVET_REPORT_PACKS, NETVET_FORMAT_TEXT,                               \
      nv_packs_text) /* packs_report.c */                                    \
    W(NETVET_REPORT_PACKS, NETVET_FORMAT_JSON,                               \
      nv_packs_json) /* packs_report.c */                                   \
    W(NETVET_REPORT_ASSESS, NETVET_FORMAT_SARIF, nv_assess_sarif)            \
    W(NETVET_REPORT_WHATIF, NETVET_FORMAT_SARIF, nv_whatif_sarif)            \
    W(NETVET_REPORT_CHECK, NETVET_FORMAT_SARIF, nv_check_sarif)              \
    W(NETVET_REPORT_PLAN, NETVET_FORMAT_SARIF,                               \
      nv_plan_sarif) /* sarif.c */                                           \
    W(NETVET_REPORT_ASSESS, NETVET_FORMAT_CSV, nv_assess_csv)                \
    W(NETVET_REPORT_WHATIF, NETVET_FORMAT_CSV, nv_whatif_csv)                \
    W(NETVET_REPORT_CHECK, NETVET_FORMAT_CSV, nv_check_csv)                  \
    W(NETVET_REPORT_PLAN, NETVET_FORMAT_CSV,                                 \
      nv_plan_csv) /* findings_csv.c */                                      \
    W(NETVET_REPORT_ASSESS, NETVET_FORMAT_JUNIT, nv_assess_junit)            \
    W(NETVET_REPORT_WHATIF, NETVET_FORMAT_JUNIT, nv_whatif_junit)            \
    W(NETVET_REPORT_CHECK, NETVET_FORMAT_JUNIT, nv_check_junit)              \
    W(NETVET_REPORT_PLAN, NETVET_FORMAT_JUNIT,                               \
      nv_plan_junit) /* junit.c */                                           \
    W(NETVET_REPORT_ASSESS, NETVET_FORMAT_MARKDOWN, nv_assess_markdown)      \
    W(NETVET_REPORT_WHATIF, NETVET_FORMAT_MARKDOWN, nv_whatif_markdown)      \
    W(NETVET_REPORT_CHECK, NETVET_FORMAT_MARKDOWN, nv_check_markdown)        \
    W(NETVET_REPORT_PLAN, NETVET_FORMAT_MARKDOWN,                            \
      nv_plan_markdown) /* markdown.c */                                     \
    W(NETVET_REPORT_TIMELINE, NETVET_FORMAT_SARIF, nv_timeline_sarif)        \
    W(NETVET_REPORT_TIMELINE, NETVET_FORMAT_CSV, nv_timeline_csv)            \
    W(NETVET_REPORT_TIMELINE, NETVET_FORMAT_JUNIT, nv_timeline_junit)        \
    W(NETVET_REPORT_TIMELINE, NETVET_FORMAT_MARKDOWN, nv_timeline_markdown)

#define NV_DECLARE_WRITER(kind, format, fn)                                 \
    int fn(FILE *out, const nv_report_input *in,                            \
           const netvet_report_options *opts, netvet_diag *diag);
#define NV_DECLARE_ID_OPS(kind, format, ops)                                \
    extern const struct nv_id_format_ops ops;
NV_FORMAT_TABLE(NV_DECLARE_WRITER, NV_DECLARE_ID_OPS)

#endif
