/* SPDX-License-Identifier: Apache-2.0 */
/* Waiver files: load `waivers:` lists (rule, subject, elements, reason,
 * approved_by, expires), each problem named file:line; the set of waivers
 * a caller builds and frees. Applying them is waivers_apply.c. */
#include "policy/waivers.h"

#include <string.h>

#include "inventory/inv.h"
#include "util/alloc.h"
#include "util/diag.h"
#include "util/file.h"
#include "util/sha256.h"

static void waiver_dispose(nv_waiver *w)
{
    nv_free(w->rule);
    nv_free(w->subject);
    nv_strlist_dispose(&w->elements);
    nv_free(w->reason);
    nv_free(w->approved_by);
    nv_free(w->expires);
    nv_free(w->file);
    memset(w, 0, sizeof(*w));
}

enum { WK_RULE, WK_SUBJECT, WK_ELEMENTS, WK_REASON, WK_BY, WK_EXPIRES,
       WK_N };

/* A required text: present and not empty. */
static int required(nv_yctx *y, yaml_node_t *item, yaml_node_t *n,
                    const char *key, char **out)
{
    if (!n)
        return nv_diag_fail(y->diag, NETVET_EPARSE, y->file, nv_yline(item),
                            0, "waiver has no '%s'", key);
    int err = nv_ystr(y, n, key, out);
    if (!err && !**out)
        return nv_diag_fail(y->diag, NETVET_EPARSE, y->file, nv_yline(n), 0,
                            "'%s' is empty", key);
    return err;
}

static int parse_expires(nv_yctx *y, yaml_node_t *item, yaml_node_t *n,
                         nv_waiver *w)
{
    int err = required(y, item, n, "expires", &w->expires);
    if (err)
        return err;
    if (nv_parse_date(w->expires, strlen(w->expires), &w->expires_day) < 0) {
        char q[64];
        nv_yquote(q, sizeof(q), w->expires, strlen(w->expires));
        return nv_diag_fail(y->diag, NETVET_EPARSE, y->file, nv_yline(n), 0,
                            "bad expires date '%s' (expected YYYY-MM-DD)",
                            q);
    }
    return 0;
}

static int parse_waiver(nv_yctx *y, yaml_node_t *item, nv_waiver *w)
{
    static const char *const keys[WK_N] = {
        "rule", "subject", "elements", "reason", "approved_by", "expires"};
    yaml_node_t *v[WK_N];
    w->line = nv_yline(item);
    int err = nv_ymap(y, item, "waiver", keys, WK_N, v);
    if (!err && !v[WK_RULE])
        err = nv_diag_fail(y->diag, NETVET_EPARSE, y->file, w->line, 0,
                           "waiver has no 'rule'");
    if (!err) {
        w->rule_line = nv_yline(v[WK_RULE]);
        err = nv_yid(y, v[WK_RULE], "rule", &w->rule);
    }
    if (!err && v[WK_SUBJECT])
        err = required(y, item, v[WK_SUBJECT], "subject", &w->subject);
    if (!err && v[WK_ELEMENTS])
        err = nv_ylist(y, v[WK_ELEMENTS], "elements", 0, &w->elements);
    if (!err)
        err = required(y, item, v[WK_REASON], "reason", &w->reason);
    if (!err)
        err = required(y, item, v[WK_BY], "approved_by", &w->approved_by);
    if (!err)
        err = parse_expires(y, item, v[WK_EXPIRES], w);
    if (!err && !(w->file = nv_strdup(y->file)))
        err = nv_yoom(y);
    return err;
}

static int parse_list(nv_yctx *y, yaml_node_t *n, nv_waiver *out,
                      size_t *n_out)
{
    yaml_node_item_t *it = n->data.sequence.items.start;
    for (size_t i = 0; it + i < n->data.sequence.items.top; i++) {
        yaml_node_t *item = yaml_document_get_node(y->doc, it[i]);
        *n_out = i + 1;
        int err = item ? parse_waiver(y, item, &out[i]) : NETVET_EPARSE;
        if (err < 0)
            return err;
    }
    return 0;
}

