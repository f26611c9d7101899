/*
** quotes_marks.c: where quotes are.  Three sieves that find quote spans
** before anyone asks who spoke:
**   - marked quotes: quotation marks of every style paired with a stack,
**     a quote running over paragraphs kept whole, an unclosed mark ended
**     at its paragraph;
**   - transcript turns after SPEAKER: labels;
**   - colon blocks: a paragraph (or the rest of one) that a colon after a
**     speaker or a speech clause introduces.
*/
#include <stdlib.h>
#include <string.h>

#include "quotes.h"

/* most marks open at once; deeper ones are left as text */
#define MAX_DEPTH 16
/* longest stage direction skipped after a transcript label, in tokens */
#define MAX_DIRECTION 12
/* most words in a transcript label */
#define MAX_LABEL 6

/* {======================================================
** Marked quotes
** ======================================================= */

/* Families of marks: a closing mark closes the innermost open mark of its
** family, so 'single inside double' nests and a stray mark of another
** family does not close anything. */
enum { FAM_NONE = 0, FAM_DOUBLE, FAM_SINGLE, FAM_GUIL, FAM_SGUIL };

/* The family of the mark 'ch': the marks that may pair with each other
** (a straight " closes a curly “ and the other way round). */
static int family(uint32_t ch) {
  switch (ch) {
    case '"': case 0x201C: case 0x201D: case 0x201E: case 0x201F:
      return FAM_DOUBLE;
    case '\'': case 0x2018: case 0x2019: case 0x201A: case 0x201B:
      return FAM_SINGLE;
    case 0xAB: case 0xBB: return FAM_GUIL;
    case 0x2039: case 0x203A: return FAM_SGUIL;
    default: return FAM_NONE;
  }
}

/* a mark waiting for its closing mark, on the pairing stack */
typedef struct open_mark {
  uint32_t tok;           /* its token */
  uint32_t ch;            /* its code point */
  uint32_t sent, para;    /* where it opened */
} open_mark;

/* The topmost open mark of family 'fam' on the stack st[0..top), or -1;
** marks above it are the ones a closing mark leaves unclosed. */
static int find_open(const open_mark *st, int top, int fam) {
  for (int k = top - 1; k >= 0; k--)
    if (family(st[k].ch) == fam) return k;
  return -1;
}

/* Add a marked quote from the mark at 'open' to token 'te' (exclusive):
** 'closed' says whether token te-1 is its closing mark.  An empty pair
** of marks is no quote. */
static int add_marked(qctx *c, const open_mark *om, uint32_t te, int closed) {
  uint32_t open = om->tok;
  uint32_t cb = open + 1, ce = closed ? te - 1 : te;
  if (cb >= ce) return ANNOT_OK;
  wquote *w = vec_push(&c->quotes, sizeof *w);
  if (w == NULL) return ANNOT_ENOMEM;
  w->tb = open;
  w->te = te;
  w->sent = om->sent;
  w->para = om->para;
  w->cb = cb;
  w->ce = ce;
  w->marked = 1;
  w->kind = ANNOT_QUOTE_SCARE;
  w->flags = closed ? 0 : ANNOT_QF_UNCLOSED;
  w->sp.mention = w->sp.entity = ANNOT_NONE;
  /* the content's tokens are someone's words: no cue there makes a
  ** frame, no mention there is a subject.  The content of quotes of
  ** one depth does not overlap, so this costs at most the stack's depth
  ** per token. */
  for (uint32_t t = cb; t < ce; t++) c->tf[t] |= QT_INQUOTE;
  return ANNOT_OK;
}

/* Close every mark from level 'from' up as unclosed, ending before
** token 'te' (the end of their paragraph, or the closing mark of a mark
** below them), and pop them. */
static int close_unclosed(qctx *c, open_mark *st, int *top, int from,
                          uint32_t te) {
  for (int k = *top - 1; k >= from; k--)
    if (add_marked(c, &st[k], te, 0) != ANNOT_OK) return ANNOT_ENOMEM;
  *top = from;
  return ANNOT_OK;
}

