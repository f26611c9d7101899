/*
** quotes_attr.c: who said the marked quotes, and what kind each one is;
** then the indirect quotes, one per frame that reports a clause.
**
** The attribution sieves, in order (doc/quotes.md):
**   1. turns and colon blocks keep the speaker their label or intro gave;
**   2. trailing: '“…,” X said', '“…,” said X', '“…” — X said';
**   3. leading: a cue earlier in the same sentence ('X said: “…”',
**      'X said “…”', 'X said Russia expected “concrete answers”');
**   4. continuation and neighbours: the latest speaker before the quote
**      in its paragraph (or in the paragraph before, for a quote that
**      opens its paragraph): '“A,” he said. “B.”'.
** Pronoun speakers were resolved when the frames were built.
*/
#include <stdlib.h>
#include <string.h>

#include "quotes.h"

/* most tokens between a closing mark and its trailing cue */
#define TRAIL_WINDOW 12
/* most words of a quote that reads as a name ('Allies Resolve') */
#define NAME_WORDS 5
/* words counted in a marked quote: the kinds ask at most whether it has
** more than NAME_WORDS, 4 or 6 or more, so counting stops there */
#define SHAPE_WORDS 6

/* {======================================================
** What a quote looks like
** ======================================================= */

/* What the rules need to know of a marked quote's form and place; the
** kind is read from these (doc/quotes.md, "Kinds"). */
typedef struct qshape {
  int at_start;      /* opens its sentence, or follows 'said,' or ':' */
  int ends_punct;    /* its content ends with . , ? ! or … */
  int name_like;     /* a few capitalised words: a name or a title */
  int naming;        /* after 'called', 'dubbed', a possessive ... */
  uint32_t words;    /* word and number tokens (up to SHAPE_WORDS) */
} qshape;

/* A naming word right before the marked term at 'i': 'called',
** 'dubbed', 'known as', 'the term', or a possessive.  What follows is a
** name or a term, not someone's words. */
static int naming_before(const qctx *c, uint32_t i) {
  if (i == 0) return 0;
  uint32_t p = i - 1;
  if (q_class(c, p) & WC_NAMING) return 1;
  if (q_is(c, p, W_AS) && p > 0 && q_is(c, p - 1, W_KNOWN)) return 1;
  /* NATO 's “open door” policy: a term owned by a name */
  return (c->d->tok_flags[p] & ANNOT_TF_CLITIC) != 0 &&
         c->d->tok_kind[p] == ANNOT_TOK_WORD;
}

/* A small word that may stay lower case inside a name ('Ministry of
** Defence', 'Partnership for Peace'). */
static int name_filler(const qctx *c, uint32_t i) {
  return q_is(c, i, W_OF) || q_is(c, i, W_THE) || q_is(c, i, W_AND) ||
         q_is(c, i, W_FOR) || q_is(c, i, W_IN) || q_is(c, i, W_ON) ||
         q_is(c, i, W_A) || q_is(c, i, W_AN) || q_is(c, i, W_TO);
}

/* A cue ends at token 'k' (a cue of up to four tokens: 'according to',
** 'called for'). */
static int cue_ends_at(const qctx *c, uint32_t k) {
  for (uint32_t b = k, n = 0; n < 4; n++, b--) {
    if (c->cuelen[b] && b + c->cuelen[b] == k + 1) return 1;
    if (b == 0) break;
  }
  return 0;
}

