/* SPDX-License-Identifier: Apache-2.0 */
/* Inside of netvet_registry, shared by registry.c (storage, indexes,
 * consistency checks), registry_yaml.c (the YAML overlay loader) and
 * names.c (resolution). An overlay is applied to a copy of the state, which
 * replaces the registry's only when the whole file is valid. */
#ifndef NV_VENDORS_REGISTRY_INT_H
#define NV_VENDORS_REGISTRY_INT_H

#include <stddef.h>
#include <stdint.h>

#include "netvet/vendors.h"
#include "util/sha256.h"
#include "util/strtab.h"

/* Hard limits on registry input (NETVET_ELIMIT beyond them). */
#define NV_REG_MAX_BYTES ((size_t)8 << 20)  /* one registry file */
#define NV_REG_MAX_DEPTH 16                 /* YAML collection nesting */
#define NV_REG_MAX_VALUE 4096               /* one string value, bytes */
#define NV_REG_MAX_ID 64                    /* vendor and listing ids */
#define NV_REG_MAX_OWNERS 64                /* owners of one entry */
#define NV_REG_MAX_PRODUCTION 64            /* production countries */

/* Append-only string storage; strings live until the registry is freed, or
 * until a failed overlay rolls the arena back to its mark. */
typedef struct nv_arena_block {
    struct nv_arena_block *next;
    size_t used, cap; /* bytes of data[] */
    char data[];
} nv_arena_block;

typedef struct nv_arena {
    nv_arena_block *head;
} nv_arena;

typedef struct nv_arena_mark {
    nv_arena_block *head;
    size_t used;
} nv_arena_mark;

/* NUL-terminated copy of s[0..len) in the arena, or NULL (out of memory). */
char *nv_arena_strndup(nv_arena *a, const char *s, size_t len);
nv_arena_mark nv_arena_get_mark(const nv_arena *a);
void nv_arena_rollback(nv_arena *a, nv_arena_mark m);

typedef struct nv_alias {
    const char *text;   /* as written, in the arena */
    unsigned long line; /* line in the overlay being applied, 0 if earlier */
} nv_alias;

/* One vendor: the public view plus what only the registry needs. */
typedef struct nv_vrec {
    netvet_vendor pub;       /* listings/pens point at the arrays below */
    const char *parent_id;   /* "" when none; resolved into pub.parent */
    int root;                /* top-most parent (set by nv_regstate_finish) */
    nv_alias *aliases;
    size_t n_aliases, aliases_cap;
    netvet_listing *listings; /* count in pub.n_listings */
    size_t listings_cap;
    uint32_t *pens; /* count in pub.n_pens */
    size_t pens_cap;
    netvet_owner *owners; /* count in pub.n_owners; fixed size once loaded */
    unsigned long *owner_lines; /* per owner: line in this overlay, or 0 */
    const char **categories;    /* count in pub.n_categories (static names) */
    const char **production;    /* count in pub.n_production (arena) */
    int format;                 /* 1 or 2: the file that last set it */
    /* lines in the overlay being applied; 0 = not set by it. `line` is the
     * vendor's entry, id_line is set only when the overlay created it. */
    unsigned long line, id_line, name_line, parent_line;
} nv_vrec;

/* What produced a key in the key map. */
typedef enum nv_key_kind { NV_KEY_ID, NV_KEY_NAME, NV_KEY_ALIAS } nv_key_kind;

typedef struct nv_keyref {
    int32_t vendor; /* index */
    uint32_t kind;  /* nv_key_kind */
    uint32_t alias; /* alias index when kind == NV_KEY_ALIAS */
} nv_keyref;

typedef struct nv_regstate {
    nv_vrec *v;
    size_t n, cap;
    nv_strtab ids;         /* vendor ids; string id k is vendor k */
    nv_strtab keys;        /* normalised names (built by nv_regstate_finish) */
    nv_keyref *key_ref;    /* key id -> producer */
    size_t key_ref_cap;
    /* confusable skeletons of the keys' texts, built on the first
     * look-up (nv_registry_skel_vendor): ICU's skeletons of every name
     * and alias took 8 ms of a 15 ms registry load, and only a declared
     * name whose normalised key misses needs them */
    nv_strtab skels;
    int32_t *skel_vendor;  /* skeleton id -> vendor, -1 if two share it */
    size_t skel_vendor_cap;
    int skels_state;       /* SKELS_* (registry.c), read atomically */
    nv_strtab pen_index;   /* 4-byte PENs; string id k -> pen_owner[k] */
    int32_t *pen_owner;
    size_t pen_owner_cap;
} nv_regstate;

#define NV_BUILTIN_REGISTRY_NAME "builtin:registry.yaml"
#define NV_BUILTIN_WORLD_NAME "builtin:registry-world.yaml"

struct netvet_registry {
    nv_regstate st;
    nv_arena arena;
    size_t n_builtin;               /* vendors of the built-in registry */
    netvet_registry_change *changes; /* to those by overlays (strings in
                                      * the arena) */
    size_t n_changes, changes_cap;
    nv_file_inputs inputs;  /* overlay files applied, in order */
};

