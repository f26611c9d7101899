/*
** quotes.c: the quote stage (stage_quotes): quote spans, kinds, cues and
** speakers -> d->quotes.  This file holds the driver, the per-token
** tables the sieves read, the token helpers and the final write-out
** (bytes, sorting, nesting).  The sieves live in quotes_marks.c (spans),
** quotes_frames.c (speech verbs and their speakers) and quotes_attr.c
** (attribution and kinds); doc/quotes.md describes them in order.
**
** Everything is linear in tokens: one pass over all tokens fills the
** tables and gathers the few positions the sieves need (marks, colons,
** cues, line-opening capitals); each sieve then walks its own list, with
** look-back windows of a bounded number of tokens.  The stage allocates
** a fixed number of arrays per doc, never one per token, and frees them
** all before it returns: only d->quotes stays.
*/
#include <stdlib.h>
#include <string.h>

#include "lexicon_filter.h"
#include "quotes.h"
#include "tokmem.h"

/* {======================================================
** Token helpers
** ======================================================= */

/* The code point of a quotation mark token: one byte for ' and ", two
** for « » (U+00AB, U+00BB), three for the U+2018..U+203A marks; the
** scanner made these tokens, so only these forms occur.  Else 0. */
static uint32_t q_markchar(const annot_doc *d, uint32_t i) {
  const unsigned char *s = (const unsigned char *)d->text + d->tok_start[i];
  uint32_t n = d->tok_end[i] - d->tok_start[i];
  if (n == 1) return s[0];
  if (n == 2 && s[0] == 0xC2) return s[1];                 /* « » */
  if (n == 3 && s[0] == 0xE2 && s[1] == 0x80) return 0x2000u + (s[2] & 0x3Fu);
  return 0;
}

/* The QT_OPENS / QT_CLOSES bits of quotation mark 'ch' at token 'i': by
** form for curly marks and guillemets, by the scanner's reading of the
** context (space before, space after) for straight ones. */
static uint8_t mark_bits(const annot_doc *d, uint32_t i, uint32_t ch) {
  unsigned flags = d->tok_flags[i];
  /* ” ’ » › */
  if (ch == 0x201D || ch == 0x2019 || ch == 0xBB || ch == 0x203A)
    return QT_CLOSES;
  /* “ ‘ „ ‚ « ‹ */
  if (ch == 0x201C || ch == 0x2018 || ch == 0x201E || ch == 0x201A ||
      ch == 0xAB || ch == 0x2039)
    return QT_OPENS;
  if (ch == '"' || ch == '\'') {
    uint8_t bits = 0;
    if (flags & ANNOT_TF_OPEN) bits |= QT_OPENS;
    if (flags & ANNOT_TF_CLOSE) bits |= QT_CLOSES;
    return bits;
  }
  return 0;
}

/* Index of the span of 'v' (annot_span, sorted) holding token 'i': the
** last one that begins at or before it.  Used for the few lookups that
** do not follow the text in order (colons, turns). */
static uint32_t span_of(const vec *v, uint32_t i) {
  uint32_t lo = 0, hi = v->n;
  if (hi == 0) return 0;
  while (hi - lo > 1) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (VEC_AT(*v, annot_span, mid).tok_begin <= i) lo = mid;
    else hi = mid;
  }
  return lo;
}

/* the sentence holding token 'i' */
uint32_t q_sentence_of(const qctx *c, uint32_t i) {
  return span_of(&c->d->sentences, i);
}

/* the paragraph holding token 'i' */
uint32_t q_paragraph_of(const qctx *c, uint32_t i) {
  return span_of(&c->d->paragraphs, i);
}

/* The s-th sentence.  A doc without sentences (a scanner that made
** none) is one sentence, so that the rules need no special case. */
annot_span q_sentence(const qctx *c, uint32_t s) {
  if (s < c->d->sentences.n) return VEC_AT(c->d->sentences, annot_span, s);
  annot_span all = {0, c->d->len, 0, c->ntok};
  return all;
}

/* the p-th paragraph; a doc without paragraphs is one paragraph */
annot_span q_paragraph(const qctx *c, uint32_t p) {
  if (p < c->d->paragraphs.n) return VEC_AT(c->d->paragraphs, annot_span, p);
  annot_span all = {0, c->d->len, 0, c->ntok};
  return all;
}

