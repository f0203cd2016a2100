/* SPDX-License-Identifier: Apache-2.0 */
/* NetBox JSON importer: saved REST responses of /api/dcim/devices/,
 * /api/dcim/cables/ and /api/dcim/sites/ (a page object with `results`, or
 * a bare array; any number of files, in any order). Each file's records are
 * kept (nv_import_netbox) and written once all files are read
 * (nv_import_netbox_finish), since devices need the sites' regions and
 * cables need the devices. A record's kind comes from its `url`
 * (/api/dcim/devices/...), else its shape (device_type; a_terminations or
 * termination_a; anything else with a slug is a site).
 *   devices -> elements: id = name, else the numeric id; vendor =
 *     device_type.manufacturer.name; model = device_type.model; software =
 *     platform.name; function from role (or device_role) slug/name
 *     (netbox_map.c); site = site.name; region = that site's region.name
 *     from the sites file; lat/lon; status.value; tags[].slug.
 *   cables -> links between the devices of the first a_terminations[] and
 *     b_terminations[] entry with a device (NetBox >= 3.3), or legacy
 *     termination_a.device / termination_b.device; kind = type. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "import/import.h"
#include "import/netbox.h"
#include "util/alloc.h"
#include "util/diag.h"

static const char el_header[] = "id,name,vendor,model,software,function,"
                                "site,region,lat,lon,status,tags\n";
static const char ln_header[] = "a,b,kind\n";

enum { NB_DEVICE, NB_CABLE, NB_SITE, NB_KINDS };

/* Records of each kind as [record, file, index] triples. */
typedef struct nb_state {
    json_t *rec[NB_KINDS];
} nb_state;

/* Lookup tables built in finish. */
typedef struct nb_maps {
    json_t *region;  /* "id:N" / "name:S" of a site -> region name */
    json_t *dev;     /* "id:N" / "name:S" of a device -> element id */
    json_t *seen;    /* element ids written */
} nb_maps;

static void state_free(void *p)
{
    nb_state *s = p;
    for (int k = 0; k < NB_KINDS; k++)
        json_decref(s->rec[k]);
    free(s);
}

static json_t *jget(const json_t *o, const char *key)
{
    return json_is_object(o) ? json_object_get(o, key) : NULL;
}

/* String value of o.key, or NULL (also for ""). */
static const char *jstr(const json_t *o, const char *key)
{
    const char *s = json_string_value(jget(o, key));
    return s && *s ? s : NULL;
}

/* "id:N" or "name:S" key into buf. */
static const char *ref_key(char *buf, size_t size, const json_t *o)
{
    json_t *id = jget(o, "id");
    const char *name = jstr(o, "name");
    if (json_is_integer(id))
        snprintf(buf, size, "id:%lld", (long long)json_integer_value(id));
    else if (name)
        snprintf(buf, size, "name:%.200s", name);
    else
        return NULL;
    return buf;
}

static int kind_of(const json_t *r)
{
    const char *url = jstr(r, "url");
    if (url && strstr(url, "/api/dcim/devices/"))
        return NB_DEVICE;
    if (url && strstr(url, "/api/dcim/cables/"))
        return NB_CABLE;
    if (url && strstr(url, "/api/dcim/sites/"))
        return NB_SITE;
    if (jget(r, "device_type"))
        return NB_DEVICE;
    if (jget(r, "a_terminations") || jget(r, "termination_a"))
        return NB_CABLE;
    if (jstr(r, "slug") && jstr(r, "name"))
        return NB_SITE;
    return -1;
}

static nb_state *get_state(nv_import_out *o)
{
    if (o->state)
        return o->state;
    nb_state *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    for (int k = 0; k < NB_KINDS; k++)
        s->rec[k] = json_array();
    o->state = s;
    o->state_free = state_free;
    for (int k = 0; k < NB_KINDS; k++)
        if (!s->rec[k])
            return NULL;
    return s;
}

static int keep(nv_import_out *o, nb_state *s, json_t *r, const char *file,
                size_t i, netvet_diag *diag)
{
    int kind = json_is_object(r) ? kind_of(r) : -1;
    if (kind < 0) {
        o->el.read++;
        return nv_import_bad(o, &o->el, diag, file, 0,
                             "item %zu is not a NetBox device, cable or site",
                             i);
    }
    json_t *t = json_pack("[Osi]", r, "", (json_int_t)i);
    if (t && json_array_set_new(t, 1, json_string_nocheck(file)) < 0) {
        json_decref(t); /* set_new dropped only the string */
        t = NULL;
    }
    /* append_new drops t itself when it fails */
    if (!t || json_array_append_new(s->rec[kind], t) < 0)
        return nv_diag_fail(diag, NETVET_ENOMEM, file, 0, 0, "out of memory");
    return 0;
}

