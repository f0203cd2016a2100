/* SPDX-License-Identifier: Apache-2.0 */
/* Vendor and model tables for the generator. OUIs are real IEEE MA-L
 * assignments (Debian ieee-data 20220827.1 oui.csv) and PENs are the IANA
 * numbers of the IANA Private Enterprise Number registry
 * (iana.org/assignments/enterprise-numbers); the product arcs after the PEN and the
 * banners are written in each OS's style, not copied from devices. */
#include "synth/catalog.h"

#include <string.h>

typedef struct vendor_info {
    const char *display;        /* short name used in generic banners */
    const char *spellings[4];   /* declared names, most common first */
    uint32_t ouis[6];           /* IEEE MA-L assignments */
} vendor_info;

static const vendor_info vendors[NV_SV_COUNT] = {
    [NV_SV_CISCO] = {"Cisco",
        {"Cisco Systems, Inc.", "Cisco", "CISCO SYSTEMS", "cisco systems inc"},
        {0x00000C, 0x000142, 0x000143, 0x000163, 0x000164, 0x000196}},
    [NV_SV_JUNIPER] = {"Juniper",
        {"Juniper Networks", "Juniper Networks, Inc.", "JUNIPER",
         "juniper networks inc"},
        {0x000585, 0x0010DB, 0x00121E, 0x0014F6, 0x0017CB, 0x0019E2}},
    [NV_SV_NOKIA] = {"Nokia",
        {"Nokia", "Nokia Networks", "NOKIA",
         "Nokia Corporation"},
        {0x003126, 0x00D0F6, 0x0425F0, 0x04C241, 0x08474C, 0x0C354F}},
    [NV_SV_ERICSSON] = {"Ericsson",
        {"Ericsson", "Telefonaktiebolaget LM Ericsson", "ERICSSON AB",
         "Ericsson AB"},
        {0x044E06, 0x1C90BE, 0x3407FB, 0x346E9D, 0x348446, 0x3C197D}},
    [NV_SV_FORTINET] = {"Fortinet",
        {"Fortinet, Inc.", "Fortinet", "FORTINET", "fortinet inc"},
        {0x00090F, 0x000CE6, 0x04D590, 0x085B0E, 0x704CA5, 0x906CAC}},
    [NV_SV_CIENA] = {"Ciena",
        {"Ciena Corporation", "Ciena", "CIENA", "Ciena Corp."},
        {0x00238A, 0x144E2A, 0x1892A4, 0x1C1161, 0x208058, 0x2C39C1}},
    [NV_SV_ADTRAN] = {"ADTRAN",
        {"Adtran", "ADTRAN, Inc.", "Adtran Networks SE", "ADTRAN"},
        {0x00014F, 0x001992, 0x002445, 0x00A0C8, 0xAC139C, 0xCC6618}},
    [NV_SV_HUAWEI] = {"Huawei",
        {"Huawei Technologies Co., Ltd.", "Huawei", "HUAWEI",
         "Huawei Technologies"},
        {0x001882, 0x001E10, 0x002568, 0x00259E, 0x002EC7, 0x0034FE}},
    [NV_SV_SAMSUNG] = {"Samsung",
        {"Samsung Electronics Co., Ltd.", "Samsung", "SAMSUNG NETWORKS",
         "Samsung Electronics"},
        {0x0000F0, 0x0007AB, 0x001247, 0x0012FB, 0x001377, 0x001599}},
    [NV_SV_SAGEMCOM] = {"Sagemcom",
        {"Sagemcom", "Sagemcom Broadband SAS", "SAGEMCOM", "Sagemcom SAS"},
        {0x000E59, 0x001556, 0x00194B, 0x001BBF, 0x001E74, 0x001F95}},
    [NV_SV_VANTIVA] = {"Technicolor",
        {"Technicolor", "Vantiva", "Technicolor CH USA Inc.", "VANTIVA SA"},
        {0x00CB7A, 0x087E64, 0x08952A, 0x08A7C0, 0x0C0227, 0x101331}},
    [NV_SV_ZYXEL] = {"Zyxel",
        {"Zyxel", "ZyXEL Communications Corp.", "ZYXEL",
         "Zyxel Communications Corporation"},
        {0x001349, 0x0019CB, 0x0023F8, 0x00A0C5, 0x04BF6D, 0x082697}},
    [NV_SV_AVM] = {"AVM",
        {"AVM", "AVM GmbH", "AVM Audiovisuelles Marketing und Computersysteme GmbH", "avm"},
        {0x00040E, 0x00150C, 0x001A4F, 0x001C4A, 0x001F3F, 0x0024FE}},
};

