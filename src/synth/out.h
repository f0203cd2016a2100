/* SPDX-License-Identifier: Apache-2.0 */
/* Buffered CSV output for the generator: fields, integers, fixed-point
 * coordinates and ISO dates formatted by hand (no printf per row), RFC 4180
 * quoting where a field needs it. The first write error sticks in `err`. */
#ifndef NV_SYNTH_OUT_H
#define NV_SYNTH_OUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define NV_SYNTH_OUT_BUF (1u << 20)

typedef struct nv_synth_out {
    FILE *fp;         /* owned; NULL when closed */
    char *buf;        /* NV_SYNTH_OUT_BUF bytes, owned */
    size_t len;       /* bytes waiting in buf */
    int err;          /* errno of the first failure, 0 if none */
} nv_synth_out;

/* Create and open a new temporary named by tmpl ("...XXXXXX", replaced;
 * nv_file_mktemp). @return 0, or an errno value (out left closed, nothing
 * created). */
int nv_synth_out_open(nv_synth_out *out, char *tmpl);
/* Flush, fsync and close. @return 0 or the errno of the first failure. */
int nv_synth_out_close(nv_synth_out *out);
/* Close without reporting (error paths). Accepts a closed `out`. */
void nv_synth_out_dispose(nv_synth_out *out);

void nv_synth_out_raw(nv_synth_out *out, const char *s, size_t len);
void nv_synth_out_str(nv_synth_out *out, const char *s);
void nv_synth_out_char(nv_synth_out *out, char c);
/* A CSV field: quoted, with quotes doubled, if it holds , " CR or LF. */
void nv_synth_out_field(nv_synth_out *out, const char *s);
void nv_synth_out_u64(nv_synth_out *out, uint64_t v);
/* v in decimal, zero-padded to at least `width` digits. */
void nv_synth_out_padded(nv_synth_out *out, uint64_t v, unsigned width);
/* Degrees given in 1e-5 units, printed as [-]D.DDDDD. */
void nv_synth_out_coord(nv_synth_out *out, int32_t e5);
/* Days since 1970-01-01, printed as YYYY-MM-DD. */
void nv_synth_out_date(nv_synth_out *out, int32_t days);

/* Days since 1970-01-01 of a proleptic Gregorian date. */
int32_t nv_synth_days(int year, unsigned month, unsigned day);

#endif
