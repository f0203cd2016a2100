/* SPDX-License-Identifier: Apache-2.0 */
/* Attribution classes (src/attrib/classes.c): every element of an
 * inventory attributed through the class cache must read exactly as the
 * same evidence attributed from its text (netvet_attribute, on an
 * attributor that has no classes), whether its class was new or copied; elements that
 * differ only in the MAC's last octets share a class, and another
 * inventory starts the classes again. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "inventory/inv.h"
#include "netvet/attrib.h"

#define IEEE "/usr/share/ieee-data/"
#define PENS "/usr/share/wireshark/enterprises.tsv"

/* Rows repeat declared names, OIDs and banners; the MACs vary within an
 * OUI (00E0FC), across OUIs, under a split OUI (70B3D5: MA-S blocks, so
 * the key is 36 bits), and are invalid, blank, local, multicast. */
static const char elements[] =
    "id,vendor,mac,sys_object_id,sys_descr,lldp_descr,cpe\n"
    "r0,Huawei,00:e0:fc:00:00:01,1.3.6.1.4.1.2011.2.224,"
    "Huawei Versatile Routing Platform Software,,\n"
    "r1,Huawei,00:e0:fc:ab:cd:ef,1.3.6.1.4.1.2011.2.224,"
    "Huawei Versatile Routing Platform Software,,\n"
    "r2,Huawei, 00E0.FC01.0203 ,1.3.6.1.4.1.2011.2.224,"
    "Huawei Versatile Routing Platform Software,,\n"
    "r3,Acme Broadband,e0:19:54:00:10:01,,"
    "\"ZXA10 C300, ZTE ZXA10 Software Version: V2.1.0\",,\n"
    "r4,Acme Broadband,e0:19:54:ff:10:02,,"
    "\"ZXA10 C300, ZTE ZXA10 Software Version: V2.1.0\",,\n"
    "r5,Huawei,70:b3:d5:19:0a:bc,1.3.6.1.4.1.2011.2.224,,,\n"
    "r6,Huawei,70:b3:d5:19:0a:01,1.3.6.1.4.1.2011.2.224,,,\n"
    "r7,Huawei,70:b3:d5:20:00:01,1.3.6.1.4.1.2011.2.224,,,\n"
    "r8,Huawei,not a mac,1.3.6.1.4.1.2011.2.224,,,\n"
    "r9,Huawei,also bad,1.3.6.1.4.1.2011.2.224,,,\n"
    "r10,Huawei,02:e0:fc:01:02:03,,,,cpe:/h:huawei:ne40e\n"
    "r11,Huawei,01:e0:fc:01:02:03,,,,cpe:/h:huawei:ne40e\n"
    "r12,Huawei,\" \",,,,cpe:/h:huawei:ne40e\n"
    "r13,Huawei,,,,,cpe:/h:huawei:ne40e\n"
    "r14,,00:05:85:00:00:01,,,\"Juniper Networks, Inc. mx960\",\n"
    "r15,,00:05:85:00:00:02,,,\"Juniper Networks, Inc. mx960\",\n"
    "r16,Huawei,00:e0:fc:00:00:09,1.3.6.1.4.1.2011.2.224,"
    "Huawei Versatile Routing Platform Software,,\n";
#define ROWS 17

typedef struct fixture {
    netvet_registry *reg;
    netvet_attributor *cached, *fresh;
    netvet_inventory *inv;
} fixture;

static int new_attributor(const netvet_registry *reg, netvet_attributor **a)
{
    netvet_attrib_options o = NETVET_ATTRIB_OPTIONS_INIT;
    o.ieee[0] = IEEE "oui.csv";
    o.ieee[1] = IEEE "mam.csv";
    o.ieee[2] = IEEE "oui36.csv";
    o.ieee[3] = IEEE "iab.csv";
    o.enterprises = PENS;
    return netvet_attributor_new(a, reg, &o, NULL);
}

static int load(netvet_inventory **inv)
{
    netvet_load_options o = NETVET_LOAD_OPTIONS_INIT;
    o.evidence_only = 1;
    return nv_inventory_load_buffers(inv, elements, strlen(elements), "e",
                                     NULL, 0, NULL, &o, NULL);
}

static int setup(void **state)
{
    static fixture f;
    memset(&f, 0, sizeof(f));
    if (netvet_registry_new_builtin(&f.reg, NULL) < 0 ||
        new_attributor(f.reg, &f.cached) < 0 || load(&f.inv) < 0)
        return -1;
    *state = &f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    netvet_attributor_free(f->cached);
    netvet_attributor_free(f->fresh);
    netvet_inventory_free(f->inv);
    netvet_registry_free(f->reg);
    return 0;
}