/* Read the shape of marked quote 'w': where it stands in its sentence,
** how many words it has, whether it ends with punctuation inside the
** marks, and whether it reads as a name. */
static qshape shape_of(const qctx *c, const wquote *w) {
  const annot_doc *d = c->d;
  qshape s;
  memset(&s, 0, sizeof s);
  uint32_t tb = w->tb;
  unsigned f = d->tok_flags[tb];
  if (tb == 0 || (f & (ANNOT_TF_PARA_START | ANNOT_TF_SENT_START))) {
    s.at_start = 1;
  } else {
    uint32_t p = tb - 1;
    unsigned pk = d->tok_kind[p];
    if (q_punct(c, p, ':') || pk == ANNOT_TOK_DASH ||
        (pk == ANNOT_TOK_BRACKET && (d->text[d->tok_start[p]] == '(' ||
                                     d->text[d->tok_start[p]] == '[')) ||
        q_stop(c, p))
      s.at_start = 1;
    /* 'said “…', 'said, “…', 'said on Tuesday, “…': the quote is the
    ** cue's whole statement */
    uint32_t k = p;
    if (q_punct(c, k, ',') && k > 0) k--;
    for (int n = 0; n < 3; n++) {
      if (cue_ends_at(c, k)) { s.at_start = 1; break; }
      if (!q_datetok(c, k) || k == 0) break;
      k--;
    }
  }
  /* count the words; a lower-case word other than a small one means the
  ** quote is not a name */
  int all_caps = 1;
  for (uint32_t t = w->cb; t < w->ce && s.words < SHAPE_WORDS; t++) {
    unsigned kind = d->tok_kind[t];
    if (kind == ANNOT_TOK_WORD || kind == ANNOT_TOK_NUMBER) {
      s.words++;
      if (kind == ANNOT_TOK_WORD &&
          !(d->tok_flags[t] & (ANNOT_TF_CAP | ANNOT_TF_ALLCAPS)) &&
          !name_filler(c, t))
        all_caps = 0;
    }
  }
  /* 'the risk is real,”' and 'is real.”': a statement's punctuation */
  uint32_t last = w->ce > w->cb ? w->ce - 1 : w->cb;
  s.ends_punct = q_stop(c, last) || q_punct(c, last, ',') ||
                 d->tok_kind[last] == ANNOT_TOK_ELLIPSIS;
  s.name_like = all_caps && s.words > 0 && s.words <= NAME_WORDS &&
                !s.ends_punct;
  s.naming = naming_before(c, tb);
  return s;
}

/* }====================================================== */


/* {======================================================
** Attribution sieves
** ======================================================= */

/* The frame whose cue starts at token 'j', or NULL (a cue inside the
** marks has none). */
static const qframe *frame_at(const qctx *c, uint32_t j) {
  uint32_t f = q_frame_before(c, j + 1);
  if (f == 0) return NULL;
  const qframe *fr = &VEC_AT(c->frames, qframe, f - 1);
  return fr->cue_tb == j ? fr : NULL;
}

/* A frame that can attribute: it has a speaker and reports speech as
** made ('will say' attributes nothing); a speech noun only through the
** clause it introduces ('the minister's remarks followed a “…” meeting'
** attributes nothing). */
static int usable(const qframe *f) {
  return f != NULL && f->sp.te > f->sp.tb && !f->negated && !f->inquote &&
         (!f->noun || f->ct_e > f->ct_b);
}