/* A speaker made of mention 'm': its span, its entity, its canonical
** name (or its entity's when the mention has none of its own), and its
** type, which pronoun resolution reads. */
qspeaker q_speaker_mention(const qctx *c, uint32_t m) {
  const annot_mention *mn = &VEC_AT(c->d->mentions, annot_mention, m);
  qspeaker sp;
  memset(&sp, 0, sizeof sp);
  sp.tb = mn->tok_begin;
  sp.te = mn->tok_end;
  sp.mention = m;
  sp.entity = mn->entity;
  sp.type = (uint8_t)(mn->type < ANNOT_TYPE_COUNT ? mn->type : ANNOT_TYPE_COUNT);
  sp.canon = mn->canonical;
  sp.canon_len = mn->canonical_len;
  /* the entity's name first: the resolver may have tied the mention to
  ** a fuller one ('MR. PRICE:' to Ned Price); a mention without a name
  ** of its own takes its entity's anyway */
  if (mn->entity < c->d->entities.n &&
      VEC_AT(c->d->entities, annot_entity, mn->entity).canonical != NULL) {
    const annot_entity *e = &VEC_AT(c->d->entities, annot_entity, mn->entity);
    sp.canon = e->canonical;
    sp.canon_len = e->canonical_len;
  }
  /* a mention whose entity the resolver did not make points nowhere */
  if (mn->entity >= c->d->entities.n) sp.entity = ANNOT_NONE;
  return sp;
}

/* }====================================================== */


/* {======================================================
** Per-token tables
** ======================================================= */

/* Append token index 'i' to the list 'v' (an event list: marks,
** colons, cues, lines). */
static int push_index(vec *v, uint32_t i) {
  uint32_t *slot = vec_push(v, sizeof *slot);
  if (slot == NULL) return ANNOT_ENOMEM;
  *slot = i;
  return ANNOT_OK;
}

/* the lemmas whose cue is not a plain 'say' verb, sorted by strcmp
** order so that a lemma is found by binary search */
typedef struct cue_lemma {
  const char *lemma;
  uint8_t cls;
} cue_lemma;
static const cue_lemma cue_lemmas[] = {
  {"according to", CUE_ACCORDING}, {"accusation", CUE_NOUN},
  {"accuse", CUE_OBJECT}, {"allegation", CUE_NOUN}, {"ask", CUE_OBJECT},
  {"assurance", CUE_NOUN}, {"assure", CUE_TELL}, {"blame", CUE_OBJECT},
  {"brief", CUE_TELL}, {"call", CUE_CALL}, {"call for", CUE_OBJECT},
  {"call on", CUE_OBJECT}, {"condemn", CUE_ATTRIB},
  {"criticize", CUE_ATTRIB}, {"demand", CUE_OBJECT}, {"deny", CUE_OBJECT},
  {"describe", CUE_ATTRIB}, {"dismiss", CUE_REJECT}, {"inform", CUE_TELL},
  {"insistence", CUE_NOUN}, {"message", CUE_NOUN}, {"post", CUE_WRITE},
  {"praise", CUE_ATTRIB}, {"reiterate", CUE_OBJECT},
  {"reject", CUE_REJECT}, {"remark", CUE_NOUN}, {"remind", CUE_TELL},
  {"rule out", CUE_OBJECT}, {"statement", CUE_NOUN}, {"tell", CUE_TELL},
  {"tweet", CUE_WRITE}, {"urge", CUE_OBJECT}, {"welcome", CUE_ATTRIB},
  {"write", CUE_WRITE},
};

/* The class of a cue from its lemma (the canonical of its lexicon
** entry): how the rules read what follows the cue (enum cue_class).  A
** lemma not listed is a 'say' verb, so a user's new cue works without
** code.  A binary search: five or six comparisons, not forty. */
static uint8_t cue_class_of(const char *lemma) {
  if (lemma == NULL) return CUE_SAY;
  size_t lo = 0, hi = sizeof cue_lemmas / sizeof cue_lemmas[0];
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int cmp = strcmp(lemma, cue_lemmas[mid].lemma);
    if (cmp == 0) return cue_lemmas[mid].cls;
    if (cmp < 0) hi = mid;
    else lo = mid + 1;
  }
  return CUE_SAY;
}