/* What the mark at token 'i' does given the open marks: 1 opens, -1
** closes level '*level', 0 is left alone.  Curly forms say which they
** are (but “ closes a German „); straight marks follow the scanner's
** reading of the context, and close an open mark of the same form. */
static int mark_role(const qctx *c, const qmark *mk, const open_mark *st,
                     int top, int *level) {
  uint32_t ch = mk->ch;
  unsigned flags = c->d->tok_flags[mk->tok];
  int fam = family(ch);
  if (fam == FAM_NONE) return 0;
  int k = find_open(st, top, fam);
  *level = k;
  switch (ch) {
    case 0x201C:    /* “ opens, but closes „ (German style) */
      return (k >= 0 && st[k].ch == 0x201E) ? -1 : 1;
    case 0x2018:    /* ‘ opens, but closes ‚ */
      return (k >= 0 && st[k].ch == 0x201A) ? -1 : 1;
    case 0x201E: case 0x201A: case 0xAB: case 0x2039: case 0x201F:
    case 0x201B:
      return 1;
    case 0x201D: case 0x2019: case 0xBB: case 0x203A:
      if (k >= 0) return -1;
      /* a closing form that opens (Swedish style, or a typo) */
      return (flags & ANNOT_TF_OPEN) && !(flags & ANNOT_TF_CLOSE) ? 1 : 0;
    default:        /* straight marks: the scanner's context, then pairing */
      if (k < 0) return (flags & ANNOT_TF_CLOSE) && !(flags & ANNOT_TF_OPEN)
                            && !(flags & ANNOT_TF_PARA_START) ? 0 : 1;
      if (st[k].ch == ch) return -1;
      return (flags & ANNOT_TF_OPEN) && !(flags & ANNOT_TF_CLOSE) ? 1 : -1;
  }
}

/* Working quotes by first token, the longer first: the order marked_at
** and same_as_marked search in. */
static int cmp_wquote(const void *a, const void *b) {
  const wquote *x = a, *y = b;
  if (x->tb != y->tb) return x->tb < y->tb ? -1 : 1;
  if (x->te != y->te) return x->te > y->te ? -1 : 1;
  return 0;
}

/* the open mark at 'open' starts a statement: it opens its sentence or
** paragraph, or follows a colon, a comma or a dash ('said, “...'); not
** after a word ('called the claims “absurd.') */
static int opens_statement(const qctx *c, uint32_t open) {
  const annot_doc *d = c->d;
  if (open == 0 || (d->tok_flags[open] & (ANNOT_TF_SENT_START | ANNOT_TF_PARA_START)))
    return 1;
  uint32_t p = open - 1;
  return q_punct(c, p, ':') || q_punct(c, p, ',') || q_stop(c, p) ||
         d->tok_kind[p] == ANNOT_TOK_DASH;
}

/* The mark 'ch', which opens a paragraph, continues the quote opened
** by 'outer': a mark of the same family that opens, and a quote that
** began as a statement (a partial quote left open is a typo, not a quote
** running on). */
static int continues(const qctx *c, uint32_t ch, const open_mark *outer) {
  if (!opens_statement(c, outer->tok)) return 0;
  int opens = ch == 0x201C || ch == 0x2018 || ch == 0x201E || ch == 0xAB ||
              ch == 0x2039 || ch == '"' || ch == '\'';
  return opens && family(ch) == family(outer->ch);
}

