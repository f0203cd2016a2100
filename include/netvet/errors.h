/* SPDX-License-Identifier: Apache-2.0 */
/* netvet error convention: status codes, and the diagnostics object every
 * loader and evaluator reports into (fatal message + per-row warnings). */
#ifndef NETVET_ERRORS_H
#define NETVET_ERRORS_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Every library function returns 0 (NETVET_OK) or one of these negatives. */
typedef enum netvet_status {
    NETVET_OK = 0,
    NETVET_ERROR = -1,     /**< internal error */
    NETVET_ENOMEM = -2,    /**< out of memory */
    NETVET_EIO = -3,       /**< file could not be read or written */
    NETVET_EPARSE = -4,    /**< malformed input (file:line in the diag) */
    NETVET_EINVAL = -5,    /**< bad argument or option */
    NETVET_ENOTFOUND = -6, /**< a named thing does not exist */
    NETVET_ELIMIT = -7     /**< input exceeds a hard limit */
} netvet_status;

/** Static text for a status code. */
const char *netvet_strerror(int status);

typedef enum netvet_severity {
    NETVET_SEV_NOTE = 0,
    NETVET_SEV_WARNING = 1,
    NETVET_SEV_ERROR = 2
} netvet_severity;

/** One diagnostic about an input: where it is and what is wrong. */
typedef struct netvet_diag_entry {
    netvet_severity severity;
    const char *file;    /**< input path, borrowed from the diag */
    unsigned long line;  /**< 1-based, 0 when not about a line */
    unsigned long column;/**< 1-based field number, 0 when unknown */
    const char *message; /**< borrowed from the diag */
} netvet_diag_entry;

/** Receives each diagnostic as it is made (for printing as you go). */
typedef void (*netvet_diag_fn)(const netvet_diag_entry *entry, void *payload);

/**
 * Diagnostics sink. Holds the fatal error message of the last failing call
 * and counts warnings; forwards every entry to an optional callback.
 * Create with netvet_diag_new, free with netvet_diag_free.
 */
typedef struct netvet_diag netvet_diag;

/** @param[out] out new sink; free with netvet_diag_free. */
int netvet_diag_new(netvet_diag **out, netvet_diag_fn fn, void *payload);
void netvet_diag_free(netvet_diag *diag);
/** The last fatal error message, or "" (borrowed). */
const char *netvet_diag_message(const netvet_diag *diag);
/** Number of warnings reported so far. */
size_t netvet_diag_warnings(const netvet_diag *diag);

/** An input file read (a registry overlay, a pack of the user's own, an
 * attribution data file), as every report lists it. Strings are borrowed
 * from the object that read it. */
typedef struct netvet_input {
    const char *kind;   /**< "registry", "pack", "patterns", "waivers",
                             "scenario", or an attribution data file:
                             "ieee-oui" (MA-L oui.csv), "ieee-mam" (MA-M
                             mam.csv), "ieee-oui36" (MA-S oui36.csv),
                             "ieee-iab" (IAB iab.csv), "enterprises" (IANA
                             enterprise numbers) */
    const char *path;   /**< as given ("<stdin>" for -) */
    const char *sha256; /**< of the bytes read: 64 lowercase hex digits */
    const char *version; /**< the date (YYYY-MM-DD, UTC) the data says it
                              was last updated: ieee-data's .lastupdate
                              beside an IEEE file, an enterprises file's
                              "last updated" header line; NULL when it
                              says none */
    unsigned long long bytes; /**< bytes read, when has_bytes */
    int has_bytes;      /**< 1 when bytes is known (0 for packs, scenarios) */
} netvet_input;
/** A netvet_input naming no file (all members NULL or 0). */
#define NETVET_INPUT_NONE {NULL, NULL, NULL, NULL, 0, 0}

#ifdef __cplusplus
}
#endif
#endif
