/* SPDX-License-Identifier: Apache-2.0 */
/* Buffered, hand-formatted CSV writer used by the generator. It never
 * allocates per row: one 1 MiB buffer per file, flushed with fwrite. Dates use
 * Howard Hinnant's civil-from-days arithmetic, so output is integer-exact. */
#include "synth/out.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "util/alloc.h"
#include "util/file.h"

int nv_synth_out_open(nv_synth_out *out, char *tmpl)
{
    memset(out, 0, sizeof(*out));
    out->buf = nv_malloc(NV_SYNTH_OUT_BUF);
    if (!out->buf)
        return ENOMEM;
    int fd = nv_file_mktemp(tmpl);
    out->fp = fd < 0 ? NULL : fdopen(fd, "wb");
    if (!out->fp) {
        int e = errno ? errno : EIO;
        if (fd >= 0) {
            close(fd);
            unlink(tmpl);
        }
        nv_free(out->buf);
        out->buf = NULL;
        return e;
    }
    return 0;
}

static void flush(nv_synth_out *out)
{
    if (out->len && !out->err &&
        fwrite(out->buf, 1, out->len, out->fp) != out->len)
        out->err = errno ? errno : EIO;
    out->len = 0;
}

int nv_synth_out_close(nv_synth_out *out)
{
    if (!out->fp)
        return out->err;
    flush(out);
    if (!out->err && (fflush(out->fp) != 0 || fsync(fileno(out->fp)) != 0))
        out->err = errno ? errno : EIO;
    if (fclose(out->fp) != 0 && !out->err)
        out->err = errno ? errno : EIO;
    out->fp = NULL;
    nv_free(out->buf);
    out->buf = NULL;
    return out->err;
}

void nv_synth_out_dispose(nv_synth_out *out)
{
    if (out->fp)
        fclose(out->fp);
    out->fp = NULL;
    nv_free(out->buf);
    out->buf = NULL;
}

/* Make room for n bytes (n <= NV_SYNTH_OUT_BUF). */
static inline char *reserve(nv_synth_out *out, size_t n)
{
    if (NV_SYNTH_OUT_BUF - out->len < n)
        flush(out);
    return out->buf + out->len;
}

void nv_synth_out_raw(nv_synth_out *out, const char *s, size_t len)
{
    if (len > NV_SYNTH_OUT_BUF / 2) {
        flush(out);
        if (!out->err && fwrite(s, 1, len, out->fp) != len)
            out->err = errno ? errno : EIO;
        return;
    }
    memcpy(reserve(out, len), s, len);
    out->len += len;
}

void nv_synth_out_str(nv_synth_out *out, const char *s)
{
    nv_synth_out_raw(out, s, strlen(s));
}

void nv_synth_out_char(nv_synth_out *out, char c)
{
    *reserve(out, 1) = c;
    out->len++;
}

void nv_synth_out_field(nv_synth_out *out, const char *s)
{
    size_t len = strcspn(s, ",\"\r\n");
    if (s[len] == '\0') {
        nv_synth_out_raw(out, s, len);
        return;
    }
    nv_synth_out_char(out, '"');
    for (; *s; s++) {
        if (*s == '"')
            nv_synth_out_char(out, '"');
        nv_synth_out_char(out, *s);
    }
    nv_synth_out_char(out, '"');
}

void nv_synth_out_padded(nv_synth_out *out, uint64_t v, unsigned width)
{
    char tmp[24];
    unsigned n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    while (n < width && n < sizeof(tmp))
        tmp[n++] = '0';
    char *p = reserve(out, n);
    for (unsigned i = 0; i < n; i++)
        p[i] = tmp[n - 1 - i];
    out->len += n;
}

void nv_synth_out_u64(nv_synth_out *out, uint64_t v)
{
    nv_synth_out_padded(out, v, 1);
}

void nv_synth_out_coord(nv_synth_out *out, int32_t e5)
{
    int64_t v = e5;
    if (v < 0) {
        nv_synth_out_char(out, '-');
        v = -v;
    }
    nv_synth_out_u64(out, (uint64_t)(v / 100000));
    nv_synth_out_char(out, '.');
    nv_synth_out_padded(out, (uint64_t)(v % 100000), 5);
}

int32_t nv_synth_days(int year, unsigned month, unsigned day)
{
    int y = year - (month <= 2);
    int era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (month + (month > 2 ? -3u : 9u)) + 2) / 5 + day - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + (int)doe - 719468);
}

void nv_synth_out_date(nv_synth_out *out, int32_t days)
{
    int z = days + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = (int)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    y += (m <= 2);
    nv_synth_out_padded(out, (uint64_t)y, 4);
    nv_synth_out_char(out, '-');
    nv_synth_out_padded(out, m, 2);
    nv_synth_out_char(out, '-');
    nv_synth_out_padded(out, d, 2);
}
