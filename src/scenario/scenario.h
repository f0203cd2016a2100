/* SPDX-License-Identifier: Apache-2.0 */
/* A parsed scenario: an ordered list of changes (set, add, remove,
 * replace), each with the line it was written on. Parsing checks syntax and
 * values only; vendors and ids are checked when an overlay applies it
 * (src/overlay). Format: docs/scenario-format.md. */
#ifndef NV_SCENARIO_SCENARIO_H
#define NV_SCENARIO_SCENARIO_H

#include <stddef.h>
#include <stdint.h>

#include "netvet/whatif.h"
#include "util/yaml.h"

#define NV_SCENARIO_MAX_BYTES (4u << 20) /* largest scenario file */
#define NV_SCENARIO_MAX_CHANGES 4096
#define NV_SCENARIO_MAX_NEW 100000       /* elements or links per add */

typedef enum nv_change_kind {
    NV_CHANGE_SET = 0,
    NV_CHANGE_ADD,
    NV_CHANGE_REMOVE,
    NV_CHANGE_REPLACE
} nv_change_kind;

/* Which elements a change applies to: every key given must match (AND);
 * within a list any item may match (OR). */
typedef struct nv_filter {
    unsigned long line;    /* line of the filter mapping */
    uint32_t fn_mask;      /* bit per netvet_function; 0 = any */
    nv_strlist vendors, sites, regions, tags, ids; /* n == 0: not given */
    double sample;         /* fraction kept, (0, 1]; 0 = no sampling */
    uint64_t seed;
    unsigned long sample_line;
} nv_filter;

/* Element attributes a change sets or a new element has. */
enum nv_attr {
    NV_ATTR_VENDOR = 0, NV_ATTR_FUNCTION, NV_ATTR_NAME, NV_ATTR_MODEL,
    NV_ATTR_SOFTWARE, NV_ATTR_SITE, NV_ATTR_REGION, NV_ATTR_WEIGHT,
    NV_ATTR_STATUS, NV_ATTR_INSTALLED, NV_ATTR_TAGS, NV_ATTR_COUNT
};

typedef struct nv_attrs {
    unsigned has;               /* bit (1 << nv_attr) per attribute given */
    unsigned long line[NV_ATTR_COUNT];
    char *text[NV_ATTR_COUNT];  /* string attributes as written (owned) */
    uint8_t function;           /* netvet_function */
    uint8_t status;             /* enum nv_status */
    double weight;
    int32_t installed;          /* days since 1970-01-01 */
    nv_strlist tags;
} nv_attrs;

typedef struct nv_new_element {
    char *id;
    unsigned long line;
    nv_attrs attrs;
} nv_new_element;

typedef struct nv_new_link {
    char *a, *b;                /* kind and capacity are checked, not kept */
    unsigned long line, a_line, b_line;
} nv_new_link;

typedef struct nv_change {
    nv_change_kind kind;
    unsigned long line;
    int has_date;               /* `date:` given (timeline applies the
                                   change from that day; whatif ignores it) */
    int32_t date;               /* days since 1970-01-01 */
    unsigned long date_line;
    int has_where;
    nv_filter where;            /* set, replace (optional), remove */
    nv_attrs set;               /* set */
    char *from, *to;            /* replace */
    unsigned long from_line, to_line;
    nv_new_element *elements;   /* add */
    size_t n_elements;
    nv_new_link *links;
    size_t n_links;
} nv_change;

struct netvet_scenario {
    char *file;        /* name for diagnostics */
    char sha256[65];   /* of the bytes read (hex) */
    char *name;        /* `scenario:`, or the file's base name */
    char *description; /* "" when absent */
    nv_change *changes;
    size_t n_changes;
};

const char *nv_change_kind_name(nv_change_kind k);
const char *nv_attr_name(enum nv_attr a);

/* Free what a change owns and zero it. */
void nv_change_dispose(nv_change *c);

/* Parse the root mapping of a scenario document into s (file set). */
int nv_scenario_parse(netvet_scenario *s, nv_yctx *y, yaml_node_t *root);

#endif
