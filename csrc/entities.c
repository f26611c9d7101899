/*
** entities.c: the entity stage.  Reads the tokens, sentences and
** paragraphs and the lexicon; writes d->mentions (sorted by start, never
** overlapping): lexicon matches, capitalised names typed by evidence,
** titles kept as roles, and numbers and dates (numbers.c).
**
** It works in three passes, each linear in the tokens:
**   1. per token (in blocks that stay in the cache): the lexicon entries
**      that start there (lexicon_match where the lexicon's filter says an
**      entry may start), its word classes, whether its capital means
**      anything (a sentence opener's does not), and for the words whose
**      capital means nothing, whether the doc also writes them in lower
**      case or capitalised mid-sentence;
**   2. left to right: runs of capitalised tokens are cut into lexicon
**      names, titles and unknown names; unknown names are typed from
**      evidence (a title or a given name before them, a head word, a
**      speech verb, a place preposition) or kept pending; numbers and
**      dates fill the gaps;
**   3. pending names are settled with what the whole doc knows (a surname
**      of a person named in full elsewhere, an acronym it defined) and the
**      survivors are copied to d->mentions.
** The rules and the cases they settle are written down in doc/entities.md.
*/
#include <stdlib.h>
#include <string.h>

#include "pipeline.h"
#include "entwords.h"
#include "numbers.h"
#include "lexicon_filter.h"
#include "tokmem.h"

/* {======================================================
** Per-token facts
** ======================================================= */

/* bits of tok_info.bits */
#define TB_GIVEN    0x01u   /* a given name (lexicon GIVEN) */
#define TB_NOTNAME  0x02u   /* a capitalised word that starts no name */
#define TB_HEAD     0x04u   /* the last token of a head word (Ministry) */
#define TB_CUE      0x08u   /* a speech cue starts here (said, told) */
#define TB_AFTERCUE 0x10u   /* a speech cue ends right before this token */
#define TB_WEAK     0x20u   /* its capital says nothing (sentence opener,
                               headline in Title Case) */
#define TB_HEADTYPE 0xC0u   /* with TB_HEAD, the head word's type: the
                               index of it in 'head_types' */
#define TB_HEADSHIFT 6

/* the types of head words, as TB_HEADTYPE gives them */
static const uint8_t head_types[4] = {ANNOT_ORG, ANNOT_LOC, ANNOT_FAC,
                                      ANNOT_EVENT};

#define MAX_MATCHES 16      /* lexicon entries looked at per token */

/* 8 bytes a token, so that a doc of megabytes has few pages of them and
** an article's stay in the first-level cache */
typedef struct tok_info {
  uint32_t ent;             /* longest entity entry starting here, as
                               lex_hit.id + 1; 0 if none */
  uint8_t ent_len;          /* its length in tokens */
  uint8_t title_len;        /* longest title starting here, 0 if none */
  uint8_t title_back;       /* the length of the longest title ending
                               right before this token, 0 if none */
  uint8_t bits;             /* TB_* */
} tok_info;

/* {------------------------------------------------------
** The doc's words: which forms appear where.  Keyed by the token hash;
** a collision only weakens a heuristic, so entries are not verified.
** ------------------------------------------------------- */

#define WS_LOWER   0x01u   /* seen as a word in lower case */
#define WS_MIDCAP  0x02u   /* seen capitalised away from a sentence start */
#define WS_SURNAME 0x04u   /* the last word of a named person */
#define WS_ACRONYM 0x08u   /* an acronym the doc defined: 'type' */

typedef struct word_slot {
  uint32_t hash;
  uint8_t used, flags, type, pad;
} word_slot;

/* the home slot of a token hash (multiplicative: the scanner's hashes are
** not uniform in their low bits) */
#define WS_HOME(h) (((uint32_t)(h) * 0x9E3779B1u) >> 7)

typedef struct word_set {
  word_slot *slots;
  uint32_t mask;
  uint32_t used;           /* slots in use; the set doubles at half full */
  int failed;              /* out of memory while growing */
  word_slot spare;         /* handed out when a full set cannot grow */
} word_set;

/* an empty set for about 'n' words */
static int ws_init(word_set *ws, uint32_t n) {
  uint32_t size = 64;
  while (size < 2 * (uint64_t)n + 64 && size < (1u << 30)) size *= 2;
  ws->slots = calloc(size, sizeof *ws->slots);
  ws->mask = size - 1;
  ws->used = 0;
  return ws->slots ? ANNOT_OK : ANNOT_ENOMEM;
}

/* double the table (keeping the old one when out of memory) */
static void ws_grow(word_set *ws) {
  uint32_t size = (ws->mask + 1) * 2;
  word_slot *n = calloc(size, sizeof *n);
  if (n == NULL) {
    ws->failed = 1;
    return;
  }
  for (uint32_t k = 0; k <= ws->mask; k++) {
    if (!ws->slots[k].used) continue;
    uint32_t h = ws->slots[k].hash;
    uint32_t s = WS_HOME(h) & (size - 1);
    while (n[s].used) s = (s + 1) & (size - 1);
    n[s] = ws->slots[k];
  }
  free(ws->slots);
  ws->slots = n;
  ws->mask = size - 1;
}

/* the slot for 'hash', created empty when missing */
static word_slot *ws_slot(word_set *ws, uint32_t hash) {
  if (2 * (ws->used + 1) > ws->mask + 1) ws_grow(ws);
  /* out of memory and nearly full: the stage fails anyway ('failed'),
  ** but the probe below must still find an empty slot to stop */
  if (ws->used + 1 >= ws->mask) return &ws->spare;
  uint32_t s = WS_HOME(hash) & ws->mask;
  while (ws->slots[s].used && ws->slots[s].hash != hash)
    s = (s + 1) & ws->mask;
  if (!ws->slots[s].used) {
    ws->slots[s].used = 1;
    ws->slots[s].hash = hash;
    ws->used++;
  }
  return &ws->slots[s];
}

/* the slot holding 'hash', or NULL */
static word_slot *ws_find(word_set *ws, uint32_t hash) {
  uint32_t s = WS_HOME(hash) & ws->mask;
  while (ws->slots[s].used) {
    if (ws->slots[s].hash == hash) return &ws->slots[s];
    s = (s + 1) & ws->mask;
  }
  return NULL;
}

/* the flags recorded for 'hash' (0 if none) */
static unsigned ws_flags(const word_set *ws, uint32_t hash) {
  uint32_t s = WS_HOME(hash) & ws->mask;
  while (ws->slots[s].used) {
    if (ws->slots[s].hash == hash) return ws->slots[s].flags;
    s = (s + 1) & ws->mask;
  }
  return 0;
}

/* }------------------------------------------------------ */

/* a candidate mention, before pending ones are settled */
#define PEND_NONE    0   /* final */
#define PEND_SURNAME 1   /* a person if the doc knows this surname */
#define PEND_PLACE   2   /* a place ('in X') unless it is a known surname */
#define PEND_ORG     3   /* an organisation ('told X') unless a surname */
#define PEND_LABEL   4   /* a person (a label's surname): its canonical is
                            settled in pass 3 */

typedef struct cand {
  uint32_t tb, te;         /* tokens */
  uint32_t rb, re;         /* role tokens (rb == re: none) */
  const lex_entry *entry;  /* lexicon entry, or NULL */
  uint16_t type;
  uint8_t source;
  uint8_t pend;
} cand;

/* everything the stage works with; freed at its end */
typedef struct ent_ctx {
  annot_doc *d;
  const lexicon *lex;
  tok_info *ti;
  uint32_t *wc;            /* entwords_class of each token */
  num_src nsrc;            /* the same, for numbers.c */
  word_set ws;
  uint64_t *weakfilter;    /* a Bloom filter of the weak capitalised
                              words, sized to their number once pass 1
                              has found them all: most tokens skip the
                              word set, even in a doc of megabytes */
  uint32_t weakshift;      /* its size is 2^(32 - weakshift) bits */
  uint64_t *busy;          /* a bit per token that may start something
                              in pass 2 (a lexicon name or title, a
                              capital, a number; most tokens start
                              nothing): pass 2 jumps from one to the
                              next, 64 tokens a word, with no branch per
                              quiet token */
  vec cands;               /* cand */
  uint32_t lim;            /* end of the sentence being scanned */
  int failed;              /* out of memory while pushing */
} ent_ctx;