/* Fill the per-token tables: the mention covering each token, its rule
** word, its mark bits, and cues and source nouns from the lexicon. */
static int fill_tables(qctx *c) {
  annot_doc *d = c->d;
  /* mentions are sorted by start: the first one over a token wins, so a
  ** name keeps its tokens even when a shorter mention overlaps it */
  memset(c->ment, 0xFF, (size_t)c->ntok * sizeof *c->ment);   /* ANNOT_NONE */
  for (uint32_t m = 0; m < d->mentions.n; m++) {
    const annot_mention *mn = &VEC_AT(d->mentions, annot_mention, m);
    int date = mn->type == ANNOT_DATE || mn->type == ANNOT_TIME;
    for (uint32_t t = mn->tok_begin; t < mn->tok_end && t < c->ntok; t++)
      if (c->ment[t] == ANNOT_NONE) {
        c->ment[t] = m;
        if (date) c->tf[t] |= QT_DATE;
      }
  }
  /* then every token once, in order */
  const lex_entry *hits[8];
  const uint16_t lex_wanted =
      LEX_BIT(LEX_CUE) | LEX_BIT(LEX_SOURCE) | LEX_BIT(LEX_TITLE);
  /* the class of the last few cue entries met, to spare the lemma
  ** comparisons: a direct-mapped cache by entry address */
  const lex_entry *seen[64];
  uint8_t seen_cls[64];
  memset(seen, 0, sizeof seen);
  /* the arrays of the loop in locals: a store through a byte pointer
  ** may alias anything, and the compiler would load every pointer from
  ** 'c' and 'd' again after each one */
  const uint8_t *kinds = d->tok_kind;
  const uint16_t *tflags = d->tok_flags, *tok_lex = d->tok_lex;
  const uint32_t *starts = d->tok_start, *ends = d->tok_end;
  const uint32_t *hashes = d->tok_hash, *ment = c->ment;
  uint8_t *wid = c->wid;
  const qwordtab words = c->words;
  for (uint32_t i = 0; i < c->ntok; i++) {
    unsigned kind = kinds[i], flags = tflags[i];
    wid[i] = WID_NONE;
    if (kind == ANNOT_TOK_QUOTE) {
      qmark *mk = vec_push(&c->marks, sizeof *mk);
      if (mk == NULL) return ANNOT_ENOMEM;
      mk->tok = i;
      mk->ch = q_markchar(d, i);
      c->tf[i] |= mark_bits(d, i, mk->ch);
      continue;
    }
    /* one-byte punctuation gets an id in the rule-word table, so that
    ** later tests read one byte per token instead of the text */
    if (kind == ANNOT_TOK_PUNCT) {
      if (ends[i] - starts[i] != 1) continue;
      switch (d->text[starts[i]]) {
        case '.': wid[i] = P_DOT; break;
        case ',': wid[i] = P_COMMA; break;
        case ';': wid[i] = P_SEMI; break;
        case '!': wid[i] = P_EXCL; break;
        case '?': wid[i] = P_QUEST; break;
        case ':':
          wid[i] = P_COLON;
          if (push_index(&c->colons, i) != ANNOT_OK) return ANNOT_ENOMEM;
          break;
        default: break;
      }
      continue;
    }
    if (kind != ANNOT_TOK_WORD) continue;
    /* a capitalised word opening a line may start a transcript label */
    if ((flags & ANNOT_TF_ALLCAPS) &&
        doc_line_start(d, i) &&
        push_index(&c->lines, i) != ANNOT_OK)
      return ANNOT_ENOMEM;
    uint8_t w = q_word_of(words, hashes[i], ends[i] - starts[i]);
    wid[i] = w;
    /* function words (the, of, that ... where: the rule words before
    ** 'called') start no cue and name no source, and a capital inside a
    ** sentence is a name's: the lexicon is asked about the others only */
    if ((w != WID_NONE && w < W_CALLED) || c->lex == NULL ||
        ment[i] != ANNOT_NONE)
      continue;
    /* the entity stage's word-class mask, when there is one, says where
    ** no cue, source or title starts: most tokens are passed over
    ** without a lexicon look-up */
    if (tok_lex != NULL && !(tok_lex[i] & lex_wanted)) continue;
    /* ... except after an article, a name or a possessive: 'the
    ** President said', 'the Ukrainian President said', 'Russia's
    ** President' */
    if ((flags & ANNOT_TF_CAP) &&
        !(flags & (ANNOT_TF_SENT_START | ANNOT_TF_PARA_START |
                   ANNOT_TF_NEWLINE | ANNOT_TF_ALLCAPS)) &&
        i > 0 && d->tok_kind[i - 1] != ANNOT_TOK_QUOTE &&
        c->wid[i - 1] != W_THE && c->wid[i - 1] != W_A &&
        c->ment[i - 1] == ANNOT_NONE && !(d->tok_flags[i - 1] & ANNOT_TF_CLITIC))
      continue;
    /* the entries starting here, longest first: the first cue wins
    ** ('called for' over 'called'); a source noun or a title marks its
    ** last token, the noun that heads a speaker's phrase (a class in the
    ** mask means the lexicon's filter passed this token already: it is
    ** not asked again) */
    size_t n = d->tok_lex != NULL ? lexicon_match_marked(c->lex, d, i, hits, 8)
                                  : lexicon_match(c->lex, d, i, hits, 8);
    if (n > 8) n = 8;
    for (size_t k = 0; k < n; k++) {
      const lex_entry *e = hits[k];
      if (e->cls == LEX_CUE && c->cuelen[i] == 0) {
        size_t slot = ((uintptr_t)e >> 4) & 63;
        if (seen[slot] != e) {
          seen[slot] = e;
          seen_cls[slot] = cue_class_of(e->canonical);
        }
        c->cuelen[i] = e->ntok;
        c->cuecls[i] = seen_cls[slot];
        if (push_index(&c->cues, i) != ANNOT_OK) return ANNOT_ENOMEM;
      } else if (e->cls == LEX_SOURCE && i + e->ntok <= c->ntok) {
        c->tf[i + e->ntok - 1] |= QT_SOURCE;
      } else if (e->cls == LEX_TITLE && i + e->ntok <= c->ntok) {
        for (uint32_t t = i; t < i + e->ntok; t++) c->tf[t] |= QT_TITLEW;
        c->tf[i + e->ntok - 1] |= QT_TITLE;
      }
    }
  }
  return ANNOT_OK;
}

