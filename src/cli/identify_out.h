/* Output of netvet identify: one record per element in text, CSV or JSON
 * (schema netvet-identify/1), streamed as elements are attributed, and
 * the closing summary. */
#ifndef NV_CLI_IDENTIFY_OUT_H
#define NV_CLI_IDENTIFY_OUT_H

#include <stdint.h>
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

/* Bytes of records, grown as needed; `failed` once a growth failed (the
 * bytes that did not fit are lost). */
typedef struct nv_id_bytes {
    char *b;
    size_t n, cap;
    int failed;
} nv_id_bytes;

/* A record rendered once per attribution class, with holes for what
 * differs within a class: the element id and the MAC text. */
typedef struct nv_id_tpl {
    uint32_t off;       /* literal bytes in nv_id_writer.lit */
    uint32_t len[3];    /* literal before hole 0, between, after hole 1 */
    uint8_t hole[2];    /* what goes in each hole */
    uint8_t n_holes;
    uint8_t state;      /* 0 not yet, 1 ready, 2 not kept (too long) */
    uint8_t attributed, conflict, level; /* for the counts */
} nv_id_tpl;

/* What one thread writes records into: their bytes (the caller writes them
 * out and empties `out`) and the records of the classes met so far. Start
 * zeroed; class ids are the attributor's for one inventory, so use a
 * writer for one inventory only. */
typedef struct nv_id_writer {
    nv_id_bytes out;
    nv_id_tpl *tpl;     /* class id -> its record */
    size_t n_tpl;
    nv_id_bytes lit;    /* literal bytes of all templates */
    nv_id_bytes tmp;    /* scratch (CSV reasons) */
    size_t hole_at[2][2]; /* while rendering: begin and end of each hole */
    uint8_t hole_kind[2];
    int n_holes;
} nv_id_writer;

void nv_id_writer_dispose(nv_id_writer *w);

void nv_id_begin(nv_id_out *o);
/* One element: its id, declared vendor text and attribution, in class
 * `cls` (netvet_attribute_element_class) or NETVET_NO_CLASS, appended to
 * w->out. The bytes are those of the element's own rendering whatever the
 * class: a class's record is rendered once and its holes filled in. */
void nv_id_record(nv_id_out *o, nv_id_writer *w, const char *id,
                  const char *declared, const netvet_attribution *at,
                  uint32_t cls);
/* The same from class cls's record alone, when it has been rendered:
 * `mac` is the element's MAC text (netvet_element_class). @return 1 when
 * written, 0 when the caller must call nv_id_record. */
int nv_id_record_class(nv_id_out *o, nv_id_writer *w, const char *id,
                       uint32_t cls, const char *mac, size_t mac_len);
/* Closing summary (text, JSON); `files` are the inputs. */
void nv_id_end(nv_id_out *o, const char *const *files, size_t n_files);

#endif