/* }====================================================== */


/* {======================================================
** Token predicates
** ======================================================= */

#define TXT(d, i) ((d)->text + (d)->tok_start[i])
#define TLEN(d, i) ((d)->tok_end[i] - (d)->tok_start[i])

/* a word whose first letter is a capital */
static int capword(const annot_doc *d, uint32_t i) {
  return d->tok_kind[i] == ANNOT_TOK_WORD &&
         (d->tok_flags[i] & (ANNOT_TF_CAP | ANNOT_TF_ALLCAPS)) &&
         (d->tok_flags[i] & ANNOT_TF_ALPHA);
}

/* the one-byte punctuation token 'c' */
static int is_char(const annot_doc *d, uint32_t i, char c) {
  return i < d->ntok && TLEN(d, i) == 1 && TXT(d, i)[0] == c;
}

/* a hyphen glued to both neighbours (NATO-Russia, Jean-Yves) */
static int inner_hyphen(const annot_doc *d, uint32_t i) {
  if (i + 1 >= d->ntok) return 0;
  if (d->tok_kind[i] != ANNOT_TOK_HYPHEN && !is_char(d, i, '-')) return 0;
  return !(d->tok_flags[i] & ANNOT_TF_SPACE) &&
         !(d->tok_flags[i + 1] & ANNOT_TF_SPACE);
}

/* the closed-class word classes of token 'i' (computed in pass 1) */
static uint32_t wclass(const ent_ctx *c, uint32_t i) {
  return i < c->d->ntok ? c->wc[i] : 0;
}

/* the entity entry starting at token 'i' (tok_info.ent), or NULL */
static const lex_entry *ent_at(const ent_ctx *c, uint32_t i) {
  return c->ti[i].ent ? lexicon_entry(c->lex, c->ti[i].ent - 1) : NULL;
}

/* the type of the head word ending at token 'i' (which has TB_HEAD) */
static unsigned head_type(const ent_ctx *c, uint32_t i) {
  return head_types[(c->ti[i].bits & TB_HEADTYPE) >> TB_HEADSHIFT];
}

/* token 'i' is the lower-case word 'w' (a literal) */
static int is_lower_word_n(const annot_doc *d, uint32_t i, const char *w,
                           size_t n) {
  if (i >= d->ntok || d->tok_kind[i] != ANNOT_TOK_WORD) return 0;
  return TLEN(d, i) == n && memcmp(TXT(d, i), w, n) == 0;
}
#define is_lower_word(d, i, w) is_lower_word_n(d, i, w, sizeof(w) - 1)

/* a word that can start nothing where its capital means nothing: a
** function word, a lexicon NOTNAME, or a word the doc uses in lower case
** and never capitalised mid-sentence */
static int weak_common(const ent_ctx *c, uint32_t i) {
  const annot_doc *d = c->d;
  if (c->ti[i].bits & TB_NOTNAME) return 1;
  if (wclass(c, i) & (WC_FUNC | WC_NAMENOUN)) return 1;
  unsigned f = ws_flags(&c->ws, d->tok_hash[i]);
  return (f & WS_LOWER) && !(f & WS_MIDCAP);
}

/* A lower-case name particle at 'i' that goes on with a capitalised
** word the lexicon does not know, right after it or after an inner
** hyphen: 'Ruud de Mooij', 'Abdel Fattah al-Burhan'.  The caller has a
** capitalised word before it. */
static int name_particle(const ent_ctx *c, uint32_t i, uint32_t lim) {
  const annot_doc *d = c->d;
  if (!(wclass(c, i) & WC_PARTICLE) || capword(d, i) || i + 1 >= lim)
    return 0;
  uint32_t n = i + 1;
  if (inner_hyphen(d, n) && n + 1 < lim) n++;
  return capword(d, n) && !c->ti[n].ent && !c->ti[n].title_len &&
         !(wclass(c, n) & (WC_WEEKDAY | WC_MONTH));
}

/* token 'i' is the word 'w' (a lower-case literal) in any case */
static int word_ci_n(const annot_doc *d, uint32_t i, const char *w,
                     size_t n) {
  if (i >= d->ntok || d->tok_kind[i] != ANNOT_TOK_WORD || TLEN(d, i) != n)
    return 0;
  const char *t = TXT(d, i);
  for (size_t k = 0; k < n; k++)
    if ((t[k] | 0x20) != w[k]) return 0;
  return 1;
}
#define word_ci(d, i, w) word_ci_n(d, i, w, sizeof(w) - 1)

/* a greeting or thanks that may come before a name in address: 'Thanks,
** Ned.', 'Thank you, Matt', 'Hi, Anna' */
static int greeting(const annot_doc *d, uint32_t i) {
  return word_ci(d, i, "thanks") || word_ci(d, i, "hi") ||
         word_ci(d, i, "hello") || word_ci(d, i, "hey") ||
         word_ci(d, i, "morning") || word_ci(d, i, "afternoon") ||
         word_ci(d, i, "evening") || word_ci(d, i, "welcome") ||
         word_ci(d, i, "congratulations") || word_ci(d, i, "sorry") ||
         (word_ci(d, i, "you") && i > 0 && word_ci(d, i - 1, "thank"));
}

/* The lone given name at 'b' is said to someone: after a greeting and a
** comma, and before a stop or a comma ('Thanks, Ned.'), or opening a
** turn before a comma ('Matt, go ahead.', 'QUESTION: Tony, ...').  A
** word the doc also writes in lower case ('Will,') is no name there. */
static int vocative(const ent_ctx *c, uint32_t b) {
  const annot_doc *d = c->d;
  uint32_t e = b + 1;
  if (!(c->ti[b].bits & TB_GIVEN) || (d->tok_flags[b] & ANNOT_TF_ALLCAPS) ||
      e >= d->ntok)
    return 0;
  if (!is_char(d, e, ',') && !is_char(d, e, '.') && !is_char(d, e, '!') &&
      !is_char(d, e, '?'))
    return 0;
  if (b >= 2 && is_char(d, b - 1, ',') && greeting(d, b - 2)) return 1;
  if (!is_char(d, e, ',') || weak_common(c, b)) return 0;
  /* the start of a turn: a line, a label's colon, or a sentence whose
  ** next word is lower case ('Matt, go ahead.') */
  if (doc_line_start(d, b) || (b > 0 && is_char(d, b - 1, ':')))
    return 1;
  return (c->ti[b].bits & TB_WEAK) && e + 1 < d->ntok &&
         d->tok_kind[e + 1] == ANNOT_TOK_WORD && !capword(d, e + 1);
}

/* The unknown name [b, e) is the news agency of a dateline: in brackets
** after a place in capitals, before a dash ('KYIV (Newswire) --'). */
static int dateline_agency(const ent_ctx *c, uint32_t b, uint32_t e) {
  const annot_doc *d = c->d;
  if (b < 2 || e + 1 >= d->ntok || !is_char(d, b - 1, '(') ||
      !is_char(d, e, ')'))
    return 0;
  if (d->tok_kind[b - 2] != ANNOT_TOK_WORD ||
      !(d->tok_flags[b - 2] & ANNOT_TF_ALLCAPS))
    return 0;
  return d->tok_kind[e + 1] == ANNOT_TOK_DASH || is_char(d, e + 1, '-');
}

/* An acronym of three letters or more at 'b' that nothing else explains
** ('ING', 'KLMX'): all capitals, letters only, in running text (no
** all-caps word beside it, as in a headline or a label), not a word the
** doc writes in lower case, not a NOTNAME (GDP, COVID). */
static int bare_acronym(const ent_ctx *c, uint32_t b, unsigned wf) {
  const annot_doc *d = c->d;
  uint32_t n = TLEN(d, b);
  if (!(d->tok_flags[b] & ANNOT_TF_ALLCAPS) || n < 3 || n > 6 ||
      (c->ti[b].bits & TB_NOTNAME) || (wf & WS_LOWER))
    return 0;
  for (uint32_t k = 0; k < n; k++)
    if (TXT(d, b)[k] < 'A' || TXT(d, b)[k] > 'Z') return 0;
  if (b + 1 < d->ntok && is_char(d, b + 1, ':')) return 0;
  /* the words around it are not capitals too */
  for (uint32_t k = b > 2 ? b - 2 : 0; k < b + 3 && k < d->ntok; k++)
    if (k != b && d->tok_kind[k] == ANNOT_TOK_WORD && TLEN(d, k) >= 2 &&
        (d->tok_flags[k] & ANNOT_TF_ALLCAPS))
      return 0;
  return 1;
}

