/*
** scan_text.h: a doc holding only the scanner's layers, for the C tests
** that look at tokens without a pipeline (the lexicon's tests).  Freed by
** annot_doc_free.
*/
#ifndef SCAN_TEXT_H
#define SCAN_TEXT_H

#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* a doc holding only the scanner's layers for 'text' */
static annot_doc *scan_text(const char *text) {
  annot_doc *d = calloc(1, sizeof *d);
  if (d == NULL) return NULL;
  d->text = text;
  d->len = (uint32_t)strlen(text);
  annot_error err;
  if (doc_reserve_tokens(d, d->len) != ANNOT_OK ||
      stage_scan(d, &err) != ANNOT_OK) {
    annot_doc_free(d);
    return NULL;
  }
  return d;
}

#endif
