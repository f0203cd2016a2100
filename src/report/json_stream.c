/* SPDX-License-Identifier: Apache-2.0 */
/* JSON written without jansson where a report has millions of values
 * (element lists of findings, per-sink dependencies): strings quoted
 * exactly as jansson quotes them, so the streamed parts are byte for byte
 * what jansson would have printed. */
#include <stdio.h>
#include <string.h>

#include "report/report.h"
#include "util/alloc.h"

size_t nv_json_quote(char *buf, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = 0;
    buf[n++] = '"';
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        const char *esc = c == '"' ? "\\\"" : c == '\\' ? "\\\\"
                        : c == '\b' ? "\\b" : c == '\f' ? "\\f"
                        : c == '\n' ? "\\n" : c == '\r' ? "\\r"
                        : c == '\t' ? "\\t" : NULL;
        if (esc) {
            buf[n++] = esc[0];
            buf[n++] = esc[1];
        } else if (c < 0x20) {
            memcpy(buf + n, "\\u00", 4);
            buf[n + 4] = hex[c >> 4];
            buf[n + 5] = hex[c & 15];
            n += 6;
        } else {
            buf[n++] = (char)c;
        }
    }
    buf[n++] = '"';
    return n;
}

void nv_json_placeholder(char *buf, size_t size, const void *nonce, size_t i)
{
    snprintf(buf, size, "\x01nv-elements:%p:%zu\x01", nonce, i);
}

/* The placeholder as jansson prints it (control bytes as \u0001). */
static void printed_placeholder(char *buf, size_t size, const void *nonce,
                                size_t i)
{
    snprintf(buf, size, "\"\\u0001nv-elements:%p:%zu\\u0001\"", nonce, i);
}

/* One finding's elements, as jansson prints the array under a key whose
 * line is indented by `ind` spaces (JSON_INDENT(2)). */
static int write_elements(FILE *out, const netvet_assessment *a,
                          const nv_finding *f, size_t ind, size_t max)
{
    const netvet_inventory *inv = a->view.inv;
    if (f->n_elements == 0 || max == 0)
        return fputs("[]", out) < 0 ? -1 : 0;
    size_t shown = f->n_elements < max ? f->n_elements : max;
    char *buf = NULL;
    size_t cap = 0;
    uint32_t *copy;
    const uint32_t *el; /* in id order, whatever the order of the rows */
    if (nv_report_id_order(inv, f->elements, f->n_elements, &copy, &el) < 0)
        return NETVET_ENOMEM;
    fputc('[', out);
    for (size_t i = 0; i < shown; i++) {
        uint32_t k = el[i];
        const char *id = nv_inv_id(inv, k);
        size_t need = 3 * ind + 64 + 6 * strlen(id);
        if (need > cap) {
            char *p = nv_reallocarray(buf, need, 1);
            if (!p) {
                nv_free(buf);
                nv_free(copy);
                return NETVET_ENOMEM;
            }
            buf = p;
            cap = need;
        }
        size_t n = 0;
        buf[n++] = i ? ',' : '\n';
        if (i)
            buf[n++] = '\n';
        memset(buf + n, ' ', ind + 2), n += ind + 2;
        buf[n++] = '{', buf[n++] = '\n';
        memset(buf + n, ' ', ind + 4), n += ind + 4;
        memcpy(buf + n, "\"id\": ", 6), n += 6;
        n += nv_json_quote(buf + n, id);
        buf[n++] = ',', buf[n++] = '\n';
        memset(buf + n, ' ', ind + 4), n += ind + 4;
        n += (size_t)sprintf(buf + n, "\"line\": %u\n", inv->line[k]);
        memset(buf + n, ' ', ind + 2), n += ind + 2;
        buf[n++] = '}';
        fwrite(buf, 1, n, out);
    }
    nv_free(buf);
    nv_free(copy);
    fputc('\n', out);
    for (size_t i = 0; i < ind; i++)
        fputc(' ', out);
    return fputc(']', out) == EOF ? -1 : 0;
}

int nv_json_write_with_elements(FILE *out, const char *text, size_t len,
                                const netvet_assessment *a, const void *nonce,
                                size_t max_elements)
{
    const char *at = text, *end = text + len;
    char mark[96];
    for (size_t i = 0; i < a->findings.n; i++) {
        printed_placeholder(mark, sizeof(mark), nonce, i);
        const char *hit = strstr(at, mark);
        if (!hit || hit >= end)
            return -1;
        const char *line = hit;
        while (line > text && line[-1] != '\n')
            line--;
        size_t ind = 0;
        while (line + ind < hit && line[ind] == ' ')
            ind++;
        fwrite(at, 1, (size_t)(hit - at), out);
        int rc = write_elements(out, a, &a->findings.items[i], ind,
                                max_elements);
        if (rc < 0)
            return rc;
        at = hit + strlen(mark);
    }
    fwrite(at, 1, (size_t)(end - at), out);
    return 0;
}
