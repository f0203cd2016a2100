/* SPDX-License-Identifier: Apache-2.0 */
/* The SHA-256 of an inventory's two files, computed on a thread at idle
 * priority from the start of the load until someone asks for it (the
 * reports, at the end of a run): it takes only the CPU time the parse and
 * the assessment leave unused. Whoever asks first finishes what is left
 * on their own thread. Mapped files are read again (pread), not through
 * the loader's mapping. */
#ifndef NV_INVENTORY_DIGEST_H
#define NV_INVENTORY_DIGEST_H

#include "inventory/parts.h"
#include "util/sha256_hex.h"

typedef struct nv_inv_digest nv_inv_digest;

/* 0: start no thread, the finisher hashes everything (tests set it). */
extern int nv_digest_thread;

/* Start hashing the elements file el and the links file ln (a file whose
 * name is NULL is not hashed: its digest is ""). A mapped file is read
 * from a descriptor of the digest's own; any other's bytes are borrowed
 * until nv_inv_digest_keep, and must not change.
 * @return 0, or NETVET_ENOMEM. */
int nv_inv_digest_start(nv_inv_digest **out, const nv_file_input *el,
                        const nv_file_input *ln);

/* Take over the bytes the digest reads in place (released once hashed,
 * or by nv_inv_digest_free); those inputs are left empty, the others are
 * still the caller's to release. */
void nv_inv_digest_keep(nv_inv_digest *d, nv_file_input *el,
                        nv_file_input *ln);

/* Finish the digests (on this thread, from where the idle thread got to);
 * safe to call from several threads. @return 0, NETVET_ENOMEM, or
 * NETVET_EIO (a file shrank or could not be read since it was loaded). */
int nv_inv_digest_wait(nv_inv_digest *d);

/* The digest of file `which` (0 elements, 1 links), after waiting for
 * it; "" if that file was not hashed or hashing failed. Borrowed. */
const char *nv_inv_digest_hex(nv_inv_digest *d, int which);

/* Stop the thread (at its next chunk) and release what was kept. Takes
 * NULL. */
void nv_inv_digest_free(nv_inv_digest *d);

#endif
