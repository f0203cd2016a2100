/* SPDX-License-Identifier: Apache-2.0 */
/* libyaml parser errors as netvet diagnostics (file:line: message), the one
 * document of a YAML input loaded with its depth limited and its anchors and
 * aliases refused, and visiting a document's nodes. */
#include "util/yaml.h"

#include "util/alloc.h"
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

/* Children of collection node n pushed on stack[*top..]. */
static void push_children(const yaml_node_t *n, int *stack, size_t *top)
{
    if (n->type == YAML_SEQUENCE_NODE) {
        for (yaml_node_item_t *it = n->data.sequence.items.start;
             it < n->data.sequence.items.top; it++)
            stack[(*top)++] = *it;
    } else if (n->type == YAML_MAPPING_NODE) {
        for (yaml_node_pair_t *pr = n->data.mapping.pairs.start;
             pr < n->data.mapping.pairs.top; pr++) {
            stack[(*top)++] = pr->value;
            stack[(*top)++] = pr->key;
        }
    }
}

/* libyaml resolves an alias to the node its anchor names, so an alias is a
 * node reachable twice from the root. Every loader refuses them: one rule
 * for every YAML input, and no exponential walks (billion laughs). */
/* References from collections to nodes, over every node of doc: the most
 * a walk can push (many aliases of one anchor are many references). */
static size_t count_references(const yaml_document_t *doc)
{
    size_t refs = 0;
    for (const yaml_node_t *n = doc->nodes.start; n < doc->nodes.top; n++) {
        if (n->type == YAML_SEQUENCE_NODE)
            refs += (size_t)(n->data.sequence.items.top -
                             n->data.sequence.items.start);
        else if (n->type == YAML_MAPPING_NODE)
            refs += 2 * (size_t)(n->data.mapping.pairs.top -
                                 n->data.mapping.pairs.start);
    }
    return refs;
}

static int refuse_aliases(yaml_document_t *doc, const char *file,
                          netvet_diag *diag)
{
    size_t n_nodes = (size_t)(doc->nodes.top - doc->nodes.start);
    if (n_nodes == 0)
        return NETVET_OK;
    unsigned char *seen = nv_calloc(n_nodes, 1);
    int *stack = nv_calloc(count_references(doc) + 1, sizeof(*stack));
    int rc = seen && stack ? NETVET_OK
                           : nv_diag_fail(diag, NETVET_ENOMEM, file, 0, 0,
                                          "out of memory");
    size_t top = 0;
    if (rc == NETVET_OK)
        stack[top++] = 1; /* the root */
    while (rc == NETVET_OK && top > 0) {
        int idx = stack[--top];
        yaml_node_t *n = NULL;
        rc = nv_yaml_visit(doc, seen, idx, 0, file, diag, &n);
        if (rc == NETVET_OK)
            push_children(n, stack, &top);
    }
    nv_free(seen);
    nv_free(stack);
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
    if (rc == NETVET_OK && (rc = refuse_aliases(doc, file, diag)) < 0)
        yaml_document_delete(doc);
    return rc;
}