/* The tokens of a prefix that makes the name after it a facility at
** 'j' (0 if none): military bases ('RAF Lakenheath', 'Fort Hood', 'Camp
** Humphreys', 'Naval Station Norfolk', 'Joint Base Andrews') and ships
** ('HMS Diamond', 'USS Carney': ANNOTATION has no PRODUCT, so a vessel
** is a FAC, as doc/entities.md says).  Written as here, capitals and
** all. */
static inline uint32_t fac_prefix(const ent_ctx *c, uint32_t j) {
  const annot_doc *d = c->d;
  static const struct { const char *w; uint8_t n; } one[] = {
    {"RAF", 3}, {"Fort", 4}, {"Camp", 4}, {"HMS", 3}, {"USS", 3},
    {"HMCS", 4}, {"HMAS", 4}, {"RFA", 3}, {"USNS", 4}};
  if (j >= d->ntok || d->tok_kind[j] != ANNOT_TOK_WORD) return 0;
  uint32_t n = TLEN(d, j), len = 0;
  /* most names are longer, or start with another letter: one test of
  ** a mask of the prefixes' first letters (C F H J N R U) */
  char first = TXT(d, j)[0];
  const uint32_t firsts = (1u << ('C' - 'A')) | (1u << ('F' - 'A')) |
                          (1u << ('H' - 'A')) | (1u << ('J' - 'A')) |
                          (1u << ('N' - 'A')) | (1u << ('R' - 'A')) |
                          (1u << ('U' - 'A'));
  if (n < 3 || n > 5 || first < 'A' || first > 'Z' ||
      !(firsts & (1u << (first - 'A'))))
    return 0;
  for (size_t k = 0; k < sizeof one / sizeof *one && !len; k++)
    if (one[k].n == n && one[k].w[0] == first &&
        memcmp(TXT(d, j), one[k].w, n) == 0)
      len = 1;
  if (!len && n == 5 && memcmp(TXT(d, j), "Naval", 5) == 0) {
    uint32_t x = j + 1;
    if (x < d->ntok && TLEN(d, x) == 3 && memcmp(TXT(d, x), "Air", 3) == 0)
      x++;
    if (x < d->ntok && TLEN(d, x) == 7 &&
        memcmp(TXT(d, x), "Station", 7) == 0)
      len = x + 1 - j;
  }
  if (!len && n == 5 && memcmp(TXT(d, j), "Joint", 5) == 0 &&
      j + 1 < d->ntok && TLEN(d, j + 1) == 4 &&
      memcmp(TXT(d, j + 1), "Base", 4) == 0)
    len = 2;
  /* a capitalised name must follow */
  if (!len || j + len >= d->ntok || !capword(d, j + len) ||
      (wclass(c, j + len) & (WC_WEEKDAY | WC_MONTH | WC_FUNC)))
    return 0;
  return len;
}

/* a mention type that names a place, an organisation or a group: these
** may precede a title in a role ('White House press secretary') */
static int role_type(unsigned t) {
  return t == ANNOT_ORG || t == ANNOT_GPE || t == ANNOT_NORP ||
         t == ANNOT_LOC;
}

/* }====================================================== */


/* {======================================================
** Pass 1: per-token facts and the doc's words
** ======================================================= */

/* Record the lexicon entries starting at token 'i' (longest first):
** the longest entity entry, the longest title (and where it ends, for
** roles), given names, heads (marked on their last token, and only with
** a capital), cues (and the token after them), NOTNAME words.  SOURCE
** entries are the quote stage's business. */
static void lexicon_facts(ent_ctx *c, uint32_t i) {
  annot_doc *d = c->d;
  lex_hit m[MAX_MATCHES];
  size_t n = lexicon_match_hits(c->lex, d, i, m, MAX_MATCHES);
  d->tok_lex[i] = 0;   /* it held the filter's mark */
  if (n == 0) return;   /* a false yes of the filter */
  /* the word classes starting here, for the quote stage; when there are
  ** more entries than were handed out, every class (a mask that says
  ** too much only costs a lookup) */
  uint16_t mask = 0;
  if (n > MAX_MATCHES) {
    n = MAX_MATCHES;
    mask = (uint16_t)(LEX_BIT(LEX_CLASS_END) - 1);
  }
  for (size_t k = 0; k < n; k++)
    if (m[k].cls >= LEX_TITLE && m[k].cls < LEX_CLASS_END)
      mask |= LEX_BIT(m[k].cls);
  d->tok_lex[i] = mask;
  /* the entity rules read words only ('9/11' as an entry is for the
  ** mask's sake), and names of two tokens or more that start with a
  ** figure: '82nd Airborne' is the lexicon's, not an ordinal */
  tok_info *t = &c->ti[i];
  if (d->tok_kind[i] != ANNOT_TOK_WORD) {
    if (d->tok_kind[i] != ANNOT_TOK_NUMBER) return;
    for (size_t k = 0; k < n; k++)
      if (m[k].cls < LEX_TITLE && m[k].ntok >= 2 &&
          i + m[k].ntok <= d->ntok &&
          capword(d, i + 1)) {
        t->ent = m[k].id + 1;
        t->ent_len = m[k].ntok;
        break;
      }
    return;
  }
  for (size_t k = 0; k < n; k++) {
    const lex_hit *e = &m[k];
    uint32_t len = e->ntok;
    if (len == 0 || i + len > d->ntok) continue;
    uint32_t last = i + len - 1;
    switch (e->cls) {
      case LEX_TITLE:
        if (t->title_len == 0) t->title_len = (uint8_t)len;
        if (i + len < d->ntok && c->ti[i + len].title_back == 0)
          c->ti[i + len].title_back = (uint8_t)len;
        break;
      case LEX_GIVEN:
        if (len == 1) t->bits |= TB_GIVEN;
        break;
      case LEX_NOTNAME:
        if (len == 1) t->bits |= TB_NOTNAME;
        break;
      case LEX_CUE:
        t->bits |= TB_CUE;
        if (i + len < d->ntok) c->ti[i + len].bits |= TB_AFTERCUE;
        break;
      case LEX_ORGHEAD: case LEX_LOCHEAD: case LEX_FACHEAD:
      case LEX_EVENTHEAD:
        /* a head counts only with its capital: 'the ministry' is none */
        if (capword(d, last) && !(c->ti[last].bits & TB_HEAD)) {
          unsigned ht = e->cls == LEX_ORGHEAD ? 0 :
                        e->cls == LEX_LOCHEAD ? 1 :
                        e->cls == LEX_FACHEAD ? 2 : 3;   /* head_types */
          c->ti[last].bits |= (uint8_t)(TB_HEAD | ht << TB_HEADSHIFT);
        }
        break;
      case LEX_SOURCE:
        break;
      default:
        /* an entity type or a user label; longest first, user first */
        if (e->cls < LEX_TITLE && t->ent == 0 && len < 256) {
          t->ent = e->id + 1;
          t->ent_len = (uint8_t)len;
        }
        break;
    }
  }
}

/* which capitals mean nothing at token 'i': sentence openers (and a
** word right after an opening quote or bracket that opens a sentence) */
static void mark_weak(ent_ctx *c, uint32_t i) {
  const annot_doc *d = c->d;
  uint16_t f = d->tok_flags[i];
  if (i == 0 || (f & (ANNOT_TF_SENT_START | ANNOT_TF_PARA_START)))
    c->ti[i].bits |= TB_WEAK;
  if (i > 0 && (c->ti[i - 1].bits & TB_WEAK)) {
    unsigned k = d->tok_kind[i - 1];
    if (k == ANNOT_TOK_QUOTE || k == ANNOT_TOK_BRACKET ||
        k == ANNOT_TOK_DASH)
      c->ti[i].bits |= TB_WEAK;
  }
  /* a colon opens a clause that may start with a capital ('Analysis:
  ** The West...', 'QUESTION: Thanks') */
  if (i > 0 && d->tok_kind[i - 1] == ANNOT_TOK_PUNCT && is_char(d, i - 1, ':'))
    c->ti[i].bits |= TB_WEAK;
}