/* Sieve 2, trailing: a cue just after the closing mark whose speaker
** stands between the mark and the cue, or right after the cue. */
static const qframe *trailing(const qctx *c, const wquote *w) {
  const annot_doc *d = c->d;
  uint32_t k = w->te;
  /* an unclosed quote ends with its paragraph: nothing trails it */
  if (w->flags & ANNOT_QF_UNCLOSED) return NULL;
  if (k < c->ntok && (q_punct(c, k, ',') || d->tok_kind[k] == ANNOT_TOK_DASH))
    k++;
  uint32_t start = k;
  /* '“We are ready.” Peskov said Moscow would...': after a full stop
  ** inside the marks, a cue with a clause of its own is a new statement */
  int stopped = w->ce > w->cb && q_stop(c, w->ce - 1);
  for (uint32_t j = k; j < c->ntok && j < start + TRAIL_WINDOW; j++) {
    if (d->tok_flags[j] & ANNOT_TF_PARA_START) break;
    if (q_stop(c, j) || q_openmark(c, j) || q_closemark(c, j) ||
        q_punct(c, j, ';'))
      break;
    if (c->cuelen[j] == 0) continue;
    /* the first verb decides: it is this quote's attribution or none is
    ** ('“…,” the statement said': the noun is passed over) */
    const qframe *f = frame_at(c, j);
    if (f != NULL && f->noun) continue;
    if (!usable(f) || f->cls == CUE_ACCORDING) return NULL;
    if (stopped && f->ct_e > f->ct_b) return NULL;
    if (f->inverted && j == start) return f;
    /* the speaker's phrase right after the mark (an apposition may come
    ** first): not '“…,” and French diplomats said' */
    if (f->inverted || f->sp.tb < start) return NULL;
    for (uint32_t t = start; t < q_speaker_first(c, &f->sp); t++)
      if (q_is(c, t, W_AND) || q_is(c, t, W_BUT) || q_is(c, t, W_YET) ||
          q_is(c, t, W_WHILE) || q_is(c, t, W_AS))
        return NULL;
    return f;
  }
  return NULL;
}

/* Sieve 3, leading: the nearest usable cue before the quote in its
** sentence ('X said: “…”', and a partial quote inside the clause a cue
** reports).  Frames are in text order: walk back while in the sentence. */
static const qframe *leading(const qctx *c, const wquote *w) {
  uint32_t s = w->sent;
  uint32_t f = q_frame_before(c, w->tb);
  const qframe *found = NULL;
  for (int steps = 0; f > 0 && steps < 64; steps++) {
    const qframe *fr = &VEC_AT(c->frames, qframe, f - 1);
    if (fr->sentence != s) break;
    f--;
    if (!usable(fr)) continue;
    if (found == NULL) {
      found = fr;
      continue;
    }
    /* 'An official said Washington had asked Germany to prepare “all
    ** options”': a cue inside an earlier cue's clause is part of what
    ** the earlier speaker said, and so are the marked words; the
    ** outermost speaker is the one quoted */
    if (fr->ct_b <= found->cue_tb && w->te <= fr->ct_e) found = fr;
  }
  return found;
}

/* The marked quote at 'tb' follows 'what X called' (or termed,
** dubbed ...): the words are X's own ('dismissed what she called “a
** campaign of lies”'), a partial quote, not a name in marks.  Up to six
** tokens of subject between 'what' and the naming word. */
static int what_called(const qctx *c, uint32_t tb) {
  if (tb < 3 || !(q_class(c, tb - 1) & WC_NAMING)) return 0;
  for (uint32_t t = tb - 2, n = 0; n < 7; t--, n++) {
    if (q_is(c, t, W_WHAT)) return t + 1 < tb - 1;
    if (c->d->tok_kind[t] != ANNOT_TOK_WORD || t == 0) return 0;
  }
  return 0;
}

/* Quote 'w' stands inside the object of 'call' (frame 'f'), with more
** of the object after it: 'has called talk of an energy “weapon”
** Western propaganda'.  The marked word is the term the speaker rejects
** (the writer's or a third party's), a scare quote; as the predicate,
** the last words ('called the plan “reckless”'), it is the speaker's. */
static int inside_call_object(const qframe *f, const wquote *w) {
  return f->cls == CUE_CALL && f->ct_e > f->ct_b && f->ct_b <= w->tb &&
         w->te < f->ct_e;
}

