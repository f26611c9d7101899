/*
** internal.h: what the stages of the C core share and the public API
** hides: the doc's layout, the arena and growable arrays, the stage entry
** points.  No Lua here.
*/
#ifndef ANNOT_INTERNAL_H
#define ANNOT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "annot.h"

/* {======================================================
** Growable arrays and the arena
** ======================================================= */

/* an array of 'n' elements of one size, 'cap' allocated */
typedef struct vec {
  void *data;
  uint32_t n, cap;
} vec;

/* make room for at least 'want' elements in all */
int vec_reserve(vec *v, size_t size, size_t want);
/* vec_push when the array is full: grows it, then pushes */
void *vec_push_grow(vec *v, size_t size);

/* room for one more element of 'size' bytes at the end; NULL if out of
** memory.  The new element is zeroed and counted in 'n'.  Inline: the
** stages push an element every few tokens, and a constant 'size' makes
** the zeroing a few stores. */
static inline void *vec_push(vec *v, size_t size) {
  if (v->n == v->cap) return vec_push_grow(v, size);
  void *e = (char *)v->data + (size_t)v->n++ * size;
  memset(e, 0, size);
  return e;
}
void vec_free(vec *v);
#define VEC_AT(v, T, i) (((T *)(v).data)[i])

/* A bump allocator for small things a doc (or pipeline) owns: strings,
** scratch tables.  Freed all at once. */
typedef struct arena_chunk arena_chunk;
typedef struct arena {
  arena_chunk *head;
  size_t used, size;   /* in the head chunk */
  size_t total;        /* bytes held, for annot_doc_memory */
} arena;

void *arena_alloc(arena *a, size_t n);         /* 8-aligned, zeroed */
char *arena_strdup(arena *a, const char *s, size_t n);  /* NUL-terminated */
void arena_free(arena *a);

/* }====================================================== */


/* {======================================================
** The doc
** ======================================================= */

struct annot_doc {
  const annot_pipeline *pipeline;
  const char *text;
  uint32_t len;
  arena arena;
  /* tokens, a struct of arrays grown together ('ntok' of 'tokcap') */
  uint32_t ntok, tokcap;
  uint32_t *tok_start, *tok_end;
  uint32_t *tok_hash;     /* hash of the token's normalised form */
  uint16_t *tok_flags;    /* ANNOT_TF_* */
  uint8_t *tok_kind;      /* annot_token_kind */
  /* per token, filled by stage_entities (NULL before): bit LEX_BIT(c) set
  ** for each word class c (enum lex_class) with a lexicon entry starting
  ** at that token, so later stages skip lexicon_match where nothing is */
  uint16_t *tok_lex;
  vec sentences;          /* annot_span */
  vec paragraphs;         /* annot_span */
  vec mentions;           /* annot_mention, sorted by start */
  vec entities;           /* annot_entity */
  vec quotes;             /* annot_quote, sorted by start */
};

/* append one token; 0 or ANNOT_ENOMEM */
int doc_push_token(annot_doc *d, uint32_t start, uint32_t end, unsigned kind,
                   unsigned flags, uint32_t hash);

/* token arrays sized for a text of 'len' bytes, and trimmed after the scan */
int doc_reserve_tokens(annot_doc *d, size_t len);
void doc_shrink_tokens(annot_doc *d);

/* token 'i' is the first of its line (after a newline, or the doc's first);
** the stages need the token flags of the scan for it */
static inline int doc_line_start(const annot_doc *d, uint32_t i) {
  return i == 0 || (d->tok_flags[i] & (ANNOT_TF_NEWLINE | ANNOT_TF_PARA_START));
}

/* set an error: code, offset, printf-style message; returns 'code' */
int annot_seterror(annot_error *err, annot_status code, size_t offset,
                   const char *fmt, ...);

/* }====================================================== */


/* {======================================================
** Normalised forms and their hash (scan.c)
** ======================================================= */

/* Write the normalised form of text[0..len) to 'buf' (at most 'size'
** bytes, NUL-terminated when size > 0): lower case, curly apostrophes and
** quotes straightened.  Returns the full length of the normalised form. */
size_t annot_norm(const char *text, size_t len, char *buf, size_t size);
/* hash of the normalised form of text[0..len), without building it */
uint32_t annot_norm_hash(const char *text, size_t len);

/* }====================================================== */


/* {======================================================
** Stages: each reads the layers before it and writes its own.
** Each returns ANNOT_OK or an error code (with 'err' set).
** ======================================================= */

/* scan.c: tokens, sentences, paragraphs */
int stage_scan(annot_doc *d, annot_error *err);
/* entities.c (with numbers.c): lexicon matches, capitalised spans, roles,
** numbers and dates -> d->mentions */
int stage_entities(annot_doc *d, annot_error *err);
/* patterns.c: user PCRE2 patterns -> more mentions */
int stage_patterns(annot_doc *d, annot_error *err);
/* resolve.c: mentions -> d->entities, canonical names, entity ids */
int stage_resolve(annot_doc *d, annot_error *err);
/* quotes.c: quote spans, kinds, cues, speakers -> d->quotes */
int stage_quotes(annot_doc *d, annot_error *err);

/* }====================================================== */


/* {======================================================
** Lexicon classes: a lexicon entry's class is an entity type
** (annot_type) or one of these word classes that the rules use.
** ======================================================= */

enum lex_class {
  LEX_TITLE = 64,  /* titles and roles: Secretary of State, spokesman */
  LEX_GIVEN,       /* a given name: evidence for PERSON */
  LEX_ORGHEAD,     /* head word of an organisation: Ministry, Council */
  LEX_LOCHEAD,     /* head word of a place: Sea, River, Mountains */
  LEX_FACHEAD,     /* head word of a facility: Airport, Bridge, Hotel */
  LEX_EVENTHEAD,   /* head word of an event: War, Summit, Games */
  LEX_CUE,         /* a speech verb or phrase: said, told, according to;
                      canonical = its lemma */
  LEX_SOURCE,      /* a noun for an unnamed source: official, spokesman */
  LEX_NOTNAME,     /* a capitalised word that starts no name: The, But */
  LEX_CLASS_END
};
#define LEX_BIT(c) ((uint16_t)(1u << ((c) - LEX_TITLE)))

/* }====================================================== */

#endif