/* the bit of the weak-word filter for a token hash, in a filter of
** 2^(32 - shift) bits: the top bits of a multiplicative hash */
#define FILTER_BIT(h, shift) (((uint32_t)(h) * 0x9E3779B1u) >> (shift))

/* Build the weak-word filter from the word set, which holds only weak
** words so far: one bit per word, 32 bits or more per word, so that a
** token that is none of them gets past it about once in 32 with a single
** load and test (a fixed filter fills up on a long doc, and then every
** token probes a word set of megabytes). */
static int build_weakfilter(ent_ctx *c) {
  uint32_t words = 8, shift = 32 - 9;   /* 8 words: 2^9 bits */
  while (words < c->ws.used / 2 + 1 && words < (1u << 26)) {
    words *= 2;
    shift--;
  }
  c->weakfilter = calloc(words, sizeof *c->weakfilter);
  if (c->weakfilter == NULL) return ANNOT_ENOMEM;
  c->weakshift = shift;
  for (uint32_t s = 0; s <= c->ws.mask; s++) {
    if (!c->ws.slots[s].used) continue;
    uint32_t b = FILTER_BIT(c->ws.slots[s].hash, shift);
    c->weakfilter[b >> 6] |= (uint64_t)1 << (b & 63);
  }
  return ANNOT_OK;
}

/* a capitalised word at 'i' whose capital means nothing goes into the
** word set, unless it is a function word or a NOTNAME (those are never
** names, the set need not know how the doc uses them) */
static void weak_word(ent_ctx *c, uint32_t i) {
  if ((c->wc[i] & (WC_FUNC | WC_NAMENOUN)) || (c->ti[i].bits & TB_NOTNAME))
    return;
  ws_slot(&c->ws, c->d->tok_hash[i]);
}

/* headlines: a short paragraph with no final stop whose longer words are
** all capitalised; all its capitals mean nothing */
static void mark_headlines(ent_ctx *c) {
  annot_doc *d = c->d;
  for (uint32_t p = 0; p < d->paragraphs.n; p++) {
    annot_span ps = VEC_AT(d->paragraphs, annot_span, p);
    if (ps.tok_end <= ps.tok_begin || ps.tok_end - ps.tok_begin > 40 ||
        ps.tok_end > d->ntok)
      continue;
    uint32_t last = ps.tok_end - 1;
    if (is_char(d, last, '.') || is_char(d, last, ':') ||
        is_char(d, last, ';') || is_char(d, last, ','))
      continue;
    unsigned caps = 0, lower = 0;
    for (uint32_t i = ps.tok_begin; i < ps.tok_end; i++) {
      if (d->tok_kind[i] != ANNOT_TOK_WORD || TLEN(d, i) < 4) continue;
      if (wclass(c, i) & WC_FUNC) continue;
      if (capword(d, i)) caps++;
      else if (d->tok_flags[i] & ANNOT_TF_ALPHA) lower++;
    }
    if (lower == 0 && caps >= 3)
      for (uint32_t i = ps.tok_begin; i < ps.tok_end; i++) {
        if (!(c->ti[i].bits & TB_WEAK) && capword(d, i)) weak_word(c, i);
        c->ti[i].bits |= TB_WEAK;
      }
  }
}

/* tokens per batch of the look-ups of weak words in the word set, and
** the size of a word set (in slots) from which they are batched */
#define WEAK_BATCH 256u
#define WEAK_BATCH_SET (1u << 15)

/* token 'i' is a word that may be one of the weak words (the filter
** built by build_weakfilter says yes) */
static inline int weak_filter_has(const ent_ctx *c, uint32_t i) {
  const annot_doc *d = c->d;
  if (d->tok_kind[i] != ANNOT_TOK_WORD || !(d->tok_flags[i] & ANNOT_TF_ALPHA))
    return 0;
  uint32_t b = FILTER_BIT(d->tok_hash[i], c->weakshift);
  return (c->weakfilter[b >> 6] >> (b & 63)) & 1;
}

/* note how token 'i' uses its word, if it is a weak word: in lower case,
** or capitalised mid-sentence */
static inline void note_use(ent_ctx *c, uint32_t i) {
  const annot_doc *d = c->d;
  word_slot *ws = ws_find(&c->ws, d->tok_hash[i]);
  if (ws == NULL) return;
  if (!(d->tok_flags[i] & (ANNOT_TF_CAP | ANNOT_TF_ALLCAPS)))
    ws->flags |= WS_LOWER;
  else if (!(c->ti[i].bits & TB_WEAK) && !(d->tok_flags[i] & ANNOT_TF_ALLCAPS))
    ws->flags |= WS_MIDCAP;
}

/* tokens per block of pass 1: its arrays (some 30 bytes a token) stay
** in the L2 cache */
#define GATHER_BLOCK 4096u

/* pass 1: lexicon facts and word classes for every word; then the doc's
** word set, which holds the capitalised words whose capital says nothing
** (and, later, surnames and acronyms): only those need to know whether
** the doc uses them in lower case or capitalised mid-sentence */
static int gather(ent_ctx *c) {
  annot_doc *d = c->d;
  /* one forward pass: 'mark_weak' needs only the token before, and the
  ** lexicon marks later tokens (title ends, cue ends) only by OR-ing
  ** bits, so nothing is overwritten */
  if (ws_init(&c->ws, d->ntok / 32) != ANNOT_OK) return ANNOT_ENOMEM;
  /* the lexicon's filter marks the tokens where an entry may start, in
  ** the mask itself (lexicon_facts replaces each mark with the classes);
  ** every kind of token, so that the mask is right for all */
  const uint16_t maybe = 0xFFFFu;
  /* in blocks, so that a long doc's token arrays are read from memory
  ** once for all its loops, not once per loop */
  for (uint32_t from = 0; from < d->ntok; from += GATHER_BLOCK) {
    uint32_t to = d->ntok - from > GATHER_BLOCK ? from + GATHER_BLOCK
                                                 : d->ntok;
    lexicon_filter_doc(c->lex, d, from, to, d->tok_lex, maybe);
    entwords_classes(d, from, to, c->wc);
    for (uint32_t i = from; i < to; i++) {
      mark_weak(c, i);
      if (d->tok_lex[i] == maybe) lexicon_facts(c, i);
      int cap = capword(d, i);
      if (cap && (c->ti[i].bits & TB_WEAK)) weak_word(c, i);
      /* what pass 2 asks of a token is all known now */
      /* (a lower-case word with a class starts nothing either when no
      ** number can start there: 'of', 'and', 'was') */
      if (cap || c->ti[i].ent || c->ti[i].title_len ||
          ((c->wc[i] != 0 || (d->tok_flags[i] & ANNOT_TF_DIGIT) ||
            d->tok_kind[i] == ANNOT_TOK_SYMBOL) &&
           numbers_may_start(&c->nsrc, i)))
        c->busy[i >> 6] |= (uint64_t)1 << (i & 63);
    }
  }
  mark_headlines(c);
  /* which weak words the doc uses in lower case or capitalised
  ** mid-sentence; the filter spares the probe to most tokens */
  if (build_weakfilter(c) != ANNOT_OK) return ANNOT_ENOMEM;
  /* a long doc's word set is megabytes: the tokens that pass the
  ** filter are gathered in batches first and their slots fetched, so
  ** that it is not waited for one token at a time; an article's stays
  ** in the cache and needs no batches */
  if (c->ws.mask < WEAK_BATCH_SET) {
    for (uint32_t i = 0; i < d->ntok; i++)
      if (weak_filter_has(c, i)) note_use(c, i);
    return ANNOT_OK;
  }
  uint32_t batch[WEAK_BATCH];
  for (uint32_t from = 0; from < d->ntok; from += WEAK_BATCH) {
    uint32_t to = d->ntok - from > WEAK_BATCH ? from + WEAK_BATCH : d->ntok;
    uint32_t n = 0;
    for (uint32_t i = from; i < to; i++) {
      if (!weak_filter_has(c, i)) continue;
      batch[n++] = i;
#if defined(__GNUC__)
      __builtin_prefetch(&c->ws.slots[WS_HOME(d->tok_hash[i]) & c->ws.mask]);
      if (d->tok_flags[i] & ANNOT_TF_CAP) __builtin_prefetch(&c->ti[i]);
#endif
    }
    for (uint32_t k = 0; k < n; k++) note_use(c, batch[k]);
  }
  return ANNOT_OK;
}

