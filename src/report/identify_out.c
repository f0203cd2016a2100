/* SPDX-License-Identifier: Apache-2.0 */
/* What netvet identify's writers share, whatever the format (text, CSV,
 * JSON: identify_text.c, identify_csv.c, identify_json.c): the counts,
 * the record buffers, and the templates. Nothing here decides anything; it
 * prints attributions. Records go into a per-thread buffer; the first
 * record of an attribution class is rendered whole and kept with holes for
 * the id and MAC text, and the class's later records are that template
 * with the holes filled in. */
#include "netvet/version.h"
#include "report/identify_out.h"
#include "report/report.h"
#include "util/alloc.h"

#include <stdlib.h>

const char *nv_id_vendor(const nv_id_out *o, int v)
{
    return v >= 0 ? netvet_registry_vendor(o->reg, (size_t)v)->id : NULL;
}

static void count(nv_id_out *o, int attributed, int unregistered,
                  int conflict, netvet_confidence level)
{
    o->n.elements++;
    if (attributed)
        o->n.attributed++;
    else
        o->n.unattributed++;
    if (unregistered)
        o->n.unregistered++;
    if (conflict)
        o->n.conflicts++;
    o->n.level[level]++;
}

/* ---- bytes ---------------------------------------------------------- */

int nv_id_grow(nv_id_bytes *r, size_t more)
{
    size_t cap = r->cap ? r->cap : 1 << 16;
    while (cap - r->n < more)
        cap *= 2;
    char *b = r->failed ? NULL : nv_reallocarray(r->b, cap, 1);
    if (!b) {
        r->failed = 1;
        return 0;
    }
    r->b = b;
    r->cap = cap;
    return 1;
}

/* x in [0, 1] with two decimals, without printf. */
void nv_id_put_2dp(nv_id_bytes *r, double x)
{
    long c = (long)(x * 100.0 + 0.5);
    c = c < 0 ? 0 : c > 100 ? 100 : c;
    char t[4] = {(char)('0' + c / 100), '.', (char)('0' + c / 10 % 10),
                 (char)('0' + c % 10)};
    nv_id_put(r, t, 4);
}

/* ---- holes ---------------------------------------------------------- */

void nv_id_hole(const nv_id_out *o, nv_id_writer *w, int kind, const char *s,
                size_t len)
{
    int h = w->n_holes < 2 ? w->n_holes++ : 1;
    w->hole_kind[h] = (uint8_t)kind;
    w->hole_at[h][0] = w->out.n;
    o->format->hole(&w->out, kind, s, len);
    w->hole_at[h][1] = w->out.n;
}

/* ---- templates ------------------------------------------------------ */

#define TPL_MAX 4096 /* longer records of a class are rendered every time */

/* Keep the record of `a` just rendered at w->out.b[start..] as class
 * cls's. */
static void keep(nv_id_writer *w, uint32_t cls, const netvet_attribution *a,
                 size_t start)
{
    if (cls >= w->n_tpl) {
        size_t n = w->n_tpl ? w->n_tpl : 256;
        while (n <= cls)
            n *= 2;
        nv_id_tpl *t = nv_reallocarray(w->tpl, n, sizeof(*t));
        if (!t)
            return; /* not kept: rendered again next time */
        memset(t + w->n_tpl, 0, (n - w->n_tpl) * sizeof(*t));
        w->tpl = t;
        w->n_tpl = n;
    }
    nv_id_tpl *t = &w->tpl[cls];
    size_t end = w->out.n, at = start;
    t->state = 2;
    t->attributed = a->vendor >= 0;
    t->unregistered = a->unregistered != NULL;
    t->conflict = a->conflict != 0;
    t->level = (uint8_t)a->level;
    if (end - start > TPL_MAX || w->lit.failed)
        return;
    t->off = (uint32_t)w->lit.n;
    t->n_holes = (uint8_t)w->n_holes;
    for (int h = 0; h <= w->n_holes; h++) {
        size_t to = h < w->n_holes ? w->hole_at[h][0] : end;
        nv_id_put(&w->lit, w->out.b + at, to - at);
        t->len[h] = (uint32_t)(to - at);
        if (h < w->n_holes) {
            t->hole[h] = w->hole_kind[h];
            at = w->hole_at[h][1];
        }
    }
    if (!w->lit.failed)
        t->state = 1;
}

