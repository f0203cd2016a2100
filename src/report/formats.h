/* The format table: every report netvet writes, for every command, is one
 * row (report kind, format) -> writer. The public entry points build an
 * nv_report_input and call nv_report_dispatch; a (kind, format) pair with
 * no row is an error naming the formats the kind has, never a fallback.
 * A new format is one new file with its writers plus one row per kind. */
#ifndef NV_REPORT_FORMATS_H
#define NV_REPORT_FORMATS_H

#include <stdio.h>

#include "netvet/whatif.h"

struct nv_compare;     /* whatif/compare.h */
struct nv_id_format_ops; /* report/identify_out.h */

typedef enum nv_report_kind {
    NV_REPORT_ASSESS = 0,
    NV_REPORT_WHATIF,
    NV_REPORT_CHECK,
    NV_REPORT_PLAN,
    NV_REPORT_IDENTIFY,
    NV_REPORT_KIND_COUNT
} nv_report_kind;

/* What a writer reads; each kind sets its own members (all borrowed). */
typedef struct nv_report_input {
    const netvet_assessment *assessment; /* assess; whatif: the baseline */
    const netvet_whatif_case *cases;     /* whatif */
    size_t n_cases;
    const netvet_check *check;           /* check */
    const struct nv_compare *compare;    /* check: before vs after */
    const netvet_plan *plan;             /* plan */
} nv_report_input;

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

/* ---- the writers the table lists, one file per (kind, format) ---- */
int nv_assess_text(FILE *out, const nv_report_input *in,
                   const netvet_report_options *opts, netvet_diag *diag);
int nv_assess_json(FILE *out, const nv_report_input *in,
                   const netvet_report_options *opts, netvet_diag *diag);
int nv_whatif_text(FILE *out, const nv_report_input *in,
                   const netvet_report_options *opts, netvet_diag *diag);
int nv_whatif_json(FILE *out, const nv_report_input *in,
                   const netvet_report_options *opts, netvet_diag *diag);
int nv_check_text(FILE *out, const nv_report_input *in,
                  const netvet_report_options *opts, netvet_diag *diag);
int nv_check_json(FILE *out, const nv_report_input *in,
                  const netvet_report_options *opts, netvet_diag *diag);
int nv_plan_text(FILE *out, const nv_report_input *in,
                 const netvet_report_options *opts, netvet_diag *diag);
int nv_plan_json(FILE *out, const nv_report_input *in,
                 const netvet_report_options *opts, netvet_diag *diag);
extern const struct nv_id_format_ops nv_identify_text, nv_identify_csv,
    nv_identify_json;

#endif