int nv_import_netbox(nv_import_out *o, const char *data, size_t len,
                     const char *file, netvet_diag *diag)
{
    json_error_t err;
    long failures = nv_alloc_failures();
    json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &err);
    if (!root && (json_error_code(&err) == json_error_out_of_memory ||
                  nv_alloc_failures() != failures))
        return nv_diag_fail(diag, NETVET_ENOMEM, file, 0, 0, "out of memory");
    if (!root)
        return nv_diag_fail(diag, NETVET_EPARSE, file,
                            err.line > 0 ? (unsigned long)err.line : 0,
                            err.column > 0 ? (unsigned long)err.column : 0,
                            "not valid JSON: %s", err.text);
    json_t *list = json_is_array(root) ? root : jget(root, "results");
    int rc = 0;
    nb_state *s = get_state(o);
    if (!s) {
        rc = nv_diag_fail(diag, NETVET_ENOMEM, file, 0, 0, "out of memory");
    } else if (!json_is_array(list)) {
        rc = nv_diag_fail(diag, NETVET_EPARSE, file, 0, 0,
                          "not a NetBox list response (expected an object "
                          "with a `results` array, or an array)");
    }
    for (size_t i = 0; rc == 0 && i < json_array_size(list); i++)
        rc = keep(o, s, json_array_get(list, i), file, i, diag);
    json_decref(root);
    return rc;
}

/* ---- finish: sites, devices, cables ---- */

static int map_sites(nb_maps *m, const json_t *sites)
{
    size_t i;
    json_t *t;
    char key[256];
    json_array_foreach(sites, i, t) {
        json_t *site = json_array_get(t, 0);
        json_t *region = jget(site, "region");
        const char *name = jstr(region, "name");
        if (!name)
            name = jstr(region, "display");
        if (!name)
            continue;
        json_t *id = jget(site, "id");
        if (json_is_integer(id)) {
            snprintf(key, sizeof key, "id:%lld",
                     (long long)json_integer_value(id));
            if (json_object_set_new(m->region, key, json_string(name)) < 0)
                return -1;
        }
        if (jstr(site, "name")) {
            snprintf(key, sizeof key, "name:%.200s", jstr(site, "name"));
            if (json_object_set_new(m->region, key, json_string(name)) < 0)
                return -1;
        }
    }
    return 0;
}

/* Element id of a device record into buf, or NULL. */
static const char *device_id(const json_t *d, char *buf, size_t size)
{
    const char *name = jstr(d, "name");
    if (name)
        return name;
    json_t *id = jget(d, "id");
    if (!json_is_integer(id))
        return NULL;
    snprintf(buf, size, "%lld", (long long)json_integer_value(id));
    return buf;
}

/* A coordinate given as a number or a decimal string, within +-limit. */
static void put_coord(nv_csv_row *r, const json_t *v, double limit)
{
    char buf[64];
    double x;
    char *end;
    if (json_is_number(v)) {
        x = json_number_value(v);
    } else if (json_is_string(v) && *json_string_value(v)) {
        x = strtod(json_string_value(v), &end);
        if (*end)
            x = limit * 2;
    } else {
        x = limit * 2;
    }
    if (!(x >= -limit && x <= limit)) {
        nv_csv_cstr(r, "");
        return;
    }
    snprintf(buf, sizeof buf, "%.8g", x);
    nv_csv_cstr(r, buf);
}

static void put_tags(nv_csv_row *r, const json_t *tags, nv_sbuf *tmp)
{
    size_t i;
    json_t *t;
    tmp->len = 0;
    json_array_foreach(tags, i, t) {
        const char *slug = jstr(t, "slug");
        if (!slug)
            slug = jstr(t, "name");
        if (!slug)
            continue;
        if (tmp->len)
            nv_sbuf_put(tmp, ";", 1);
        size_t start = tmp->len;
        nv_sbuf_puts(tmp, slug);
        for (size_t k = start; k < tmp->len && !tmp->oom; k++)
            if (tmp->p[k] == ';')
                tmp->p[k] = '_';
    }
    nv_csv_field(r, tmp->len ? tmp->p : "", tmp->len);
}

