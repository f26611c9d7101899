/*
** swar.h: eight text bytes at a time in one 64-bit word, for the stages
** that compare a token with a word of their lists (lexicon.c,
** entwords.c).  A token of 8 bytes or fewer is then compared whole: one
** load, a mask for the bytes past it, one comparison.
*/
#ifndef ANNOT_SWAR_H
#define ANNOT_SWAR_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* the high bit of every byte, and 0x01 in every byte */
#define SWAR_HIGHS 0x8080808080808080ull
#define SWAR_ONES 0x0101010101010101ull

/* The 'n' bytes (at most 8) at 'p' as a little-endian number, the bytes
** past them zero, so that byte k of the text is bits 8k..8k+7 on every
** machine.  With n = 8 a single load. */
static inline uint64_t swar_load(const void *p, size_t n) {
  uint64_t x = 0;
  memcpy(&x, p, n);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  x = __builtin_bswap64(x);   /* the first byte in the low bits */
#endif
  return x;
}

/* The first 'len' bytes of 'x' (len <= 8), the others cleared. */
static inline uint64_t swar_keep(uint64_t x, size_t len) {
  return len < 8 ? x & (((uint64_t)1 << (8 * len)) - 1) : x;
}

/* ASCII lower case of the bytes of 'x', all below 0x80: the bytes in
** 'A'..'Z' get their 0x20 bit, no other byte changes (no carry crosses
** bytes: each sum stays below 0x100). */
static inline uint64_t swar_fold(uint64_t x) {
  uint64_t upper = (x + SWAR_ONES * (0x80 - 'A')) &
                   ~(x + SWAR_ONES * (0x7F - 'Z')) & SWAR_HIGHS;
  return x | (upper >> 2);
}

#endif