/* }====================================================== */


/* {======================================================
** Pass 2: candidates
** ======================================================= */

/* the role of a person starting at token 'p': the titles that end right
** before it and the names (ORG, GPE, NORP, LOC) right before those:
** 'White House press secretary', 'Russian Foreign Minister'.  Sets
** [*rb, *re) or leaves it empty. */
static void find_role(const ent_ctx *c, uint32_t p, uint32_t *rb,
                      uint32_t *re) {
  *rb = *re = p;
  if (c->ti[p].title_back == 0) return;
  uint32_t start = p - c->ti[p].title_back;
  /* walk back: titles chain ('Deputy' 'Foreign Minister'), and a name of
  ** a role type that ends where the chain starts joins it; candidates are
  ** sorted, so the one before 'start' is found by walking back from the
  ** newest */
  uint32_t k = c->cands.n;
  for (;;) {
    if (c->ti[start].title_back != 0) {
      start -= c->ti[start].title_back;
      continue;
    }
    while (k > 0 && VEC_AT(c->cands, cand, k - 1).tb >= start) k--;
    if (k > 0) {
      const cand *pc = &VEC_AT(c->cands, cand, k - 1);
      if (pc->te == start && pc->pend == PEND_NONE && role_type(pc->type)) {
        start = pc->tb;
        k--;
        continue;
      }
    }
    break;
  }
  *rb = start;
  *re = p;
}

/* Push a candidate.  A final PERSON gets its role, and its last word
** becomes a known surname when the name has two words or more, or a
** lexicon canonical name (a one-word lexicon person: 'Blinken').  A
** pending one gets neither: it may still be dropped. */
static void emit(ent_ctx *c, uint32_t tb, uint32_t te, unsigned type,
                 unsigned source, const lex_entry *entry, unsigned pend) {
  annot_doc *d = c->d;
  if (te <= tb) return;
  uint32_t rb = tb, re = tb;
  if (type == ANNOT_PERSON && (pend == PEND_NONE || pend == PEND_LABEL)) {
    find_role(c, tb, &rb, &re);
    if (te - tb >= 2 || (entry != NULL && entry->canonical != NULL))
      ws_slot(&c->ws, d->tok_hash[te - 1])->flags |= WS_SURNAME;
  }
  /* the push inlined: the stage reserved room for most docs' candidates,
  ** so the call is only made to grow */
  if (c->cands.n == c->cands.cap &&
      vec_reserve(&c->cands, sizeof(cand), (size_t)c->cands.n + 1) !=
          ANNOT_OK) {
    c->failed = 1;
    return;
  }
  cand *k = &VEC_AT(c->cands, cand, c->cands.n++);
  memset(k, 0, sizeof *k);
  k->tb = tb;
  k->te = te;
  k->rb = rb;
  k->re = re;
  k->entry = entry;
  k->type = (uint16_t)type;
  k->source = (uint8_t)source;
  k->pend = (uint8_t)pend;
}

/* After a name [tb, te): '(ACR)' whose letters are the initials of the
** name's capitalised words, in order (words may be skipped: 'Nordic Grain
** Export Council (NGEC)', 'Organization for Security and Cooperation in
** Europe (OSCE)'), defines ACR as a name of the same type.  Later uses of
** ACR are typed by the word set; earlier ones in pass 3. */
static void define_acronym(ent_ctx *c, uint32_t tb, uint32_t te,
                           unsigned type) {
  annot_doc *d = c->d;
  if (te + 2 >= d->ntok || !is_char(d, te, '(') || !is_char(d, te + 2, ')'))
    return;
  uint32_t a = te + 1;
  if (d->tok_kind[a] != ANNOT_TOK_WORD ||
      !(d->tok_flags[a] & ANNOT_TF_ALLCAPS) || TLEN(d, a) < 2)
    return;
  const char *acr = TXT(d, a);
  uint32_t n = TLEN(d, a), k = 0;
  for (uint32_t w = tb; w < te && k < n; w++) {
    if (!capword(d, w)) continue;
    if (TXT(d, w)[0] == acr[k]) k++;
    while (k < n && acr[k] == '.') k++;
  }
  if (k < n) return;
  word_slot *s = ws_slot(&c->ws, d->tok_hash[a]);
  s->flags |= WS_ACRONYM;
  s->type = (uint8_t)type;
}

/* a connector that may continue a name after its head word: 'Ministry of
** Defense', 'Organization for Security and Cooperation' */
static int head_connector(const ent_ctx *c, uint32_t i) {
  const annot_doc *d = c->d;
  if (i + 1 >= d->ntok || capword(d, i)) return 0;
  if (!(wclass(c, i) & WC_CONNECT) || (wclass(c, i) & WC_PLACEPREP))
    return 0;
  uint32_t n = i + 1;
  if (is_lower_word(d, n, "the") && !is_lower_word(d, i, "the")) n++;
  if (n >= d->ntok || !capword(d, n)) return 0;
  /* 'and' joins words of one name, not two names: 'X Ministry and NATO' */
  if (is_lower_word(d, i, "and") &&
      (c->ti[n].ent != 0 || fac_prefix(c, n)))
    return 0;
  if (c->ti[n].title_len) return 0;
  /* 'the White House on Tuesday' */
  if (wclass(c, n) & (WC_WEEKDAY | WC_MONTH)) return 0;
  return 1;
}

/* A name built on a head word: '[words] Head' or 'Head of [words]'
** ('U.S. Embassy', 'Moscow State University', 'Ministry of Foreign
** Affairs', 'President Wilson Hotel').  Looks from token 'j' within the
** run ending at 'e'; returns the end token and sets '*type', or returns
** 'j' when there is no such name. */
static uint32_t head_name(const ent_ctx *c, uint32_t j, uint32_t e,
                          unsigned *type) {
  const annot_doc *d = c->d;
  /* the last head word of the run, walking lexicon names whole (a
  ** head inside one counts: 'Security Council'); a title after the
  ** start ends the walk ('Council President X') */
  uint32_t k = j, last = ANNOT_NONE;
  while (k < e) {
    const tok_info *t = &c->ti[k];
    if (k > j && t->title_len && capword(d, k)) break;
    uint32_t step = t->ent ? t->ent_len : t->title_len && k == j ?
                    t->title_len : 1;
    for (uint32_t x = k; x < k + step && x < e; x++)
      if (c->ti[x].bits & TB_HEAD) last = x;
    k += step;
  }
  /* a place head word first: 'Lake Geneva', 'Mount Elbrus' */
  if ((last == ANNOT_NONE || last == j) && (c->ti[j].bits & TB_HEAD) &&
      head_type(c, j) == ANNOT_LOC && !c->ti[j].ent && j + 1 < e &&
      capword(d, j + 1) && !c->ti[j + 1].title_len &&
      !(c->ti[j].bits & TB_WEAK && weak_common(c, j))) {
    *type = ANNOT_LOC;
    uint32_t end = j + 1;
    while (end < e && capword(d, end) && !c->ti[end].title_len)
      end += c->ti[end].ent ? c->ti[end].ent_len : 1;
    return end;
  }
  if (last == ANNOT_NONE) return j;
  /* a head word followed by another unknown capitalised word does not
  ** end the name: the run is no head name ('Press Briefing') */
  if (last + 1 < e && capword(d, last + 1) && !c->ti[last + 1].ent &&
      !c->ti[last + 1].title_len)
    return j;
  unsigned ht = head_type(c, last);
  uint32_t end = last + 1;
  /* 'Halvard Forum for Security': a forum or a conference 'for' a cause
  ** is a body, an ORG (one 'on' a subject stays an event) */
  if (ht == ANNOT_EVENT && head_connector(c, end) &&
      is_lower_word(d, end, "for"))
    ht = ANNOT_ORG;
  /* 'of Foreign Affairs', 'for Security and Cooperation' */
  while (end + 1 < c->lim && head_connector(c, end)) {
    uint32_t n = end + 1;
    if (is_lower_word(d, n, "the")) n++;
    unsigned seghead = ANNOT_NONE;   /* a head word after the connector */
    while (n < c->lim && (capword(d, n) || inner_hyphen(d, n))) {
      if (c->ti[n].title_len && !c->ti[n].ent) break;
      if (c->ti[n].bits & TB_HEAD) seghead = head_type(c, n);
      n += c->ti[n].ent ? c->ti[n].ent_len : 1;
    }
    /* 'and' before a name with its own head word joins two names
    ** ('Varnholt Logistics and Ostra Holdings'), not two words of one */
    if (seghead != ANNOT_NONE && is_lower_word(d, end, "and")) break;
    if (seghead != ANNOT_NONE) ht = seghead;
    end = n;
  }
  /* a bare head word ('the Council') is no name by itself */
  if (end == j + 1 && !c->ti[j].ent) return j;
  /* a lexicon name that covers it all stays the lexicon's */
  if (c->ti[j].ent && j + c->ti[j].ent_len >= end) return j;
  /* 'U.S. State Department': a place before a complete name is apart */
  if (c->ti[j].ent) {
    uint32_t r = j + c->ti[j].ent_len;
    if (r < end && c->ti[r].ent && r + c->ti[r].ent_len == end) return j;
  }
  *type = ht;
  return end;
}