/* Pair the quotation marks of the doc into marked quotes.  A paragraph
** ends every mark still open, except that a paragraph opening with the
** same kind of mark as the outermost open one continues that quote.
** Visits the marks only, following sentences and paragraphs as it goes. */
int q_pair_marks(qctx *c) {
  const annot_doc *d = c->d;
  open_mark st[MAX_DEPTH];
  int top = 0;
  const annot_span *sents = d->sentences.data, *paras = d->paragraphs.data;
  uint32_t nsent = d->sentences.n, npara = d->paragraphs.n;
  uint32_t sent = 0, para = 0, open_para = 0;   /* 'open_para': the stack's */
  const qmark *marks = c->marks.data;
  for (uint32_t k = 0; k < c->marks.n; k++) {
    uint32_t i = marks[k].tok;
    /* follow the sentences and paragraphs: marks come in text order */
    while (sent + 1 < nsent && sents[sent + 1].tok_begin <= i) sent++;
    while (para + 1 < npara && paras[para + 1].tok_begin <= i) para++;
    /* a paragraph ended since the open marks opened: end them with it,
    ** unless this mark opens the next paragraph and continues them */
    if (top > 0 && para != open_para) {
      int cont = para == open_para + 1 && paras[para].tok_begin == i &&
                 continues(c, marks[k].ch, &st[0]);
      uint32_t end = open_para < npara ? paras[open_para].tok_end : c->ntok;
      if (close_unclosed(c, st, &top, cont ? 1 : 0, end) != ANNOT_OK)
        return ANNOT_ENOMEM;
      /* the repeated opening mark is part of the running quote */
      if (cont) {
        open_para = para;
        continue;
      }
    }
    int level = -1;
    int role = mark_role(c, &marks[k], st, top, &level);
    if (role > 0 && top < MAX_DEPTH) {
      st[top].tok = i;
      st[top].ch = marks[k].ch;
      st[top].sent = sent;
      st[top].para = para;
      top++;
      open_para = para;
    } else if (role < 0 && level >= 0) {
      /* marks opened inside this one and never closed end here */
      if (close_unclosed(c, st, &top, level + 1, i) != ANNOT_OK ||
          add_marked(c, &st[level], i + 1, 1) != ANNOT_OK)
        return ANNOT_ENOMEM;
      top = level;
    }
  }
  /* marks still open at the end of the text end with their paragraph */
  uint32_t end = open_para < npara ? paras[open_para].tok_end : c->ntok;
  if (close_unclosed(c, st, &top, 0, end) != ANNOT_OK) return ANNOT_ENOMEM;
  if (c->quotes.n > 1)
    qsort(c->quotes.data, c->quotes.n, sizeof(wquote), cmp_wquote);
  return ANNOT_OK;
}

/* }====================================================== */


/* {======================================================
** Transcript turns
** ======================================================= */

/* a transcript label: its first token and its colon */
typedef struct label {
  uint32_t tb, colon;
} label;

/* A transcript label at token 'i' (which starts a line): one to
** MAX_LABEL words in capitals (initials and 'MR.' included) and a colon,
** with text after it.  Returns the colon's index, or 0. */
static uint32_t label_at(const qctx *c, uint32_t i) {
  const annot_doc *d = c->d;
  uint32_t k = i, words = 0;
  while (k < c->ntok && words < MAX_LABEL && d->tok_kind[k] == ANNOT_TOK_WORD &&
         (d->tok_flags[k] & ANNOT_TF_ALLCAPS) &&
         (k == i || !(d->tok_flags[k] & ANNOT_TF_NEWLINE))) {
    k++;
    words++;
  }
  if (words == 0 || !q_punct(c, k, ':') || k + 1 >= c->ntok) return 0;
  return k;
}

/* The speaker of a turn: the person in its label ('SECRETARY
** BLINKEN'), else any organisation or place named there, else the label
** itself: an unnamed speaker for the generic ones ('QUESTION'), the
** label's last word as a name the entity stage did not know otherwise. */
static qspeaker turn_speaker(const qctx *c, uint32_t tb, uint32_t colon) {
  qspeaker sp;
  memset(&sp, 0, sizeof sp);
  sp.mention = sp.entity = ANNOT_NONE;
  sp.type = ANNOT_TYPE_COUNT;
  uint32_t best = ANNOT_NONE;
  for (uint32_t t = tb; t < colon; t++) {
    const annot_mention *m = q_mention(c, t);
    if (m == NULL) continue;
    if (m->type == ANNOT_PERSON) { best = c->ment[t]; break; }
    if (best == ANNOT_NONE && (m->type == ANNOT_ORG || m->type == ANNOT_GPE))
      best = c->ment[t];
  }
  if (best != ANNOT_NONE) return q_speaker_mention(c, best);
  sp.tb = tb;
  sp.te = colon;
  /* QUESTION, Q, MODERATOR...: someone not named; any other label is a
  ** name the entity stage did not know, kept as the speaker's text */
  sp.anonymous = (q_class(c, tb) & WC_LABEL) != 0;
  if (!sp.anonymous) sp.tb = colon - 1;
  return sp;
}

/* token 'i' is the bracket 'a' or 'b' */
static int is_bracket(const qctx *c, uint32_t i, char a, char b) {
  const annot_doc *d = c->d;
  if (i >= c->ntok || d->tok_kind[i] != ANNOT_TOK_BRACKET) return 0;
  char ch = d->text[d->tok_start[i]];
  return ch == a || ch == b;
}