static int waiver_list(nv_yctx *y, yaml_node_t **list, size_t *count)
{
    static const char *const keys[] = {"waivers"};
    yaml_node_t *root = yaml_document_get_root_node(y->doc), *v[1];
    if (!root)
        return nv_diag_fail(y->diag, NETVET_EPARSE, y->file, 1, 0,
                            "empty waiver file");
    int err = nv_ymap(y, root, "waiver file", keys, 1, v);
    if (err < 0)
        return err;
    if (!v[0] || v[0]->type != YAML_SEQUENCE_NODE)
        return nv_diag_fail(y->diag, NETVET_EPARSE, y->file,
                            nv_yline(v[0] ? v[0] : root), 0, "%s",
                            v[0] ? "'waivers' must be a list"
                                 : "waiver file has no 'waivers' list");
    *list = v[0];
    *count = (size_t)(v[0]->data.sequence.items.top -
                      v[0]->data.sequence.items.start);
    if (*count > NV_WAIVERS_MAX)
        return nv_diag_fail(y->diag, NETVET_ELIMIT, y->file, nv_yline(v[0]),
                            0, "more than %d waivers", NV_WAIVERS_MAX);
    return 0;
}

static int load_document(netvet_waivers *ws, nv_yctx *y)
{
    size_t count = 0, n = 0;
    yaml_node_t *list = NULL;
    int err = waiver_list(y, &list, &count);
    if (err < 0)
        return err;
    if (NV_GROW(ws->items, ws->cap, ws->n + count) < 0)
        return nv_yoom(y);
    if (count) /* an empty list leaves items NULL: no memset of NULL */
        memset(ws->items + ws->n, 0, count * sizeof(*ws->items));
    /* an empty list: nothing to parse (and no offset on a NULL array or
     * an empty sequence's NULL items, which is undefined) */
    err = count ? parse_list(y, list, ws->items + ws->n, &n) : 0;
    if (err < 0) {
        for (size_t i = 0; i < n; i++)
            waiver_dispose(&ws->items[ws->n + i]);
        return err;
    }
    ws->n += count;
    return 0;
}

/* Record the file the waivers just added came from. */
static int note_input(netvet_waivers *ws, const char *buf, size_t len,
                      const char *name, netvet_diag *diag)
{
    if (nv_file_inputs_add(&ws->inputs, name, buf, len) < 0)
        return nv_diag_fail(diag, NETVET_ENOMEM, name, 0, 0,
                            "out of memory");
    return 0;
}

int netvet_waivers_add_buffer(netvet_waivers *waivers, const char *buf,
                              size_t len, const char *name,
                              netvet_diag *diag)
{
    if (!waivers || (!buf && len))
        return NETVET_EINVAL;
    if (!name)
        name = "<buffer>";
    if (len > NV_WAIVERS_MAX_BYTES)
        return nv_diag_fail(diag, NETVET_ELIMIT, name, 0, 0,
                            "waiver file is larger than %u bytes",
                            (unsigned)NV_WAIVERS_MAX_BYTES);
    yaml_document_t doc;
    int err = nv_yaml_load_one(&doc, buf, len, name, "a waiver file",
                               NV_YAML_MAX_DEPTH, diag);
    if (err < 0)
        return err;
    nv_yctx y = {&doc, name, diag};
    err = load_document(waivers, &y);
    yaml_document_delete(&doc);
    return err < 0 ? err : note_input(waivers, buf, len, name, diag);
}

static int add_buffer(void *waivers, char *buf, size_t len, const char *name,
                      netvet_diag *diag)
{
    return netvet_waivers_add_buffer(waivers, buf, len, name, diag);
}

int netvet_waivers_add_file(netvet_waivers *waivers, const char *path,
                            netvet_diag *diag)
{
    if (!waivers || !path)
        return NETVET_EINVAL;
    return nv_load_file(path, NV_WAIVERS_MAX_BYTES, add_buffer, waivers,
                        diag);
}

int netvet_waivers_new(netvet_waivers **out)
{
    if (!out)
        return NETVET_EINVAL;
    *out = nv_calloc(1, sizeof(**out));
    return *out ? NETVET_OK : NETVET_ENOMEM;
}

void netvet_waivers_free(netvet_waivers *waivers)
{
    if (!waivers)
        return;
    for (size_t i = 0; i < waivers->n; i++)
        waiver_dispose(&waivers->items[i]);
    nv_free(waivers->items);
    nv_file_inputs_dispose(&waivers->inputs);
    nv_free(waivers);
}

size_t netvet_waivers_input_count(const netvet_waivers *waivers)
{
    return waivers ? waivers->inputs.n : 0;
}

netvet_input netvet_waivers_input(const netvet_waivers *waivers, size_t i)
{
    return nv_file_inputs_get(waivers ? &waivers->inputs : NULL, "waivers",
                              i);
}

size_t netvet_waivers_count(const netvet_waivers *waivers)
{
    return waivers ? waivers->n : 0;
}
