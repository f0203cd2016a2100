/* SPDX-License-Identifier: Apache-2.0 */
/* Safe XML parsing for the importers. libxml2 is asked for no network
 * access (XML_PARSE_NONET) and neither XML_PARSE_NOENT (substitution) nor
 * XML_PARSE_DTDLOAD (external subsets) is given. On top of that, any
 * document with an <!ENTITY declaration (seen in the raw bytes, before
 * parsing, and again in the parsed internal subset) or an entity reference
 * node is refused: nmap and GraphML files never need them, and refusing
 * them stops billion-laughs bombs and external-entity reads alike. */
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "import/xmlsafe.h"
#include "util/diag.h"

#define NV_XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | \
                        XML_PARSE_NOWARNING | XML_PARSE_NOCDATA)

/* Line of byte `off` in data (1-based). */
static unsigned long line_at(const char *data, size_t off)
{
    unsigned long line = 1;
    for (size_t i = 0; i < off; i++)
        line += data[i] == '\n';
    return line;
}

/* Raw pre-scan: refuse any "<!ENTITY" before libxml2 sees the bytes. */
static int scan_entities(const char *data, size_t len, const char *file,
                         netvet_diag *diag)
{
    static const char pat[] = "<!ENTITY";
    size_t n = sizeof pat - 1;
    for (size_t i = 0; i + n <= len; i++) {
        if (data[i] == '<' && memcmp(data + i, pat, n) == 0)
            return nv_diag_fail(diag, NETVET_EPARSE, file, line_at(data, i),
                                0, "XML entity declarations are refused "
                                "(entity expansion and external entities "
                                "are not supported)");
    }
    return 0;
}

/* Does the subtree under n hold an entity reference? Returns its node. */
static const xmlNode *find_entity_ref(const xmlNode *n)
{
    for (; n; n = n->next) {
        if (n->type == XML_ENTITY_REF_NODE || n->type == XML_ENTITY_NODE ||
            n->type == XML_ENTITY_DECL)
            return n;
        if (n->type == XML_ELEMENT_NODE) {
            const xmlNode *r = find_entity_ref(n->children);
            if (r)
                return r;
        }
    }
    return NULL;
}

/* Iterative depth check is not needed: libxml2 caps nesting at 256 levels
 * without XML_PARSE_HUGE, so find_entity_ref recursion is bounded. */
static int check_tree(xmlDocPtr doc, const char *file, netvet_diag *diag)
{
    xmlDtdPtr dtds[2] = {doc->intSubset, doc->extSubset};
    for (int k = 0; k < 2; k++) {
        if (!dtds[k])
            continue;
        for (const xmlNode *c = dtds[k]->children; c; c = c->next)
            if (c->type == XML_ENTITY_DECL)
                return nv_diag_fail(diag, NETVET_EPARSE, file,
                                    nv_xml_line(c), 0,
                                    "XML entity declarations are refused");
    }
    const xmlNode *r = find_entity_ref(doc->children);
    if (r)
        return nv_diag_fail(diag, NETVET_EPARSE, file, nv_xml_line(r), 0,
                            "XML entity reference '%s' refused",
                            r->name ? (const char *)r->name : "?");
    return 0;
}

static int parse_error(xmlParserCtxtPtr ctxt, const char *file,
                       netvet_diag *diag)
{
    const xmlError *e = xmlCtxtGetLastError(ctxt);
    if (!e || !e->message)
        return nv_diag_fail(diag, NETVET_EPARSE, file, 0, 0,
                            "not well-formed XML");
    char msg[256];
    size_t n = strlen(e->message);
    if (n >= sizeof msg)
        n = sizeof msg - 1;
    memcpy(msg, e->message, n);
    while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
        n--;
    msg[n] = '\0';
    return nv_diag_fail(diag, NETVET_EPARSE, file,
                        e->line > 0 ? (unsigned long)e->line : 0,
                        e->int2 > 0 ? (unsigned long)e->int2 : 0,
                        "not well-formed XML: %s", msg);
}

int nv_xml_parse(xmlDocPtr *doc, const char *data, size_t len,
                 const char *file, netvet_diag *diag)
{
    *doc = NULL;
    if (len > (size_t)INT32_MAX)
        return nv_diag_fail(diag, NETVET_ELIMIT, file, 0, 0,
                            "XML input over 2 GiB");
    int rc = scan_entities(data, len, file, diag);
    if (rc < 0)
        return rc;
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt)
        return nv_diag_fail(diag, NETVET_ENOMEM, file, 0, 0, "out of memory");
    xmlDocPtr d = xmlCtxtReadMemory(ctxt, data, (int)len, file, NULL,
                                    NV_XML_OPTIONS);
    if (!d || !ctxt->wellFormed) {
        rc = parse_error(ctxt, file, diag);
        xmlFreeDoc(d);
        xmlFreeParserCtxt(ctxt);
        return rc;
    }
    xmlFreeParserCtxt(ctxt);
    rc = check_tree(d, file, diag);
    if (rc < 0) {
        xmlFreeDoc(d);
        return rc;
    }
    *doc = d;
    return 0;
}

int nv_xml_parse_root(xmlDocPtr *doc, xmlNode **root, const char *data,
                      size_t len, const char *root_name, const char *child,
                      const char *not_it, const char *file,
                      netvet_diag *diag)
{
    int rc = nv_xml_parse(doc, data, len, file, diag);
    if (rc < 0)
        return rc;
    *root = xmlDocGetRootElement(*doc);
    if (nv_xml_is(*root, root_name) && (!child || nv_xml_child(*root, child)))
        return 0;
    unsigned long line = nv_xml_line(*root);
    xmlFreeDoc(*doc);
    *doc = NULL;
    return nv_diag_fail(diag, NETVET_EPARSE, file, line, 0, "%s", not_it);
}

int nv_xml_is(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->name &&
           strcmp((const char *)n->name, name) == 0;
}

xmlNode *nv_xml_next(const xmlNode *n, const char *name)
{
    for (n = n ? n->next : NULL; n; n = n->next)
        if (nv_xml_is(n, name))
            return (xmlNode *)n;
    return NULL;
}

xmlNode *nv_xml_child(const xmlNode *n, const char *name)
{
    if (!n)
        return NULL;
    for (const xmlNode *c = n->children; c; c = c->next)
        if (nv_xml_is(c, name))
            return (xmlNode *)c;
    return NULL;
}

const char *nv_xml_attr(const xmlNode *n, const char *name)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return NULL;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (!a->name || strcmp((const char *)a->name, name) != 0)
            continue;
        const xmlNode *t = a->children;
        if (t && t->type == XML_TEXT_NODE && !t->next && t->content)
            return (const char *)t->content;
        return "";
    }
    return NULL;
}

char *nv_xml_text(const xmlNode *n)
{
    xmlChar *s = xmlNodeGetContent(n);
    return s ? (char *)s : (char *)xmlStrdup((const xmlChar *)"");
}

unsigned long nv_xml_line(const xmlNode *n)
{
    long l = n ? xmlGetLineNo(n) : 0;
    return l > 0 ? (unsigned long)l : 0;
}
