/* SPDX-License-Identifier: Apache-2.0 */
/* Output of netvet identify: one record per element in text, CSV or JSON
 * (schema netvet-identify/1), streamed as elements are attributed, and
 * the closing summary. The format's own bytes come from its row of the
 * format table (formats.h): an nv_id_format_ops in identify_text.c,
 * identify_csv.c or identify_json.c; what they share is here. */
#ifndef NV_REPORT_IDENTIFY_OUT_H
#define NV_REPORT_IDENTIFY_OUT_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "netvet/attrib.h"
#include "netvet/report.h"

typedef netvet_identify_counts nv_id_counts;
typedef struct nv_id_format_ops nv_id_format_ops;

/* An inventory file an identify report read (owned copy). */
typedef struct nv_id_file {
    char *path;
    unsigned long long bytes;
    char sha256[65]; /* "" when the load did not hash it */
} nv_id_file;

typedef struct nv_id_out {
    FILE *f;
    const nv_id_format_ops *format;
    const netvet_registry *reg;
    const netvet_attributor *at; /* the last one given (its data and
                                  * pattern files are inputs of the
                                  * report), or NULL */
    nv_id_file *files_read;      /* the inventories' files, in order */
    size_t n_files_read;
    size_t records; /* written so far (JSON commas) */
    nv_id_counts n;
    int failed; /* the end could not be written: out of memory */
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
    uint8_t unregistered;
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

/* ---- for the format files ------------------------------------------- */

#define NV_ID_REC_MAX 16384 /* CSV and JSON records are cut after this many
                               bytes (values are capped by the loader,
                               details short) */

/* What differs between the records of one attribution class. */
enum { NV_ID_HOLE_ID, NV_ID_HOLE_MAC };

/* One format of the identify report. */
struct nv_id_format_ops {
    /* header, before the first record */
    void (*begin)(nv_id_out *o);
    /* bytes before a record: the first one's and the others' (NULL none) */
    const char *first_sep, *sep;
    int cut;            /* records are cut at NV_ID_REC_MAX bytes */
    /* the record of one element, its id and MAC text through nv_id_hole */
    void (*render)(const nv_id_out *o, nv_id_writer *w, const char *id,
                   const char *declared, const netvet_attribution *at);
    /* the bytes of a hole (the same rendered whole or from a template) */
    void (*hole)(nv_id_bytes *r, int kind, const char *s, size_t len);
    /* closing summary; `files` are the inputs */
    void (*end)(nv_id_out *o, const char *const *files, size_t n_files);
};

/* Grow r for `more` bytes; 0 (and r->failed) when that fails. */
int nv_id_grow(nv_id_bytes *r, size_t more);

static inline void nv_id_put(nv_id_bytes *r, const char *s, size_t len)
{
    if (len == 0) /* also when nothing is allocated yet: no memcpy(NULL) */
        return;
    if (r->cap - r->n < len && !nv_id_grow(r, len))
        return;
    memcpy(r->b + r->n, s, len);
    r->n += len;
}

static inline void nv_id_puts(nv_id_bytes *r, const char *s)
{
    nv_id_put(r, s, strlen(s));
}

/* x in [0, 1] with two decimals, without printf. */
void nv_id_put_2dp(nv_id_bytes *r, double x);
/* Registry id of vendor v, NULL when v < 0. */
const char *nv_id_vendor(const nv_id_out *o, int v);
/* Render a hole (o->format->hole) into w->out, noting where it lies. */
void nv_id_hole(const nv_id_out *o, nv_id_writer *w, int kind, const char *s,
                size_t len);

/* The files the report read besides the inventories (registry overlays,
 * pattern files) with their SHA-256, and the overlays' changes to built-in
 * vendors: "inputs:" lines and the warning section (text), or the members
 * "inputs" and "registry_changes" written after a ",\n" (JSON).
 * @return 0, or -1 when out of memory (JSON). */
void nv_id_inputs_text(nv_id_out *o);
int nv_id_inputs_json(nv_id_out *o);

/* Provenance: the netvet version and every file read (the inventories'
 * with their sizes and SHA-256, then the inputs above with theirs): a text
 * section "Provenance", or the member "provenance" {"netvet_version",
 * "files": [...]} written after a ",\n" (JSON). identify has no as-of
 * date. @return 0, or -1 when out of memory (JSON). */
void nv_id_provenance_text(nv_id_out *o);
int nv_id_provenance_json(nv_id_out *o);
/* Record the files inventory `inv` was read from. @return 0 or -1 (ENOMEM). */
int nv_id_keep_files(nv_id_out *o, const netvet_inventory *inv);
void nv_id_files_dispose(nv_id_out *o);

#endif