/* The end of an unknown name starting at 'j' (before 'e'): capitalised
** words without a lexicon entry or a title, and hyphens between them.
** Always at least one token, so that the caller moves on. */
static uint32_t unknown_end(const ent_ctx *c, uint32_t j, uint32_t e) {
  const annot_doc *d = c->d;
  uint32_t k = j;
  while (k < e) {
    if (c->ti[k].ent || (k > j && c->ti[k].title_len)) break;
    if (capword(d, k)) {
      k++;
      continue;
    }
    if (inner_hyphen(d, k) && k > j && k + 1 < e && capword(d, k + 1) &&
        !c->ti[k + 1].ent) {
      k++;
      continue;
    }
    /* 'de Mooij', 'al-Burhan' inside a name */
    if (k > j && capword(d, k - 1) && name_particle(c, k, e)) {
      k++;
      continue;
    }
    break;
  }
  return k > j ? k : j + 1;
}

/* The name [b, te) is a transcript label: first on its line (counting
** a title before it), all caps words up to a colon ('SECRETARY
** BLINKEN:'). */
static int is_label(const ent_ctx *c, uint32_t b, uint32_t te) {
  const annot_doc *d = c->d;
  if (te >= d->ntok || !is_char(d, te, ':')) return 0;
  uint32_t s = b - c->ti[b].title_back;
  if (!doc_line_start(d, s)) return 0;
  for (uint32_t i = s; i < te; i++)
    if (d->tok_kind[i] == ANNOT_TOK_WORD &&
        !(d->tok_flags[i] & ANNOT_TF_ALLCAPS))
      return 0;
  return 1;
}

/* Type the unknown name [b, e) from its evidence and push it (final or
** pending), or drop it.  The evidence is tried from the strongest (an
** acronym the doc defined, a title, a given name) to the weakest (a place
** preposition); with none, the name stays pending until pass 3 knows
** every surname of the doc, and is dropped if it is none of them:
** precision matters more than recall for names nothing vouches for. */
static void unknown_name(ent_ctx *c, uint32_t b, uint32_t e) {
  annot_doc *d = c->d;
  /* a sentence opener that is a common word is no part of the name, nor
  ** is a capitalised function word anywhere ('The', 'Our') */
  while (b < e && (((c->ti[b].bits & TB_WEAK) && weak_common(c, b)) ||
                   (wclass(c, b) & WC_FUNC)))
    b++;
  while (e > b && inner_hyphen(d, e - 1)) e--;
  if (b >= e) return;
  uint32_t n = e - b;
  int weak = (c->ti[b].bits & TB_WEAK) != 0;
  unsigned wf = ws_flags(&c->ws, d->tok_hash[b]);
  if (n == 1 && (wclass(c, b) & (WC_NAMENOUN | WC_FUNC))) return;
  if (n == 1 && (wf & WS_ACRONYM)) {
    emit(c, b, e, ws_slot(&c->ws, d->tok_hash[b])->type, ANNOT_SRC_RULE,
         NULL, PEND_NONE);
    return;
  }
  /* a long run of capitals: a heading, not a name (hyphens and name
  ** particles do not count: 'Abdel Fattah al-Burhan' is three words) */
  uint32_t words = 0;
  for (uint32_t k = b; k < e; k++) words += capword(d, k) != 0;
  if (words > 4) return;
  /* 'KYIV (Newswire) --': the agency of a dateline */
  if (dateline_agency(c, b, e)) {
    emit(c, b, e, ANNOT_ORG, ANNOT_SRC_RULE, NULL, PEND_NONE);
    return;
  }
  /* 'the West', 'the East': a region, not a direction */
  if (n == 1 && (wclass(c, b) & WC_COMPASS) && b > 0 &&
      (wclass(c, b - 1) & WC_ARTICLE) && TLEN(d, b - 1) == 3 &&
      !(d->tok_flags[b] & ANNOT_TF_ALLCAPS)) {
    emit(c, b, e, ANNOT_LOC, ANNOT_SRC_RULE, NULL, PEND_NONE);
    return;
  }
  /* a title right before: 'Chancellor Olaf Scholz', 'SECRETARY BLINKEN' */
  if (c->ti[b].title_back != 0 && !(weak && n == 1 &&
                                              weak_common(c, b))) {
    /* a label's lone surname ('MR. PRICE:') is named in pass 3 */
    emit(c, b, e, ANNOT_PERSON, ANNOT_SRC_RULE, NULL,
         n == 1 && is_label(c, b, e) ? PEND_LABEL : PEND_NONE);
    return;
  }
  /* a given name first: 'Isabelle Khurshudyan' */
  if ((c->ti[b].bits & TB_GIVEN) && n >= 2) {
    emit(c, b, e, ANNOT_PERSON, ANNOT_SRC_RULE, NULL, PEND_NONE);
    return;
  }
  /* a transcript label: 'LAVROV:' (generic ones were dropped above) */
  if (is_label(c, b, e) && !(wf & WS_LOWER)) {
    emit(c, b, e, ANNOT_PERSON, ANNOT_SRC_RULE, NULL,
         n == 1 ? PEND_LABEL : PEND_NONE);
    return;
  }
  /* 'ING', 'KLMX': an acronym nothing explains is an organisation */
  if (n == 1 && bare_acronym(c, b, wf)) {
    emit(c, b, e, ANNOT_ORG, ANNOT_SRC_RULE, NULL, PEND_NONE);
    return;
  }
  /* 'told Newswire': the one told is an organisation when no given name
  ** says it is a person, and no full name of the doc ends with it */
  if (b > 0 && is_lower_word(d, b - 1, "told") &&
      !(c->ti[b].bits & TB_GIVEN) && n <= 3) {
    emit(c, b, e, ANNOT_ORG, ANNOT_SRC_RULE, NULL, PEND_ORG);
    return;
  }
  /* a speech verb after it ('Scholz said') or before it at the end of a
  ** clause ('said Scholz.'); an opener alone needs more */
  int cue = e < d->ntok && (c->ti[e].bits & TB_CUE);
  if (!cue && (c->ti[b].bits & TB_AFTERCUE) &&
      (e >= d->ntok || d->tok_kind[e] == ANNOT_TOK_PUNCT))
    cue = 1;
  /* 'Biden administration': a leader's name, even alone */
  int leader = is_lower_word(d, e, "administration");
  /* a one-word sentence opener is trusted only when the doc capitalises
  ** it mid-sentence too */
  int trusted = !weak || n >= 2 || (wf & WS_MIDCAP);
  /* one word before 'said' is as often an organisation ('Naftogaz
  ** said'): only a surname the doc knows makes it a person */
  if (trusted && ((cue && n >= 2) || (leader && n <= 2))) {
    emit(c, b, e, ANNOT_PERSON, ANNOT_SRC_RULE, NULL, PEND_NONE);
    return;
  }
  /* 'in X', 'from X': a place, unless the doc knows X as a surname */
  if (b > 0 && (wclass(c, b - 1) & WC_PLACEPREP) && !capword(d, b - 1) &&
      n <= 3 && trusted) {
    emit(c, b, e, ANNOT_GPE, ANNOT_SRC_RULE, NULL, PEND_PLACE);
    return;
  }
  /* 'Thanks, Ned.': a given name said to someone */
  if (n == 1 && vocative(c, b)) {
    emit(c, b, e, ANNOT_PERSON, ANNOT_SRC_RULE, NULL, PEND_NONE);
    return;
  }
  /* no evidence yet: a person only if pass 3 finds it is a surname */
  emit(c, b, e, ANNOT_PERSON, ANNOT_SRC_RULE, NULL, PEND_SURNAME);
}