#define XR "Cisco IOS XR Software ({m}),  Version {v}[Default] Copyright " \
           "(c) 2013-2024 by Cisco Systems, Inc."
#define XE "Cisco IOS Software [Dublin], {m} Software " \
           "(PPC_LINUX_IOSD-UNIVERSALK9_NPE-M), Version {v}, RELEASE " \
           "SOFTWARE (fc3) Copyright (c) 1986-2023 by Cisco Systems, Inc."
#define FTD "Cisco Firepower Threat Defense for {m}, Version {v} (Build 112)"
#define JUNOS "Juniper Networks, Inc. {l} internet router, kernel JUNOS " \
              "{v}, Build date: 2024-02-15 09:23:51 UTC Copyright (c) " \
              "1996-2024 Juniper Networks, Inc."
#define TIMOS "TiMOS-C-{v} cpm/x86_64 Nokia {m} Copyright (c) 2000-2024 " \
              "Nokia. All rights reserved. All use subject to applicable " \
              "license agreements."
#define VRP "Huawei Versatile Routing Platform Software VRP (R) software, " \
            "Version 8.210 ({m} {v}) Copyright (C) 2012-2021 Huawei " \
            "Technologies Co., Ltd. HUAWEI {m}"
#define HWIAS "Huawei Integrated Access Software ({m} {v}). Copyright(C) " \
              "Huawei Technologies Co., Ltd. 2002-2021. All rights reserved."
#define FOS "{m} {o} v{v},build1639,240313 (GA.M)"

/* Models of one (role, vendor) must stay adjacent: nv_synth_catalog_init
 * indexes them as a run. */
