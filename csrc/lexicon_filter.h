/*
** lexicon_filter.h: the lexicon's first-token filter over a whole doc.
** A stage that asks the lexicon at every token calls this first, then
** lexicon_match only at the tokens it marks: one tight loop instead of
** a call per token, and the slots those tokens need are fetched early.
** (An addition to lexicon.h, kept apart while that header is frozen.)
*/
#ifndef ANNOT_LEXICON_FILTER_H
#define ANNOT_LEXICON_FILTER_H

#include "lexicon.h"

/* Set out[i] to 'mark' for each token 'i' of 'd' in [from, to) at which
** an entry may start (the filter said yes: a false yes now and then,
** never a false no), to 0 for the others of the range; 'out' is indexed
** by token.  Returns how many tokens were marked.  A caller working
** through a long doc in blocks keeps each block in the cache. */
size_t lexicon_filter_doc(const lexicon *lx, const annot_doc *d,
                          uint32_t from, uint32_t to, uint16_t *out,
                          uint16_t mark);

/* lexicon_match for a token that lexicon_filter_doc marked: the same
** entries, without asking the filter a second time.  The answer is the
** same at any token (the filter only turns away tokens that start
** nothing); at one the filter would turn away it just costs a probe. */
size_t lexicon_match_marked(const lexicon *lx, const annot_doc *d,
                            uint32_t i, const lex_entry **out, size_t max);

/* The one person the lexicon knows by this surname: the PERSON entry of
** two tokens or more whose last token has the scanner's hash 'tokhash',
** when all such entries share one canonical name; NULL when there is
** none or they name different people.  One probe of a table of the
** surnames of the lexicon's persons, filled as entries are added. */
const lex_entry *lexicon_person_by_surname(const lexicon *lx,
                                           uint32_t tokhash);

/* An entry as lexicon_match_hits hands it out: its number (see
** lexicon_entry) and what a caller mostly wants of it. */
typedef struct lex_hit {
  uint32_t id;        /* its number: lexicon_entry gives it */
  uint16_t cls;       /* lex_entry.cls */
  uint8_t ntok;       /* lex_entry.ntok */
} lex_hit;

/* lexicon_match_marked, handing out hits: the same entries in the same
** order.  A one-token entry, the commonest answer, is then found with
** one look at the lexicon's memory instead of three. */
size_t lexicon_match_hits(const lexicon *lx, const annot_doc *d, uint32_t i,
                          lex_hit *out, size_t max);

/* the entry numbered 'id' (lex_hit.id) */
const lex_entry *lexicon_entry(const lexicon *lx, uint32_t id);

#endif
