/* SPDX-License-Identifier: Apache-2.0 */
/* RFC 4180 tokenizer. Unquoted fields and quoted ones without "" point
 * into the buffer; quoted ones with "" are unescaped into side chunks. A
 * bad record is reported with its field number and skipped to its line end.
 * nv_csv_next_simple is a one-pass fast path for the common record. */
#include "inventory/csv.h"

#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "netvet/errors.h"
#include "util/alloc.h"

void nv_csv_init(nv_csv *c, char *buf, size_t len)
{
    memset(c, 0, sizeof(*c));
    c->cur = buf;
    c->end = len ? buf + len : buf; /* buf may be NULL when empty */
    c->stop = c->end;
    c->next_line = 1;
    if (len >= 3 && (unsigned char)buf[0] == 0xEF &&
        (unsigned char)buf[1] == 0xBB && (unsigned char)buf[2] == 0xBF)
        c->cur += 3;
}

void nv_csv_init_part(nv_csv *c, char *from, char *stop, char *end)
{
    memset(c, 0, sizeof(*c));
    c->cur = from;
    c->stop = stop;
    c->end = end;
    c->next_line = 1;
}

void nv_csv_dispose(nv_csv *c)
{
    nv_csv_forget_escapes(c);
    nv_free(c->fields);
    c->fields = NULL;
}

static int push_field(nv_csv *c, const char *p, size_t len)
{
    if (c->n_fields >= NV_CSV_MAX_FIELDS)
        return NV_CSV_BAD;
    if (NV_GROW(c->fields, c->cap, c->n_fields + 1) < 0)
        return NETVET_ENOMEM;
    c->fields[c->n_fields].p = p;
    c->fields[c->n_fields].len = len;
    c->n_fields++;
    return NV_CSV_RECORD;
}

/* Skip the rest of a bad record's line; report the error. */
static int bad(nv_csv *c, const char *msg, char *from)
{
    c->err = msg;
    c->err_column = c->n_fields + 1;
    char *nl = memchr(from, '\n', (size_t)(c->end - from));
    c->cur = nl ? nl + 1 : c->end;
    c->next_line = c->next_line + (nl ? 1 : 0);
    return NV_CSV_BAD;
}

/* Room for len bytes of unescaped field text, kept until the next
 * nv_csv_forget_escapes (chunks never move, so earlier fields stay put). */
struct nv_csv_esc {
    struct nv_csv_esc *next;
    size_t used, cap;
    char data[];
};

static char *escape_room(nv_csv *c, size_t len)
{
    struct nv_csv_esc *e = c->esc;
    if (!e || e->cap - e->used < len) {
        size_t cap = len > 65536 ? len : 65536;
        e = nv_malloc(sizeof(*e) + cap);
        if (!e)
            return NULL;
        e->next = c->esc;
        e->used = 0;
        e->cap = cap;
        c->esc = e;
    }
    char *p = e->data + e->used;
    e->used += len;
    return p;
}

void nv_csv_forget_escapes(nv_csv *c)
{
    while (c->esc) {
        struct nv_csv_esc *next = c->esc->next;
        nv_free(c->esc);
        c->esc = next;
    }
}

/* Quoted field starting after the opening quote at *pp; on success *pp
 * points just past the closing quote. The input is never written: a field
 * with "" escapes is unescaped into a side buffer (parts of a file are
 * read concurrently, and a record may run into the next part's bytes).
 * @return 0, -1 (no closing quote), 1 (a NUL byte at c->cur) or
 * NETVET_ENOMEM. */
static int quoted(nv_csv *c, char **pp, const char **start, size_t *len)
{
    char *open = *pp, *r = open, *q;
    int escapes = 0;
    for (;;) {
        q = memchr(r, '"', (size_t)(c->end - r));
        if (!q) {
            c->cur = r;
            return -1;
        }
        for (char *s = r; s < q; s++) {
            c->next_line += *s == '\n';
            if (*s == '\0') {
                c->cur = s;
                return 1;
            }
        }
        if (q + 1 < c->end && q[1] == '"') {
            escapes = 1;
            r = q + 2;
            continue;
        }
        break;
    }
    *pp = q + 1;
    if (!escapes) {
        *start = open;
        *len = (size_t)(q - open);
        return 0;
    }
    char *dst = escape_room(c, (size_t)(q - open));
    if (!dst)
        return NETVET_ENOMEM;
    size_t w = 0;
    for (const char *s = open; s < q; s++) {
        dst[w++] = *s;
        s += *s == '"'; /* "" -> " */
    }
    *start = dst;
    *len = w;
    return 0;
}

