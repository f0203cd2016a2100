/* SPDX-License-Identifier: Apache-2.0 */
/* The site map of the HTML report: every site whose elements gave lat and
 * lon (inventory site coordinates), as a circle in an equirectangular
 * projection fitted to the sites (x = longitude scaled by the cosine of
 * the middle latitude, y = latitude), on a graticule; no tiles, no
 * coastline, nothing fetched. A circle's area follows the site's counted
 * elements; red when one of them is in an unwaived finding at warning or
 * above. Past MAX_SITES sites, one circle stands for the sites of each
 * CELL x CELL pixel square, so the page stays small at national scale. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/html.h"
#include "util/alloc.h"

#define MAP_W 720.0
#define MAP_PAD 36.0
#define MAX_LABELS 24
#define MAX_SITES 2000 /* more: one circle per CELL x CELL px cell */
#define CELL 8

typedef struct site_stat {
    uint64_t elements;  /* counted elements at the site */
    uint64_t flagged;   /* of them, in a finding at warning or above */
} site_stat;

/* Index of site string id s in the sorted coordinates, or -1. */
static long find_site(const netvet_inventory *inv, uint32_t s)
{
    size_t lo = 0, hi = inv->n_site_geo;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (inv->site_geo[mid].site < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < inv->n_site_geo && inv->site_geo[lo].site == s ? (long)lo
                                                                : -1;
}

static void count_sites(const netvet_assessment *a, site_stat *st)
{
    const netvet_inventory *inv = a->view.inv;
    for (size_t k = 0; k < inv->n; k++) {
        long i = a->view.counted[k] ? find_site(inv, inv->site[k]) : -1;
        if (i >= 0)
            st[i].elements++;
    }
    for (size_t f = 0; f < a->findings.n; f++) {
        const nv_finding *fd = &a->findings.items[f];
        if (fd->waived || fd->severity < NETVET_SEV_WARNING)
            continue;
        for (size_t j = 0; j < fd->n_elements; j++) {
            long i = find_site(inv, inv->site[fd->elements[j]]);
            if (i >= 0)
                st[i].flagged++;
        }
    }
}

typedef struct frame {
    double lon0, lat1, sx, sy, h; /* west edge, north edge, px/degree */
} frame;

static frame fit(const nv_site_geo *g, size_t n)
{
    double w = 180, e = -180, s = 90, nn = -90;
    for (size_t i = 0; i < n; i++) {
        w = fmin(w, g[i].lon);
        e = fmax(e, g[i].lon);
        s = fmin(s, g[i].lat);
        nn = fmax(nn, g[i].lat);
    }
    double k = cos((s + nn) / 2 * M_PI / 180); /* standard parallel */
    double dx = fmax((e - w) * k, 0.5), dy = fmax(nn - s, 0.5);
    frame f;
    f.sx = (MAP_W - 2 * MAP_PAD) / dx * k;
    f.sy = f.sx / k;
    f.h = dy * f.sy + 2 * MAP_PAD;
    if (f.h > 640) { /* a tall country: fit the height instead */
        f.sy = (640 - 2 * MAP_PAD) / dy;
        f.sx = f.sy * k;
        f.h = 640;
    }
    f.lon0 = w - (MAP_W - 2 * MAP_PAD - (e - w) * f.sx) / 2 / f.sx;
    f.lat1 = nn;
    return f;
}

static double px(const frame *f, double lon) { return MAP_PAD + (lon - f->lon0) * f->sx; }
static double py(const frame *f, double lat) { return MAP_PAD + (f->lat1 - lat) * f->sy; }

/* Lines every 1, 2, 5 or 10 degrees, labelled at the edges. */
static void graticule(FILE *out, const frame *f)
{
    double span = (MAP_W - 2 * MAP_PAD) / f->sx, step = 1;
    while (span / step > 8)
        step = step == 1 ? 2 : step == 2 ? 5 : step * 2;
    double lon_w = f->lon0, lon_e = f->lon0 + MAP_W / f->sx;
    double lat_s = f->lat1 - (f->h - MAP_PAD) / f->sy;
    double lat_n = f->lat1 + MAP_PAD / f->sy;
    fputs("<g stroke=\"#c9d3dd\" stroke-width=\"0.6\">", out);
    for (double l = ceil(lon_w / step) * step; l <= lon_e; l += step)
        fprintf(out, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%.1f\"/>"
                     "<text x=\"%.1f\" y=\"%.1f\" stroke=\"none\">%g&#176;"
                     "</text>",
                px(f, l), px(f, l), f->h, px(f, l) + 2, f->h - 4, l);
    for (double l = ceil(lat_s / step) * step; l <= lat_n; l += step)
        fprintf(out, "<line x1=\"0\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\"/>"
                     "<text x=\"2\" y=\"%.1f\" stroke=\"none\">%g&#176;"
                     "</text>",
                py(f, l), MAP_W, py(f, l), py(f, l) - 2, l);
    fputs("</g>\n", out);
}

typedef struct ranked {
    uint64_t elements;
    size_t i;
} ranked;

/* Most elements first, then by site order. */
static int by_elements(const void *x, const void *y)
{
    const ranked *a = x, *b = y;
    if (a->elements != b->elements)
        return a->elements < b->elements ? 1 : -1;
    return (a->i > b->i) - (a->i < b->i);
}

static double radius(uint64_t elements)
{
    double r = 2.5 + 1.2 * sqrt((double)elements);
    return r > 18 ? 18 : r;
}

static void site_mark(FILE *out, const netvet_assessment *a, const frame *f,
                      size_t i, const site_stat *st)
{
    const nv_site_geo *g = &a->view.inv->site_geo[i];
    fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" class=\"%s\" "
                 "fill-opacity=\"0.6\"><title>",
            px(f, g->lon), py(f, g->lat), radius(st[i].elements),
            st[i].flagged ? "bad" : "ok");
    nv_html_text(out, nv_inv_str(a->view.inv, g->site));
    fprintf(out, ": %llu elements, %llu in findings</title></circle>\n",
            (unsigned long long)st[i].elements,
            (unsigned long long)st[i].flagged);
}

