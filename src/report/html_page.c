/* SPDX-License-Identifier: Apache-2.0 */
/* The page around every HTML report: escaping of input strings, the head
 * (Content-Security-Policy that allows nothing to be fetched and only the
 * one inline script below, by its SHA-256), the inline CSS for screen and
 * print, and the script (filter and sort tables; the page reads fully
 * without it). */
#include <string.h>

#include "netvet/version.h"
#include "report/html.h"
#include "util/sha256.h"

void nv_html_text(FILE *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    for (;;) {
        const unsigned char *q = p;
        while (*q >= 0x20 && *q != 0x7f && *q != '&' && *q != '<' &&
               *q != '>' && *q != '"' && *q != '\'' &&
               !(q[0] == 0xc2 && q[1] >= 0x80 && q[1] <= 0x9f))
            q++;
        fwrite(p, 1, (size_t)(q - p), out);
        switch (*q) {
        case '\0': return;
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        case 0xc2: fprintf(out, "\\xc2\\x%02x", q[1]); q++; break;
        default: fprintf(out, "\\x%02x", *q); break;
        }
        p = q + 1;
    }
}

/* The script is kept free of '<' and '&' so the page stays well-formed
 * XML as well as HTML. Sort on a header's click (numbers by data-v when a cell has it), filter
 * the rows of a table whose filter box (data-for) is typed in. Only
 * textContent and attributes are read: nothing is parsed as HTML. */
const char nv_html_script[] =
    "(function(){'use strict';\n"
    "var each=function(list,f){Array.prototype.forEach.call(list,f);};\n"
    "each(document.querySelectorAll('input[data-for]'),function(q){\n"
    " var t=document.getElementById(q.getAttribute('data-for'));\n"
    " if(!t)return;\n"
    " q.hidden=false;\n"
    " q.addEventListener('input',function(){\n"
    "  var v=q.value.toLowerCase();\n"
    "  each(t.tBodies[0].rows,function(r){\n"
    "   r.hidden=v===''?false:r.textContent.toLowerCase().indexOf(v)===-1;});});});\n"
    "each(document.querySelectorAll('table.sortable'),function(t){\n"
    " each(t.tHead.rows[0].cells,function(h,i){\n"
    "  h.tabIndex=0;h.title='sort';\n"
    "  h.addEventListener('click',function(){\n"
    "   var up=h.getAttribute('data-dir')!=='up';\n"
    "   h.setAttribute('data-dir',up?'up':'down');\n"
    "   var key=function(r){var c=r.cells[i];if(!c)return '';\n"
    "    var d=c.getAttribute('data-v');return d===null?c.textContent:Number(d);};\n"
    "   var rows=Array.prototype.slice.call(t.tBodies[0].rows);\n"
    "   rows.sort(function(x,y){var a=key(x),b=key(y);\n"
    "    var o=typeof a==='number'?(typeof b==='number'?a-b:-1):\n"
    "     (typeof b==='number'?1:String(a).localeCompare(String(b)));\n"
    "    return up?o:-o;});\n"
    "   each(rows,function(r){t.tBodies[0].appendChild(r);});});});});\n"
    "})();\n";

void nv_html_script_hash(char *buf)
{
    char b64[NV_SHA256_BASE64];
    if (nv_sha256_base64(nv_html_script, strlen(nv_html_script), b64) < 0)
        snprintf(buf, 56, "'none'"); /* no hash: the script must not run */
    else
        snprintf(buf, 56, "'sha256-%s'", b64);
}

