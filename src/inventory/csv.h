/* SPDX-License-Identifier: Apache-2.0 */
/* RFC 4180 CSV tokenizer over an in-memory buffer, which it never writes:
 * records of fields (quoted fields with "" unescaped into a side buffer),
 * CRLF or LF line ends, line numbers for diagnostics, UTF-8 checking, hard
 * size limits. */
#ifndef NV_INVENTORY_CSV_H
#define NV_INVENTORY_CSV_H

#include <stddef.h>

#define NV_CSV_MAX_FIELD (1u << 20) /* bytes in one field */
#define NV_CSV_MAX_FIELDS 4096      /* fields in one record */

typedef struct nv_csv_field {
    const char *p; /* not NUL-terminated */
    size_t len;
} nv_csv_field;

typedef struct nv_csv {
    char *cur, *end;         /* unread part of the buffer */
    char *stop;              /* no record starts at or after this (= end
                              * unless a part of the file is being read) */
    unsigned long line;      /* line where the current record starts */
    unsigned long next_line; /* line where the next record starts */
    nv_csv_field *fields;
    size_t n_fields, cap;
    struct nv_csv_esc *esc;  /* unescaped quoted fields (owned) */
    /* set when nv_csv_next returns NV_CSV_BAD */
    unsigned long err_column; /* 1-based field number, 0 if none */
    const char *err;          /* static message */
} nv_csv;

enum { NV_CSV_EOF = 0, NV_CSV_RECORD = 1, NV_CSV_BAD = 2 };

/* Start reading buf[0..len); a UTF-8 BOM is skipped. */
void nv_csv_init(nv_csv *c, char *buf, size_t len);
/* Read only the records that start in [from, stop) of a buffer ending at
 * end (a record may run past stop); from must start a line. Line numbers
 * count from 1 at `from`. */
void nv_csv_init_part(nv_csv *c, char *from, char *stop, char *end);
void nv_csv_dispose(nv_csv *c);
/* Free the unescaped copies of fields read so far (their nv_csv_field
 * pointers die with them): call when no field of earlier records is in
 * use. nv_csv_dispose does it too. */
void nv_csv_forget_escapes(nv_csv *c);
/* Read the next non-blank record. NV_CSV_BAD leaves the reader at the next
 * line, with err/err_column set. Returns a negative status on ENOMEM. */
int nv_csv_next(nv_csv *c);

/* The fast path for the common record (no "" escapes, no quoted line
 * ends, no CR but in a CRLF line end, at most NV_CSV_MAX_FIELDS fields,
 * at most NV_CSV_MAX_FIELD bytes with its line end): one pass in 32-byte
 * blocks writing its fields, trimmed of blanks as nv_field_trim does, to
 * out (room for NV_CSV_SIMPLE_ROOM, as it may write a block's worth past
 * the limit before giving up); *high is set if any byte of the record is
 * >= 0x80.
 * c->fields is not used. @return the number of fields, or 0 (c unchanged)
 * when nv_csv_next must read the record (or skip blank lines, or see the
 * end), whose diagnostics and line counts this never second-guesses. */
size_t nv_csv_next_simple(nv_csv *c, nv_csv_field *out, int *high);
#define NV_CSV_SIMPLE_ROOM (NV_CSV_MAX_FIELDS + 33)
/* Test knob: nv_batch_fill uses only nv_csv_next when set. */
extern int nv_csv_fast_disabled;

/* Index of the first byte of s[0..len) that breaks UTF-8, or len if valid. */
size_t nv_utf8_check(const char *s, size_t len);

#endif