/* Record what an overlay (`file`) changed in the built-in vendors of
 * before -> after: country, parent, state control, listings.
 * @return 0 or NETVET_ENOMEM. */
/* Record overlay `file` (its bytes buf[0..len)) as an input of the
 * registry. @return 0 or NETVET_ENOMEM. */
int nv_registry_note_input(netvet_registry *reg, const char *buf, size_t len,
                           const char *file);
int nv_registry_note_changes(netvet_registry *reg, const nv_regstate *before,
                             const nv_regstate *after, const char *file);

int nv_regstate_init(nv_regstate *st);
void nv_regstate_dispose(nv_regstate *st);
/* Deep copy of the vendor arrays (strings stay shared in the arena), with
 * every line reset to 0. */
int nv_regstate_clone(nv_regstate *dst, const nv_regstate *src);
/* Append a vendor with this id (defaults: no parent, state none, note "").
 * @return its index, or a negative status. */
int nv_regstate_add(nv_regstate *st, const char *id);
/* Append a PEN to vendor i; one PEN belongs to one vendor only (re-adding a
 * vendor's own PEN does nothing). @return 0, NETVET_ENOMEM, or 1 with
 * *owner_out set when another vendor holds it. */
int nv_regstate_add_pen(nv_regstate *st, size_t i, uint32_t pen,
                        int32_t *owner_out);
int nv_regstate_add_alias(nv_regstate *st, size_t i, const char *text,
                          unsigned long line);
int nv_regstate_add_listing(nv_regstate *st, size_t i,
                            const netvet_listing *l);
/* Replace vendor i's owners (n <= NV_REG_MAX_OWNERS; strings borrowed
 * from the arena) with copies of o[0..n), lines[0..n) their lines.
 * @return 0 or NETVET_ENOMEM. */
int nv_regstate_set_owners(nv_regstate *st, size_t i, const netvet_owner *o,
                           const unsigned long *lines, size_t n);
/* Replace vendor i's categories or production countries with copies of
 * s[0..n). @return 0 or NETVET_ENOMEM. */
int nv_regstate_set_categories(nv_regstate *st, size_t i,
                               const char *const *s, size_t n);
int nv_regstate_set_production(nv_regstate *st, size_t i,
                               const char *const *s, size_t n);
/* After an overlay: resolve parents, reject dangling parents and cycles,
 * rebuild the key map rejecting keys shared by two vendors. Diagnostics
 * name `file` and the overlay line. */
int nv_regstate_finish(nv_regstate *st, const char *file, netvet_diag *diag);

/* Ownership (ownership.c): resolve every owner id to its index, reject
 * owners that name no entry and ownership cycles (owners and parents
 * together, whatever their dates), naming `file` and the overlay line. */
int nv_regstate_check_owners(nv_regstate *st, const char *file,
                             netvet_diag *diag);

/* Value checks (registry_values.c). */
/* 1..NV_REG_MAX_ID of [a-z0-9_-], not starting with '-' or '_'. */
int nv_reg_valid_id(const char *s, size_t len);
/* "" or a real calendar date YYYY-MM-DD. */
int nv_reg_valid_date(const char *s, size_t len);
/* Days since 1970-01-01 of a valid date, or `open` for "". */
int32_t nv_reg_date_days(const char *s, int32_t open);
/* A share in percent: a decimal number with 0 < share <= 100 into *out.
 * @return 1 if valid. */
int nv_reg_parse_share(const char *s, size_t len, double *out);
/* Decimal 1..4294967295 into *out. @return 1 if valid. */
int nv_reg_parse_pen(const char *s, size_t len, uint32_t *out);
/* Printable excerpt of s[0..len) for a message: at most 64 bytes, control
 * bytes as '?', "..." when cut. @return out. */
const char *nv_reg_show(const char *s, size_t len, char out[72]);

/* Vendor whose skeleton key (nv_name_skeleton_key) is key[0..len), or -1
 * (also when the skeletons, built on the first call, ran out of memory). */
int nv_registry_skel_vendor(const netvet_registry *reg, const char *key,
                            size_t len);
/* Vendor whose normalised id, name or alias is key[0..len), or -1. */
int nv_registry_key_vendor(const netvet_registry *reg, const char *key,
                           size_t len);
/* The producer of normalised key key[0..len), or NULL; and its text. */
const nv_keyref *nv_registry_key_ref(const netvet_registry *reg,
                                     const char *key, size_t len);
const char *nv_registry_key_text(const netvet_registry *reg,
                                 const nv_keyref *k);
/* Aliases of vendor i, for attribution and reports (borrowed). */
size_t nv_registry_alias_count(const netvet_registry *reg, size_t i);
const char *nv_registry_alias(const netvet_registry *reg, size_t i,
                              size_t j);
/* Vendor holding IANA enterprise number `pen`, or -1. */
int nv_registry_find_pen(const netvet_registry *reg, uint32_t pen);

#endif