/* Sieve 4: the latest speaker before quote 'w': an attributed quote
** ('last') or a frame, in the same paragraph, or in the paragraph before
** when 'w' opens its own. */
static int neighbour(const qctx *c, const wquote *w, const wquote *last,
                     qspeaker *sp, uint32_t *cue_tb, uint32_t *cue_te) {
  uint32_t p = w->para;
  annot_span para = q_paragraph(c, p);
  /* the latest usable frame, at most 400 tokens back */
  const qframe *best = NULL;
  uint32_t f = q_frame_before(c, w->tb);
  while (f > 0) {
    const qframe *fr = &VEC_AT(c->frames, qframe, f - 1);
    f--;
    if (usable(fr)) { best = fr; break; }
    if (fr->cue_tb + 400 < w->tb) break;
  }
  /* whichever of the two comes later is the speaker the reader has in
  ** mind when the quote starts */
  uint32_t fpos = best ? best->cue_tb : 0;
  uint32_t lpos = last ? last->te : 0;
  if (best == NULL && last == NULL) return 0;
  uint32_t pos = (best && (!last || fpos >= lpos)) ? fpos : lpos;
  if (pos < para.tok_begin) {
    /* from the paragraph before: only for a quote opening its paragraph */
    if (w->tb != para.tok_begin || p == 0) return 0;
    annot_span prev = q_paragraph(c, p - 1);
    if (pos < prev.tok_begin) return 0;
  }
  if (best && (!last || fpos >= lpos)) {
    *sp = best->sp;
    *cue_tb = best->cue_tb;
    *cue_te = best->cue_te;
  } else {
    *sp = last->sp;
    *cue_tb = last->cue_tb;
    *cue_te = last->cue_te;
  }
  return 1;
}

/* Give quote 'w' the speaker and cue of frame 'f'. */
static void take_frame(wquote *w, const qframe *f) {
  w->sp = f->sp;
  w->cue_tb = f->cue_tb;
  w->cue_te = f->cue_te;
  w->attributed = 1;
}

/* Forget the speaker and cue of 'w': a scare quote has none. */
static void clear_speaker(wquote *w) {
  memset(&w->sp, 0, sizeof w->sp);
  w->sp.mention = w->sp.entity = ANNOT_NONE;
  w->cue_tb = w->cue_te = 0;
  w->attributed = 0;
}

/* Attribute and classify the marked quotes, in text order: scare forms
** first, then the sieves (trailing, leading, neighbours), then the kind
** from the quote's shape and whether a sieve found its speaker.  Turns
** and colon blocks were attributed when they were found; they count as
** the latest speaker for the quotes after them. */
void q_attribute(qctx *c) {
  const wquote *last = NULL;    /* the latest quote with a speaker */
  for (uint32_t k = 0; k < c->quotes.n; k++) {
    wquote *w = &VEC_AT(c->quotes, wquote, k);
    if (w->flags & (ANNOT_QF_TURN | ANNOT_QF_COLON)) {
      if (w->sp.te > w->sp.tb) last = w;
      continue;
    }
    if (!w->marked) continue;
    /* a name or a term in marks: nobody's words */
    qshape s = shape_of(c, w);
    int own_term = s.naming && what_called(c, w->tb);
    if (own_term) {
      /* the naming verb's own subject: 'what she called' is hers */
      const qframe *f = frame_at(c, w->tb - 1);
      if (usable(f)) {
        take_frame(w, f);
        w->kind = ANNOT_QUOTE_PARTIAL;
        last = w;
        continue;
      }
    }
    if (s.naming || (s.name_like && !s.at_start)) {
      w->kind = ANNOT_QUOTE_SCARE;
      clear_speaker(w);
      continue;
    }
    const qframe *f = trailing(c, w);
    int lead = 0;
    if (f == NULL) {
      f = leading(c, w);
      lead = f != NULL;
    }
    if (f != NULL && lead && inside_call_object(f, w)) {
      w->kind = ANNOT_QUOTE_SCARE;
      continue;
    }
    if (f != NULL) take_frame(w, f);
    /* '“A,” X said, “B.”': the second half of a split direct quote */
    int second_half = lead && last != NULL && last->kind == ANNOT_QUOTE_DIRECT &&
                      last->cue_tb == f->cue_tb && last->sent == w->sent;
    if (second_half ||
        (s.at_start && (w->attributed || s.words >= 4 || s.ends_punct))) {
      w->kind = ANNOT_QUOTE_DIRECT;
    } else if (w->attributed) {
      w->kind = ANNOT_QUOTE_PARTIAL;
    } else if (s.words >= 6) {
      /* too long for a term: someone's words inside the writer's
      ** sentence, whose speaker the neighbours may give */
      w->kind = ANNOT_QUOTE_PARTIAL;
    } else {
      w->kind = ANNOT_QUOTE_SCARE;
      continue;
    }
    if (!w->attributed &&
        neighbour(c, w, last, &w->sp, &w->cue_tb, &w->cue_te))
      w->attributed = 1;
    if (w->attributed) last = w;
  }
}