/* Find transcript labels at the start of lines; with two or more in the
** doc, each turn (label to next label) is a direct quote flagged
** ANNOT_QF_TURN, cue the label's colon.  One label alone is a heading
** ('UPDATE:'), not a transcript.  The turns' tokens are flagged so that
** colon blocks skip them and labels make no frames. */
int q_find_turns(qctx *c) {
  const annot_doc *d = c->d;
  vec labels;
  memset(&labels, 0, sizeof labels);
  uint32_t next = 0;   /* labels do not overlap */
  for (uint32_t k = 0; k < c->lines.n; k++) {
    uint32_t i = VEC_AT(c->lines, uint32_t, k);
    if (i < next || (c->tf[i] & QT_INQUOTE)) continue;
    uint32_t colon = label_at(c, i);
    if (colon == 0) continue;
    label *l = vec_push(&labels, sizeof *l);
    if (l == NULL) { vec_free(&labels); return ANNOT_ENOMEM; }
    l->tb = i;
    l->colon = colon;
    next = colon + 1;
  }
  int rc = ANNOT_OK;
  if (labels.n >= 2) {
    c->nlabels = labels.n;   /* q_indirect resolves 'I' in turns then */
    for (uint32_t k = 0; k < labels.n && rc == ANNOT_OK; k++) {
      const label *l = &VEC_AT(labels, label, k);
      uint32_t end = k + 1 < labels.n ? VEC_AT(labels, label, k + 1).tb : c->ntok;
      uint32_t b = l->colon + 1;
      /* a stage direction: (Via interpreter), [inaudible] */
      if (b < end && d->tok_kind[b] == ANNOT_TOK_BRACKET) {
        char open = d->text[d->tok_start[b]];
        char close = open == '(' ? ')' : open == '[' ? ']' : 0;
        for (uint32_t t = b + 1; close && t < end && t <= b + MAX_DIRECTION; t++)
          if (d->tok_kind[t] == ANNOT_TOK_BRACKET && d->text[d->tok_start[t]] == close) {
            b = t + 1;
            break;
          }
      }
      /* a closing stage direction in a paragraph of its own, '(The
      ** briefing was concluded at 3:12 p.m.)', is no one's words */
      while (end > b + 1) {
        annot_span last = q_paragraph(c, q_paragraph_of(c, end - 1));
        if (last.tok_begin <= b || last.tok_end != end ||
            !is_bracket(c, last.tok_begin, '(', '[') ||
            !is_bracket(c, end - 1, ')', ']'))
          break;
        end = last.tok_begin;
      }
      for (uint32_t t = l->tb; t < end; t++)
        c->tf[t] |= t <= l->colon ? (QT_INTURN | QT_LABEL) : QT_INTURN;
      /* a label with nothing after it before the next: no turn */
      if (b >= end) continue;
      wquote *w = vec_push(&c->quotes, sizeof *w);
      if (w == NULL) { rc = ANNOT_ENOMEM; break; }
      w->tb = w->cb = b;
      w->te = w->ce = end;
      w->sent = q_sentence_of(c, b);
      w->para = q_paragraph_of(c, b);
      w->cue_tb = l->colon;
      w->cue_te = l->colon + 1;
      w->sp = turn_speaker(c, l->tb, l->colon);
      w->kind = ANNOT_QUOTE_DIRECT;
      w->flags = ANNOT_QF_TURN;
      w->attributed = 1;
    }
    if (rc == ANNOT_OK && c->quotes.n > 1)
      qsort(c->quotes.data, c->quotes.n, sizeof(wquote), cmp_wquote);
  }
  vec_free(&labels);
  return rc;
}

/* }====================================================== */


/* {======================================================
** Colon blocks
** ======================================================= */

/* The marked quote whose opening mark is token 'i', or NULL, among the
** first 'n' quotes (sorted by first token). */
static wquote *marked_at(qctx *c, uint32_t n, uint32_t i) {
  uint32_t lo = 0, hi = n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (VEC_AT(c->quotes, wquote, mid).tb < i) lo = mid + 1;
    else hi = mid;
  }
  for (; lo < n && VEC_AT(c->quotes, wquote, lo).tb == i; lo++) {
    wquote *w = &VEC_AT(c->quotes, wquote, lo);
    if (w->marked) return w;
  }
  return NULL;
}

