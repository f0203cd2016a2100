/* SPDX-License-Identifier: Apache-2.0 */
/* Importers: turn a foreign file (nmap XML, GraphML, NetBox JSON, snmpwalk)
 * into netvet native CSV text (elements.csv + links.csv), which then goes
 * through the ordinary loader. Each importer appends rows to an
 * nv_import_out; several input files may be appended to one output. */
#ifndef NV_IMPORT_IMPORT_H
#define NV_IMPORT_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "netvet/errors.h"
#include "netvet/inventory.h"

/* A growable byte buffer; `oom` is sticky after a failed allocation. */
typedef struct nv_sbuf {
    char *p;
    size_t len, cap;
    int oom;
} nv_sbuf;

void nv_sbuf_put(nv_sbuf *b, const char *s, size_t len);
void nv_sbuf_puts(nv_sbuf *b, const char *s);
void nv_sbuf_free(nv_sbuf *b);

/* One CSV row being written: fields are quoted per RFC 4180 when they hold
 * a comma, quote, CR or LF. */
typedef struct nv_csv_row {
    nv_sbuf *b;
    int n; /* fields written so far */
} nv_csv_row;

void nv_csv_begin(nv_csv_row *r, nv_sbuf *b);
void nv_csv_field(nv_csv_row *r, const char *s, size_t len);
void nv_csv_cstr(nv_csv_row *r, const char *s); /* NULL = empty field */
void nv_csv_end(nv_csv_row *r);

/* Records of one kind (elements or links): read = written + skipped, plus
 * records ignored by design (nmap hosts that are down). */
typedef struct nv_import_count {
    uint64_t read, written, skipped, ignored;
} nv_import_count;

typedef struct nv_import_out {
    nv_sbuf elements, links;  /* CSV text, header first */
    nv_import_count el, ln;   /* elements, links */
    int strict;               /* first bad record is fatal */
    size_t n_inputs;          /* files in this run (GraphML prefixes node
                               * ids with the file's name when > 1) */
    void *state;              /* a format's records kept across files */
    void (*state_free)(void *state);
} nv_import_out;

void nv_import_out_free(nv_import_out *o);

/* Report a bad record: with o->strict a fatal NETVET_EPARSE (returned),
 * else a warning, the record counted as skipped, and 0 returned. */
int nv_import_bad(nv_import_out *o, nv_import_count *c, netvet_diag *diag,
                  const char *file, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* An importer: parse data[0..len) (named `file` in diagnostics) and append
 * rows. @return 0, NETVET_EPARSE, NETVET_ELIMIT or NETVET_ENOMEM. */
typedef int (*nv_import_fn)(nv_import_out *o, const char *data, size_t len,
                            const char *file, netvet_diag *diag);

int nv_import_nmap(nv_import_out *o, const char *data, size_t len,
                   const char *file, netvet_diag *diag);
int nv_import_graphml(nv_import_out *o, const char *data, size_t len,
                      const char *file, netvet_diag *diag);
int nv_import_snmpwalk(nv_import_out *o, const char *data, size_t len,
                       const char *file, netvet_diag *diag);

/* Formats whose records refer to each other across files (NetBox devices,
 * cables and sites) only collect in the importer and write in `finish`. */
typedef int (*nv_import_finish_fn)(nv_import_out *o, netvet_diag *diag);

int nv_import_netbox(nv_import_out *o, const char *data, size_t len,
                     const char *file, netvet_diag *diag);
int nv_import_netbox_finish(nv_import_out *o, netvet_diag *diag);

/* A row of the source table (struct netvet_source of the public API). */
typedef struct nv_import_format {
    const char *name;
    const char *summary;        /* what it reads, one line */
    nv_import_fn fn;
    nv_import_finish_fn finish; /* NULL when rows are written as read */
    int evidence_only;          /* output has no declared vendor/function */
} nv_import_format;

/* The source table: every importer, in the order `netvet import` lists
 * them; a new source is one row. */
extern const nv_import_format nv_import_table[];
extern const size_t nv_import_table_len;
/* The format named `name` ("nmap", "graphml", ...), or NULL. */
const nv_import_format *nv_import_find(const char *name);
/* Run the format's finish step, if any (after the last file). */
int nv_import_finish(nv_import_out *o, const nv_import_format *f,
                     netvet_diag *diag);
/* Read `path` (at most NV_IMPORT_MAX_BYTES) and run the importer on it. */
int nv_import_file(nv_import_out *o, nv_import_fn fn, const char *path,
                   netvet_diag *diag);
#define NV_IMPORT_MAX_BYTES ((size_t)512 << 20)

/* Write o's elements (and links, when any were written) into dir. */
int nv_import_write(const nv_import_out *o, const char *dir,
                    netvet_diag *diag);

#endif
