/*
** scan.h: private to the scanner (scan.c, scan_sentences.c,
** scan_words.c).  The tokenizer in scan.c calls the sentence pass once the
** tokens are in place; both consult the word lists of scan_words.c.
*/
#ifndef ANNOT_SCAN_H
#define ANNOT_SCAN_H

#include "internal.h"

/* what an abbreviation (a word written with a final period) does to a
** sentence end after it */
enum scan_abbrev {
  ABBR_NONE = 0,   /* not an abbreviation: the period is punctuation */
  ABBR_PLAIN,      /* Inc. etc. Jan. U.S.: may end a sentence */
  ABBR_PREFIX,     /* Mr. Gen. St.: a title before a name, never ends one */
  ABBR_TIME,       /* a.m. p.m.: ends one before a new clause */
  ABBR_NUMERAL     /* No. Nos.: an abbreviation only before a number */
};

/* Class of the abbreviation spelled s[0..len) without its period (ASCII
** letters, any case; 'U.S' style forms with inner periods too). */
enum scan_abbrev scan_abbrev_class(const char *s, size_t len);

/* Is s[0..len) a capitalised word that usually starts a sentence (The,
** He, But...)?  Used after an abbreviation, whose period is ambiguous. */
int scan_is_starter(const char *s, size_t len);

/* Is s[0..len) a speech verb (said, asked...), any case? */
int scan_is_speech_verb(const char *s, size_t len);

/* Is s[0..len) a preposition that opens a time phrase (At, By...)? */
int scan_is_time_preposition(const char *s, size_t len);

/* Busy tokens: the sentence pass stops only at them.  A token is quiet
** when it can neither end a sentence nor start a list item, a bullet, a
** headline break or a paragraph.  Busy are: punctuation (stops, bullets;
** a comma is quiet), ellipses and symbols (bullets); a token that starts
** a line or is an abbreviation; a token with a '.' or ')' glued after it
** (2. a) 3.) are list markers; after a sentence's period, only one of one
** or two bytes).  Words, numbers, quotes, dashes, brackets
** and the rest are quiet.  The tokenizer marks the busy ones as it
** stores them (bit k % 64 of word k / 64). */
#define SCAN_BUSY_FLAGS \
  (ANNOT_TF_ABBREV | ANNOT_TF_NEWLINE | ANNOT_TF_PARA_START)
#define SCAN_BUSY_KINDS ((1u << ANNOT_TOK_PUNCT) | \
  (1u << ANNOT_TOK_ELLIPSIS) | (1u << ANNOT_TOK_SYMBOL))

/* The sentence and paragraph pass over the finished tokens: fills
** d->sentences and d->paragraphs and sets ANNOT_TF_SENT_START.  The
** tokenizer has already set ANNOT_TF_PARA_START and the 'busy' bits
** (all zero past the last token). */
int scan_sentences(annot_doc *d, const uint64_t *busy);

#endif
