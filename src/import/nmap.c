/* SPDX-License-Identifier: Apache-2.0 */
/* nmap XML (-oX) importer: one evidence row per host that is up.
 *   id       first IPv4 address, else first IPv6, else first hostname
 *   name     first hostname
 *   mac      <address addrtype="mac" addr=...>
 *   nmap_mac_vendor  that address's vendor attribute (nmap's OUI lookup)
 *   sys_descr  first <osmatch name>, with the first <osclass>'s vendor and
 *              osfamily in brackets (nmap 5: osclass beside osmatch;
 *              nmap >= 6: osclass inside osmatch)
 *   cpe      first <cpe> of that osclass, else the first <cpe> of a service
 * function is `other` and vendor empty: nmap says what a host looks like,
 * not what an inventory declares. Hosts whose <status state> is not "up"
 * are ignored (counted); a host with no address and no hostname is bad. */
#include <string.h>

#include <libxml/tree.h>

#include "import/import.h"
#include "import/xmlsafe.h"
#include "util/diag.h"

static const char header[] =
    "id,name,vendor,function,mac,nmap_mac_vendor,sys_descr,cpe\n";

typedef struct nmap_host {
    const char *ipv4, *ipv6, *mac, *mac_vendor, *hostname;
    const char *osmatch, *os_vendor, *os_family, *cpe;
} nmap_host;

static void read_addresses(const xmlNode *h, nmap_host *x)
{
    for (xmlNode *a = nv_xml_child(h, "address"); a;
         a = nv_xml_next(a, "address")) {
        const char *type = nv_xml_attr(a, "addrtype");
        const char *addr = nv_xml_attr(a, "addr");
        if (!type || !addr || !*addr)
            continue;
        if (!strcmp(type, "ipv4") && !x->ipv4) {
            x->ipv4 = addr;
        } else if (!strcmp(type, "ipv6") && !x->ipv6) {
            x->ipv6 = addr;
        } else if (!strcmp(type, "mac") && !x->mac) {
            x->mac = addr;
            x->mac_vendor = nv_xml_attr(a, "vendor");
        }
    }
    xmlNode *hn = nv_xml_child(nv_xml_child(h, "hostnames"), "hostname");
    for (; hn && !x->hostname; hn = nv_xml_next(hn, "hostname")) {
        const char *name = nv_xml_attr(hn, "name");
        if (name && *name)
            x->hostname = name;
    }
}

/* Text of the first <cpe> child of n (borrowed), or NULL. */
static const char *first_cpe(const xmlNode *n)
{
    for (xmlNode *c = nv_xml_child(n, "cpe"); c; c = nv_xml_next(c, "cpe")) {
        const xmlNode *t = c->children;
        if (t && t->type == XML_TEXT_NODE && !t->next && t->content &&
            *t->content)
            return (const char *)t->content;
    }
    return NULL;
}

static void read_os(const xmlNode *h, nmap_host *x)
{
    xmlNode *os = nv_xml_child(h, "os");
    xmlNode *match = nv_xml_child(os, "osmatch");
    if (match)
        x->osmatch = nv_xml_attr(match, "name");
    xmlNode *cls = nv_xml_child(match, "osclass");
    if (!cls)
        cls = nv_xml_child(os, "osclass");
    if (cls) {
        x->os_vendor = nv_xml_attr(cls, "vendor");
        x->os_family = nv_xml_attr(cls, "osfamily");
        x->cpe = first_cpe(cls);
    }
    xmlNode *port = nv_xml_child(nv_xml_child(h, "ports"), "port");
    for (; port && !x->cpe; port = nv_xml_next(port, "port"))
        x->cpe = first_cpe(nv_xml_child(port, "service"));
}

/* "osmatch [vendor osfamily]", or the parts that exist. */
static void put_descr(nv_csv_row *r, const nmap_host *x, nv_sbuf *tmp)
{
    tmp->len = 0;
    nv_sbuf_puts(tmp, x->osmatch);
    const char *v = x->os_vendor && *x->os_vendor ? x->os_vendor : NULL;
    const char *f = x->os_family && *x->os_family ? x->os_family : NULL;
    if (v || f) {
        int bracket = tmp->len > 0;
        nv_sbuf_puts(tmp, bracket ? " [" : "");
        nv_sbuf_puts(tmp, v);
        nv_sbuf_puts(tmp, v && f ? " " : "");
        nv_sbuf_puts(tmp, f);
        nv_sbuf_puts(tmp, bracket ? "]" : "");
    }
    nv_csv_field(r, tmp->p ? tmp->p : "", tmp->len);
}

static int import_host(nv_import_out *o, const xmlNode *h, const char *file,
                       nv_sbuf *tmp, netvet_diag *diag)
{
    const char *state = nv_xml_attr(nv_xml_child(h, "status"), "state");
    o->el.read++;
    if (!state || strcmp(state, "up") != 0) {
        o->el.ignored++;
        return 0;
    }
    nmap_host x = {0};
    read_addresses(h, &x);
    read_os(h, &x);
    const char *id = x.ipv4 ? x.ipv4 : x.ipv6 ? x.ipv6 : x.hostname;
    if (!id)
        return nv_import_bad(o, &o->el, diag, file, nv_xml_line(h),
                             "host has no IP address and no hostname");
    nv_csv_row r;
    nv_csv_begin(&r, &o->elements);
    nv_csv_cstr(&r, id);
    nv_csv_cstr(&r, x.hostname);
    nv_csv_cstr(&r, "");
    nv_csv_cstr(&r, "other");
    nv_csv_cstr(&r, x.mac);
    nv_csv_cstr(&r, x.mac_vendor);
    put_descr(&r, &x, tmp);
    nv_csv_cstr(&r, x.cpe);
    nv_csv_end(&r);
    o->el.written++;
    return 0;
}

int nv_import_nmap(nv_import_out *o, const char *data, size_t len,
                   const char *file, netvet_diag *diag)
{
    xmlDocPtr doc;
    xmlNode *root;
    int rc = nv_xml_parse_root(&doc, &root, data, len, "nmaprun", NULL,
                               "not nmap XML output (root element is not "
                               "<nmaprun>)", file, diag);
    if (rc < 0)
        return rc;
    if (o->elements.len == 0)
        nv_sbuf_puts(&o->elements, header);
    nv_sbuf tmp = {0};
    for (xmlNode *h = nv_xml_child(root, "host"); h && rc == 0;
         h = nv_xml_next(h, "host"))
        rc = import_host(o, h, file, &tmp, diag);
    int oom = tmp.oom || o->elements.oom;
    nv_sbuf_free(&tmp);
    xmlFreeDoc(doc);
    if (rc == 0 && oom)
        rc = nv_diag_fail(diag, NETVET_ENOMEM, file, 0, 0, "out of memory");
    return rc;
}