/* }====================================================== */


/* {======================================================
** Indirect quotes
** ======================================================= */

/* One of the first 'n' quotes (the marked ones, turns and colon blocks,
** sorted by first token) spans exactly tokens [tb, te): then a clause
** that is all one marked quote is that quote, not a second one. */
static int same_as_marked(const qctx *c, uint32_t n, uint32_t tb,
                          uint32_t te) {
  uint32_t lo = 0, hi = n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (VEC_AT(c->quotes, wquote, mid).tb < tb) lo = mid + 1;
    else hi = mid;
  }
  for (; lo < n && VEC_AT(c->quotes, wquote, lo).tb == tb; lo++)
    if (VEC_AT(c->quotes, wquote, lo).te == te) return 1;
  return 0;
}

/* The innermost quote (marked, turn or colon block) among the first 'n'
** (sorted by first token) whose content holds token 'i', or NULL.  The
** walk back from the last quote starting before 'i' is bounded: quotes
** nest only as deep as the marks do. */
const wquote *q_enclosing(const qctx *c, uint32_t n, uint32_t i) {
  uint32_t lo = 0, hi = n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (VEC_AT(c->quotes, wquote, mid).tb <= i) lo = mid + 1;
    else hi = mid;
  }
  for (uint32_t k = lo, steps = 0; k > 0 && steps < 32; k--, steps++) {
    const wquote *w = &VEC_AT(c->quotes, wquote, k - 1);
    if (w->cb <= i && i < w->ce) return w;
  }
  return NULL;
}

/* The state that the person speaker 'sp' speaks for, when the title
** before one of their mentions names it: a country ('U.S. Secretary of
** State Antony Blinken') or a government body ('Foreign Ministry
** spokeswoman Maria Zakharova').  The mention index of that country or
** body, or ANNOT_NONE: a title that names no state (NATO's, a
** company's) gives none, and 'we' stays the person's. */
static uint32_t state_of(const qctx *c, const qspeaker *sp) {
  const annot_doc *d = c->d;
  if (sp->type != ANNOT_PERSON || sp->entity == ANNOT_NONE) return ANNOT_NONE;
  /* a mention of the person with a title: the speaker's own, else the
  ** nearest one before the speaker's phrase (a bounded walk back) */
  uint32_t m = sp->mention;
  if (m == ANNOT_NONE || VEC_AT(d->mentions, annot_mention, m).role_end ==
                             VEC_AT(d->mentions, annot_mention, m).role_start) {
    m = ANNOT_NONE;
    uint32_t k = sp->tb < c->ntok ? c->ment[sp->tb] : ANNOT_NONE;
    if (k == ANNOT_NONE) {
      for (uint32_t t = sp->tb; t > 0 && sp->tb - t < 2000; t--)
        if (c->ment[t - 1] != ANNOT_NONE) { k = c->ment[t - 1] + 1; break; }
    }
    for (uint32_t n = 0; k != ANNOT_NONE && k > 0 && n < 256; n++) {
      const annot_mention *mn = &VEC_AT(d->mentions, annot_mention, --k);
      if (mn->entity == sp->entity && mn->role_end > mn->role_start) {
        m = k;
        break;
      }
    }
  }
  if (m == ANNOT_NONE) return ANNOT_NONE;
  const annot_mention *pm = &VEC_AT(d->mentions, annot_mention, m);
  /* the mentions inside the title come just before the person's */
  for (uint32_t k = m; k > 0 && m - k < 4; k--) {
    const annot_mention *o = &VEC_AT(d->mentions, annot_mention, k - 1);
    if (o->start < pm->role_start || o->end > pm->role_end) continue;
    if (o->type == ANNOT_GPE) return k - 1;
    /* a body of government: its name ends with 'Ministry', 'Office',
    ** 'Department', 'Government' */
    uint32_t last = o->tok_end - 1;
    if (o->type == ANNOT_ORG &&
        (((q_class(c, last) & WC_GROUP) && !q_is(c, last, W_CAMP)) ||
         q_is(c, last, W_DEPARTMENT)))
      return k - 1;
  }
  return ANNOT_NONE;
}

