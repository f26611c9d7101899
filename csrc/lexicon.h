/*
** lexicon.h: the multi-word gazetteer.  Entries are keyed by the
** normalised token sequence of their surface form (tokenised by the same
** scanner as the text), so lookup is a longest match over token hashes.
** Built once per pipeline; read-only (and so thread-safe) afterwards.
*/
#ifndef ANNOT_LEXICON_H
#define ANNOT_LEXICON_H

#include "internal.h"

typedef struct lexicon lexicon;

typedef struct lex_entry {
  const char *canonical;      /* NUL-terminated; NULL: none given */
  const char *role;           /* NUL-terminated; NULL: none */
  uint16_t cls;               /* annot_type, user label, or enum lex_class */
  uint8_t ntok;               /* length in tokens */
  uint8_t user;               /* added by the user (wins over defaults) */
} lex_entry;

lexicon *lexicon_new(void);
void lexicon_free(lexicon *lx);

/* Add one entry.  'surface' is tokenised with the scanner; 'cls' as in
** lex_entry; 'canonical'/'role' may be NULL.  Case: an entry written in
** lower case matches any case; one with capitals matches tokens whose
** first letters are capitals; one in all capitals of 2-4 letters (US, UN)
** matches only that exact case.  NOTNAME entries match capitalised tokens
** only, however they are written: the class is about capitals.  0 or an
** error code with 'err' set. */
int lexicon_add(lexicon *lx, const char *surface, size_t len, unsigned cls,
                const char *canonical, const char *role, int user,
                annot_error *err);

/* Add the lines of a TSV text: surface, type, canonical, role (the last
** two optional; '#' starts a comment line; blank lines are skipped).
** 'type' is a type name or a class name (TITLE, GIVEN, ...); a name
** 'resolve_label' does not know is an error naming 'name' and the line. */
typedef int (*lex_label_fn)(void *ud, const char *name, size_t len);
int lexicon_add_tsv(lexicon *lx, const char *tsv, size_t len, const char *name,
                    int user, lex_label_fn resolve_label, void *ud,
                    annot_error *err);

/* The entries whose token sequence starts at token 'i' of 'd' and whose
** case rule fits, longest first (then user before default): up to 'max'
** written to 'out'; returns how many there are in all. */
size_t lexicon_match(const lexicon *lx, const annot_doc *d, uint32_t i,
                     const lex_entry **out, size_t max);

/* the class with this name (type names and LEX_* names), or -1 */
int lexicon_class_lookup(const char *name, size_t len);
const char *lexicon_class_name(unsigned cls);

/* the compiled-in default lexicon: TSV text (lexicon_data.c) */
extern const char annot_default_lexicon[];
extern const size_t annot_default_lexicon_len;

size_t lexicon_size(const lexicon *lx);   /* number of entries */

#endif
