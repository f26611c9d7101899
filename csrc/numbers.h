/*
** numbers.h: numbers, dates and times over tokens (no regexes): DATE,
** TIME, CARDINAL, QUANTITY, MONEY, PERCENT, ORDINAL.  Called by the
** entity stage at each token that no other mention covers.
*/
#ifndef ANNOT_NUMBERS_H
#define ANNOT_NUMBERS_H

#include <stdint.h>
#include "internal.h"

/* what the matchers read: the doc and the closed-class word classes of
** each of its tokens (entwords_class, computed once by the caller) */
typedef struct num_src {
  const annot_doc *doc;
  const uint32_t *wc;
} num_src;

typedef struct num_match {
  uint32_t begin, end;   /* tokens, half-open */
  uint16_t type;         /* ANNOT_DATE ... ANNOT_ORDINAL */
} num_match;

/* A number, date or time expression that starts at token 'i' and ends at
** or before token 'limit' (the end of its sentence).  Returns 1 and fills
** 'm' (m->begin == i) when one is found, 0 otherwise. */
int numbers_match(const num_src *d, uint32_t i, uint32_t limit,
                  num_match *m);

/* token 'i' may start a number, date or time expression: a cheap test
** that lets the caller skip numbers_match for most words */
int numbers_may_start(const num_src *d, uint32_t i);

#endif
