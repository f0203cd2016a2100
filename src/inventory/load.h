/* SPDX-License-Identifier: Apache-2.0 */
/* Shared state of one CSV file load (elements or links), or of one part of
 * it: the header's column map, the error policy (skip and warn, or
 * strict), counters. A file is read in parts on several threads, each
 * into its own inventory, merged in file order afterwards (parts.h). */
#ifndef NV_INVENTORY_LOAD_H
#define NV_INVENTORY_LOAD_H

#include "inventory/batch.h"
#include "inventory/columns.h"
#include "inventory/inv.h"

#define NV_FN_SEEN_SLOTS 64 /* a power of two */

/* Days after the day of loading beyond which an installed date is warned
 * as a likely mistyped year (5 years; docs/inventory-format.md). */
#define NV_FAR_INSTALLED 1826

typedef struct nv_loader {
    netvet_inventory *inv; /* where rows go (a part's own for parts > 0) */
    const netvet_inventory *lookup; /* links: whose element ids to find */
    const netvet_load_options *opts;
    int evidence_only;     /* opts->evidence_only when opts has it */
    int site_points;       /* keep a point per site (opts->site_points,
                            * always before options version 4) */
    netvet_diag *diag;
    const char *file;      /* for diagnostics */
    nv_csv csv;
    /* the record being loaded (the header, then each batched row) */
    const nv_csv_field *fields;
    size_t n_fields;
    unsigned long line;
    int32_t far_installed; /* an installed date after this day (5 years
                            * after the day of loading) is warned */
    const nv_rec *rec;     /* NULL for the header */
    const uint64_t *hashes; /* per field of rec where hash_col is set */
    uint8_t *hash_col;     /* per header position: intern hash wanted */
    nv_batch_keys keys;    /* id (elements) or a, b (links): hashed ahead */
    int keys_are_lookups;  /* links: prefetch the key bytes as well */
    /* links: ends found without the id map (by guess_row) and not, since
     * the last batch: when nearly all are, the next batch neither hashes
     * nor prefetches its ends */
    unsigned long guess_hit, guess_miss;
    size_t n_cols;         /* header fields */
    nv_col *col;           /* per header position */
    int32_t *attr;         /* per header position: attribute index or -1 */
    int pos[NV_COL_COUNT]; /* header position of each known column, -1 */
    netvet_load_stats *stats;
    uint64_t total_bytes;
    uint64_t *bytes_done;  /* shared by the parts (atomic adds) */
    int report_progress;   /* this part calls the progress callback */
    size_t expect_rows;    /* estimate: sizes the columns once */
    size_t expect_bytes;   /* bound on the string bytes (input length) */
    int ids_unsorted;      /* elements: a row's id was not above the
                            * previous row's (bytewise) */
    unsigned long searches; /* links: id compares of ends searched for */
    /* function spellings seen and their parse (they repeat every row):
     * an open-addressed table by nv_field_mix, never evicted, holding
     * copies (consumed parts of the input are released); len 0 = empty */
    struct nv_fn_seen {
        uint8_t len, value;
        char text[22];
    } fn_seen[NV_FN_SEEN_SLOTS];
    size_t n_fn_seen;
    char *drop_from;       /* mapped input not yet released (NULL: none) */
    int shared_columns;    /* the element or link columns are a slice of
                            * part 0's (nv_elements_share, nv_links_share):
                            * never grown or freed */
} nv_loader;

/* Read and check the header. @return 0 or NETVET_EPARSE / ENOMEM. */
int nv_loader_header(nv_loader *L, int links);
/* Report a bad row (skipped, or fatal under strict). @return 0 to go on,
 * or NETVET_EPARSE. */
int nv_loader_bad_row(nv_loader *L, unsigned long column, const char *fmt,
                      ...) __attribute__((format(printf, 3, 4)));
/* Read every record after the header, counting it; malformed records are
 * bad rows, well-formed ones go to load_row. @return 0 at end of input or
 * the first fatal status. */
int nv_loader_rows(nv_loader *L, const char *what,
                   int (*load_row)(nv_loader *L, void *ctx), void *ctx);
void nv_loader_dispose(nv_loader *L);

/* Prepare the columns after the header (once per part, parts > 0 copy the
 * header's map first), then load the rows. */
int nv_load_elements(nv_loader *L);

/* Links: searching for the ends the guesses missed cost too many compares
 * (the elements have no id map because their ids are in order, but the
 * links are not): build the id map and load the links again. Nothing has
 * been reported. */
#define NV_ENEEDMAP (-101)

/* Parts writing into one set of columns: allocate L->inv's element
 * columns for `rows` rows, and room for `bytes` more bytes of strings and
 * of ids, before the parts start. */
int nv_elements_alloc(nv_loader *L, size_t rows, size_t bytes);

/* A part's stretch of part 0's string bytes and id bytes. A part stores
 * at most as many bytes of strings as its input has, plus NV_PART_SLACK
 * (each value's NUL takes its delimiter's place; the last line may lack
 * one), so parts' stretches never meet. */
typedef struct nv_part_span {
    size_t str_from, str_to, id_from, id_to;
} nv_part_span;
#define NV_PART_SLACK 256

/* Keep part 0's strings and ids within their span (a part that would
 * pass its span fails with NETVET_ELIMIT: load in one part then). */
int nv_elements_limit(nv_loader *L, const nv_part_span *span);
/* Point L's element columns (header as from's) at rows [base, base +
 * rows) of from's, its ids at from's ids there and its string bytes at
 * its span of from's; L keeps its own tags and string ids. @return 0,
 * NETVET_ENOMEM or NETVET_ELIMIT. */
int nv_elements_share(nv_loader *L, nv_loader *from, size_t base,
                      size_t rows, const nv_part_span *span);
/* Forget the shared columns (before L->inv is freed). */
void nv_elements_unshare(nv_loader *L);
/* The same for link columns (L->inv's links must be empty). */
int nv_links_alloc(nv_loader *L, size_t rows);
int nv_links_share(nv_loader *L, nv_loader *from, size_t base, size_t rows);
void nv_links_unshare(nv_loader *L);
int nv_load_links(nv_loader *L);

#endif