/* a word that may open what stands between a cue and its colon: a
** preposition, an article, a name, an addressee ('said in a statement:',
** 'told the council:', 'told CNN:', 'wrote on Twitter:', 'told reporters:') */
static int intro_adverbial(const qctx *c, uint32_t k) {
  return c->ment[k] != ANNOT_NONE || (q_class(c, k) & WC_INTRO);
}

/* The words [k, t) between a cue and its colon are an object that
** stands for what follows ('said it plainly:', 'put it bluntly:',
** 'said it to them plainly:', 'said this:'; what may come after 'it'
** was bounded by the caller: six tokens, no comma, no 'that') or adverbs
** alone ('said simply:'). */
static int said_it(const qctx *c, uint32_t k, uint32_t t) {
  const annot_doc *d = c->d;
  if (q_is(c, k, W_IT) || q_is(c, k, W_THIS)) return 1;
  for (; k < t; k++) {
    uint32_t n = d->tok_end[k] - d->tok_start[k];
    const char *w = d->text + d->tok_start[k];
    if (d->tok_kind[k] != ANNOT_TOK_WORD || n < 4 || w[n - 2] != 'l' ||
        w[n - 1] != 'y')
      return 0;
  }
  return 1;
}

/* What introduces the colon at token 't' (sentence start 'sb'): the
** speaker, the cue to report, and whether the intro is bare (no content
** of its own, so that unmarked text after it is the quote).  0: the
** colon introduces nothing (a heading, a list, a title).  The frame to
** look at is the last one before the colon, in the same sentence. */
static int colon_intro(const qctx *c, uint32_t t, uint32_t sb, qspeaker *sp,
                       uint32_t *cue_tb, uint32_t *cue_te, int *bare) {
  uint32_t fi = q_frame_before(c, t);
  /* 'said in a statement:': the verb introduces, not the noun (nor a
  ** cue at another level of marks than the colon's) */
  uint8_t inquote = (c->tf[t] & QT_INQUOTE) != 0;
  for (int steps = 0; fi > 0 && steps < 16 &&
                     (VEC_AT(c->frames, qframe, fi - 1).noun ||
                      VEC_AT(c->frames, qframe, fi - 1).inquote != inquote) &&
                     VEC_AT(c->frames, qframe, fi - 1).cue_tb >= sb;
       steps++)
    fi--;
  if (fi > 0) {
    const qframe *f = &VEC_AT(c->frames, qframe, fi - 1);
    if (f->cue_tb >= sb && f->sp.te > f->sp.tb && !f->negated &&
        f->cls != CUE_ACCORDING) {
      *sp = f->sp;
      if (f->ct_e > f->ct_b) {         /* `X said the talks would fail:` */
        if (f->ct_e + 1 < t) return 0;
        *cue_tb = t;
        *cue_te = t + 1;
        *bare = 0;
        return 1;
      }
      /* `X said:` or `X said in a statement:` or `X told the council:`,
      ** not `The list, he said, was short:` */
      if (t - f->cue_te > 6) return 0;
      for (uint32_t k = f->cue_te; k < t; k++)
        if (q_is(c, k, W_THAT) || q_stop(c, k) || q_punct(c, k, ',')) return 0;
      if (f->cue_te < t && !intro_adverbial(c, f->cue_te) &&
          !said_it(c, f->cue_te, t))
        return 0;
      *cue_tb = f->cue_tb;
      *cue_te = f->cue_te;
      *bare = 1;
      return 1;
    }
  }
  /* `White House press secretary Jen Psaki:`: a person or an unnamed
  ** source alone before the colon, opening the sentence (a place or an
  ** organisation alone is a heading: `Ukraine: what we know`); not
  ** inside a turn or a quote, where a name and a colon are a list */
  if (!(c->tf[t] & (QT_INQUOTE | QT_INTURN)) &&t > sb && q_speaker_before(c, t - 1, sb, sp) &&
      (sp->type == ANNOT_PERSON || sp->anonymous) && !sp->pronoun) {
    uint32_t first = sp->tb;
    if (sp->mention != ANNOT_NONE) {
      const annot_mention *m = &VEC_AT(c->d->mentions, annot_mention, sp->mention);
      if (m->role_end > m->role_start) first = annot_token_at(c->d, m->role_start);
    }
    /* the speaker must open the sentence (an article may come first) */
    if (first > sb + 1 || (first == sb + 1 && !q_is(c, sb, W_THE))) return 0;
    *cue_tb = t;
    *cue_te = t + 1;
    *bare = 1;
    return 1;
  }
  return 0;
}