/* }====================================================== */


/* {======================================================
** Write-out
** ======================================================= */

/* Quotes by start, the longer first when two start together (so that
** an outer quote comes before the quotes nested in it), then by kind. */
static int cmp_quote(const void *a, const void *b) {
  const annot_quote *x = a, *y = b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  if (x->end != y->end) return x->end > y->end ? -1 : 1;
  return (int)x->kind - (int)y->kind;
}

/* The byte span of tokens [tb, te), or 0-0 when empty: spans are token
** aligned, so they always cover whole tokens. */
static void token_bytes(const qctx *c, uint32_t tb, uint32_t te,
                        uint32_t *start, uint32_t *end) {
  if (tb >= te || tb >= c->ntok) {
    *start = *end = 0;
    return;
  }
  if (te > c->ntok) te = c->ntok;
  *start = c->d->tok_start[tb];
  *end = c->d->tok_end[te - 1];
}

/* Turn the working quotes into d->quotes: bytes, sentence, sorted by
** start, nested ones flagged.  The speaker's fields are set only when
** there is a speaker phrase, so a quote without one has no canonical,
** no mention and no entity. */
static int write_quotes(qctx *c) {
  annot_doc *d = c->d;
  uint32_t n = c->quotes.n;
  if (n == 0) return ANNOT_OK;
  if (vec_reserve(&d->quotes, sizeof(annot_quote), n) != ANNOT_OK)
    return ANNOT_ENOMEM;
  for (uint32_t k = 0; k < n; k++) {
    const wquote *w = &VEC_AT(c->quotes, wquote, k);
    annot_quote *q = vec_push(&d->quotes, sizeof *q);
    token_bytes(c, w->tb, w->te, &q->start, &q->end);
    token_bytes(c, w->cb, w->ce, &q->content_start, &q->content_end);
    /* no content: an empty span at the quote's end */
    if (w->cb >= w->ce) q->content_start = q->content_end = q->end;
    q->sentence = w->sent;
    /* a pronoun that names no one ('she' with no antecedent) is no
    ** speaker: the quote keeps its cue, and no 'she' stands among the
    ** speakers of a "who said what" table (doc/quotes.md) */
    int has_sp = w->sp.te > w->sp.tb &&
                 !(w->sp.pronoun && w->sp.canon == NULL && !w->sp.anonymous);
    if (has_sp)
      token_bytes(c, w->sp.tb, w->sp.te, &q->speaker_start, &q->speaker_end);
    else
      token_bytes(c, 0, 0, &q->speaker_start, &q->speaker_end);
    q->speaker_mention = has_sp ? w->sp.mention : ANNOT_NONE;
    q->speaker_entity = has_sp ? w->sp.entity : ANNOT_NONE;
    token_bytes(c, w->cue_tb, w->cue_te, &q->cue_start, &q->cue_end);
    q->speaker_canonical = has_sp && !w->sp.anonymous ? w->sp.canon : NULL;
    q->speaker_canonical_len = q->speaker_canonical ? w->sp.canon_len : 0;
    q->kind = w->kind;
    /* nesting is decided below, on the sorted list */
    q->flags = w->flags & (uint8_t)~ANNOT_QF_NESTED;
    q->anonymous = has_sp && w->sp.anonymous;
  }
  annot_quote *qs = d->quotes.data;
  qsort(qs, d->quotes.n, sizeof *qs, cmp_quote);
  /* nesting: a stack of the ends of the quotes still open; a quote that
  ** ends within the innermost open one is nested (a partial inside an
  ** indirect clause, a marked quote inside a turn or another quote) */
  uint32_t stack[64];
  int top = 0;
  for (uint32_t k = 0; k < d->quotes.n; k++) {
    while (top > 0 && stack[top - 1] <= qs[k].start) top--;
    if (top > 0 && qs[k].end <= stack[top - 1]) qs[k].flags |= ANNOT_QF_NESTED;
    if (top < 64) stack[top++] = qs[k].end;
  }
  return ANNOT_OK;
}

