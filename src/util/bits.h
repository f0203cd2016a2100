/* SPDX-License-Identifier: Apache-2.0 */
/* Bit counting without a library call: x86-64's baseline has no popcnt
 * instruction, so __builtin_popcountll becomes a call per word (it was
 * 0.9% of a 10M assess, in the text report's dependency counts). And
 * eight bytes as one little-endian word on any host (one load on x86). */
#ifndef NV_UTIL_BITS_H
#define NV_UTIL_BITS_H

#include <stdint.h>

static inline unsigned nv_popcount64(uint64_t x)
{
    x = x - ((x >> 1) & 0x5555555555555555ULL);
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
    return (unsigned)((x * 0x0101010101010101ULL) >> 56);
}

static inline uint64_t nv_load_le64(const void *p)
{
    const unsigned char *b = p;
    return (uint64_t)b[0] | (uint64_t)b[1] << 8 | (uint64_t)b[2] << 16 |
           (uint64_t)b[3] << 24 | (uint64_t)b[4] << 32 | (uint64_t)b[5] << 40 |
           (uint64_t)b[6] << 48 | (uint64_t)b[7] << 56;
}

#endif