static int unquoted_end(unsigned char ch)
{
    return ch == ',' || ch == '\n' || ch == '"' || ch == '\r' || ch == '\0';
}

/* First byte in [p, end) that ends an unquoted field (or end; a NUL byte
 * ends it too, to be refused): 16 bytes
 * per step with SSE2 (baseline on x86-64), one at a time elsewhere. */
static char *scan_unquoted(char *p, const char *end)
{
#ifdef __SSE2__
    const __m128i comma = _mm_set1_epi8(','), lf = _mm_set1_epi8('\n'),
                  quote = _mm_set1_epi8('"'), cr = _mm_set1_epi8('\r'),
                  nul = _mm_setzero_si128();
    while (end - p >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i hit = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, lf)),
            _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, cr)));
        hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, nul));
        unsigned bits = (unsigned)_mm_movemask_epi8(hit);
        if (bits)
            return p + __builtin_ctz(bits);
        p += 16;
    }
#endif
    while (p < end && !unquoted_end((unsigned char)*p))
        p++;
    return p;
}

static int is_blank_line(const char *p, const char *end)
{
    if (p < end && *p == '\r')
        p++;
    return p >= end || *p == '\n';
}

/* After a field: ',' (more), line end or EOF (record done). */
static int after_field(nv_csv *c, char **pp, int *done)
{
    char *p = *pp;
    if (p >= c->end) {
        *done = 1;
        return 0;
    }
    if (*p == ',') {
        *pp = p + 1;
        return 0;
    }
    if (*p == '\r' && p + 1 < c->end && p[1] == '\n')
        p++;
    if (*p == '\n') {
        *pp = p + 1;
        c->next_line++;
        *done = 1;
        return 0;
    }
    return -1;
}

static int read_field(nv_csv *c, char **pp, char *rec)
{
    char *p = *pp;
    const char *start;
    size_t len;
    if (p < c->end && *p == '"') {
        p++;
        int q = quoted(c, &p, &start, &len);
        if (q == NETVET_ENOMEM)
            return q;
        if (q == 1)
            return bad(c, "NUL byte in field", c->cur);
        if (q < 0) {
            c->err = "unterminated quoted field";
            c->err_column = c->n_fields + 1;
            char *nl = memchr(rec, '\n', (size_t)(c->end - rec));
            c->cur = nl ? nl + 1 : c->end;
            c->next_line = c->line + (nl ? 1 : 0);
            return NV_CSV_BAD;
        }
    } else {
        start = p;
        p = scan_unquoted(p, c->end);
        if (p < c->end && *p == '"')
            return bad(c, "quote inside an unquoted field", p);
        if (p < c->end && *p == '\0')
            return bad(c, "NUL byte in field", p);
        if (p < c->end && *p == '\r' && !(p + 1 < c->end && p[1] == '\n'))
            return bad(c, "carriage return inside an unquoted field", p);
        len = (size_t)(p - start);
    }
    if (len > NV_CSV_MAX_FIELD)
        return bad(c, "field longer than 1 MiB", p);
    int rc = push_field(c, start, len);
    if (rc == NV_CSV_BAD)
        return bad(c, "more than 4096 fields", p);
    *pp = p;
    return rc;
}