/* Make a colon-introduced direct quote: the marked quote opening at
** 'b' if there is one (among the first 'n', the sorted ones), else (when
** 'bare') the text from 'b' to 'e'. */
static int colon_quote(qctx *c, uint32_t n, uint32_t b, uint32_t e,
                       const qspeaker *sp, uint32_t cue_tb, uint32_t cue_te,
                       int bare) {
  wquote *w = marked_at(c, n, b);
  if (w == NULL) {
    if (!bare || b >= e) return ANNOT_OK;
    w = vec_push(&c->quotes, sizeof *w);
    if (w == NULL) return ANNOT_ENOMEM;
    w->tb = w->cb = b;
    w->te = w->ce = e;
    w->sent = q_sentence_of(c, b);
    w->para = q_paragraph_of(c, b);
  }
  w->kind = ANNOT_QUOTE_DIRECT;
  w->flags |= ANNOT_QF_COLON;
  w->sp = *sp;
  /* 'We say to our partners: …' inside a turn: the turn's speaker */
  q_first_person(c, n, &w->sp);
  w->cue_tb = cue_tb;
  w->cue_te = cue_te;
  w->attributed = 1;
  return ANNOT_OK;
}

/* Find colons after a speaker or a speech clause: the rest of the
** paragraph, or the next paragraph when the colon ends one, is a direct
** quote.  Colons inside quotes and turns introduce nothing. */
int q_colon_blocks(qctx *c) {
  const annot_doc *d = c->d;
  /* the quotes found so far are sorted; blocks are appended after them
  ** and sorted in at the end */
  uint32_t nsorted = c->quotes.n;
  for (uint32_t k = 0; k < c->colons.n; k++) {
    uint32_t t = VEC_AT(c->colons, uint32_t, k);
    /* a label's colon is the turn's; colons inside turns and quotes
    ** introduce too ('reported speech is annotated at every level') */
    if (t == 0 || (c->tf[t] & QT_LABEL)) continue;
    /* the intro is the colon's sentence, within its paragraph */
    uint32_t sb = q_sentence(c, q_sentence_of(c, t)).tok_begin;
    uint32_t p = q_paragraph_of(c, t);
    annot_span para = q_paragraph(c, p);
    if (sb < para.tok_begin) sb = para.tok_begin;
    /* inside a turn or a quote: the intro starts with its words, and
    ** the block ends with them */
    if (c->tf[t] & (QT_INQUOTE | QT_INTURN)) {
      const wquote *in = q_enclosing(c, nsorted, t);
      if (in == NULL) continue;
      if (sb < in->cb) sb = in->cb;
      if (in->ce < para.tok_end) para.tok_end = in->ce;
      /* the colon must end nothing: the block is in the same quote */
      if (t + 1 >= para.tok_end) continue;
    }
    qspeaker sp;
    memset(&sp, 0, sizeof sp);
    uint32_t cue_tb = 0, cue_te = 0;
    int bare = 0;
    if (!colon_intro(c, t, sb, &sp, &cue_tb, &cue_te, &bare)) continue;
    int rc = ANNOT_OK;
    if (t + 1 >= para.tok_end) {
      /* the colon ends its paragraph: the next one is the quote, unless
      ** it is a transcript turn already */
      if (p + 1 >= d->paragraphs.n) continue;
      annot_span next = q_paragraph(c, p + 1);
      if (next.tok_begin >= next.tok_end ||
          (c->tf[next.tok_begin] & QT_INTURN))
        continue;
      rc = colon_quote(c, nsorted, next.tok_begin, next.tok_end, &sp, t, t + 1,
                       bare);
    } else {
      /* 'X said: …' inside a paragraph: the rest of it */
      rc = colon_quote(c, nsorted, t + 1, para.tok_end, &sp, cue_tb, cue_te,
                       bare);
    }
    if (rc != ANNOT_OK) return rc;
  }
  if (c->quotes.n > nsorted)
    qsort(c->quotes.data, c->quotes.n, sizeof(wquote), cmp_wquote);
  return ANNOT_OK;
}

/* }====================================================== */
