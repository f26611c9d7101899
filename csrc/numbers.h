/*
** numbers.h: numbers, dates and times over tokens (no regexes): DATE,
** TIME, CARDINAL, QUANTITY, MONEY, PERCENT, ORDINAL.  Called by the
** entity stage at each token that no other mention covers.
*/
#ifndef ANNOT_NUMBERS_H
#define ANNOT_NUMBERS_H

#include <stdint.h>
#include "internal.h"
#include "entwords.h"

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

/* the word classes (entwords.h) that may start an expression, besides
** articles ('a week') and plural periods ('for months') */
#define NUM_START_CLASSES                                                 \
  (WC_MONTH | WC_WEEKDAY | WC_NUMWORD | WC_SCALE_PL | WC_ORDWORD |        \
   WC_APPROX | WC_RELDATE | WC_DATEWORD | WC_TIMEWORD | WC_FEW | WC_EACH | \
   WC_EDGE | WC_AGO)

/* numbers_may_start for a token whose classes may start one */
int numbers_may_start_word(const num_src *d, uint32_t i);

/* Token 'i' may start a number, date or time expression: a cheap test
** that lets the caller skip numbers_match for most words.  Inline, for
** the common answer: a token of none of those classes starts one only
** as a figure or a symbol. */
static inline int numbers_may_start(const num_src *d, uint32_t i) {
  if (!(d->wc[i] & (NUM_START_CLASSES | WC_ARTICLE | WC_DATEUNIT)))
    return (d->doc->tok_flags[i] & ANNOT_TF_DIGIT) ||
           d->doc->tok_kind[i] == ANNOT_TOK_SYMBOL;
  return numbers_may_start_word(d, i);
}

#endif
