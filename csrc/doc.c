/*
** doc.c: the document.  Growable arrays, the arena, the token arrays and
** the accessors of the public API.  Everything a doc holds is freed by
** annot_doc_free.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tokmem.h"

/* {======================================================
** Growable arrays
** ======================================================= */

int vec_reserve(vec *v, size_t size, size_t want) {
  if (want <= v->cap) return ANNOT_OK;
  if (want > UINT32_MAX) return ANNOT_ENOMEM;
  size_t cap = v->cap ? v->cap : 8;
  while (cap < want) cap = cap + cap / 2 + 8;
  if (cap > UINT32_MAX) cap = UINT32_MAX;
  void *p = realloc(v->data, cap * size);
  if (p == NULL) return ANNOT_ENOMEM;
  v->data = p;
  v->cap = (uint32_t)cap;
  return ANNOT_OK;
}

void *vec_push_grow(vec *v, size_t size) {
  if (vec_reserve(v, size, (size_t)v->n + 1) != ANNOT_OK) return NULL;
  return vec_push(v, size);
}

void vec_free(vec *v) {
  free(v->data);
  v->data = NULL;
  v->n = v->cap = 0;
}

/* }====================================================== */


/* {======================================================
** Arena: a list of chunks, each at least ARENA_CHUNK bytes
** ======================================================= */

#define ARENA_CHUNK 4096

struct arena_chunk {
  arena_chunk *next;
  size_t size;
  /* data follows, 8-aligned */
};

#define CHUNK_DATA(c) ((char *)(c) + ((sizeof(arena_chunk) + 7) & ~(size_t)7))

void *arena_alloc(arena *a, size_t n) {
  n = (n + 7) & ~(size_t)7;
  if (a->head == NULL || a->size - a->used < n) {
    size_t size = n > ARENA_CHUNK ? n : ARENA_CHUNK;
    size_t header = (sizeof(arena_chunk) + 7) & ~(size_t)7;
    arena_chunk *c = malloc(header + size);
    if (c == NULL) return NULL;
    c->next = a->head;
    c->size = size;
    a->head = c;
    a->used = 0;
    a->size = size;
    a->total += header + size;
  }
  void *p = CHUNK_DATA(a->head) + a->used;
  a->used += n;
  memset(p, 0, n);
  return p;
}

char *arena_strdup(arena *a, const char *s, size_t n) {
  char *p = arena_alloc(a, n + 1);
  if (p != NULL) {
    memcpy(p, s, n);
    p[n] = '\0';
  }
  return p;
}

void arena_free(arena *a) {
  arena_chunk *c = a->head;
  while (c != NULL) {
    arena_chunk *next = c->next;
    free(c);
    c = next;
  }
  a->head = NULL;
  a->used = a->size = a->total = 0;
}

/* }====================================================== */


/* {======================================================
** Errors
** ======================================================= */

int annot_seterror(annot_error *err, annot_status code, size_t offset,
                   const char *fmt, ...) {
  if (err != NULL) {
    va_list ap;
    err->code = code;
    err->offset = offset;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
  }
  return code;
}

/* }====================================================== */


/* {======================================================
** Tokens
** ======================================================= */

/* Resize one token array to 'bytes'; the new block, or NULL when out of
** memory (then 'old' is still valid).  Large arrays get the large-page
** advice: the scan fills them front to back right away. */
static void *resize_array(void *old, size_t bytes) {
  void *p = realloc(old, bytes);
  if (p != NULL) tokmem_advise(p, bytes);
  return p;
}

/* grow the token arrays together to hold 'want' tokens, by half again
** each time (a few steps from a close guess, and amortised O(1) a push) */
static int grow_tokens(annot_doc *d, size_t want) {
  size_t cap = d->tokcap ? d->tokcap : 64;
  while (cap < want) cap = cap + cap / 2;
  if (cap > UINT32_MAX) return ANNOT_ENOMEM;
  /* each array is resized on its own: if one fails, those before it are
  ** larger than 'tokcap' says, which is harmless */
  uint32_t *s = resize_array(d->tok_start, cap * sizeof *s);
  if (s == NULL) return ANNOT_ENOMEM;
  d->tok_start = s;
  uint32_t *e = resize_array(d->tok_end, cap * sizeof *e);
  if (e == NULL) return ANNOT_ENOMEM;
  d->tok_end = e;
  uint32_t *h = resize_array(d->tok_hash, cap * sizeof *h);
  if (h == NULL) return ANNOT_ENOMEM;
  d->tok_hash = h;
  uint16_t *f = resize_array(d->tok_flags, cap * sizeof *f);
  if (f == NULL) return ANNOT_ENOMEM;
  d->tok_flags = f;
  uint8_t *k = resize_array(d->tok_kind, cap * sizeof *k);
  if (k == NULL) return ANNOT_ENOMEM;
  d->tok_kind = k;
  d->tokcap = (uint32_t)cap;
  return ANNOT_OK;
}

/* the slow path of a push: the scanner stores tokens itself while there
** is room, and calls this when the arrays are full */
int doc_push_token(annot_doc *d, uint32_t start, uint32_t end, unsigned kind,
                   unsigned flags, uint32_t hash) {
  if (d->ntok == d->tokcap && grow_tokens(d, (size_t)d->ntok + 1) != ANNOT_OK)
    return ANNOT_ENOMEM;
  uint32_t i = d->ntok++;
  d->tok_start[i] = start;
  d->tok_end[i] = end;
  d->tok_hash[i] = hash;
  d->tok_flags[i] = (uint16_t)flags;
  d->tok_kind[i] = (uint8_t)kind;
  return ANNOT_OK;
}