int nv_csv_next(nv_csv *c)
{
    c->n_fields = 0;
    c->err = NULL;
    c->err_column = 0;
    while (c->cur < c->stop && is_blank_line(c->cur, c->end)) {
        char *nl = memchr(c->cur, '\n', (size_t)(c->end - c->cur));
        c->cur = nl ? nl + 1 : c->end;
        c->next_line++;
    }
    if (c->cur >= c->stop)
        return NV_CSV_EOF;
    c->line = c->next_line;
    char *rec = c->cur, *p = c->cur;
    for (int done = 0; !done;) {
        int rc = read_field(c, &p, rec);
        if (rc != NV_CSV_RECORD)
            return rc;
        if (after_field(c, &p, &done) < 0) {
            bad(c, "unexpected character after a closing quote", p);
            c->err_column = c->n_fields; /* the field just read */
            return NV_CSV_BAD;
        }
    }
    c->cur = p;
    return NV_CSV_RECORD;
}

int nv_csv_fast_disabled;

/* The one-pass fast path (nv_csv_next_simple). A record is read in 32-byte
 * blocks, each classified once into bitmasks: commas, the other structural
 * bytes (LF, CR, '"', and NUL, which only nv_csv_next may judge) and bytes
 * >= 0x80. Anything it is not sure of makes
 * it give up, leaving the record to nv_csv_next and its diagnostics. */
#define BLOCK 32

typedef struct csv_block {
    uint32_t comma, other, high; /* bit i: byte i of the block */
} csv_block;

#ifdef __SSE2__
static inline csv_block classify16(const char *p)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i other = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\n')),
                     _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))),
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                     _mm_cmpeq_epi8(v, _mm_setzero_si128())));
    csv_block k;
    k.comma = (uint32_t)_mm_movemask_epi8(
        _mm_cmpeq_epi8(v, _mm_set1_epi8(',')));
    k.other = (uint32_t)_mm_movemask_epi8(other);
    k.high = (uint32_t)_mm_movemask_epi8(v);
    return k;
}

static inline csv_block classify(const char *p)
{
    csv_block lo = classify16(p), hi = classify16(p + 16);
    csv_block k = {lo.comma | hi.comma << 16, lo.other | hi.other << 16,
                   lo.high | hi.high << 16};
    return k;
}
#else
static inline csv_block classify(const char *p)
{
    csv_block k = {0, 0, 0};
    for (unsigned i = 0; i < BLOCK; i++) {
        unsigned char ch = (unsigned char)p[i];
        k.comma |= (uint32_t)(ch == ',') << i;
        k.other |= (uint32_t)(ch == '\n' || ch == '\r' || ch == '"' ||
                              ch == '\0') << i;
        k.high |= (uint32_t)(ch >= 0x80) << i;
    }
    return k;
}
#endif

/* The block at p, which may be the last, short one (padded with NULs,
 * whose bits are cleared, so it never reads past end). */
static inline csv_block load_block(const char *p, const char *end)
{
    if (end - p >= BLOCK)
        return classify(p);
    char tail[BLOCK] = {0};
    memcpy(tail, p, (size_t)(end - p));
    csv_block k = classify(tail);
    k.other &= ((uint32_t)1 << (end - p)) - 1; /* end - p < 32 */
    return k;
}

typedef struct csv_fast {
    nv_csv_field *out;
    size_t n;
    const char *field;  /* where the current field starts */
    const char *qclose; /* its closing quote, if it was quoted */
    int in_quotes;
} csv_fast;

static inline int is_blank(char ch)
{
    return ch == ' ' || ch == '\t';
}

/* End the current field at delim (',' or line end): trimmed as
 * nv_field_trim does (bytes above ' ' are never blank: one test for the
 * common field). -1 for what only nv_csv_next may judge. The callers
 * check the limits per block and per record, not here. */
static inline int emit(csv_fast *s, const char *delim)
{
    const char *p = s->field, *e = delim;
    if (s->qclose) {
        if (delim != s->qclose + 1)
            return -1; /* bytes after the closing quote */
        p++;
        e = s->qclose;
        s->qclose = NULL;
    }
    if (p < e && (unsigned char)*p <= ' ')
        while (p < e && is_blank(*p))
            p++;
    if (e > p && (unsigned char)e[-1] <= ' ')
        while (e > p && is_blank(e[-1]))
            e--;
    s->out[s->n].p = p;
    s->out[s->n].len = (size_t)(e - p);
    s->n++;
    s->field = delim + 1;
    return 0;
}