/* Column text of element k ("" when absent). */
static const char *col(const netvet_inventory *inv, const uint32_t *c,
                       size_t k)
{
    return c ? nv_strtab_get(&inv->strings, c[k]) : "";
}

/* Element k attributed from its text, without classes (by another
 * attributor, which has never seen an inventory). */
static netvet_attribution fresh(fixture *f, size_t k)
{
    const netvet_inventory *inv = f->inv;
    netvet_evidence_input in = {
        col(inv, inv->vendor, k), col(inv, inv->mac, k),
        col(inv, inv->sys_object_id, k), col(inv, inv->sys_descr, k),
        col(inv, inv->lldp_descr, k), col(inv, inv->cpe, k)};
    netvet_attribution at;
    if (!f->fresh)
        assert_int_equal(new_attributor(f->reg, &f->fresh), 0);
    assert_int_equal(netvet_attribute(&at, f->fresh, &in), 0);
    return at;
}

static void assert_same(const netvet_attribution *x,
                        const netvet_attribution *y)
{
    assert_int_equal(x->vendor, y->vendor);
    assert_memory_equal(&x->score, &y->score, sizeof(x->score));
    assert_int_equal(x->level, y->level);
    assert_int_equal(x->declared, y->declared);
    assert_int_equal(x->conflict, y->conflict);
    assert_int_equal(x->n_evidence, y->n_evidence);
    for (size_t i = 0; i < x->n_evidence; i++) {
        const netvet_evidence *a = &x->evidence[i], *b = &y->evidence[i];
        assert_int_equal(a->kind, b->kind);
        assert_int_equal(a->value_len, b->value_len);
        assert_memory_equal(a->value, b->value, a->value_len);
        assert_int_equal(a->vendor, b->vendor);
        assert_memory_equal(&a->weight, &b->weight, sizeof(a->weight));
        assert_string_equal(a->detail, b->detail);
    }
}

/* Attribute every row through the classes (twice: new classes, then all
 * copied) and compare with fresh attributions; cls[k] = row k's class. */
static void check_rows(fixture *f, uint32_t *cls)
{
    for (int pass = 0; pass < 2; pass++) {
        for (size_t k = 0; k < ROWS; k++) {
            netvet_attribution got, want = fresh(f, k);
            uint32_t c;
            assert_int_equal(netvet_attribute_element_class(
                                 &got, &c, f->cached, f->inv, k), 0);
            assert_same(&got, &want);
            /* the class alone: the same id, and the MAC evidence's text */
            uint32_t c2;
            const char *mac;
            size_t mac_len, m = 0;
            assert_int_equal(netvet_element_class(&c2, &mac, &mac_len,
                                                  f->cached, f->inv, k), 0);
            assert_int_equal(c2, c);
            while (m < got.n_evidence && got.evidence[m].kind != NETVET_EV_MAC)
                m++;
            assert_int_equal(mac_len, m < got.n_evidence
                                          ? got.evidence[m].value_len : 0);
            assert_memory_equal(mac, m < got.n_evidence ? got.evidence[m].value
                                                        : "", mac_len);
            if (pass == 0)
                cls[k] = c;
            else
                assert_int_equal(c, cls[k]);
        }
    }
}

static void test_classes_equal_fresh(void **state)
{
    fixture *f = *state;
    uint32_t cls[ROWS];
    check_rows(f, cls);
    /* same evidence, MACs in one OUI / one MA-S block: one class */
    assert_int_equal(cls[0], 0);
    assert_int_equal(cls[1], 0);
    assert_int_equal(cls[2], 0);
    assert_int_equal(cls[16], 0);
    assert_int_equal(cls[4], cls[3]);
    assert_int_equal(cls[6], cls[5]);
    assert_int_equal(cls[9], cls[8]);   /* both "not a MAC" */
    assert_int_equal(cls[15], cls[14]);
    assert_int_equal(cls[13], cls[12]); /* blank MAC = no MAC */
    /* another MA-S block under the same OUI, another status: new class */
    assert_true(cls[7] != cls[5]);
    assert_true(cls[10] != cls[11] && cls[10] != cls[12]);
    assert_true(cls[3] != cls[0]);
    assert_int_equal(netvet_attributor_classes(f->cached), 9);
    /* what the MAC evidence says, in the copies */
    netvet_attribution at;
    uint32_t c;
    assert_int_equal(netvet_attribute_element_class(&at, &c, f->cached,
                                                    f->inv, 1), 0);
    assert_int_equal(at.evidence[1].kind, NETVET_EV_MAC);
    assert_int_equal(at.evidence[1].value_len, 17);
    assert_memory_equal(at.evidence[1].value, "00:e0:fc:ab:cd:ef", 17);
    assert_string_equal(at.evidence[1].detail,
                        "MA-L 00E0FC HUAWEI TECHNOLOGIES CO.,LTD");
    assert_int_equal(netvet_attribute_element_class(&at, &c, f->cached,
                                                    f->inv, 2), 0);
    assert_memory_equal(at.evidence[1].value, "00E0.FC01.0203", 14);
}