/* The end of the run of name tokens starting at 'i' (before 'lim'):
** capitalised words, lexicon names, capitalised titles, inner hyphens.
** Dates ('Tuesday') and NOTNAME words end it; lower-case words always do
** (connectors after a head word are taken by head_name, which may go
** past the run).  A lexicon name is taken whole, even when it runs past
** the end of the sentence the scanner guessed. */
static uint32_t run_end(const ent_ctx *c, uint32_t i, uint32_t lim) {
  const annot_doc *d = c->d;
  uint32_t e = i;
  while (e < lim) {
    const tok_info *t = &c->ti[e];
    if (t->ent && (e == i || capword(d, e))) {
      e += t->ent_len;
      continue;
    }
    if (!capword(d, e)) {
      if (e > i && inner_hyphen(d, e) && e + 1 < lim && capword(d, e + 1)) {
        e++;
        continue;
      }
      if (e > i && capword(d, e - 1) && name_particle(c, e, lim)) {
        e++;
        continue;
      }
      break;
    }
    if (e > i && (wclass(c, e) & (WC_WEEKDAY | WC_MONTH))) break;
    if (t->title_len) {
      e += t->title_len;
      continue;
    }
    if (e > i && (t->bits & TB_NOTNAME)) break;
    e++;
  }
  return e < lim ? e : lim;
}

/* Cut the run [i, e) into names; returns where the next search starts.
** At each token, in this order of precedence:
**   1. a name built on a head word, which may swallow lexicon names
**      ('U.S. Embassy') and so must be tried before them;
**   2. a lexicon name (longest first, as lexicon_match sorts them);
**   3. a capitalised title, skipped (find_role finds it again through
**      'title_back' when a person follows);
**   4. an unknown name, up to the next lexicon name or title, typed by
**      unknown_name from its evidence. */
static uint32_t name_run(ent_ctx *c, uint32_t i, uint32_t e) {
  annot_doc *d = c->d;
  uint32_t j = i;
  while (j < e) {
    const tok_info *t = &c->ti[j];
    /* 'RAF Lakenheath', 'HMS Diamond': a facility as a whole, unless
    ** the lexicon knows a longer name here ('Fort Worth') */
    uint32_t pl = fac_prefix(c, j);
    if (pl && !(t->ent && t->ent_len > pl) &&
        !((t->bits & TB_WEAK) && weak_common(c, j))) {
      uint32_t f = j + pl;
      while (f < d->ntok && capword(d, f) && !c->ti[f].title_len &&
             !(wclass(c, f) & (WC_WEEKDAY | WC_MONTH | WC_FUNC)))
        f++;
      emit(c, j, f, ANNOT_FAC, ANNOT_SRC_RULE, NULL, PEND_NONE);
      j = f;
      if (j > e) e = j;
      continue;
    }
    unsigned htype;
    uint32_t h = head_name(c, j, e, &htype);
    if (h > j) {
      emit(c, j, h, htype, ANNOT_SRC_RULE, NULL, PEND_NONE);
      define_acronym(c, j, h, htype);
      j = h;
      if (j > e) e = j;
      continue;
    }
    /* a sentence opener that the lexicon knows as a one-word name but
    ** that stands before a given name is a job ('Economist Anna ...') */
    if (t->ent && t->ent_len == 1 && (t->bits & TB_WEAK) &&
        ent_at(c, j)->cls != ANNOT_PERSON && j + 1 < e &&
        (c->ti[j + 1].bits & TB_GIVEN) && !c->ti[j + 1].ent) {
      j++;
      continue;
    }
    if (t->ent) {
      const lex_entry *le = ent_at(c, j);
      emit(c, j, j + t->ent_len, le->cls, ANNOT_SRC_LEXICON, le, PEND_NONE);
      if (le->cls != ANNOT_PERSON)
        define_acronym(c, j, j + t->ent_len, le->cls);
      j += t->ent_len;
      continue;
    }
    if (t->title_len && capword(d, j)) {
      j += t->title_len;
      continue;
    }
    if (!capword(d, j)) {
      j++;
      continue;
    }
    /* an unknown name: capitalised words up to the next lexicon name or
    ** title */
    uint32_t k = unknown_end(c, j, e);
    /* a given name before a surname the lexicon knows: 'Anthony' +
    ** 'Blinken' is one person, the lexicon's */
    if (k < e && k - j <= 2 && (c->ti[j].bits & TB_GIVEN) &&
        c->ti[k].ent && ent_at(c, k)->cls == ANNOT_PERSON &&
        !(c->ti[j].bits & TB_WEAK && weak_common(c, j))) {
      const lex_entry *pe = ent_at(c, k);
      emit(c, j, k + c->ti[k].ent_len, ANNOT_PERSON, ANNOT_SRC_LEXICON, pe,
           PEND_NONE);
      j = k + c->ti[k].ent_len;
      continue;
    }
    unknown_name(c, j, k);
    j = k;
  }
  return j > e ? j : e;
}

/* The first token at or after 'i' (before 'lim') that may start something,
** or 'lim': a scan of the 'busy' bits, a word at a time. */
static uint32_t next_busy(const ent_ctx *c, uint32_t i, uint32_t lim) {
  uint32_t w = i >> 6;
  uint64_t x = c->busy[w] & (~(uint64_t)0 << (i & 63));
  while (x == 0) {
    w++;
    if ((uint64_t)w << 6 >= lim) return lim;
    x = c->busy[w];
  }
  uint32_t r = (w << 6) + (uint32_t)__builtin_ctzll(x);
  return r < lim ? r : lim;
}

/* Pass 2 over one sentence [b, lim); returns the token after the last
** one it used (a lexicon name may run past the sentence's end).  Each
** token is looked at once: a date word first (weekdays and months are
** capitalised but are no names), then a run of name tokens, then a
** lower-case title (remembered for roles), then a number.  Whatever
** starts nothing is stepped over. */
static uint32_t scan_sentence(ent_ctx *c, uint32_t b, uint32_t lim) {
  annot_doc *d = c->d;
  uint32_t i = b;
  c->lim = lim;
  while (i < lim && !c->failed) {
    /* step over the tokens that start nothing */
    i = next_busy(c, i, lim);
    if (i >= lim) break;
    const tok_info *t = &c->ti[i];
    uint32_t wc = wclass(c, i);
    num_match m;
    /* dates first where a capitalised word is a day or a month */
    if (!t->ent && (wc & (WC_WEEKDAY | WC_MONTH)) &&
        numbers_match(&c->nsrc, i, lim, &m)) {
      emit(c, m.begin, m.end, m.type, ANNOT_SRC_RULE, NULL, PEND_NONE);
      i = m.end;
      continue;
    }
    /* a name run starts at a lexicon name or a capital, unless the
    ** capital only opens the sentence on a common word */
    if (t->ent || capword(d, i)) {
      if (!t->ent && (t->bits & TB_WEAK) && weak_common(c, i) &&
          !t->title_len) {
        /* 'The', 'But', 'Despite' opening a sentence */
      } else if (!t->ent && (wc & WC_ARTICLE) && !t->title_len) {
        /* an article is no part of a name, even where the scanner saw
        ** no sentence start: '(AP) — The Senate voted' */
      } else {
        uint32_t e = run_end(c, i, lim);
        if (e > i) {
          i = name_run(c, i, e);
          continue;
        }
      }
    } else if (t->title_len) {
      /* a lower-case title ('press secretary'): its place is recorded
      ** for roles; it is no mention */
      i += t->title_len;
      continue;
    }
    /* most words have no class and no digit: no call for them */
    if ((wc != 0 || (d->tok_flags[i] & ANNOT_TF_DIGIT) ||
         d->tok_kind[i] == ANNOT_TOK_SYMBOL) &&
        numbers_may_start(&c->nsrc, i) && numbers_match(&c->nsrc, i, lim, &m)) {
      /* a bare figure right after a capitalised word is part of a name
      ** the lexicon does not know ('Leopard 1'), not a count */
      if (!(m.type == ANNOT_CARDINAL && m.end == i + 1 && i > b &&
            d->tok_kind[i] == ANNOT_TOK_NUMBER && capword(d, i - 1) &&
            !(wclass(c, i - 1) & (WC_WEEKDAY | WC_MONTH))))
        emit(c, m.begin, m.end, m.type, ANNOT_SRC_RULE, NULL, PEND_NONE);
      i = m.end;
      continue;
    }
    i++;
  }
  return i;
}