/* One structural byte at e: 0 go on, 1 record ends (*next after its line
 * end), -1 give up (a quote inside a field, "" escapes, a newline inside
 * quotes, a lone CR, a NUL byte). */
static inline int event(csv_fast *s, char *e, const char *end, char **next)
{
    char ch = *e;
    if (ch == '\0')
        return -1;
    if (s->in_quotes) {
        if (ch == '"') {
            s->in_quotes = 0;
            s->qclose = e;
        }
        return ch == '\n' ? -1 : 0;
    }
    if (ch == ',')
        return emit(s, e);
    if (ch == '"') {
        if (e != s->field)
            return -1;
        s->in_quotes = 1;
        return 0;
    }
    if (ch == '\r') {
        if (end - e < 2 || e[1] != '\n')
            return -1;
        *next = e + 2;
    } else {
        *next = e + 1;
    }
    return emit(s, e) < 0 ? -1 : 1;
}

/* Read blocks from rec until the record ends: 1 at a line end (*next set,
 * *high the OR of high bits before it), 2 at the end of the buffer, 0 to
 * give up. Past NV_CSV_MAX_FIELDS fields (out has room for a block more)
 * or NV_CSV_MAX_FIELD bytes it gives up at the next block. */
static int scan_record(csv_fast *s, char *rec, const char *end, char **next,
                       uint32_t *high)
{
    for (char *p = rec; p < end; p += BLOCK) {
        if (s->n > NV_CSV_MAX_FIELDS || p - rec > NV_CSV_MAX_FIELD)
            return 0;
        csv_block k = load_block(p, end);
        if (!k.other) { /* the common block: commas and text only */
            *high |= k.high;
            for (uint32_t b = s->in_quotes ? 0 : k.comma; b; b &= b - 1)
                if (emit(s, p + __builtin_ctz(b)) < 0)
                    return 0;
            continue;
        }
        for (uint32_t b = k.comma | k.other; b; b &= b - 1) {
            int pos = __builtin_ctz(b), r = event(s, p + pos, end, next);
            if (r < 0)
                return 0;
            if (r > 0) {
                *high |= k.high & (UINT32_MAX >> (31 - pos));
                return 1;
            }
        }
        *high |= k.high;
    }
    *next = (char *)end;
    return s->in_quotes || emit(s, end) < 0 ? 0 : 2;
}

size_t nv_csv_next_simple(nv_csv *c, nv_csv_field *out, int *high)
{
    char *rec = c->cur, *next = NULL;
    if (rec >= c->stop || *rec == '\n' || *rec == '\r')
        return 0; /* end of input or part, or blank lines */
    csv_fast s = {out, 0, rec, NULL, 0};
    uint32_t hi = 0;
    int r = scan_record(&s, rec, c->end, &next, &hi);
    /* no field is longer than its line, and that is at most 1 MiB */
    if (!r || s.n > NV_CSV_MAX_FIELDS || next - rec > NV_CSV_MAX_FIELD)
        return 0;
    c->line = c->next_line;
    c->next_line += r == 1;
    c->cur = next;
    c->n_fields = 0;
    c->err = NULL;
    c->err_column = 0;
    *high = hi != 0;
    return s.n;
}

static size_t utf8_seq(const unsigned char *s, size_t left)
{
    unsigned char b = s[0];
    size_t n;
    unsigned lo = 0x80, hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF)
        n = 2;
    else if (b >= 0xE0 && b <= 0xEF) {
        n = 3;
        if (b == 0xE0) lo = 0xA0;
        if (b == 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
        n = 4;
        if (b == 0xF0) lo = 0x90;
        if (b == 0xF4) hi = 0x8F;
    } else
        return 0;
    if (left < n || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return n;
}

size_t nv_utf8_check(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        if (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (!(w & 0x8080808080808080ULL)) {
                i += 8;
                continue;
            }
        }
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        size_t n = utf8_seq(s + i, len - i);
        if (!n)
            return i;
        i += n;
    }
    return len;
}
