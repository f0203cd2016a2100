/* SPDX-License-Identifier: Apache-2.0 */
/* Provenance: what a report was made from, so anyone holding it can tell
 * exactly which inventory, packs and data it judged: the netvet version,
 * the as-of date, and every file read with its SHA-256 (the inventory's
 * elements and links files with their sizes, when the load hashed them;
 * registry overlays, packs, attribution data, pattern, waiver and
 * scenario files, with their sizes and, for attribution data, the date it
 * says it was last updated). A text section and a JSON object. */
#include <inttypes.h>

#include "netvet/version.h"
#include "report/formats.h"
#include "report/report.h"

void nv_report_text_provenance(FILE *out, const netvet_assessment *a,
                               const struct nv_report_input *in)
{
    char date[11];
    nv_report_as_of(a, date);
    fprintf(out, "\nProvenance\n  netvet %s, as of %s\n", netvet_version(),
            date);
    for (int w = 0; w < 2; w++) {
        const netvet_inventory *inv = a->view.inv;
        if (!*netvet_inventory_path(inv, w))
            continue;
        fprintf(out, "  %-8s ", w ? "links" : "elements");
        nv_text_safe(out, netvet_inventory_path(inv, w));
        fprintf(out, ": %" PRIu64 " bytes", netvet_inventory_file_size(inv, w));
        if (*netvet_inventory_sha256(inv, w))
            fprintf(out, ", sha256 %s", netvet_inventory_sha256(inv, w));
        fputc('\n', out);
    }
    for (size_t i = 0; i < netvet_assessment_input_count(a); i++)
        nv_report_text_provenance_input(out, netvet_assessment_input(a, i));
    for (size_t i = 0; in && in->cases && i < in->n_cases; i++)
        nv_report_text_provenance_input(
            out, netvet_scenario_input(in->cases[i].scenario));
}

void nv_report_text_provenance_input(FILE *out, netvet_input x)
{
    if (!x.path)
        return;
    fprintf(out, "  %-8s ", x.kind);
    nv_text_safe(out, x.path);
    fputc(':', out);
    const char *sep = " ";
    if (x.has_bytes) {
        fprintf(out, " %llu bytes", x.bytes);
        sep = ", ";
    }
    if (x.sha256 && *x.sha256) {
        fprintf(out, "%ssha256 %s", sep, x.sha256);
        sep = ", ";
    }
    if (x.version)
        fprintf(out, "%sversion %s", sep, x.version);
    fputc('\n', out);
}

static json_t *file(const char *role, const char *path, json_int_t bytes,
                    const char *sha256, const char *version, int *ok)
{
    json_t *o = json_object();
    nv_json_put(o, "role", json_string(role), ok);
    nv_json_put(o, "path", json_string(path), ok);
    if (bytes >= 0)
        nv_json_put(o, "bytes", json_integer(bytes), ok);
    nv_json_put(o, "sha256", json_string(sha256), ok);
    if (version)
        nv_json_put(o, "version", json_string(version), ok);
    if (!o)
        *ok = 0;
    return o;
}

json_t *nv_report_json_provenance_input(netvet_input x, int *ok)
{
    return file(x.kind, x.path, x.has_bytes ? (json_int_t)x.bytes : -1,
                x.sha256, x.version, ok);
}

json_t *nv_report_json_provenance(const netvet_assessment *a,
                                  const struct nv_report_input *in, int *ok)
{
    char date[11];
    nv_report_as_of(a, date);
    json_t *files = json_array();
    const netvet_inventory *inv = a->view.inv;
    for (int w = 0; w < 2; w++)
        if (*netvet_inventory_path(inv, w))
            nv_json_append(files,
                           file(w ? "links" : "elements",
                                netvet_inventory_path(inv, w),
                                (json_int_t)netvet_inventory_file_size(inv, w),
                                netvet_inventory_sha256(inv, w), NULL, ok),
                           ok);
    for (size_t i = 0; i < netvet_assessment_input_count(a); i++)
        nv_json_append(files, nv_report_json_provenance_input(
                                  netvet_assessment_input(a, i), ok), ok);
    for (size_t i = 0; in && in->cases && i < in->n_cases; i++) {
        netvet_input x = netvet_scenario_input(in->cases[i].scenario);
        if (x.path)
            nv_json_append(files, nv_report_json_provenance_input(x, ok), ok);
    }
    json_t *o = json_pack("{s:s, s:s}", "netvet_version", netvet_version(),
                          "as_of", date);
    nv_json_put(o, "files", files, ok);
    if (!o)
        *ok = 0;
    return o;
}
