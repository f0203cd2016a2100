/* SPDX-License-Identifier: Apache-2.0 */
/* The generator's equipment catalogue: vendors (declared spellings, IEEE
 * OUIs, IANA PEN) and the models each sells for each role, with software
 * versions, sysObjectID and a sysDescr banner in the style of its OS. */
#ifndef NV_SYNTH_CATALOG_H
#define NV_SYNTH_CATALOG_H

#include <stddef.h>
#include <stdint.h>

typedef enum nv_synth_vendor {
    NV_SV_CISCO, NV_SV_JUNIPER, NV_SV_NOKIA, NV_SV_ERICSSON, NV_SV_FORTINET,
    NV_SV_CIENA, NV_SV_ADTRAN, NV_SV_HUAWEI, NV_SV_SAMSUNG, NV_SV_SAGEMCOM,
    NV_SV_VANTIVA, NV_SV_ZYXEL, NV_SV_AVM, NV_SV_COUNT
} nv_synth_vendor;

/* What an element does; each role writes one or more function names. */
typedef enum nv_synth_role {
    NV_SR_CR,   /* core router */
    NV_SR_5GC,  /* 5G core function (AMF, SMF, UPF) */
    NV_SR_EPC,  /* 4G packet core (MME, SGW) */
    NV_SR_IMS,  /* voice core (CSCF, TAS) */
    NV_SR_OSS,
    NV_SR_NMS,
    NV_SR_FW,   /* firewall */
    NV_SR_SEC,  /* other security: DDoS protection, security manager */
    NV_SR_AGG,  /* aggregation ring node */
    NV_SR_OLT,
    NV_SR_CSR,  /* cell-site router */
    NV_SR_BBU,  /* baseband */
    NV_SR_RRU,  /* radio */
    NV_SR_ONT,  /* fibre ONT / fibre gateway */
    NV_SR_CPE,  /* customer router */
    NV_SR_COUNT
} nv_synth_role;

typedef struct nv_synth_model {
    uint8_t vendor;              /* nv_synth_vendor */
    uint8_t role;                /* nv_synth_role */
    const char *model;
    const char *os;              /* "" when software is a bare version */
    const char *versions[3];     /* NULL after the last */
    const char *oid;             /* sysObjectID */
    const char *banner;          /* sysDescr template, NULL for generic */
} nv_synth_model;

/* Index of the model table by role and vendor (built once per run). */
typedef struct nv_synth_catalog {
    uint16_t first[NV_SR_COUNT][NV_SV_COUNT];
    uint8_t count[NV_SR_COUNT][NV_SV_COUNT];
} nv_synth_catalog;

void nv_synth_catalog_init(nv_synth_catalog *cat);
/* Whether `vendor` has a model for `role`. */
int nv_synth_catalog_has(const nv_synth_catalog *cat, unsigned role,
                         unsigned vendor);
/* One of the vendor's models for the role, chosen by r; NULL if none. */
const nv_synth_model *nv_synth_catalog_model(const nv_synth_catalog *cat,
                                             unsigned role, unsigned vendor,
                                             uint64_t r);
/* Number of versions of a model (>= 1). */
unsigned nv_synth_model_versions(const nv_synth_model *m);

/* The vendor name as an inventory would declare it, one of several
 * spellings chosen by r (corporate suffixes, case variants). */
const char *nv_synth_vendor_spelling(unsigned vendor, uint64_t r);
/* A 48-bit MAC address in one of the vendor's IEEE MA-L blocks. */
uint64_t nv_synth_vendor_mac(unsigned vendor, uint64_t r);
/* True for the high-risk vendors the generator knows (Huawei). */
int nv_synth_vendor_is_hrv(unsigned vendor);

/* Software column text "OS version" (or the version alone) into buf.
 * @return its length (truncated to cap - 1). */
size_t nv_synth_software(char *buf, size_t cap, const nv_synth_model *m,
                         unsigned version);
/* The sysDescr banner for a model and version into buf. @return length. */
size_t nv_synth_sysdescr(char *buf, size_t cap, const nv_synth_model *m,
                         unsigned version);

#endif