// clang-format off
static const nv_synth_model models[] = {
    /* core routers */
    {NV_SV_CISCO, NV_SR_CR, "ASR 9922", "IOS XR", {"7.9.2", "7.11.2", "24.2.1"}, "1.3.6.1.4.1.9.1.1640", XR},
    {NV_SV_CISCO, NV_SR_CR, "NCS 5508", "IOS XR", {"7.10.2", "24.1.1", NULL}, "1.3.6.1.4.1.9.1.2303", XR},
    {NV_SV_JUNIPER, NV_SR_CR, "MX10008", "Junos OS", {"22.4R3-S2", "23.2R2", NULL}, "1.3.6.1.4.1.2636.1.1.1.2.154", JUNOS},
    {NV_SV_JUNIPER, NV_SR_CR, "MX960", "Junos OS", {"21.4R3-S5", "22.4R3-S2", NULL}, "1.3.6.1.4.1.2636.1.1.1.2.21", JUNOS},
    {NV_SV_NOKIA, NV_SR_CR, "7750 SR-12e", "SR OS", {"22.10.R4", "23.10.R2", "24.3.R1"}, "1.3.6.1.4.1.6527.1.3.17", TIMOS},
    {NV_SV_NOKIA, NV_SR_CR, "7950 XRS-20", "SR OS", {"23.10.R2", "24.3.R1", NULL}, "1.3.6.1.4.1.6527.1.3.13", TIMOS},
    /* mobile and voice core */
    {NV_SV_ERICSSON, NV_SR_5GC, "Packet Core Controller", "PCC", {"1.28", "1.30", NULL}, "1.3.6.1.4.1.193.183.1", NULL},
    {NV_SV_ERICSSON, NV_SR_5GC, "Packet Core Gateway", "PCG", {"1.27", "1.29", NULL}, "1.3.6.1.4.1.193.183.2", NULL},
    {NV_SV_NOKIA, NV_SR_5GC, "Cloud Mobility Manager", "CMM", {"23.5", "24.0", NULL}, "1.3.6.1.4.1.94.7.1", NULL},
    {NV_SV_NOKIA, NV_SR_5GC, "Cloud Mobile Gateway", "CMG", {"23.10", "24.3", NULL}, "1.3.6.1.4.1.6527.1.3.40", NULL},
    {NV_SV_CISCO, NV_SR_5GC, "Ultra Cloud Core SMF", "UCC", {"2023.04.0", "2024.01.0", NULL}, "1.3.6.1.4.1.9.1.2960", NULL},
    {NV_SV_CISCO, NV_SR_5GC, "Ultra Cloud Core UPF", "UCC", {"2023.04.0", "2024.01.0", NULL}, "1.3.6.1.4.1.9.1.2961", NULL},
    {NV_SV_ERICSSON, NV_SR_EPC, "vMME", "MME", {"1.19", "1.22", NULL}, "1.3.6.1.4.1.193.176.1", NULL},
    {NV_SV_NOKIA, NV_SR_EPC, "Flexi NS MME", "NS", {"20.8", "21.5", NULL}, "1.3.6.1.4.1.94.7.2", NULL},
    {NV_SV_CISCO, NV_SR_EPC, "ASR 5500", "StarOS", {"21.26.7", "21.28.3", NULL}, "1.3.6.1.4.1.9.1.1985", NULL},
    {NV_SV_ERICSSON, NV_SR_IMS, "Cloud Call Session Control Function", "vCSCF", {"1.14", "1.16", NULL}, "1.3.6.1.4.1.193.177.1", NULL},
    {NV_SV_NOKIA, NV_SR_IMS, "CFX-5000", "IMS", {"22.5", "23.5", NULL}, "1.3.6.1.4.1.94.7.3", NULL},
    /* management */
    {NV_SV_ERICSSON, NV_SR_OSS, "Ericsson Network Manager", "ENM", {"23.4", "24.2", NULL}, "1.3.6.1.4.1.193.300.1", NULL},
    {NV_SV_NOKIA, NV_SR_OSS, "NetAct", "NetAct", {"22", "24", NULL}, "1.3.6.1.4.1.94.8.1", NULL},
    {NV_SV_NOKIA, NV_SR_NMS, "Network Services Platform", "NSP", {"23.11", "24.4", NULL}, "1.3.6.1.4.1.6527.1.9.1", NULL},
    {NV_SV_CISCO, NV_SR_NMS, "Crosswork Network Controller", "Crosswork", {"6.0", "7.0", NULL}, "1.3.6.1.4.1.9.1.3021", NULL},
    {NV_SV_FORTINET, NV_SR_NMS, "FortiManager-3000G", "FortiManager", {"7.2.5", "7.4.2", NULL}, "1.3.6.1.4.1.12356.103.1.30000", FOS},
    {NV_SV_ERICSSON, NV_SR_NMS, "Ericsson Network Manager", "ENM", {"24.2", NULL, NULL}, "1.3.6.1.4.1.193.300.1", NULL},
    /* security */
    {NV_SV_FORTINET, NV_SR_FW, "FortiGate-3700F", "FortiOS", {"7.2.8", "7.4.3", NULL}, "1.3.6.1.4.1.12356.101.1.37000", FOS},
    {NV_SV_FORTINET, NV_SR_FW, "FortiGate-4201F", "FortiOS", {"7.2.8", "7.4.3", NULL}, "1.3.6.1.4.1.12356.101.1.42010", FOS},
    {NV_SV_CISCO, NV_SR_FW, "Firepower 9300", "FTD", {"7.2.5", "7.4.1", NULL}, "1.3.6.1.4.1.9.1.2293", FTD},
    {NV_SV_CISCO, NV_SR_FW, "Secure Firewall 4245", "FTD", {"7.4.1", NULL, NULL}, "1.3.6.1.4.1.9.1.2879", FTD},
    {NV_SV_NOKIA, NV_SR_SEC, "Deepfield Defender", "Deepfield", {"2023.3", "2024.2", NULL}, "1.3.6.1.4.1.94.9.1", NULL},
    {NV_SV_ERICSSON, NV_SR_SEC, "Ericsson Security Manager", "ESM", {"2.3", "2.4", NULL}, "1.3.6.1.4.1.193.301.1", NULL},
    /* aggregation */
    {NV_SV_NOKIA, NV_SR_AGG, "7750 SR-7s", "SR OS", {"22.10.R4", "23.10.R2", NULL}, "1.3.6.1.4.1.6527.1.3.20", TIMOS},
    {NV_SV_NOKIA, NV_SR_AGG, "7250 IXR-R6", "SR OS", {"22.10.R4", "23.10.R2", NULL}, "1.3.6.1.4.1.6527.1.6.4", TIMOS},
    {NV_SV_CISCO, NV_SR_AGG, "NCS 5501-SE", "IOS XR", {"7.8.2", "7.9.2", NULL}, "1.3.6.1.4.1.9.1.2279", XR},
    {NV_SV_CISCO, NV_SR_AGG, "ASR 9906", "IOS XR", {"7.9.2", "7.11.2", NULL}, "1.3.6.1.4.1.9.1.2348", XR},
    {NV_SV_JUNIPER, NV_SR_AGG, "MX480", "Junos OS", {"21.4R3-S5", "22.4R3-S2", NULL}, "1.3.6.1.4.1.2636.1.1.1.2.25", JUNOS},
    {NV_SV_JUNIPER, NV_SR_AGG, "ACX7100-32C", "Junos OS Evolved", {"22.4R3-S1-EVO", "23.4R1-EVO", NULL}, "1.3.6.1.4.1.2636.1.1.1.2.579", JUNOS},
    {NV_SV_CIENA, NV_SR_AGG, "5171 Service Aggregation Platform", "SAOS", {"10.8.1", "10.9.0", NULL}, "1.3.6.1.4.1.1271.3.2.5171", NULL},
    {NV_SV_CIENA, NV_SR_AGG, "8114 Coherent Routing", "SAOS", {"10.9.0", "10.10.1", NULL}, "1.3.6.1.4.1.1271.3.2.8114", NULL},
    /* access */
    {NV_SV_NOKIA, NV_SR_OLT, "Lightspan MF-14", "Lightspan", {"22.12", "23.12", NULL}, "1.3.6.1.4.1.637.61.1.14", NULL},
    {NV_SV_NOKIA, NV_SR_OLT, "7360 ISAM FX-16", "ISAM", {"6.6.03", "6.8.02", NULL}, "1.3.6.1.4.1.637.61.1.16", NULL},
    {NV_SV_ADTRAN, NV_SR_OLT, "SDX 6320-16", "Mosaic OS", {"23.3", "24.1", NULL}, "1.3.6.1.4.1.664.1.1531", NULL},
    {NV_SV_ADTRAN, NV_SR_OLT, "TA5000", "TA5000", {"R14.4", "R14.6", NULL}, "1.3.6.1.4.1.664.1.1085", NULL},
    {NV_SV_HUAWEI, NV_SR_OLT, "MA5800-X17", "MA5800", {"V100R019C10", "V100R021C00", NULL}, "1.3.6.1.4.1.2011.2.248.17", HWIAS},
    {NV_SV_HUAWEI, NV_SR_OLT, "MA5800-X7", "MA5800", {"V100R019C10", "V100R021C00", NULL}, "1.3.6.1.4.1.2011.2.248.7", HWIAS},
    {NV_SV_CISCO, NV_SR_CSR, "NCS 540", "IOS XR", {"7.8.2", "7.9.2", NULL}, "1.3.6.1.4.1.9.1.2788", XR},
    {NV_SV_CISCO, NV_SR_CSR, "ASR 920-24SZ-M", "IOS XE", {"16.12.7", "17.9.4a", NULL}, "1.3.6.1.4.1.9.1.2188", XE},
    {NV_SV_NOKIA, NV_SR_CSR, "7250 IXR-e", "SR OS", {"22.10.R4", "23.10.R2", NULL}, "1.3.6.1.4.1.6527.1.6.1", TIMOS},
    {NV_SV_NOKIA, NV_SR_CSR, "7705 SAR-8", "SR OS", {"21.10.R3", "22.10.R4", NULL}, "1.3.6.1.4.1.6527.1.1.3", TIMOS},
    {NV_SV_HUAWEI, NV_SR_CSR, "ATN 910C", "VRP", {"V300R007C10SPC100", "V300R007C20SPC200", NULL}, "1.3.6.1.4.1.2011.2.224.279", VRP},
    {NV_SV_HUAWEI, NV_SR_CSR, "ATN 950C", "VRP", {"V300R007C10SPC100", NULL, NULL}, "1.3.6.1.4.1.2011.2.224.280", VRP},
    /* RAN */
    {NV_SV_ERICSSON, NV_SR_BBU, "Baseband 6630", "Ericsson Software", {"23.Q4", "24.Q1", "24.Q2"}, "1.3.6.1.4.1.193.218.1.6630", NULL},
    {NV_SV_ERICSSON, NV_SR_BBU, "Baseband 6648", "Ericsson Software", {"23.Q4", "24.Q2", NULL}, "1.3.6.1.4.1.193.218.1.6648", NULL},
    {NV_SV_NOKIA, NV_SR_BBU, "AirScale System Module ASIK", "", {"SBTS23R4", "SBTS24R1", NULL}, "1.3.6.1.4.1.94.1.21.1", NULL},
    {NV_SV_NOKIA, NV_SR_BBU, "AirScale BTS", "", {"SBTS23R4", "SBTS24R1", NULL}, "1.3.6.1.4.1.94.1.21.2", NULL},
    {NV_SV_HUAWEI, NV_SR_BBU, "BBU5900", "", {"SRAN16.1", "SRAN17.1", NULL}, "1.3.6.1.4.1.2011.2.242.5900", NULL},
    {NV_SV_HUAWEI, NV_SR_BBU, "BBU3910", "", {"SRAN15.1", "SRAN16.1", NULL}, "1.3.6.1.4.1.2011.2.242.3910", NULL},
    {NV_SV_SAMSUNG, NV_SR_BBU, "vRAN vDU", "vRAN", {"22.A.1", "23.A.0", NULL}, "1.3.6.1.4.1.236.4.5.1", NULL},
    {NV_SV_SAMSUNG, NV_SR_BBU, "Compact Macro Baseband", "", {"SVR22A", "SVR23A", NULL}, "1.3.6.1.4.1.236.4.5.2", NULL},
    {NV_SV_ERICSSON, NV_SR_RRU, "AIR 6449", "", {"R12A", NULL, NULL}, "1.3.6.1.4.1.193.218.2.6449", NULL},
    {NV_SV_ERICSSON, NV_SR_RRU, "Radio 4415", "", {"R9B", NULL, NULL}, "1.3.6.1.4.1.193.218.2.4415", NULL},
    {NV_SV_ERICSSON, NV_SR_RRU, "Radio 2219", "", {"R5F", NULL, NULL}, "1.3.6.1.4.1.193.218.2.2219", NULL},
    {NV_SV_NOKIA, NV_SR_RRU, "AirScale AEQE", "", {"1.0", NULL, NULL}, "1.3.6.1.4.1.94.1.22.1", NULL},
    {NV_SV_NOKIA, NV_SR_RRU, "Habrok 32", "", {"1.1", NULL, NULL}, "1.3.6.1.4.1.94.1.22.2", NULL},
    {NV_SV_NOKIA, NV_SR_RRU, "AirScale AHEGB", "", {"1.0", NULL, NULL}, "1.3.6.1.4.1.94.1.22.3", NULL},
    {NV_SV_HUAWEI, NV_SR_RRU, "AAU5639w", "", {"V100R016", NULL, NULL}, "1.3.6.1.4.1.2011.2.242.5639", NULL},
    {NV_SV_HUAWEI, NV_SR_RRU, "RRU5258", "", {"V100R015", NULL, NULL}, "1.3.6.1.4.1.2011.2.242.5258", NULL},
    {NV_SV_HUAWEI, NV_SR_RRU, "AAU5613", "", {"V100R015", NULL, NULL}, "1.3.6.1.4.1.2011.2.242.5613", NULL},
    {NV_SV_SAMSUNG, NV_SR_RRU, "Massive MIMO Radio 64T64R", "", {"R22A", NULL, NULL}, "1.3.6.1.4.1.236.4.6.1", NULL},
    {NV_SV_SAMSUNG, NV_SR_RRU, "RT4401", "", {"R21B", NULL, NULL}, "1.3.6.1.4.1.236.4.6.2", NULL},
    /* customer premises */
    {NV_SV_HUAWEI, NV_SR_ONT, "EchoLife HG8245H", "", {"V3R017C10S115", NULL, NULL}, "1.3.6.1.4.1.2011.6.128.1", NULL},
    {NV_SV_HUAWEI, NV_SR_ONT, "OptiXstar EG8145X6", "", {"V5R021C00S186", NULL, NULL}, "1.3.6.1.4.1.2011.6.128.2", NULL},
    {NV_SV_SAGEMCOM, NV_SR_ONT, "F@st 5670 Fiber", "", {"SGCK10000518", NULL, NULL}, "1.3.6.1.4.1.1038.5.1", NULL},
    {NV_SV_VANTIVA, NV_SR_ONT, "FGA2233", "", {"20.3.c.0329", NULL, NULL}, "1.3.6.1.4.1.2863.405.1", NULL},
    {NV_SV_ZYXEL, NV_SR_ONT, "PMG5617GA", "", {"V5.40(ABNA.3)C0", NULL, NULL}, "1.3.6.1.4.1.890.1.15.5617", NULL},
    {NV_SV_ZYXEL, NV_SR_ONT, "PX3321-T1", "", {"V5.70(ACDZ.0)b3", NULL, NULL}, "1.3.6.1.4.1.890.1.15.3321", NULL},
    {NV_SV_AVM, NV_SR_ONT, "FRITZ!Box 5590 Fiber", "FRITZ!OS", {"7.57", "7.81", NULL}, "1.3.6.1.4.1.872.1.5590", NULL},
    {NV_SV_AVM, NV_SR_ONT, "FRITZ!Box 5530 Fiber", "FRITZ!OS", {"7.57", NULL, NULL}, "1.3.6.1.4.1.872.1.5530", NULL},
    {NV_SV_HUAWEI, NV_SR_CPE, "EchoLife HG8145V5", "", {"V5R020C10S115", NULL, NULL}, "1.3.6.1.4.1.2011.6.128.3", NULL},
    {NV_SV_SAGEMCOM, NV_SR_CPE, "F@st 5866T", "", {"SG4K100216", "SG4K100220", NULL}, "1.3.6.1.4.1.1038.5.2", NULL},
    {NV_SV_SAGEMCOM, NV_SR_CPE, "F@st 5364", "", {"SG30000092", NULL, NULL}, "1.3.6.1.4.1.1038.5.3", NULL},
    {NV_SV_VANTIVA, NV_SR_CPE, "DGA0122", "", {"20.3.c.0329", NULL, NULL}, "1.3.6.1.4.1.2863.405.2", NULL},
    {NV_SV_VANTIVA, NV_SR_CPE, "TG789vac v2", "", {"17.2.0405", NULL, NULL}, "1.3.6.1.4.1.2863.405.3", NULL},
    {NV_SV_ZYXEL, NV_SR_CPE, "EX5601-T0", "", {"V5.70(ACDZ.0)b3", NULL, NULL}, "1.3.6.1.4.1.890.1.15.5601", NULL},
    {NV_SV_AVM, NV_SR_CPE, "FRITZ!Box 7590 AX", "FRITZ!OS", {"7.57", "7.81", NULL}, "1.3.6.1.4.1.872.1.7590", NULL},
    {NV_SV_AVM, NV_SR_CPE, "FRITZ!Box 7530 AX", "FRITZ!OS", {"7.57", NULL, NULL}, "1.3.6.1.4.1.872.1.7530", NULL},
};
// clang-format on

