/* SPDX-License-Identifier: Apache-2.0 */
/* The SHA-256 of an inventory's files, computed on a thread of its own at
 * idle priority (SCHED_IDLE) from the start of the load until a report
 * asks for it: it runs on the CPU time the load and the analysis leave.
 * A hash thread at normal priority beside the parse made three threads
 * on two CPUs until the parse was done; now the report pays only what the
 * gaps did not take.
 *
 * The hasher owns the files' bytes (a mapping or a private copy) from
 * nv_input_hash_start until nv_input_hash_free: the loader reads them
 * through it. A caller that asks for the digests before the thread is
 * done never waits for a thread the scheduler may starve: it hashes the
 * files itself, and the first to finish wins. */
#ifndef NV_INVENTORY_INPUT_HASH_H
#define NV_INVENTORY_INPUT_HASH_H

#include <stddef.h>

#include "util/sha256_hex.h"

/* One input file's bytes, handed to the hasher. */
typedef struct nv_hash_input {
    char *p;     /* mapped (is_mmap) or allocated with nv_malloc; may be NULL */
    size_t len;
    int is_mmap; /* munmap when released (else nv_free) */
    int hash;    /* hash it (else its digest is "") */
} nv_hash_input;

typedef struct nv_input_hash nv_input_hash;

/* Take in[0] and in[1] (their bytes belong to the hasher now, whatever
 * this returns) and start hashing them on a thread; without a thread,
 * they are hashed when first asked for. @return 0 or NETVET_ENOMEM (the
 * bytes are then released, *out NULL). */
int nv_input_hash_start(nv_input_hash **out, const nv_hash_input in[2]);

/* Input i's bytes (valid until nv_input_hash_free). */
const char *nv_input_hash_bytes(const nv_input_hash *h, int i);

/* Should the loader keep input i's pages mapped as it goes? Yes while
 * they are to be hashed and the file is small enough that keeping it
 * costs little (NV_HASH_KEEP_BYTES); the hash hands them back behind
 * itself. */
int nv_input_hash_keeps_pages(const nv_input_hash *h, int i);

/* A mapped file up to this size keeps its pages until hashed; a larger
 * one is handed back behind the parse (the peak RSS at 10M elements
 * stays near the inventory's), and the hash maps its pages again. */
#define NV_HASH_KEEP_BYTES ((size_t)256 << 20)

/* Input i's SHA-256 as 64 hex digits ("" when it is not hashed), computed
 * here if the thread has not finished (safe from several threads; the
 * first call may take as long as hashing the files). Borrowed until
 * nv_input_hash_free. */
const char *nv_input_hash_hex(nv_input_hash *h, int i);

/* Let go of the hasher and release the bytes (NULL is fine). A thread
 * still hashing stops at its next step, which this waits for (1 MiB). */
void nv_input_hash_free(nv_input_hash *h);

/* Tests: while set, the thread waits before it starts (a starved
 * thread); its caller must then hash the files itself. */
extern _Atomic int nv_input_hash_test_stall;

#endif
