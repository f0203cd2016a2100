/* Reports of an assessment: a terminal text report for people and a
 * versioned JSON document for machines (docs/json-schema.md). */
#ifndef NETVET_REPORT_H
#define NETVET_REPORT_H

#include <stdio.h>

#include "assess.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum netvet_format { NETVET_FORMAT_TEXT = 0, NETVET_FORMAT_JSON } netvet_format;

/** Schema id written in every JSON report. */
#define NETVET_JSON_SCHEMA "netvet-assess/1"

typedef struct netvet_report_options {
    unsigned version;        /**< NETVET_REPORT_OPTIONS_VERSION */
    netvet_format format;
    int fail_on;             /**< netvet_severity gate for the verdict; -1 never */
    size_t max_elements;     /**< text: elements listed per finding */
} netvet_report_options;
#define NETVET_REPORT_OPTIONS_VERSION 1
#define NETVET_REPORT_OPTIONS_INIT \
    {NETVET_REPORT_OPTIONS_VERSION, NETVET_FORMAT_TEXT, NETVET_SEV_ERROR, 10}

/** Write the report of `a` to `out`. @return 0 or NETVET_EIO/ENOMEM. */
int netvet_report_write(FILE *out, const netvet_assessment *a,
                        const netvet_report_options *opts, netvet_diag *diag);

/** Library version string, e.g. "0.1.0". */
const char *netvet_version(void);

#ifdef __cplusplus
}
#endif
#endif
