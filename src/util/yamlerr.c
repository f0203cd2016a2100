/* libyaml parser errors as netvet diagnostics (file:line: message). */
#include "util/yamlerr.h"

#include "util/diag.h"

int nv_yaml_parse_error(netvet_diag *diag, const char *file, const char *buf,
                        size_t len, const yaml_parser_t *p)
{
    if (p->error == YAML_MEMORY_ERROR)
        return nv_diag_fail(diag, NETVET_ENOMEM, file, 0, 0, "out of memory");
    const char *problem = p->problem ? p->problem : "unknown problem";
    if (p->error == YAML_READER_ERROR) {
        size_t end = p->problem_offset < len ? p->problem_offset : len;
        unsigned long line = 1;
        for (size_t i = 0; i < end; i++)
            line += buf[i] == '\n';
        return nv_diag_fail(diag, NETVET_EPARSE, file, line, 0,
                            "invalid text at byte %zu: %s", p->problem_offset,
                            problem);
    }
    unsigned long line = (unsigned long)p->problem_mark.line + 1;
    if (p->context)
        return nv_diag_fail(diag, NETVET_EPARSE, file, line, 0,
                            "YAML syntax error: %s (%s)", problem, p->context);
    return nv_diag_fail(diag, NETVET_EPARSE, file, line, 0,
                        "YAML syntax error: %s", problem);
}

int nv_yaml_visit(yaml_document_t *doc, unsigned char *seen, int idx,
                  unsigned long where, const char *file, netvet_diag *diag,
                  yaml_node_t **out)
{
    yaml_node_t *n = yaml_document_get_node(doc, idx);
    *out = NULL;
    if (!n)
        return nv_diag_fail(diag, NETVET_EPARSE, file, where, 0,
                            "malformed YAML document");
    size_t k = (size_t)(n - doc->nodes.start);
    if (seen[k])
        return nv_diag_fail(diag, NETVET_EPARSE, file, nv_yaml_line(n), 0,
                            "YAML anchors and aliases (*name) are not "
                            "supported");
    seen[k] = 1;
    *out = n;
    return NETVET_OK;
}
