/* SPDX-License-Identifier: Apache-2.0 */
/* GraphML importer (Internet Topology Zoo style). <key> declarations map
 * attr.name to key ids; each <node> becomes an element (id = node id,
 * name = label, lat/lon = Latitude/Longitude, region = Country, function
 * `aggregation`, vendor empty: the Zoo holds no vendors; tag `external`
 * when Internal = 0) and each <edge> a link (a = source, b = target,
 * kind = LinkLabel, capacity = LinkSpeedRaw in bit/s). Parallel edges are
 * kept. With several input files, ids are prefixed "FILE:" (every Zoo
 * graph numbers its nodes from 0). A node without an id, a repeated node
 * id, or an edge whose end is no node is a bad record; a coordinate or a
 * LinkSpeedRaw that is not a number in range is left empty with a warning,
 * as are a duplicate <key> id (the first declaration wins) and a second
 * <graph> (ignored). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "import/import.h"
#include "import/xmlsafe.h"
#include "util/alloc.h"
#include "util/diag.h"

static const char el_header[] =
    "id,name,vendor,function,lat,lon,region,tags\n";
static const char ln_header[] = "a,b,kind,capacity\n";

enum { K_LABEL, K_LAT, K_LON, K_COUNTRY, K_INTERNAL, K_LINKLABEL,
       K_SPEED, K_COUNT };

typedef struct gml {
    nv_import_out *o;
    const char *file;
    netvet_diag *diag;
    const char *key[K_COUNT]; /* key id of each known attr.name */
    const char **ids;         /* node ids, sorted (borrowed) */
    size_t n_ids;
    char prefix[128];         /* "FILE:" before ids, or "" */
} gml;

typedef struct key_decl {
    const char *id;
    const xmlNode *k;
    size_t order;
} key_decl;

static int cmp_key(const void *pa, const void *pb)
{
    const key_decl *a = pa, *b = pb;
    int c = strcmp(a->id, b->id);
    return c ? c : a->order < b->order ? -1 : a->order > b->order;
}

/* The <key> declarations with an id, each marked when an earlier one has
 * the same id (warned; the first declaration wins). *out NULL when there
 * are none. */
static int key_decls(gml *g, const xmlNode *root, key_decl **out, size_t *n,
                     unsigned char **dup)
{
    size_t m = 0;
    for (xmlNode *k = nv_xml_child(root, "key"); k; k = nv_xml_next(k, "key"))
        m++;
    *out = nv_calloc(m ? m : 1, sizeof **out);
    *dup = nv_calloc(m ? m : 1, 1);
    if (!*out || !*dup)
        return nv_diag_fail(g->diag, NETVET_ENOMEM, g->file, 0, 0,
                            "out of memory");
    *n = 0;
    for (xmlNode *k = nv_xml_child(root, "key"); k; k = nv_xml_next(k, "key"))
        if (nv_xml_attr(k, "id"))
            (*out)[*n] = (key_decl){nv_xml_attr(k, "id"), k, *n}, (*n)++;
    qsort(*out, *n, sizeof **out, cmp_key);
    for (size_t i = 1; i < *n; i++) {
        if (strcmp((*out)[i].id, (*out)[i - 1].id))
            continue;
        (*dup)[(*out)[i].order] = 1;
        nv_diag_warn(g->diag, g->file, nv_xml_line((*out)[i].k), 0,
                     "duplicate <key> id '%.64s' (this declaration is "
                     "ignored; the first, line %lu, is used)", (*out)[i].id,
                     nv_xml_line((*out)[i - 1].k));
        (*out)[i].k = (*out)[i - 1].k; /* the first stays first */
    }
    return 0;
}

/* Record the key id of the attributes we use. */
static int read_keys(gml *g, const xmlNode *root)
{
    static const struct {
        const char *name, *domain;
    } want[K_COUNT] = {{"label", "node"}, {"Latitude", "node"},
                       {"Longitude", "node"}, {"Country", "node"},
                       {"Internal", "node"}, {"LinkLabel", "edge"},
                       {"LinkSpeedRaw", "edge"}};
    key_decl *decl;
    unsigned char *dup;
    size_t n, order = 0;
    int rc = key_decls(g, root, &decl, &n, &dup);
    for (xmlNode *k = nv_xml_child(root, "key"); rc == 0 && k;
         k = nv_xml_next(k, "key")) {
        const char *id = nv_xml_attr(k, "id");
        const char *name = nv_xml_attr(k, "attr.name");
        const char *dom = nv_xml_attr(k, "for");
        if (!id || dup[order++] || !name)
            continue;
        for (int i = 0; i < K_COUNT; i++)
            if (!g->key[i] && !strcmp(name, want[i].name) &&
                (!dom || !strcmp(dom, want[i].domain) || !strcmp(dom, "all")))
                g->key[i] = id;
    }
    nv_free(decl);
    nv_free(dup);
    return rc;
}