static const char css[] =
    ":root{--ok:#1a7f37;--bad:#c62828;--inc:#b26a00;--na:#8a8f98;"
    "--ink:#1d2329;--mute:#5b636d;--line:#d5d9de;--bg:#f6f7f9}\n"
    "*{box-sizing:border-box}\n"
    "body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,"
    "'DejaVu Sans',sans-serif;color:var(--ink);margin:0 auto;"
    "max-width:1100px;padding:24px}\n"
    "h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;"
    "border-bottom:2px solid var(--line);padding-bottom:4px}\n"
    "h3{font-size:15px;margin:18px 0 6px}\n"
    ".sub{color:var(--mute);margin:0 0 16px}\n"
    ".verdict{border:2px solid var(--line);border-radius:8px;padding:14px 18px;"
    "margin:12px 0;background:var(--bg)}\n"
    ".verdict .word{font-size:30px;font-weight:700;letter-spacing:1px}\n"
    ".v-pass{border-color:var(--ok)}.v-pass .word{color:var(--ok)}\n"
    ".v-fail{border-color:var(--bad)}.v-fail .word{color:var(--bad)}\n"
    ".v-incomplete{border-color:var(--inc)}.v-incomplete .word{color:var(--inc)}\n"
    ".verdict ul{margin:6px 0 0;padding-left:20px}\n"
    "table{border-collapse:collapse;width:100%;margin:6px 0 12px}\n"
    "th,td{border-bottom:1px solid var(--line);padding:4px 6px;text-align:left;"
    "vertical-align:top}\n"
    "th{background:var(--bg);font-weight:600}\n"
    "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;"
    "white-space:nowrap}\n"
    "td.bar{width:24%;min-width:60px}td.bar svg{width:100%}\n"
    "table.sortable th{cursor:pointer}\n"
    ".st-pass{color:var(--ok)}.st-fail{color:var(--bad);font-weight:600}\n"
    ".st-na{color:var(--na)}\n"
    ".sev-error{color:var(--bad);font-weight:600}.sev-warning{color:var(--inc)}\n"
    ".nowrap{white-space:nowrap}\n"
    ".long{overflow-wrap:anywhere;word-break:break-word}\n"
    ".ids{font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:12px}\n"
    "svg text{font:11px system-ui,'DejaVu Sans',sans-serif;fill:var(--ink)}\n"
    "svg .ok{fill:var(--ok)}svg .bad{fill:var(--bad)}svg .na{fill:var(--na)}\n"
    "svg .track{fill:#e9ecef}svg .cap{stroke:var(--ink);stroke-width:2}\n"
    ".legend span{display:inline-block;margin-right:12px}\n"
    ".sw{display:inline-block;width:10px;height:10px;margin-right:4px}\n"
    "input[data-for]{font:inherit;padding:4px 8px;width:320px;margin:4px 0}\n"
    ".pair{display:grid;grid-template-columns:1fr 1fr;gap:18px;"
    "align-items:start}\n"
    ".map{border:1px solid var(--line);background:#eef3f8}\n"
    "footer{color:var(--mute);margin-top:32px;font-size:12px}\n"
    "@media print{body{max-width:none;padding:0;font-size:10px}"
    "input[data-for]{display:none}h2{break-after:avoid}"
    "tr,svg,.verdict{break-inside:avoid}"
    "a{color:inherit;text-decoration:none}"
    "th{background:none}@page{margin:14mm}}\n";

void nv_html_begin(FILE *out, const char *title, const char *as_of)
{
    char hash[56];
    nv_html_script_hash(hash);
    fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
          "<meta charset=\"utf-8\"/>\n", out);
    /* default-src 'none': nothing may be fetched, no frame, no font, no
     * connection; images only as data: URIs (none are used today) */
    fprintf(out, "<meta http-equiv=\"Content-Security-Policy\" content=\""
                 "default-src 'none'; style-src 'unsafe-inline'; "
                 "script-src %s; img-src data:; base-uri 'none'; "
                 "form-action 'none'\"/>\n", hash);
    fputs("<meta name=\"referrer\" content=\"no-referrer\"/>\n"
          "<meta name=\"viewport\" content=\"width=device-width, "
          "initial-scale=1\"/>\n<title>", out);
    nv_html_text(out, title);
    fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<h1>", css);
    nv_html_text(out, title);
    fprintf(out, "</h1>\n<p class=\"sub\">as of %s</p>\n", as_of);
}

void nv_html_end(FILE *out)
{
    fprintf(out, "<footer>Written by netvet %s. This file is self-contained: "
                 "it loads nothing from anywhere.</footer>\n",
            netvet_version());
    fprintf(out, "<script>%s</script>\n</body>\n</html>\n", nv_html_script);
}

double nv_html_pct(double part, double whole)
{
    return whole > 0 ? 100.0 * part / whole : 0.0;
}

void nv_html_bar(FILE *out, double value, double cap, int width,
                 const char *cls)
{
    double v = value > 0 ? (value < 100 ? value : 100) : 0; /* NaN: 0 */
    fprintf(out, "<svg width=\"%d\" height=\"14\" viewBox=\"0 0 %d 14\" "
                 "preserveAspectRatio=\"none\" role=\"img\" "
                 "aria-label=\"%.2f%%\">"
                 "<rect class=\"track\" x=\"0\" y=\"2\" width=\"%d\" "
                 "height=\"10\"/><rect class=\"%s\" x=\"0\" y=\"2\" "
                 "width=\"%.1f\" height=\"10\"/>",
            width, width, v, width, cls, v * width / 100.0);
    if (cap >= 0) {
        double c = (cap > 100 ? 100 : cap) * width / 100.0;
        fprintf(out, "<line class=\"cap\" x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" "
                     "y2=\"14\" vector-effect=\"non-scaling-stroke\"/>",
                c, c);
    }
    fputs("</svg>", out);
}
