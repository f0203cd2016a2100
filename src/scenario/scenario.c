/* SPDX-License-Identifier: Apache-2.0 */
/* Scenario objects: read a YAML file or buffer with libyaml (one document),
 * hand the root to the parser (parse.c), and the public accessors. */
#include <string.h>

#include "scenario/scenario.h"
#include "util/alloc.h"
#include "util/diag.h"
#include "util/file.h"
#include "util/sha256.h"
#include "util/yaml.h"

const char *nv_change_kind_name(nv_change_kind k)
{
    static const char *const names[] = {"set", "add", "remove", "replace"};
    return (unsigned)k < 4 ? names[k] : "";
}

void netvet_scenario_free(netvet_scenario *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n_changes; i++)
        nv_change_dispose(&s->changes[i]);
    nv_free(s->changes);
    nv_free(s->file);
    nv_free(s->name);
    nv_free(s->description);
    nv_free(s);
}

static int load_document(netvet_scenario *s, const char *buf, size_t len,
                         netvet_diag *diag)
{
    yaml_document_t doc;
    int err = nv_yaml_load_one(&doc, buf, len, s->file, "a scenario",
                               NV_YAML_MAX_DEPTH, diag);
    if (err < 0)
        return err;
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    nv_yctx y = {&doc, s->file, diag};
    err = root ? nv_scenario_parse(s, &y, root)
               : nv_diag_fail(diag, NETVET_EPARSE, s->file, 1, 0,
                              "empty scenario");
    yaml_document_delete(&doc);
    return err;
}

int netvet_scenario_load_buffer(netvet_scenario **out, const char *buf,
                                size_t len, const char *name,
                                netvet_diag *diag)
{
    if (!out || (!buf && len))
        return NETVET_EINVAL;
    *out = NULL;
    if (!name)
        name = "<buffer>";
    if (len > NV_SCENARIO_MAX_BYTES)
        return nv_diag_fail(diag, NETVET_ELIMIT, name, 0, 0,
                            "scenario is larger than %u bytes",
                            (unsigned)NV_SCENARIO_MAX_BYTES);
    netvet_scenario *s = nv_calloc(1, sizeof(*s));
    if (!s || !(s->file = nv_strdup(name))) {
        netvet_scenario_free(s);
        return nv_diag_fail(diag, NETVET_ENOMEM, name, 0, 0,
                            "out of memory");
    }
    if (nv_sha256_hex(buf, len, s->sha256) < 0) {
        netvet_scenario_free(s);
        return nv_diag_fail(diag, NETVET_ENOMEM, name, 0, 0,
                            "out of memory");
    }
    int err = load_document(s, buf, len, diag);
    if (err < 0) {
        netvet_scenario_free(s);
        return err;
    }
    *out = s;
    return 0;
}

static int load_buffer(void *payload, char *buf, size_t len,
                       const char *name, netvet_diag *diag)
{
    return netvet_scenario_load_buffer(payload, buf, len, name, diag);
}

netvet_input netvet_scenario_input(const netvet_scenario *s)
{
    netvet_input in = NETVET_INPUT_NONE;
    if (s) {
        in.kind = "scenario";
        in.path = s->file;
        in.sha256 = s->sha256;
    }
    return in;
}

int netvet_scenario_load_file(netvet_scenario **out, const char *path,
                              netvet_diag *diag)
{
    if (!out || !path)
        return NETVET_EINVAL;
    *out = NULL;
    return nv_load_file(path, NV_SCENARIO_MAX_BYTES, load_buffer, out, diag);
}

const char *netvet_scenario_name(const netvet_scenario *s)
{
    return s && s->name ? s->name : "";
}

const char *netvet_scenario_description(const netvet_scenario *s)
{
    return s && s->description ? s->description : "";
}

const char *netvet_scenario_file(const netvet_scenario *s)
{
    return s && s->file ? s->file : "";
}

size_t netvet_scenario_changes(const netvet_scenario *s)
{
    return s ? s->n_changes : 0;
}
