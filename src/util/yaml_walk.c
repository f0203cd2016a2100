/* SPDX-License-Identifier: Apache-2.0 */
/* Walking a loaded YAML document: mappings with known keys, strings, string
 * lists and ids, each problem reported as file:line (util/yaml.h). */
#include <ctype.h>
#include <string.h>

#include "util/alloc.h"
#include "util/diag.h"
#include "util/yaml.h"

void nv_strlist_dispose(nv_strlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        nv_free(l->items[i]);
    nv_free(l->items);
    nv_free(l->lines);
    memset(l, 0, sizeof(*l));
}

int nv_yoom(nv_yctx *y)
{
    return nv_diag_fail(y->diag, NETVET_ENOMEM, y->file, 0, 0,
                        "out of memory");
}

unsigned long nv_yline(const yaml_node_t *n)
{
    return (unsigned long)n->start_mark.line + 1;
}

void nv_yquote(char *buf, size_t size, const char *s, size_t len)
{
    size_t max = size > 4 ? size - 4 : 0, cut = len;
    if (cut > 60)
        cut = 60;
    if (cut > max)
        cut = max;
    while (cut < len && cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--; /* do not split a UTF-8 sequence */
    size_t o = 0;
    for (size_t i = 0; i < cut; i++) {
        unsigned char c = (unsigned char)s[i];
        buf[o++] = (c < 0x20 || c == 0x7f) ? '?' : (char)c;
    }
    if (cut < len && size >= 4) {
        memcpy(buf + o, "...", 3);
        o += 3;
    }
    if (size)
        buf[o < size ? o : size - 1] = '\0';
}

static void quote_node(char *buf, size_t size, const yaml_node_t *n)
{
    nv_yquote(buf, size, (const char *)n->data.scalar.value,
              n->data.scalar.length);
}

int nv_ymap(nv_yctx *y, yaml_node_t *map, const char *where,
            const char *const *keys, size_t n_keys, yaml_node_t **vals)
{
    for (size_t i = 0; i < n_keys; i++)
        vals[i] = NULL;
    if (map->type != YAML_MAPPING_NODE)
        return nv_diag_fail(y->diag, NETVET_EPARSE, y->file, nv_yline(map),
                            0, "expected a mapping for %s", where);
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
         p < map->data.mapping.pairs.top; p++) {
        yaml_node_t *k = yaml_document_get_node(y->doc, p->key);
        yaml_node_t *v = yaml_document_get_node(y->doc, p->value);
        if (!k || !v || k->type != YAML_SCALAR_NODE)
            return nv_diag_fail(y->diag, NETVET_EPARSE, y->file,
                                k ? nv_yline(k) : nv_yline(map), 0,
                                "keys in %s must be plain words", where);
        size_t i = 0;
        while (i < n_keys &&
               (strlen(keys[i]) != k->data.scalar.length ||
                memcmp(keys[i], k->data.scalar.value, k->data.scalar.length)))
            i++;
        char q[64];
        quote_node(q, sizeof(q), k);
        if (i == n_keys)
            return nv_diag_fail(y->diag, NETVET_EPARSE, y->file, nv_yline(k),
                                0, "unknown key '%s' in %s", q, where);
        if (vals[i])
            return nv_diag_fail(y->diag, NETVET_EPARSE, y->file, nv_yline(k),
                                0, "duplicate key '%s' in %s", q, where);
        vals[i] = v;
    }
    return 0;
}

int nv_ystr(nv_yctx *y, yaml_node_t *n, const char *key, char **out)
{
    if (n->type != YAML_SCALAR_NODE)
        return nv_diag_fail(y->diag, NETVET_EPARSE, y->file, nv_yline(n), 0,
                            "'%s' must be a string", key);
    const unsigned char *s = n->data.scalar.value;
    size_t len = n->data.scalar.length;
    if (len > NV_YAML_MAX_STR)
        return nv_diag_fail(y->diag, NETVET_EPARSE, y->file, nv_yline(n), 0,
                            "'%s' is longer than %d bytes", key,
                            NV_YAML_MAX_STR);
    for (size_t i = 0; i < len; i++) {
        if (s[i] == 0 || (s[i] < 0x20 && s[i] != '\t' && s[i] != '\n') ||
            s[i] == 0x7f)
            return nv_diag_fail(y->diag, NETVET_EPARSE, y->file,
                                nv_yline(n), 0,
                                "'%s' contains a control character", key);
    }
    *out = nv_strndup((const char *)s, len);
    return *out ? 0 : nv_yoom(y);
}

static int list_push(nv_yctx *y, nv_strlist *l, yaml_node_t *n,
                     const char *key)
{
    char *s = NULL;
    int err = nv_ystr(y, n, key, &s);
    if (err < 0)
        return err;
    if (!*s) {
        nv_free(s);
        return nv_diag_fail(y->diag, NETVET_EPARSE, y->file, nv_yline(n), 0,
                            "'%s' has an empty item", key);
    }
    l->items[l->n] = s;
    l->lines[l->n++] = nv_yline(n);
    return 0;
}

int nv_ylist(nv_yctx *y, yaml_node_t *n, const char *key, int allow_empty,
             nv_strlist *out)
{
    size_t count = 1;
    int is_seq = n->type == YAML_SEQUENCE_NODE;
    if (is_seq)
        count = (size_t)(n->data.sequence.items.top -
                         n->data.sequence.items.start);
    else if (n->type != YAML_SCALAR_NODE)
        return nv_diag_fail(y->diag, NETVET_EPARSE, y->file, nv_yline(n), 0,
                            "'%s' must be a list of strings", key);
    else if (n->data.scalar.length == 0)
        count = 0;
    if (count == 0 && !allow_empty)
        return nv_diag_fail(y->diag, NETVET_EPARSE, y->file, nv_yline(n), 0,
                            "'%s' is empty", key);
    if (count > NV_YAML_MAX_LIST)
        return nv_diag_fail(y->diag, NETVET_ELIMIT, y->file, nv_yline(n), 0,
                            "'%s' has more than %d items", key,
                            NV_YAML_MAX_LIST);
    nv_strlist_dispose(out);
    out->items = nv_calloc(count, sizeof(*out->items));
    out->lines = nv_calloc(count, sizeof(*out->lines));
    if (!out->items || !out->lines)
        return nv_yoom(y);
    if (!is_seq)
        return count ? list_push(y, out, n, key) : 0;
    for (size_t i = 0; i < count; i++) {
        yaml_node_t *it = yaml_document_get_node(
            y->doc, n->data.sequence.items.start[i]);
        int err = it ? list_push(y, out, it, key) : NETVET_EPARSE;
        if (err < 0)
            return err;
    }
    return 0;
}

int nv_yid(nv_yctx *y, yaml_node_t *n, const char *key, char **out)
{
    int err = nv_ystr(y, n, key, out);
    if (err < 0)
        return err;
    const char *s = *out;
    size_t len = strlen(s), i = 0;
    if (len && len <= NV_YAML_MAX_ID && isalnum((unsigned char)s[0]))
        while (i < len && (isalnum((unsigned char)s[i]) || s[i] == '.' ||
                           s[i] == '_' || s[i] == '-'))
            i++;
    if (len && i == len)
        return 0;
    char q[64];
    nv_yquote(q, sizeof(q), s, len);
    return nv_diag_fail(y->diag, NETVET_EPARSE, y->file, nv_yline(n), 0,
                        len ? "invalid %s '%s' (use letters, digits, '.', "
                              "'_' or '-', at most 128)"
                            : "empty %s%s",
                        key, len ? q : "");
}
