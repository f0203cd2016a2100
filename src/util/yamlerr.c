/* libyaml parser errors as netvet diagnostics (file:line: message), the one
 * document of a YAML input loaded with its depth limited, and visiting a
 * document's nodes with aliases refused. */
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

/* Walk the event stream once: syntax errors, and collections nested deeper
 * than max_depth. */
static int check_depth(const char *buf, size_t len, const char *file,
                       int max_depth, netvet_diag *diag)
{
    yaml_parser_t parser;
    int depth = 0, rc = NETVET_OK;
    if (!yaml_parser_initialize(&parser))
        return nv_diag_fail(diag, NETVET_ENOMEM, file, 0, 0, "out of memory");
    yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            rc = nv_yaml_parse_error(diag, file, buf, len, &parser);
            break;
        }
        yaml_event_type_t type = ev.type;
        unsigned long line = (unsigned long)ev.start_mark.line + 1;
        yaml_event_delete(&ev);
        if (type == YAML_STREAM_END_EVENT)
            break;
        if (type == YAML_SEQUENCE_END_EVENT || type == YAML_MAPPING_END_EVENT)
            depth--;
        if ((type == YAML_SEQUENCE_START_EVENT ||
             type == YAML_MAPPING_START_EVENT) && ++depth > max_depth) {
            rc = nv_diag_fail(diag, NETVET_EPARSE, file, line, 0,
                              "YAML nested deeper than %d levels", max_depth);
            break;
        }
    }
    yaml_parser_delete(&parser);
    return rc;
}

/* The first document into *doc, and a second refused. */
static int load_first(yaml_parser_t *p, yaml_document_t *doc, const char *buf,
                      size_t len, const char *file, const char *what,
                      netvet_diag *diag)
{
    yaml_document_t extra;
    if (!yaml_parser_load(p, doc))
        return nv_yaml_parse_error(diag, file, buf, len, p);
    int rc = NETVET_OK;
    if (!yaml_parser_load(p, &extra)) {
        rc = nv_yaml_parse_error(diag, file, buf, len, p);
    } else {
        yaml_node_t *second = yaml_document_get_root_node(&extra);
        if (second)
            rc = nv_diag_fail(diag, NETVET_EPARSE, file, nv_yaml_line(second),
                              0, "%s holds one YAML document; found a second",
                              what);
        yaml_document_delete(&extra);
    }
    if (rc < 0)
        yaml_document_delete(doc);
    return rc;
}

int nv_yaml_load_one(yaml_document_t *doc, const char *buf, size_t len,
                     const char *file, const char *what, int max_depth,
                     netvet_diag *diag)
{
    if (!buf)
        buf = "";
    int rc = check_depth(buf, len, file, max_depth, diag);
    if (rc < 0)
        return rc;
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return nv_diag_fail(diag, NETVET_ENOMEM, file, 0, 0, "out of memory");
    yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
    rc = load_first(&parser, doc, buf, len, file, what, diag);
    yaml_parser_delete(&parser);
    return rc;
}