#define N_MODELS (sizeof(models) / sizeof(models[0]))

void nv_synth_catalog_init(nv_synth_catalog *cat)
{
    memset(cat, 0, sizeof(*cat));
    /* Models of one (role, vendor) are adjacent in the table. */
    for (size_t i = N_MODELS; i-- > 0;) {
        const nv_synth_model *m = &models[i];
        cat->first[m->role][m->vendor] = (uint16_t)i;
        cat->count[m->role][m->vendor]++;
    }
}

int nv_synth_catalog_has(const nv_synth_catalog *cat, unsigned role,
                         unsigned vendor)
{
    return role < NV_SR_COUNT && vendor < NV_SV_COUNT &&
           cat->count[role][vendor] > 0;
}

const nv_synth_model *nv_synth_catalog_model(const nv_synth_catalog *cat,
                                             unsigned role, unsigned vendor,
                                             uint64_t r)
{
    if (!nv_synth_catalog_has(cat, role, vendor))
        return NULL;
    return &models[cat->first[role][vendor] +
                   (unsigned)(r % cat->count[role][vendor])];
}

unsigned nv_synth_model_versions(const nv_synth_model *m)
{
    unsigned n = 0;
    while (n < 3 && m->versions[n])
        n++;
    return n ? n : 1;
}