/* 'I' or 'we' as the speaker 'sp' inside a transcript turn or a marked
** quote (the first 'n' quotes, sorted) is the speaker of that turn or
** quote; a government's 'we' is the state (ANNOTATION.md): the country
** or body a person's title names.  The phrase stays the pronoun. */
void q_first_person(const qctx *c, uint32_t n, qspeaker *sp) {
  if (!sp->pronoun || sp->canon != NULL || sp->anonymous || sp->te <= sp->tb ||
      !(c->tf[sp->tb] & (QT_INTURN | QT_INQUOTE)) ||
      !(q_is(c, sp->tb, W_I) || q_is(c, sp->tb, W_WE)))
    return;
  const wquote *t = q_enclosing(c, n, sp->tb);
  if (t == NULL || t->sp.te <= t->sp.tb) return;
  uint32_t tb = sp->tb, te = sp->te;
  uint32_t st = q_is(c, tb, W_WE) ? state_of(c, &t->sp) : ANNOT_NONE;
  *sp = st != ANNOT_NONE ? q_speaker_mention(c, st) : t->sp;
  sp->tb = tb;
  sp->te = te;
  sp->mention = ANNOT_NONE;
  sp->pronoun = 1;
}

/* One indirect quote per frame that reports a clause, appended after the
** quotes found so far (write_quotes sorts them all).  'I' and 'we' as
** the speaker inside a transcript turn or a quote are the speaker of
** that turn or quote (for 'we', the state a person's title names): the
** phrase stays the pronoun, the name is theirs. */
int q_indirect(qctx *c) {
  uint32_t nmarked = c->quotes.n;
  /* 'We told them plainly: …' inside a marked quote: the quote's speaker
  ** is known only now that the marked quotes are attributed */
  for (uint32_t k = 0; k < nmarked; k++) {
    wquote *w = &VEC_AT(c->quotes, wquote, k);
    if (w->flags & ANNOT_QF_COLON) q_first_person(c, nmarked, &w->sp);
  }
  for (uint32_t k = 0; k < c->frames.n; k++) {
    const qframe *f = &VEC_AT(c->frames, qframe, k);
    if (f->ct_e <= f->ct_b) continue;
    if (same_as_marked(c, nmarked, f->ct_b, f->ct_e)) continue;
    qspeaker sp = f->sp;
    q_first_person(c, nmarked, &sp);
    wquote *w = vec_push(&c->quotes, sizeof *w);
    if (w == NULL) return ANNOT_ENOMEM;
    w->tb = w->cb = f->ct_b;
    w->te = w->ce = f->ct_e;
    w->cue_tb = f->cue_tb;
    w->cue_te = f->cue_te;
    w->sp = sp;
    w->sent = f->sentence;
    w->kind = ANNOT_QUOTE_INDIRECT;
    w->attributed = sp.te > sp.tb;
  }
  return ANNOT_OK;
}

/* }====================================================== */
