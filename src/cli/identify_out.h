/* Output of netvet identify: one record per element in text, CSV or JSON
 * (schema netvet-identify/1), streamed as elements are attributed, and
 * the closing summary. */
#ifndef NV_CLI_IDENTIFY_OUT_H
#define NV_CLI_IDENTIFY_OUT_H

#include <stdio.h>

#include "netvet/netvet.h"

typedef enum nv_id_format { NV_ID_TEXT, NV_ID_CSV, NV_ID_JSON } nv_id_format;

typedef struct nv_id_counts {
    size_t elements, attributed, conflicts, unattributed;
    size_t level[4]; /* per netvet_confidence */
} nv_id_counts;

typedef struct nv_id_out {
    FILE *f;
    nv_id_format format;
    const netvet_registry *reg;
    size_t records; /* written so far (JSON commas) */
    nv_id_counts n;
} nv_id_out;

void nv_id_begin(nv_id_out *o);
/* One element: its id, declared vendor text and attribution. */
void nv_id_record(nv_id_out *o, const char *id, const char *declared,
                  const netvet_attribution *at);
/* Closing summary (text, JSON); `files` are the inputs. */
void nv_id_end(nv_id_out *o, const char *const *files, size_t n_files);

#endif
