/* SPDX-License-Identifier: Apache-2.0 */
/* Deterministic pseudo-random numbers for the synthetic network generator:
 * splitmix64 streams and keyed hashes. Integer-only, so the same seed gives
 * the same bytes on every machine; nothing here uses rand() or floats. */
#ifndef NV_SYNTH_RNG_H
#define NV_SYNTH_RNG_H

#include <stdint.h>

/* One splitmix64 stream. Seed it with nv_synth_hash() of what it is for. */
typedef struct nv_synth_rng {
    uint64_t state;
} nv_synth_rng;

/* The splitmix64 finaliser: a bijective 64-bit mix. */
static inline uint64_t nv_synth_mix(uint64_t z)
{
    z += 0x9e3779b97f4a7c15ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* A key made from up to four numbers (seed, region, ring, purpose). */
static inline uint64_t nv_synth_hash(uint64_t a, uint64_t b, uint64_t c,
                                     uint64_t d)
{
    return nv_synth_mix(nv_synth_mix(nv_synth_mix(nv_synth_mix(a) ^ b) ^ c) ^
                        d);
}

static inline uint64_t nv_synth_next(nv_synth_rng *rng)
{
    rng->state += 0x9e3779b97f4a7c15ULL;
    uint64_t z = rng->state;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

/* Uniform in [0, n) for n >= 1 (multiply-shift on the top 32 bits). */
static inline uint32_t nv_synth_below(nv_synth_rng *rng, uint32_t n)
{
    return (uint32_t)(((nv_synth_next(rng) >> 32) * (uint64_t)n) >> 32);
}

/* Uniform in [lo, hi], lo <= hi. */
static inline uint32_t nv_synth_range(nv_synth_rng *rng, uint32_t lo,
                                      uint32_t hi)
{
    return lo + nv_synth_below(rng, hi - lo + 1);
}

/* True with probability pct/100. */
static inline int nv_synth_chance(nv_synth_rng *rng, uint32_t pct)
{
    return nv_synth_below(rng, 100) < pct;
}

#endif