static const char *role_of(const json_t *d, netvet_function *fn,
                           const char **shown)
{
    json_t *role = jget(d, "role");
    if (!role || json_is_null(role))
        role = jget(d, "device_role");
    const char *slug = json_is_string(role) ? json_string_value(role)
                                            : jstr(role, "slug");
    const char *name = jstr(role, "name");
    *shown = slug ? slug : name;
    if (nv_netbox_role(slug, name, fn) < 0)
        return NULL;
    return netvet_function_name(*fn);
}

static const char *status_of(const json_t *d)
{
    json_t *st = jget(d, "status");
    const char *v = json_is_string(st) ? json_string_value(st)
                                       : jstr(st, "value");
    return nv_netbox_status(v);
}

typedef struct nb_ctx {
    nv_import_out *o;
    netvet_diag *diag;
    nb_maps m;
    nv_sbuf tmp;
} nb_ctx;

/* Remember device d's element id under its id and its name. */
static int map_device(nb_ctx *c, const json_t *d, const char *id)
{
    char key[256];
    json_t *nid = jget(d, "id");
    if (json_is_integer(nid)) {
        snprintf(key, sizeof key, "id:%lld", (long long)json_integer_value(nid));
        if (json_object_set_new(c->m.dev, key, json_string_nocheck(id)) < 0)
            return -1;
    }
    if (jstr(d, "name")) {
        snprintf(key, sizeof key, "name:%.200s", jstr(d, "name"));
        if (json_object_set_new(c->m.dev, key, json_string_nocheck(id)) < 0)
            return -1;
    }
    return json_object_set_new(c->m.seen, id, json_true());
}

static void write_device(nb_ctx *c, const json_t *d, const char *id,
                         const char *fn, const char *status)
{
    char key[256];
    const json_t *dt = jget(d, "device_type");
    const json_t *site = jget(d, "site");
    const char *k = ref_key(key, sizeof key, site);
    nv_csv_row r;
    nv_csv_begin(&r, &c->o->elements);
    nv_csv_cstr(&r, id);
    nv_csv_cstr(&r, jstr(d, "name"));
    nv_csv_cstr(&r, jstr(jget(dt, "manufacturer"), "name"));
    nv_csv_cstr(&r, jstr(dt, "model"));
    nv_csv_cstr(&r, jstr(jget(d, "platform"), "name"));
    nv_csv_cstr(&r, fn);
    nv_csv_cstr(&r, jstr(site, "name"));
    nv_csv_cstr(&r, k ? json_string_value(json_object_get(c->m.region, k))
                      : NULL);
    put_coord(&r, jget(d, "latitude"), 90);
    put_coord(&r, jget(d, "longitude"), 180);
    nv_csv_cstr(&r, status);
    put_tags(&r, jget(d, "tags"), &c->tmp);
    nv_csv_end(&r);
}

static int import_device(nb_ctx *c, const json_t *t)
{
    const json_t *d = json_array_get(t, 0);
    const char *file = json_string_value(json_array_get(t, 1));
    size_t item = (size_t)json_integer_value(json_array_get(t, 2));
    nv_import_out *o = c->o;
    char buf[32];
    o->el.read++;
    const char *id = device_id(d, buf, sizeof buf);
    if (!id)
        return nv_import_bad(o, &o->el, c->diag, file, 0,
                             "device (item %zu) has neither a name nor an id",
                             item);
    if (json_object_get(c->m.seen, id))
        return nv_import_bad(o, &o->el, c->diag, file, 0,
                             "device '%.64s' (item %zu): duplicate name", id,
                             item);
    const char *status = status_of(d);
    if (!status)
        return nv_import_bad(o, &o->el, c->diag, file, 0,
                             "device '%.64s' (item %zu): unknown status", id,
                             item);
    netvet_function fn;
    const char *shown = NULL;
    if (!role_of(d, &fn, &shown))
        nv_diag_warn(c->diag, file, 0, 0, "device '%.64s' (item %zu): role "
                     "'%.64s' is not mapped to a function; using other", id,
                     item, shown ? shown : "(none)");
    if (!jstr(jget(jget(d, "device_type"), "manufacturer"), "name"))
        nv_diag_warn(c->diag, file, 0, 0, "device '%.64s' (item %zu): no "
                     "device_type.manufacturer.name (null or missing); vendor "
                     "left empty", id, item);
    if (map_device(c, d, id) < 0)
        return nv_diag_fail(c->diag, NETVET_ENOMEM, file, 0, 0,
                            "out of memory");
    write_device(c, d, id, netvet_function_name(fn), status);
    o->el.written++;
    return 0;
}

