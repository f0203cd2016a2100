/* SPDX-License-Identifier: Apache-2.0 */
/* Helpers for the importer tests: run an importer on a string or on a real
 * file (paths relative to the repository root, e.g. ../shared/data/...),
 * capture its diagnostics, and check the output with the ordinary loader.
 * A test whose file under ../shared/data is absent (a clone elsewhere) is
 * skipped with a message, and the program then exits 77 (ctest: Skipped)
 * unless another test failed: return imp_exit(cmocka_run_group_tests(...)). */
#ifndef NV_TEST_IMPORT_FIXTURE_H
#define NV_TEST_IMPORT_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/import.h"
#include "inventory/inv.h"

typedef struct imp_run {
    nv_import_out out;
    char diag_text[8192];
    char message[1024];
    size_t warnings;
    int rc;
} imp_run;

__attribute__((unused)) static void imp_capture(const netvet_diag_entry *e, void *payload)
{
    imp_run *r = payload;
    size_t used = strlen(r->diag_text);
    if (e->severity == NETVET_SEV_WARNING)
        r->warnings++;
    snprintf(r->diag_text + used, sizeof r->diag_text - used,
             "%s:%lu: %s\n", e->file, e->line, e->message);
}

/* Path of a file relative to the repository root. */
__attribute__((unused)) static const char *imp_path(const char *rel, char *buf, size_t size)
{
    const char *root = getenv("NETVET_SOURCE_DIR");
    snprintf(buf, size, "%s/%s", root ? root : ".", rel);
    return buf;
}

/* Set when a test was skipped because its shared data is absent. */
static int imp_data_missing;

/* Skip the current test (cmocka skip()) when `rel` is shared data that is
 * not there. */
__attribute__((unused)) static void imp_need(const char *rel)
{
    char path[4096];
    FILE *f;
    if (strncmp(rel, "../shared/", 10) != 0)
        return;
    if ((f = fopen(imp_path(rel, path, sizeof path), "rb"))) {
        fclose(f);
        return;
    }
    fprintf(stderr, "SKIP: %s is absent (../shared/data is not beside "
                    "this clone)\n", path);
    imp_data_missing = 1;
    skip();
}

/* Exit status of a test program: its failures, else 77 when a test was
 * skipped for want of shared data. */
__attribute__((unused)) static int imp_exit(int failed)
{
    return failed ? failed : imp_data_missing ? 77 : 0;
}

/* Finish step run after the input (NetBox), or NULL. */
static nv_import_finish_fn imp_finish_fn;

__attribute__((unused)) static void imp_finish(imp_run *r, netvet_diag *diag)
{
    if (r->rc == 0 && imp_finish_fn)
        r->rc = imp_finish_fn(&r->out, diag);
    snprintf(r->message, sizeof r->message, "%s", netvet_diag_message(diag));
    netvet_diag_free(diag);
}

__attribute__((unused)) static void imp_string(imp_run *r, nv_import_fn fn, const char *text,
                       int strict)
{
    memset(r, 0, sizeof *r);
    r->out.strict = strict;
    netvet_diag *diag = NULL;
    if (netvet_diag_new(&diag, imp_capture, r) < 0)
        abort();
    r->rc = fn(&r->out, text, text ? strlen(text) : 0, "in", diag);
    imp_finish(r, diag);
}

__attribute__((unused)) static void imp_files(imp_run *r, nv_import_fn fn, const char *const *rel,
                      size_t n, int strict)
{
    for (size_t i = 0; i < n; i++)
        imp_need(rel[i]);
    memset(r, 0, sizeof *r);
    r->out.strict = strict;
    netvet_diag *diag = NULL;
    if (netvet_diag_new(&diag, imp_capture, r) < 0)
        abort();
    char path[4096];
    for (size_t i = 0; i < n && r->rc == 0; i++)
        r->rc = nv_import_file(&r->out, fn, imp_path(rel[i], path,
                                                     sizeof path), diag);
    imp_finish(r, diag);
}

/* Load the output with the ordinary loader; returns the inventory or NULL. */
__attribute__((unused)) static netvet_inventory *imp_load(const imp_run *r, int evidence_only)
{
    netvet_inventory *inv = NULL;
    netvet_diag *diag = NULL;
    if (netvet_diag_new(&diag, NULL, NULL) < 0)
        abort();
    netvet_load_options lo = NETVET_LOAD_OPTIONS_INIT;
    lo.strict = 1;
    lo.evidence_only = evidence_only;
    int rc = nv_inventory_load_buffers(
        &inv, r->out.elements.p, r->out.elements.len, "elements.csv",
        r->out.links.len ? r->out.links.p : NULL, r->out.links.len,
        "links.csv", &lo, diag);
    if (rc != 0)
        fprintf(stderr, "loader: %s\n", netvet_diag_message(diag));
    netvet_diag_free(diag);
    return rc == 0 ? inv : NULL;
}

/* Line `k` (0 = header) of the CSV text, copied into buf. */
__attribute__((unused)) static const char *imp_line(const nv_sbuf *b, size_t k, char *buf,
                            size_t size)
{
    const char *p = b->p ? b->p : "";
    for (; k && *p; k--) {
        const char *nl = strchr(p, '\n');
        p = nl ? nl + 1 : p + strlen(p);
    }
    size_t n = strcspn(p, "\n");
    if (n >= size)
        n = size - 1;
    memcpy(buf, p, n);
    buf[n] = '\0';
    return buf;
}

#endif