/* Class cls's record with this element's holes. */
static void replay(const nv_id_out *o, nv_id_writer *w, const nv_id_tpl *t,
                   const char *id, const char *mac, size_t mac_len)
{
    const char *lit = w->lit.b + t->off;
    for (int h = 0;; h++) {
        nv_id_put(&w->out, lit, t->len[h]);
        lit += t->len[h];
        if (h == t->n_holes)
            return;
        if (t->hole[h] == NV_ID_HOLE_ID)
            o->format->hole(&w->out, NV_ID_HOLE_ID, id, 0);
        else
            o->format->hole(&w->out, NV_ID_HOLE_MAC, mac, mac_len);
    }
}

static void render(const nv_id_out *o, nv_id_writer *w, const char *id,
                   const char *declared, const netvet_attribution *at)
{
    w->n_holes = 0;
    o->format->render(o, w, id, declared, at);
}

void nv_id_writer_dispose(nv_id_writer *w)
{
    nv_free(w->out.b);
    nv_free(w->lit.b);
    nv_free(w->tmp.b);
    nv_free(w->tpl);
    memset(w, 0, sizeof(*w));
}

/* ---- public --------------------------------------------------------- */

void nv_id_begin(nv_id_out *o)
{
    memset(&o->n, 0, sizeof(o->n));
    o->records = 0;
    o->format->begin(o);
}

/* Leading bytes of a record (JSON's separator). @return where it started. */
static size_t record_start(nv_id_out *o, nv_id_writer *w)
{
    size_t start = w->out.n;
    const char *sep = o->records ? o->format->sep : o->format->first_sep;
    if (sep)
        nv_id_puts(&w->out, sep);
    return start;
}

static void record_end(nv_id_out *o, nv_id_writer *w, size_t start)
{
    if (o->format->cut && w->out.n - start > NV_ID_REC_MAX)
        w->out.n = start + NV_ID_REC_MAX;
    o->records++;
}

void nv_id_record(nv_id_out *o, nv_id_writer *w, const char *id,
                  const char *declared, const netvet_attribution *at,
                  uint32_t cls)
{
    count(o, at->vendor >= 0, at->unregistered != NULL, at->conflict != 0,
          at->level);
    size_t start = record_start(o, w), body = w->out.n;
    const nv_id_tpl *t = cls < w->n_tpl ? &w->tpl[cls] : NULL;
    render(o, w, id, declared, at);
    if (cls != NETVET_NO_CLASS && (!t || t->state == 0))
        keep(w, cls, at, body);
    record_end(o, w, start);
}

int nv_id_record_class(nv_id_out *o, nv_id_writer *w, const char *id,
                       uint32_t cls, const char *mac, size_t mac_len)
{
    if (cls >= w->n_tpl || w->tpl[cls].state != 1)
        return 0;
    const nv_id_tpl *t = &w->tpl[cls];
    count(o, t->attributed, t->unregistered, t->conflict, t->level);
    size_t start = record_start(o, w);
    replay(o, w, t, id, mac, mac_len);
    record_end(o, w, start);
    return 1;
}

void nv_id_end(nv_id_out *o, const char *const *files, size_t n_files)
{
    o->format->end(o, files, n_files);
}

/* Input i: the registry's overlays, then the attributor's pattern files. */
static netvet_input id_input(const nv_id_out *o, size_t i, size_t *count)
{
    size_t nr = netvet_registry_input_count(o->reg);
    size_t na = o->at ? netvet_attributor_input_count(o->at) : 0;
    netvet_input none = NETVET_INPUT_NONE;
    *count = nr + na;
    if (i < nr)
        return netvet_registry_input(o->reg, i);
    return i < nr + na ? netvet_attributor_input(o->at, i - nr) : none;
}

