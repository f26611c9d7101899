/* scan.c: placeholder scanner (whitespace split, one sentence, one
** paragraph) until the real one lands. */
#include <ctype.h>
#include "internal.h"

size_t annot_norm(const char *text, size_t len, char *buf, size_t size) {
  for (size_t i = 0; i < len && i + 1 < size; i++)
    buf[i] = (char)tolower((unsigned char)text[i]);
  if (size) buf[len < size ? len : size - 1] = '\0';
  return len;
}

uint32_t annot_norm_hash(const char *text, size_t len) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < len; i++)
    h = (h ^ (uint32_t)tolower((unsigned char)text[i])) * 16777619u;
  return h;
}

int stage_scan(annot_doc *d, annot_error *err) {
  (void)err;
  uint32_t i = 0, n = d->len;
  while (i < n) {
    while (i < n && isspace((unsigned char)d->text[i])) i++;
    if (i == n) break;
    uint32_t s = i;
    while (i < n && !isspace((unsigned char)d->text[i])) i++;
    if (doc_push_token(d, s, i, ANNOT_TOK_WORD, 0,
                       annot_norm_hash(d->text + s, i - s)))
      return ANNOT_ENOMEM;
  }
  return ANNOT_OK;
}