/* Text of n's <data key=...> for attribute k (borrowed), or NULL. */
static const char *data_of(const gml *g, const xmlNode *n, int k)
{
    if (!g->key[k])
        return NULL;
    for (xmlNode *d = nv_xml_child(n, "data"); d; d = nv_xml_next(d, "data")) {
        const char *key = nv_xml_attr(d, "key");
        if (!key || strcmp(key, g->key[k]) != 0)
            continue;
        const xmlNode *t = d->children;
        if (t && t->type == XML_TEXT_NODE && !t->next && t->content)
            return (const char *)t->content;
        return NULL;
    }
    return NULL;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int has_node(const gml *g, const char *id)
{
    return id && bsearch(&id, g->ids, g->n_ids, sizeof *g->ids, cmp_str);
}

/* Collect and sort the node ids (for duplicate and dangling-end checks). */
static int collect_ids(gml *g, const xmlNode *graph)
{
    size_t n = 0;
    for (xmlNode *v = nv_xml_child(graph, "node"); v; v = nv_xml_next(v, "node"))
        n++;
    g->ids = nv_calloc(n ? n : 1, sizeof *g->ids);
    if (!g->ids)
        return nv_diag_fail(g->diag, NETVET_ENOMEM, g->file, 0, 0,
                            "out of memory");
    for (xmlNode *v = nv_xml_child(graph, "node"); v; v = nv_xml_next(v, "node")) {
        const char *id = nv_xml_attr(v, "id");
        if (id && *id)
            g->ids[g->n_ids++] = id;
    }
    qsort(g->ids, g->n_ids, sizeof *g->ids, cmp_str);
    return 0;
}

/* Write a coordinate field: the text when it is a number within
 * [-limit, limit], else empty with a warning. */
static void put_coord(gml *g, nv_csv_row *r, const xmlNode *v, int k,
                      double limit)
{
    const char *s = data_of(g, v, k);
    if (!s || !*s) {
        nv_csv_cstr(r, "");
        return;
    }
    char *end;
    double x = strtod(s, &end);
    if (end == s || *end || !isfinite(x) || fabs(x) > limit) {
        nv_diag_warn(g->diag, g->file, nv_xml_line(v), 0,
                     "node '%.64s': %s '%.32s' is not a number within "
                     "+-%g (left empty)", nv_xml_attr(v, "id"),
                     k == K_LAT ? "Latitude" : "Longitude", s, limit);
        nv_csv_cstr(r, "");
        return;
    }
    nv_csv_cstr(r, s);
}

/* "FILE:" from the path: no directory, no .graphml / .xml. */
static void set_prefix(gml *g, const char *file)
{
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    size_t len = strlen(base);
    static const char *const ext[] = {".graphml", ".xml"};
    for (size_t i = 0; i < 2; i++) {
        size_t e = strlen(ext[i]);
        if (len > e && strcmp(base + len - e, ext[i]) == 0) {
            len -= e;
            break;
        }
    }
    snprintf(g->prefix, sizeof g->prefix, "%.*s:",
             (int)(len < 100 ? len : 100), base);
}

static void put_id(gml *g, nv_csv_row *r, const char *id)
{
    char buf[512];
    if (!g->prefix[0]) {
        nv_csv_cstr(r, id);
        return;
    }
    int n = snprintf(buf, sizeof buf, "%s%s", g->prefix, id);
    if (n >= 0 && (size_t)n < sizeof buf) {
        nv_csv_field(r, buf, (size_t)n);
        return;
    }
    nv_sbuf field = {0}; /* a very long id */
    nv_sbuf_puts(&field, g->prefix);
    nv_sbuf_puts(&field, id);
    nv_csv_field(r, field.p ? field.p : "", field.len);
    if (field.oom)
        r->b->oom = 1;
    nv_sbuf_free(&field);
}

static int import_node(gml *g, const xmlNode *v, const char **prev)
{
    nv_import_out *o = g->o;
    o->el.read++;
    const char *id = nv_xml_attr(v, "id");
    if (!id || !*id)
        return nv_import_bad(o, &o->el, g->diag, g->file, nv_xml_line(v),
                             "node without an id");
    /* the first node with an id wins; *prev tracks ids already written */
    const char **slot = bsearch(&id, g->ids, g->n_ids, sizeof *g->ids,
                                cmp_str);
    size_t at = slot ? (size_t)(slot - g->ids) : 0;
    while (at > 0 && strcmp(g->ids[at - 1], id) == 0)
        at--; /* first of a run of equal ids */
    if (prev[at])
        return nv_import_bad(o, &o->el, g->diag, g->file, nv_xml_line(v),
                             "duplicate node id '%.64s'", id);
    prev[at] = id;
    nv_csv_row r;
    nv_csv_begin(&r, &o->elements);
    put_id(g, &r, id);
    nv_csv_cstr(&r, data_of(g, v, K_LABEL));
    nv_csv_cstr(&r, "");
    nv_csv_cstr(&r, "aggregation");
    put_coord(g, &r, v, K_LAT, 90);
    put_coord(g, &r, v, K_LON, 180);
    nv_csv_cstr(&r, data_of(g, v, K_COUNTRY));
    const char *internal = data_of(g, v, K_INTERNAL);
    nv_csv_cstr(&r, internal && !strcmp(internal, "0") ? "external" : "");
    nv_csv_end(&r);
    o->el.written++;
    return 0;
}

static int import_edge(gml *g, const xmlNode *e)
{
    nv_import_out *o = g->o;
    o->ln.read++;
    const char *ends[2] = {nv_xml_attr(e, "source"), nv_xml_attr(e, "target")};
    for (int i = 0; i < 2; i++)
        if (!has_node(g, ends[i]))
            return nv_import_bad(o, &o->ln, g->diag, g->file, nv_xml_line(e),
                                 "edge %s '%.64s' is not a node",
                                 i ? "target" : "source",
                                 ends[i] ? ends[i] : "(missing)");
    const char *speed = data_of(g, e, K_SPEED);
    char *end = NULL;
    double bps = speed ? strtod(speed, &end) : -1;
    if (speed && *speed && (end == speed || *end || !isfinite(bps) ||
                            bps < 0 || bps > 1e15))
        nv_diag_warn(g->diag, g->file, nv_xml_line(e), 0,
                     "edge '%.64s'-'%.64s': LinkSpeedRaw '%.32s' is not a "
                     "number from 0 to 1e15 (capacity left empty)", ends[0],
                     ends[1], speed);
    if (!speed || end == speed || *end || !isfinite(bps) || bps < 0 ||
        bps > 1e15)
        speed = NULL;
    nv_csv_row r;
    nv_csv_begin(&r, &o->links);
    put_id(g, &r, ends[0]);
    put_id(g, &r, ends[1]);
    nv_csv_cstr(&r, data_of(g, e, K_LINKLABEL));
    nv_csv_cstr(&r, speed);
    nv_csv_end(&r);
    o->ln.written++;
    return 0;
}

static int import_graph(gml *g, const xmlNode *graph)
{
    int rc = collect_ids(g, graph);
    if (rc < 0)
        return rc;
    const char **prev = nv_calloc(g->n_ids ? g->n_ids : 1, sizeof *prev);
    if (!prev)
        return nv_diag_fail(g->diag, NETVET_ENOMEM, g->file, 0, 0,
                            "out of memory");
    for (xmlNode *v = nv_xml_child(graph, "node"); v && rc == 0;
         v = nv_xml_next(v, "node"))
        rc = import_node(g, v, prev);
    for (xmlNode *e = nv_xml_child(graph, "edge"); e && rc == 0;
         e = nv_xml_next(e, "edge"))
        rc = import_edge(g, e);
    nv_free(prev);
    return rc;
}

int nv_import_graphml(nv_import_out *o, const char *data, size_t len,
                      const char *file, netvet_diag *diag)
{
    xmlDocPtr doc;
    xmlNode *root;
    int rc = nv_xml_parse_root(&doc, &root, data, len, "graphml", "graph",
                               "not GraphML (expected <graphml> with a "
                               "<graph>)", file, diag);
    if (rc < 0)
        return rc;
    xmlNode *graph = nv_xml_child(root, "graph");
    if (o->elements.len == 0)
        nv_sbuf_puts(&o->elements, el_header);
    if (o->links.len == 0)
        nv_sbuf_puts(&o->links, ln_header);
    gml g = {.o = o, .file = file, .diag = diag};
    if (o->n_inputs > 1)
        set_prefix(&g, file);
    for (xmlNode *x = nv_xml_next(graph, "graph"); x; x = nv_xml_next(x, "graph"))
        nv_diag_warn(diag, file, nv_xml_line(x), 0, "a second <graph> is "
                     "ignored (only the first is imported: give each graph "
                     "its own file)");
    rc = read_keys(&g, root);
    if (rc == 0)
        rc = import_graph(&g, graph);
    nv_free(g.ids);
    xmlFreeDoc(doc);
    if (rc == 0 && (o->elements.oom || o->links.oom))
        rc = nv_diag_fail(diag, NETVET_ENOMEM, file, 0, 0, "out of memory");
    return rc;
}