static void test_classes_per_inventory(void **state)
{
    fixture *f = *state;
    uint32_t cls[ROWS];
    check_rows(f, cls);
    netvet_inventory *other;
    assert_int_equal(load(&other), 0);
    netvet_attribution at;
    uint32_t c;
    /* row 3 first: class 0 of the other inventory */
    assert_int_equal(netvet_attribute_element_class(&at, &c, f->cached,
                                                    other, 3), 0);
    assert_int_equal(c, 0);
    assert_int_equal(netvet_attributor_classes(f->cached), 1);
    netvet_attribution want = fresh(f, 3);
    assert_same(&at, &want);
    /* a class met first through netvet_element_class, then copied */
    const char *mac;
    size_t mac_len;
    assert_int_equal(netvet_element_class(&c, &mac, &mac_len, f->cached,
                                          other, 1), 0);
    assert_int_equal(c, 1);
    assert_int_equal(mac_len, 17);
    assert_memory_equal(mac, "00:e0:fc:ab:cd:ef", 17);
    assert_int_equal(netvet_attribute_element_class(&at, &c, f->cached,
                                                    other, 0), 0);
    assert_int_equal(c, 1);
    want = fresh(f, 0);
    assert_same(&at, &want);
    netvet_inventory_free(other);
    /* back: classes start again, and still read as fresh */
    check_rows(f, cls);
    assert_int_equal(cls[0], 0);
    /* the plain call goes through the same classes */
    assert_int_equal(netvet_attribute_element(&at, f->cached, f->inv, 4), 0);
    want = fresh(f, 4);
    assert_same(&at, &want);
}

/* 3,000 rows in 1,500 classes: the slots grow several times, and every
 * row still finds its class and reads as without classes. */
static void test_classes_grow(void **state)
{
    fixture *f = *state;
    enum { N = 3000, CLASSES = 1500 };
    size_t cap = 80 * N + 100, len = 0;
    char *csv = malloc(cap);
    assert_non_null(csv);
    len += (size_t)snprintf(csv, cap, "id,vendor,mac,sys_descr\n");
    for (int i = 0; i < N; i++)
        len += (size_t)snprintf(csv + len, cap - len,
                                "g%d,Huawei,00:e0:fc:00:%02x:%02x,Huawei "
                                "Versatile Routing Platform build %d\n",
                                i, i / 256 % 256, i % 256, i % CLASSES);
    netvet_load_options o = NETVET_LOAD_OPTIONS_INIT;
    o.evidence_only = 1;
    netvet_inventory *inv;
    assert_int_equal(nv_inventory_load_buffers(&inv, csv, len, "g", NULL, 0,
                                               NULL, &o, NULL), 0);
    assert_int_equal(new_attributor(f->reg, &f->fresh), 0); /* as fresh() */
    for (int pass = 0; pass < 2; pass++) {
        for (size_t k = 0; k < N; k++) {
            netvet_attribution got, want;
            uint32_t c;
            assert_int_equal(netvet_attribute_element_class(&got, &c,
                                                            f->cached, inv, k), 0);
            assert_int_equal(c, k % CLASSES);
            netvet_evidence_input in = {
                col(inv, inv->vendor, k), col(inv, inv->mac, k), NULL,
                col(inv, inv->sys_descr, k), NULL, NULL};
            assert_int_equal(netvet_attribute(&want, f->fresh, &in), 0);
            assert_same(&got, &want);
        }
    }
    assert_int_equal(netvet_attributor_classes(f->cached), CLASSES);
    netvet_inventory_free(inv);
    free(csv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_classes_equal_fresh, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_classes_per_inventory, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_classes_grow, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