/* Element id of the device a termination list (or legacy termination)
 * points at: the first entry with a known device. *other is set when a
 * later entry names a different device. */
static const char *side_device(nb_ctx *c, const json_t *terms,
                               const json_t *legacy, int *other,
                               int *unknown)
{
    char key[256];
    const char *found = NULL;
    size_t n = json_is_array(terms) ? json_array_size(terms) : 0;
    for (size_t i = 0; i < n || (i == 0 && legacy); i++) {
        const json_t *dev = n ? jget(jget(json_array_get(terms, i), "object"),
                                     "device")
                              : jget(legacy, "device");
        const char *k = ref_key(key, sizeof key, dev);
        const char *id = k ? json_string_value(json_object_get(c->m.dev, k))
                           : NULL;
        if (k && !id)
            *unknown = 1;
        if (id && !found)
            found = id;
        else if (id && strcmp(id, found) != 0)
            *other = 1;
        if (!n)
            break;
    }
    return found;
}

static int import_cable(nb_ctx *c, const json_t *t)
{
    const json_t *cab = json_array_get(t, 0);
    const char *file = json_string_value(json_array_get(t, 1));
    size_t item = (size_t)json_integer_value(json_array_get(t, 2));
    nv_import_out *o = c->o;
    o->ln.read++;
    long long cid = json_integer_value(jget(cab, "id"));
    int other = 0, unknown = 0;
    const char *ends[2] = {
        side_device(c, jget(cab, "a_terminations"), jget(cab, "termination_a"),
                    &other, &unknown),
        side_device(c, jget(cab, "b_terminations"), jget(cab, "termination_b"),
                    &other, &unknown)};
    for (int s = 0; s < 2; s++)
        if (!ends[s])
            return nv_import_bad(o, &o->ln, c->diag, file, 0,
                "cable %lld (item %zu): side %c has no %sdevice", cid, item,
                s ? 'B' : 'A', unknown ? "known " : "");
    if (other)
        nv_diag_warn(c->diag, file, 0, 0, "cable %lld (item %zu): a side "
                     "ends on several devices; the first is used", cid, item);
    nv_csv_row r;
    nv_csv_begin(&r, &o->links);
    nv_csv_cstr(&r, ends[0]);
    nv_csv_cstr(&r, ends[1]);
    nv_csv_cstr(&r, jstr(cab, "type"));
    nv_csv_end(&r);
    o->ln.written++;
    return 0;
}

static int finish(nb_ctx *c, nb_state *s)
{
    size_t i;
    json_t *t;
    int rc = 0;
    if (map_sites(&c->m, s->rec[NB_SITE]) < 0)
        return -1;
    json_array_foreach(s->rec[NB_DEVICE], i, t) {
        if ((rc = import_device(c, t)) != 0)
            return rc;
    }
    json_array_foreach(s->rec[NB_CABLE], i, t) {
        if ((rc = import_cable(c, t)) != 0)
            return rc;
    }
    return 0;
}

int nv_import_netbox_finish(nv_import_out *o, netvet_diag *diag)
{
    nb_state *s = o->state;
    if (!s)
        return 0;
    if (o->elements.len == 0)
        nv_sbuf_puts(&o->elements, el_header);
    if (o->links.len == 0)
        nv_sbuf_puts(&o->links, ln_header);
    nb_ctx c = {o, diag, {json_object(), json_object(), json_object()},
                {0}};
    int rc = -1;
    if (c.m.region && c.m.dev && c.m.seen)
        rc = finish(&c, s);
    if (rc == 0 && (c.tmp.oom || o->elements.oom || o->links.oom))
        rc = -1;
    if (rc == -1)
        rc = nv_diag_fail(diag, NETVET_ENOMEM, NULL, 0, 0, "out of memory");
    json_decref(c.m.region);
    json_decref(c.m.dev);
    json_decref(c.m.seen);
    nv_sbuf_free(&c.tmp);
    return rc;
}