/* }====================================================== */


/* {======================================================
** The stage
** ======================================================= */

/* Free what the stage allocated for itself (free and vec_free take
** NULL and empty vectors, so this is safe after a failed allocation). */
static void free_ctx(qctx *c) {
  free(c->ment);   /* the one block of all the per-token tables */
  vec_free(&c->marks);
  vec_free(&c->lines);
  vec_free(&c->colons);
  vec_free(&c->cues);
  vec_free(&c->quotes);
  vec_free(&c->frames);
  vec_free(&c->frame_tb);
}

/* The stage: tables, then the sieves in order (doc/quotes.md), then the
** write-out.  Turns come before frames (a label is no subject) and
** frames before colon blocks and attribution (both read the frames). */
int stage_quotes(annot_doc *d, annot_error *err) {
  if (d == NULL) return ANNOT_OK;
  d->quotes.n = 0;
  if (d->ntok == 0) return ANNOT_OK;
  qctx c;
  memset(&c, 0, sizeof c);
  c.d = d;
  c.ntok = d->ntok;
  /* a doc made without a pipeline has no lexicon: no cues, marks only */
  c.lex = d->pipeline ? d->pipeline->lex : NULL;
  q_init_words(&c);
  /* the per-token tables in one block, widest first so each is
  ** aligned: one allocation per doc instead of five */
  size_t n = c.ntok;
  c.ment = malloc(n * (sizeof *c.ment + sizeof *c.tf + 3));
  int rc = ANNOT_ENOMEM;
  if (c.ment != NULL) {
    /* megabytes for a long doc: large pages spare most page faults */
    tokmem_advise(c.ment, n * (sizeof *c.ment + sizeof *c.tf + 3));
    c.tf = (uint16_t *)(c.ment + n);
    c.cuelen = (uint8_t *)(c.tf + n);
    c.cuecls = c.cuelen + n;
    c.wid = c.cuecls + n;
    /* marks, cue lengths and classes start empty; fill_tables sets the
    ** mentions and the rule words of every token */
    memset(c.tf, 0, n * (sizeof *c.tf + 2));
    /* the lists sized up front, so that they are not grown by copies
    ** doc after doc: news has a mark and a cue every 30 tokens or so,
    ** a working quote for about each of them */
    rc = vec_reserve(&c.marks, sizeof(qmark), n / 16 + 8);
    if (rc == ANNOT_OK) rc = vec_reserve(&c.cues, sizeof(uint32_t), n / 16 + 8);
    if (rc == ANNOT_OK) rc = fill_tables(&c);
    if (rc == ANNOT_OK)
      rc = vec_reserve(&c.quotes, sizeof(wquote),
                       (size_t)c.marks.n + c.cues.n + 8);
    if (rc == ANNOT_OK) rc = q_pair_marks(&c);
    if (rc == ANNOT_OK) rc = q_find_turns(&c);
    if (rc == ANNOT_OK) rc = q_build_frames(&c);
    if (rc == ANNOT_OK) rc = q_colon_blocks(&c);
    if (rc == ANNOT_OK) {
      q_attribute(&c);
      rc = q_indirect(&c);
    }
    if (rc == ANNOT_OK) rc = write_quotes(&c);
  }
  free_ctx(&c);
  if (rc != ANNOT_OK) {
    d->quotes.n = 0;
    return annot_seterror(err, (annot_status)rc, 0, "quotes: out of memory");
  }
  return ANNOT_OK;
}

/* }====================================================== */