/* Called by the pipeline before scanning: a first guess at the token
** count (news prose runs at about 5.5 bytes a token).  Generous on
** purpose: pages past the last token are never touched, so they cost
** nothing, while a guess too small for the text means a grow in the
** middle of the scan (measured: a len/7 guess scans a 10 MB text about a
** quarter slower than this one). */
int doc_reserve_tokens(annot_doc *d, size_t len) {
  return grow_tokens(d, len / 5 + 64);
}

/* give back what the guess over-allocated */
void doc_shrink_tokens(annot_doc *d) {
  size_t cap = d->ntok ? d->ntok : 1;
  if (cap >= d->tokcap) return;
  /* shrinking never fails in practice; if it does the old block stays */
  void *p;
  if ((p = realloc(d->tok_start, cap * 4)) != NULL) d->tok_start = p;
  if ((p = realloc(d->tok_end, cap * 4)) != NULL) d->tok_end = p;
  if ((p = realloc(d->tok_hash, cap * 4)) != NULL) d->tok_hash = p;
  if ((p = realloc(d->tok_flags, cap * 2)) != NULL) d->tok_flags = p;
  if ((p = realloc(d->tok_kind, cap)) != NULL) d->tok_kind = p;
  d->tokcap = (uint32_t)cap;
}

/* }====================================================== */


/* {======================================================
** The public accessors
** ======================================================= */

void annot_doc_free(annot_doc *d) {
  if (d == NULL) return;
  free(d->tok_start);
  free(d->tok_end);
  free(d->tok_hash);
  free(d->tok_flags);
  free(d->tok_kind);
  free(d->tok_lex);
  vec_free(&d->sentences);
  vec_free(&d->paragraphs);
  vec_free(&d->mentions);
  vec_free(&d->entities);
  vec_free(&d->quotes);
  arena_free(&d->arena);
  free(d);
}

const char *annot_doc_text(const annot_doc *d, size_t *len) {
  if (len != NULL) *len = d->len;
  return d->text;
}

const annot_pipeline *annot_doc_pipeline(const annot_doc *d) {
  return d->pipeline;
}

size_t annot_doc_memory(const annot_doc *d) {
  return sizeof *d + d->arena.total + (size_t)d->tokcap * 15 +
         (d->tok_lex ? (size_t)d->ntok * 2 : 0) +
         (size_t)d->sentences.cap * sizeof(annot_span) +
         (size_t)d->paragraphs.cap * sizeof(annot_span) +
         (size_t)d->mentions.cap * sizeof(annot_mention) +
         (size_t)d->entities.cap * sizeof(annot_entity) +
         (size_t)d->quotes.cap * sizeof(annot_quote);
}

size_t annot_token_count(const annot_doc *d) { return d->ntok; }
size_t annot_sentence_count(const annot_doc *d) { return d->sentences.n; }
size_t annot_paragraph_count(const annot_doc *d) { return d->paragraphs.n; }
size_t annot_mention_count(const annot_doc *d) { return d->mentions.n; }
size_t annot_entity_count(const annot_doc *d) { return d->entities.n; }
size_t annot_quote_count(const annot_doc *d) { return d->quotes.n; }

annot_token annot_doc_token(const annot_doc *d, size_t i) {
  annot_token t;
  t.start = d->tok_start[i];
  t.end = d->tok_end[i];
  t.flags = d->tok_flags[i];
  t.kind = d->tok_kind[i];
  return t;
}

annot_span annot_doc_sentence(const annot_doc *d, size_t i) {
  return VEC_AT(d->sentences, annot_span, i);
}

annot_span annot_doc_paragraph(const annot_doc *d, size_t i) {
  return VEC_AT(d->paragraphs, annot_span, i);
}

const annot_mention *annot_doc_mention(const annot_doc *d, size_t i) {
  return &VEC_AT(d->mentions, annot_mention, i);
}

const annot_entity *annot_doc_entity(const annot_doc *d, size_t i) {
  return &VEC_AT(d->entities, annot_entity, i);
}

const annot_quote *annot_doc_quote(const annot_doc *d, size_t i) {
  return &VEC_AT(d->quotes, annot_quote, i);
}

size_t annot_token_at(const annot_doc *d, size_t offset) {
  size_t lo = 0, hi = d->ntok;   /* first token whose end > offset */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (d->tok_end[mid] <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

size_t annot_token_norm(const annot_doc *d, size_t i, char *buf,
                        size_t size) {
  return annot_norm(d->text + d->tok_start[i],
                    d->tok_end[i] - d->tok_start[i], buf, size);
}

static const char *const token_kind_names[ANNOT_TOK_KIND_COUNT] = {
  "word", "number", "punct", "quote", "dash", "hyphen", "ellipsis",
  "bracket", "symbol", "url", "email", "handle", "hashtag", "invalid"
};

const char *annot_token_kind_name(unsigned kind) {
  return kind < ANNOT_TOK_KIND_COUNT ? token_kind_names[kind] : NULL;
}

static const char *const quote_kind_names[ANNOT_QUOTE_KIND_COUNT] = {
  "direct", "partial", "scare", "indirect"
};

const char *annot_quote_kind_name(unsigned kind) {
  return kind < ANNOT_QUOTE_KIND_COUNT ? quote_kind_names[kind] : NULL;
}

/* }====================================================== */
