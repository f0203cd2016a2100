/* SPDX-License-Identifier: Apache-2.0 */
/* Precision and recall of attribution on the labelled corpus
 * tests/data/attribution-corpus.csv (made by make-attribution-corpus.py
 * from ieee-data rows, IANA enterprise numbers and documented banners):
 * per vendor, TP/FP/FN over rows, compared with the exact expected table.
 * A row predicted as no vendor where one was expected is a false negative
 * of that vendor; a vendor predicted where none (or another) was expected
 * is a false positive of the predicted one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "inventory/csv.h"
#include "netvet/attrib.h"
#include "util/alloc.h"
#include "util/file.h"

#define IEEE "/usr/share/ieee-data/"
#define MAX_VENDORS 128

/* Expected table: vendor tp fp fn precision recall, vendors sorted. */
static const char expected_table[] =
    "adtran 4 0 0 1.000 1.000\n"
    "ale 1 0 0 1.000 1.000\n"
    "arista 4 1 0 0.800 1.000\n"
    "avm 3 0 0 1.000 1.000\n"
    "calix 3 0 0 1.000 1.000\n"
    "casa 1 0 0 1.000 1.000\n"
    "ciena 4 0 0 1.000 1.000\n"
    "cisco 9 0 0 1.000 1.000\n"
    "commscope 1 0 1 1.000 0.500\n"
    "dahua 3 0 0 1.000 1.000\n"
    "datang 1 0 0 1.000 1.000\n"
    "dzs 2 0 0 1.000 1.000\n"
    "ericsson 5 0 0 1.000 1.000\n"
    "extreme 3 0 0 1.000 1.000\n"
    "fiberhome 3 0 0 1.000 1.000\n"
    "fortinet 3 0 0 1.000 1.000\n"
    "fujitsu 3 0 0 1.000 1.000\n"
    "h3c 6 0 0 1.000 1.000\n"
    "hikvision 3 0 0 1.000 1.000\n"
    "hpe 1 0 0 1.000 1.000\n"
    "huawei 8 0 0 1.000 1.000\n"
    "juniper 5 0 0 1.000 1.000\n"
    "linksys 1 0 0 1.000 1.000\n"
    "mikrotik 4 0 0 1.000 1.000\n"
    "nec 3 0 0 1.000 1.000\n"
    "nokia 10 0 0 1.000 1.000\n"
    "nokia-shanghai-bell 1 0 0 1.000 1.000\n"
    "raisecom 3 0 0 1.000 1.000\n"
    "ribbon 1 0 0 1.000 1.000\n"
    "ruijie 3 0 0 1.000 1.000\n"
    "sagemcom 3 0 0 1.000 1.000\n"
    "samsung 3 0 0 1.000 1.000\n"
    "tejas 1 0 0 1.000 1.000\n"
    "tp-link 4 0 0 1.000 1.000\n"
    "ubiquiti 3 0 0 1.000 1.000\n"
    "vantiva 3 0 0 1.000 1.000\n"
    "zte 7 0 0 1.000 1.000\n"
    "zyxel 3 0 0 1.000 1.000\n"
    "rows 148 correct 146 none-expected 18 none-correct 17\n";

typedef struct tally {
    char id[64];
    unsigned tp, fp, fn;
} tally;

typedef struct corpus_stats {
    tally t[MAX_VENDORS];
    size_t n;
    unsigned rows, correct, none_expected, none_correct;
} corpus_stats;

static tally *get(corpus_stats *s, const char *id)
{
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->t[i].id, id))
            return &s->t[i];
    assert_true(s->n < MAX_VENDORS);
    tally *t = &s->t[s->n++];
    snprintf(t->id, sizeof(t->id), "%s", id);
    return t;
}

static void score_row(corpus_stats *s, const char *want, const char *got)
{
    s->rows++;
    s->none_expected += !*want;
    if (!strcmp(want, got)) {
        s->correct++;
        s->none_correct += !*want;
        if (*want)
            get(s, want)->tp++;
        return;
    }
    if (*want)
        get(s, want)->fn++;
    if (*got)
        get(s, got)->fp++;
}

static int cmp_tally(const void *a, const void *b)
{
    return strcmp(((const tally *)a)->id, ((const tally *)b)->id);
}

static char *field(const nv_csv *c, size_t i)
{
    return nv_strndup(c->fields[i].p, c->fields[i].len);
}

/* Columns: id,expected,vendor,mac,sys_object_id,sys_descr,lldp_descr,cpe,
 * source. */
static void run_row(corpus_stats *s, netvet_attributor *a,
                    const netvet_registry *reg, const nv_csv *c)
{
    char *f[8];
    assert_int_equal(c->n_fields, 9);
    for (size_t i = 0; i < 8; i++)
        f[i] = field(c, i);
    netvet_evidence_input in = {f[2], f[3], f[4], f[5], f[6], f[7]};
    netvet_attribution at;
    assert_int_equal(netvet_attribute(&at, a, &in), 0);
    const char *got = at.vendor >= 0
                          ? netvet_registry_vendor(reg, (size_t)at.vendor)->id
                          : "";
    score_row(s, f[1], got);
    for (size_t i = 0; i < 8; i++)
        nv_free(f[i]);
}

static void format_table(corpus_stats *s, char *out, size_t cap)
{
    size_t n = 0;
    qsort(s->t, s->n, sizeof(tally), cmp_tally);
    for (size_t i = 0; i < s->n; i++) {
        const tally *t = &s->t[i];
        double p = t->tp + t->fp ? (double)t->tp / (t->tp + t->fp) : 0;
        double r = t->tp + t->fn ? (double)t->tp / (t->tp + t->fn) : 0;
        n += (size_t)snprintf(out + n, cap - n, "%s %u %u %u %.3f %.3f\n",
                              t->id, t->tp, t->fp, t->fn, p, r);
    }
    snprintf(out + n, cap - n, "rows %u correct %u none-expected %u "
             "none-correct %u\n", s->rows, s->correct, s->none_expected,
             s->none_correct);
}

static void test_corpus_precision_recall(void **state)
{
    (void)state;
    char path[4096];
    const char *data = getenv("NETVET_TEST_DATA");
    snprintf(path, sizeof(path), "%s/attribution-corpus.csv",
             data ? data : "tests/data");
    char *buf;
    size_t len;
    assert_int_equal(nv_read_file(&buf, &len, path, 1 << 20, NULL), 0);
    netvet_registry *reg;
    netvet_attributor *a;
    netvet_attrib_options o = NETVET_ATTRIB_OPTIONS_INIT;
    const char *files[4] = {IEEE "oui.csv", IEEE "mam.csv", IEEE "oui36.csv",
                            IEEE "iab.csv"};
    memcpy(o.ieee, files, sizeof(files));
    o.enterprises = "/usr/share/wireshark/enterprises.tsv";
    assert_int_equal(netvet_registry_new_builtin(&reg, NULL), 0);
    assert_int_equal(netvet_attributor_new(&a, reg, &o, NULL), 0);
    static corpus_stats s;
    memset(&s, 0, sizeof(s));
    nv_csv c;
    nv_csv_init(&c, buf, len);
    assert_int_equal(nv_csv_next(&c), NV_CSV_RECORD); /* header */
    while (nv_csv_next(&c) == NV_CSV_RECORD)
        run_row(&s, a, reg, &c);
    nv_csv_dispose(&c);
    static char table[8192];
    format_table(&s, table, sizeof(table));
    printf("%s", table);
    assert_string_equal(table, expected_table);
    netvet_attributor_free(a);
    netvet_registry_free(reg);
    nv_free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpus_precision_recall),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
