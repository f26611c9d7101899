/*
** scan_text.h: what the C tests that look at a doc's internals share: a
** doc holding only the scanner's layers (the lexicon's tests), freed by
** annot_doc_free, and finding a token by its text.
*/
#ifndef SCAN_TEXT_H
#define SCAN_TEXT_H

#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* a doc holding only the scanner's layers for text[0..len) */
static inline annot_doc *scan_bytes(const char *text, size_t len) {
  annot_doc *d = calloc(1, sizeof *d);
  if (d == NULL) return NULL;
  d->text = text;
  d->len = (uint32_t)len;
  annot_error err;
  if (doc_reserve_tokens(d, d->len) != ANNOT_OK ||
      stage_scan(d, &err) != ANNOT_OK) {
    annot_doc_free(d);
    return NULL;
  }
  return d;
}

/* the same for a NUL-terminated text */
static inline annot_doc *scan_text(const char *text) {
  return scan_bytes(text, strlen(text));
}

/* the index of the first token of 'd' whose text is 'word', or ntok */
static inline uint32_t token_of(const annot_doc *d, const char *word) {
  size_t n = strlen(word);
  for (uint32_t i = 0; i < d->ntok; i++)
    if (d->tok_end[i] - d->tok_start[i] == n &&
        memcmp(d->text + d->tok_start[i], word, n) == 0)
      return i;
  return d->ntok;
}

#endif