void nv_id_inputs_text(nv_id_out *o)
{
    size_t n = 0;
    id_input(o, 0, &n);
    if (n)
        fputc('\n', o->f);
    nv_data_summary data = {{0}, {0}};
    for (size_t i = 0; i < n; i++) {
        netvet_input x = id_input(o, i, &n);
        if (!nv_report_data_note(&data, x))
            nv_report_text_input(o->f, x);
    }
    nv_report_text_data_line(o->f, &data);
    if (netvet_registry_change_count(o->reg))
        fputc('\n', o->f);
    nv_report_text_registry_changes(o->f, o->reg);
}

/* Write `,\n  "key": ` and arr on one line (compact); takes arr. */
static int put_array(nv_id_out *o, const char *key, json_t *arr)
{
    char *text = arr ? json_dumps(arr, JSON_PRESERVE_ORDER | JSON_COMPACT)
                     : NULL;
    json_decref(arr);
    if (!text)
        return -1;
    fprintf(o->f, ",\n  \"%s\": %s", key, text);
    free(text);
    return 0;
}

int nv_id_inputs_json(nv_id_out *o)
{
    size_t n = 0;
    id_input(o, 0, &n);
    int ok = 1;
    json_t *inputs = json_array();
    for (size_t i = 0; i < n && ok; i++)
        nv_json_append(inputs, nv_report_json_input(id_input(o, i, &n)), &ok);
    if (!ok) {
        json_decref(inputs);
        return -1;
    }
    if (put_array(o, "inputs", inputs) < 0 ||
        put_array(o, "registry_changes",
                  nv_report_json_registry_changes(o->reg)) < 0)
        return -1;
    return 0;
}

/* ---- provenance ----------------------------------------------------- */

int nv_id_keep_files(nv_id_out *o, const netvet_inventory *inv)
{
    for (int w = 0; w < 2; w++) {
        const char *path = netvet_inventory_path(inv, w);
        if (!*path)
            continue;
        nv_id_file *f = nv_reallocarray(o->files_read, o->n_files_read + 1,
                                        sizeof(*f));
        if (!f)
            return -1;
        o->files_read = f;
        f += o->n_files_read;
        if (!(f->path = nv_strdup(path)))
            return -1;
        f->bytes = netvet_inventory_file_size(inv, w);
        snprintf(f->sha256, sizeof(f->sha256), "%s",
                 netvet_inventory_sha256(inv, w));
        o->n_files_read++;
    }
    return 0;
}

void nv_id_files_dispose(nv_id_out *o)
{
    for (size_t i = 0; i < o->n_files_read; i++)
        nv_free(o->files_read[i].path);
    nv_free(o->files_read);
    o->files_read = NULL;
    o->n_files_read = 0;
}

/* File i of the provenance: the inventories' files, then the inputs. */
static netvet_input prov_file(const nv_id_out *o, size_t i, size_t *count)
{
    size_t ni = 0;
    id_input(o, 0, &ni);
    *count = o->n_files_read + ni;
    if (i >= o->n_files_read)
        return id_input(o, i - o->n_files_read, &ni);
    const nv_id_file *f = &o->files_read[i];
    netvet_input in = {"elements", f->path, f->sha256, NULL, f->bytes, 1};
    return in;
}

void nv_id_provenance_text(nv_id_out *o)
{
    size_t n = 0;
    prov_file(o, 0, &n);
    fprintf(o->f, "\nProvenance\n  netvet %s\n", netvet_version());
    for (size_t i = 0; i < n; i++)
        nv_report_text_provenance_input(o->f, prov_file(o, i, &n));
}

int nv_id_provenance_json(nv_id_out *o)
{
    size_t n = 0;
    prov_file(o, 0, &n);
    int ok = 1;
    json_t *files = json_array();
    for (size_t i = 0; i < n && ok; i++)
        nv_json_append(files,
                       nv_report_json_provenance_input(prov_file(o, i, &n),
                                                       &ok),
                       &ok);
    json_t *p = ok ? json_pack("{s:s}", "netvet_version", netvet_version())
                   : NULL;
    nv_json_put(p, "files", files, &ok);
    char *text = p && ok ? json_dumps(p, JSON_PRESERVE_ORDER | JSON_COMPACT)
                         : NULL;
    json_decref(p);
    if (!text)
        return -1;
    fprintf(o->f, ",\n  \"provenance\": %s", text);
    free(text);
    return 0;
}