static void site_label(FILE *out, const netvet_assessment *a, const frame *f,
                       size_t i)
{
    const nv_site_geo *g = &a->view.inv->site_geo[i];
    fprintf(out, "<text x=\"%.1f\" y=\"%.1f\">", px(f, g->lon) + 5,
            py(f, g->lat) - 4);
    nv_html_text(out, nv_inv_str(a->view.inv, g->site));
    fputs("</text>\n", out);
}

typedef struct cell {
    uint32_t key;   /* column << 16 | row */
    size_t i;       /* site */
} cell;

static int by_cell(const void *x, const void *y)
{
    const cell *a = x, *b = y;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return (a->i > b->i) - (a->i < b->i);
}

/* One circle per cell of sites c[0..n) (sorted by cell): at the cell's
 * centre, area by the cell's elements, titled with its site count and
 * its first site. */
static void cell_marks(FILE *out, const netvet_assessment *a, const cell *c,
                       size_t n, const site_stat *st)
{
    for (size_t j = 0, k; j < n; j = k) {
        uint64_t el = 0, fl = 0;
        for (k = j; k < n && c[k].key == c[j].key; k++) {
            el += st[c[k].i].elements;
            fl += st[c[k].i].flagged;
        }
        double x = ((c[j].key >> 16) + 0.5) * CELL,
               y = ((c[j].key & 0xffff) + 0.5) * CELL;
        fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" "
                     "class=\"%s\" fill-opacity=\"0.6\"><title>%zu site%s ("
                     "first: ",
                x, y, fmin(1.5 + 0.5 * sqrt((double)el), CELL * 0.6),
                fl ? "bad" : "ok", k - j,
                k - j == 1 ? "" : "s");
        nv_html_text(out, nv_inv_str(a->view.inv,
                                     a->view.inv->site_geo[c[j].i].site));
        fprintf(out, "): %llu elements, %llu in findings</title></circle>\n",
                (unsigned long long)el, (unsigned long long)fl);
    }
}

/* Draw the sites, one circle each or, past MAX_SITES, one per cell.
 * @return 0 or NETVET_ENOMEM. */
static int marks(FILE *out, const netvet_assessment *a, const frame *f,
                 const ranked *order, size_t n, const site_stat *st)
{
    if (n <= MAX_SITES) {
        for (size_t j = n; j-- > 0;) /* largest last: drawn on top */
            site_mark(out, a, f, order[j].i, st);
        return 0;
    }
    cell *c = nv_malloc(n * sizeof(*c));
    if (!c)
        return NETVET_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        const nv_site_geo *g = &a->view.inv->site_geo[i];
        uint32_t col = (uint32_t)(px(f, g->lon) / CELL),
                 row = (uint32_t)(py(f, g->lat) / CELL);
        c[i] = (cell){col << 16 | (row & 0xffff), i};
    }
    qsort(c, n, sizeof(*c), by_cell);
    cell_marks(out, a, c, n, st);
    nv_free(c);
    return 0;
}

void nv_html_map(FILE *out, const netvet_assessment *a)
{
    const netvet_inventory *inv = a->view.inv;
    size_t n = inv->site ? inv->n_site_geo : 0;
    if (n == 0)
        return;
    site_stat *st = nv_calloc(n, sizeof(*st));
    ranked *order = nv_malloc(n * sizeof(*order));
    if (!st || !order)
        goto done;
    count_sites(a, st);
    for (size_t i = 0; i < n; i++)
        order[i] = (ranked){st[i].elements, i};
    qsort(order, n, sizeof(*order), by_elements);
    frame f = fit(inv->site_geo, n);
    fprintf(out, "<h2 id=\"map-h\">Sites</h2>\n<p>%zu sites with coordinates "
                 "(equirectangular; circle area by elements counted; red: "
                 "a site with an element in a finding at warning or above; "
                 "the %d largest sites are named",
            n, MAX_LABELS);
    if (n > MAX_SITES)
        fprintf(out, "; more than %d sites: one circle per %d px square of "
                     "the map, for all the sites in it", MAX_SITES, CELL);
    fprintf(out, ").</p>\n<svg class=\"map\" width=\"%.0f\" height=\"%.0f\" "
                 "viewBox=\"0 0 %.0f %.0f\" role=\"img\" "
                 "aria-label=\"site map\">\n",
            MAP_W, f.h, MAP_W, f.h);
    graticule(out, &f);
    if (marks(out, a, &f, order, n, st) == 0)
        for (size_t j = 0; j < n && j < MAX_LABELS; j++)
            site_label(out, a, &f, order[j].i);
    fputs("</svg>\n", out);
done:
    nv_free(st);
    nv_free(order);
}
