/* Reporting a libyaml parser failure as file:line: message, shared by the
 * registry and pattern loaders. */
#ifndef NV_UTIL_YAMLERR_H
#define NV_UTIL_YAMLERR_H

#include <stddef.h>
#include <yaml.h>

#include "netvet/errors.h"

/* NETVET_ENOMEM for libyaml's memory error, else NETVET_EPARSE with the
 * line (counted in buf[0..len) for reader errors, which give an offset). */
int nv_yaml_parse_error(netvet_diag *diag, const char *file, const char *buf,
                        size_t len, const yaml_parser_t *p);

#endif