const char *nv_synth_vendor_spelling(unsigned vendor, uint64_t r)
{
    unsigned pct = (unsigned)(r % 100);
    unsigned i = pct < 55 ? 0 : pct < 78 ? 1 : pct < 92 ? 2 : 3;
    return vendors[vendor].spellings[i];
}

uint64_t nv_synth_vendor_mac(unsigned vendor, uint64_t r)
{
    uint64_t oui = vendors[vendor].ouis[(r >> 40) % 6];
    return (oui << 24) | (r & 0xFFFFFF);
}

int nv_synth_vendor_is_hrv(unsigned vendor) { return vendor == NV_SV_HUAWEI; }

/* Append s to buf (capacity cap, length *len), always NUL-terminated. */
static void append(char *buf, size_t cap, size_t *len, const char *s,
                   size_t n, int lower)
{
    for (size_t i = 0; i < n && *len + 1 < cap; i++) {
        char c = s[i];
        if (lower && c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        else if (lower && c == ' ')
            c = '-';
        buf[(*len)++] = c;
    }
    buf[*len] = '\0';
}

static const char *version_of(const nv_synth_model *m, unsigned version)
{
    unsigned n = nv_synth_model_versions(m);
    const char *v = m->versions[version % n];
    return v ? v : "";
}

size_t nv_synth_software(char *buf, size_t cap, const nv_synth_model *m,
                         unsigned version)
{
    size_t len = 0;
    buf[0] = '\0';
    if (m->os[0]) {
        append(buf, cap, &len, m->os, strlen(m->os), 0);
        append(buf, cap, &len, " ", 1, 0);
    }
    const char *v = version_of(m, version);
    append(buf, cap, &len, v, strlen(v), 0);
    return len;
}

size_t nv_synth_sysdescr(char *buf, size_t cap, const nv_synth_model *m,
                         unsigned version)
{
    const char *display = vendors[m->vendor].display;
    const char *t = m->banner ? m->banner
                  : strncmp(m->model, display, strlen(display)) == 0
                      ? "{m}, {s}" /* "Ericsson Network Manager" */
                      : "{V} {m}, {s}";
    const char *v = version_of(m, version);
    size_t len = 0;
    buf[0] = '\0';
    while (*t) {
        const char *open = strchr(t, '{');
        if (!open || !open[1] || open[2] != '}') {
            append(buf, cap, &len, t, strlen(t), 0);
            break;
        }
        append(buf, cap, &len, t, (size_t)(open - t), 0);
        char key = open[1], sw[96];
        const char *s = key == 'm' || key == 'l' ? m->model
                      : key == 'o' ? m->os
                      : key == 'v' ? v
                      : key == 'V' ? display : "";
        if (key == 's') {
            nv_synth_software(sw, sizeof(sw), m, version);
            s = sw;
        }
        append(buf, cap, &len, s, strlen(s), key == 'l');
        t = open + 3;
    }
    return len;
}
