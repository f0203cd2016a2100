/* SPDX-License-Identifier: Apache-2.0 */
/* Pack loader internals shared by pack.c (packs) and rule_parse.c (one
 * rule); YAML walking is util/yaml.h. */
#ifndef NV_POLICY_PACK_H
#define NV_POLICY_PACK_H

#include <yaml.h>

#include "policy/rules.h"
#include "util/yaml.h"

#define NV_PACK_MAX_BYTES (4u << 20) /* largest pack file */
#define NV_PACK_MAX_RULES 4096       /* rules per pack */

/* Parse one rule mapping into *out (zeroed by the caller). On failure the
 * diagnostic is set and *out holds whatever was parsed, for nv_rule_dispose. */
int nv_rule_parse(nv_rule *out, nv_yctx *y, yaml_node_t *map);

/* The list of ISO 3166-1 alpha-2 codes under `key` (at least one) into
 * *out, upper-cased: a pack's high_risk.countries and a rule's
 * vendors.produced_outside. A code that is not two letters fails at its
 * line, "invalid country 'USA' (expected ...)", with " in KEY" after the
 * code when name_key is set. On failure *out holds what was parsed, for
 * nv_strlist_dispose. @return 0 or NETVET_EPARSE. */
int nv_pack_parse_countries(nv_yctx *y, yaml_node_t *n, const char *key,
                            int name_key, nv_strlist *out);

#endif