/* }====================================================== */


/* {======================================================
** Pass 3: settle pending names, write the mentions
** ======================================================= */

/* Settle a candidate: its type, or -1 to drop it.  Final ones keep
** theirs; a pending name is a person when its last word is a surname the
** doc knows (wherever the full name is), an acronym's type when the doc
** defined it, a place when a place preposition vouched for it. */
static int settle(const ent_ctx *c, const cand *k) {
  const annot_doc *d = c->d;
  if (k->pend == PEND_NONE || k->pend == PEND_LABEL) return k->type;
  unsigned last = ws_flags(&c->ws, d->tok_hash[k->te - 1]);
  if (last & WS_SURNAME) return ANNOT_PERSON;
  if (k->te - k->tb == 1 && (last & WS_ACRONYM))
    return ws_slot((word_set *)&c->ws, d->tok_hash[k->tb])->type;
  if (k->pend == PEND_PLACE) return ANNOT_GPE;
  if (k->pend == PEND_ORG) return ANNOT_ORG;
  if (k->pend == PEND_LABEL) return ANNOT_PERSON;
  return -1;
}

/* the lexicon persons already looked up for labels, by surname hash */
#define LABEL_CACHE 16
typedef struct label_seen {
  uint32_t hash;
  const lex_entry *person;
} label_seen;

/* The person a label's lone surname at token 'i' names ('MR. PRICE:'),
** when the doc names none in full: the lexicon's only person with that
** surname, or NULL (the doc's own full name, when there is one, is
** joined by the resolve stage, which sees the surname as any other).
** Each surname is asked of the lexicon once per doc. */
static const lex_entry *label_person(const ent_ctx *c, uint32_t i,
                                     label_seen *cache, uint32_t *n) {
  uint32_t h = c->d->tok_hash[i];
  if (ws_flags(&c->ws, h) & WS_SURNAME) return NULL;
  for (uint32_t k = 0; k < *n; k++)
    if (cache[k].hash == h) return cache[k].person;
  const lex_entry *p = lexicon_person_by_surname(c->lex, h);
  if (*n < LABEL_CACHE) {
    cache[*n].hash = h;
    cache[*n].person = p;
    (*n)++;
  }
  return p;
}

/* Copy the settled candidates to d->mentions: byte spans from token
** spans, the role as bytes (empty at the mention's start when none), the
** lexicon canonical when the entry has one.  'entity' is left to the
** resolve stage. */
static int write_mentions(ent_ctx *c) {
  annot_doc *d = c->d;
  uint32_t n = c->cands.n;
  if (vec_reserve(&d->mentions, sizeof(annot_mention),
                  (size_t)d->mentions.n + n) != ANNOT_OK)
    return ANNOT_ENOMEM;
  /* the lengths of the canonical names met so far, by address: one name
  ** comes back often in a doc, and needs no strlen each time */
  struct { const char *name; uint32_t len; } seen[64];
  memset(seen, 0, sizeof seen);
  label_seen cache[LABEL_CACHE];
  uint32_t ncache = 0;
  for (uint32_t x = 0; x < n; x++) {
    const cand *k = &VEC_AT(c->cands, cand, x);
    int type = settle(c, k);
    if (type < 0) continue;
    /* room for every candidate was reserved above */
    annot_mention *m = &VEC_AT(d->mentions, annot_mention, d->mentions.n++);
    memset(m, 0, sizeof *m);
    m->tok_begin = k->tb;
    m->tok_end = k->te;
    m->start = d->tok_start[k->tb];
    m->end = d->tok_end[k->te - 1];
    if (k->re > k->rb) {
      m->role_start = d->tok_start[k->rb];
      m->role_end = d->tok_end[k->re - 1];
    } else {
      m->role_start = m->role_end = m->start;
    }
    m->entity = ANNOT_NONE;
    m->type = (uint16_t)type;
    m->source = k->source;
    const lex_entry *entry = k->entry;
    if (k->pend == PEND_LABEL && entry == NULL)
      entry = label_person(c, k->tb, cache, &ncache);
    if (entry != NULL && entry->canonical != NULL) {
      const char *name = entry->canonical;
      size_t slot = ((uintptr_t)name >> 3) & 63;
      if (seen[slot].name != name) {
        seen[slot].name = name;
        seen[slot].len = (uint32_t)strlen(name);
      }
      m->canonical = name;
      m->canonical_len = seen[slot].len;
    }
  }
  return ANNOT_OK;
}

/* }====================================================== */


/* The stage: scratch memory (per-token facts and classes, the word set,
** the candidates) is allocated once and freed before returning, whatever
** happens; only d->mentions grows.  Sentences are scanned in order and
** never re-entered, so mentions come out sorted and apart. */
int stage_entities(annot_doc *d, annot_error *err) {
  (void)err;
  if (d->ntok == 0) return ANNOT_OK;
  ent_ctx c;
  memset(&c, 0, sizeof c);
  c.d = d;
  c.lex = d->pipeline ? d->pipeline->lex : NULL;
  c.ti = calloc(d->ntok, sizeof *c.ti);
  /* the word-class mask is the doc's (annot_doc_free frees it); a second
  ** run of the stage on one doc starts it afresh */
  free(d->tok_lex);
  d->tok_lex = malloc((size_t)d->ntok * sizeof *d->tok_lex);
  c.wc = malloc((size_t)d->ntok * sizeof *c.wc);   /* all set in pass 1 */
  c.busy = calloc(d->ntok / 64 + 1, sizeof *c.busy);
  /* a long doc's scratch arrays are megabytes, first touched in pass 1:
  ** large pages spare most of the page faults */
  if (c.ti != NULL) tokmem_advise(c.ti, (size_t)d->ntok * sizeof *c.ti);
  if (c.wc != NULL) tokmem_advise(c.wc, (size_t)d->ntok * sizeof *c.wc);
  if (d->tok_lex != NULL)
    tokmem_advise(d->tok_lex, (size_t)d->ntok * sizeof *d->tok_lex);
  c.nsrc.doc = d;
  c.nsrc.wc = c.wc;
  int rc = ANNOT_OK;
  if (c.ti == NULL || c.wc == NULL || d->tok_lex == NULL || c.busy == NULL ||
      vec_reserve(&c.cands, sizeof(cand), d->ntok / 8 + 16) != ANNOT_OK ||
      gather(&c) != ANNOT_OK) {
    rc = ANNOT_ENOMEM;
    goto done;
  }
  if (d->sentences.n == 0) {
    scan_sentence(&c, 0, d->ntok);
  } else {
    uint32_t at = 0;   /* never go back over a mention */
    for (uint32_t s = 0; s < d->sentences.n && !c.failed; s++) {
      annot_span sp = VEC_AT(d->sentences, annot_span, s);
      uint32_t b = sp.tok_begin > at ? sp.tok_begin : at;
      uint32_t e = sp.tok_end <= d->ntok ? sp.tok_end : d->ntok;
      if (b < e) at = scan_sentence(&c, b, e);
    }
  }
  if (c.failed || c.ws.failed) rc = ANNOT_ENOMEM;
  else rc = write_mentions(&c);
done:
  free(c.ti);
  free(c.wc);
  free(c.busy);
  free(c.ws.slots);
  free(c.weakfilter);
  vec_free(&c.cands);
  return rc;
}
