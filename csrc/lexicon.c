/* lexicon.c: placeholder (an empty lexicon) until the real one lands. */
#include <stdlib.h>
#include "lexicon.h"

struct lexicon { int unused; };
lexicon *lexicon_new(void) { return calloc(1, sizeof(lexicon)); }
void lexicon_free(lexicon *lx) { free(lx); }
int lexicon_add(lexicon *lx, const char *surface, size_t len, unsigned cls,
                const char *canonical, const char *role, int user,
                annot_error *err) {
  (void)lx; (void)surface; (void)len; (void)cls; (void)canonical;
  (void)role; (void)user; (void)err;
  return ANNOT_OK;
}
int lexicon_add_tsv(lexicon *lx, const char *tsv, size_t len, const char *name,
                    int user, lex_label_fn resolve_label, void *ud,
                    annot_error *err) {
  (void)lx; (void)tsv; (void)len; (void)name; (void)user;
  (void)resolve_label; (void)ud; (void)err;
  return ANNOT_OK;
}
size_t lexicon_match(const lexicon *lx, const annot_doc *d, uint32_t i,
                     const lex_entry **out, size_t max) {
  (void)lx; (void)d; (void)i; (void)out; (void)max;
  return 0;
}
int lexicon_class_lookup(const char *name, size_t len) {
  (void)name; (void)len;
  return -1;
}
const char *lexicon_class_name(unsigned cls) { (void)cls; return NULL; }
size_t lexicon_size(const lexicon *lx) { (void)lx; return 0; }
