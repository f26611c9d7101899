/*
** quotes.h: what the files of the quote stage share (quotes.c,
** quotes_marks.c, quotes_frames.c, quotes_attr.c).  Not a public header:
** the stage's only entry point is stage_quotes in internal.h.
**
** The stage works in token indices and turns them into bytes at the end.
** It keeps a few arrays of one entry per token (allocated once per doc,
** freed when the stage returns), a list of working quotes and a list of
** "cue frames": each speech verb found in the text with its speaker and,
** when it reports speech without marks, the reported clause.
*/
#ifndef ANNOT_QUOTES_H
#define ANNOT_QUOTES_H

#include "pipeline.h"

/* per-token bits in 'qctx.tf' */
#define QT_SOURCE   0x01u   /* last token of an unnamed-source noun */
#define QT_INQUOTE  0x02u   /* inside the content of a marked quote */
#define QT_INTURN   0x04u   /* inside a transcript turn or its label */
#define QT_LABEL    0x10u   /* part of a transcript label */
#define QT_OPENS    0x20u   /* a quotation mark that opens by its form */
#define QT_CLOSES   0x40u   /* a quotation mark that closes by its form */
#define QT_DATE     0x80u   /* a DATE or TIME mention's */
#define QT_TITLE    0x100u  /* last token of a title: minister, president */
#define QT_TITLEW   0x200u  /* any token of a title */

/* cue classes, from the cue's lemma (its canonical in the lexicon) */
enum cue_class {
  CUE_SAY = 1,     /* a clause follows: say, warn, add, insist ... */
  CUE_TELL,        /* an addressee, then a clause: tell, inform, assure */
  CUE_OBJECT,      /* a clause or a noun phrase: deny, urge, accuse ... */
  CUE_ACCORDING,   /* 'according to X' */
  CUE_WRITE,       /* write, tweet, post: the cue of tweets */
  CUE_ATTRIB,      /* call, describe, condemn: no clause of their own */
  CUE_NOUN,        /* statement, claim, warning: 'X's claim that …' */
  CUE_REJECT,      /* reject, dismiss: a clause, or a noun phrase only when
                      it names a claim ('rejected the charge', not
                      'rejected the move') */
  CUE_CALL         /* call: 'X called the talks a waste of time' reports a
                      claim (object and predicate); no clause */
};

/* words the rules look for, by the hash of their normalised form */
enum qword {
  W_THAT, W_BUT, W_AND, W_WHILE, W_YET, W_AS, W_HAS, W_HAVE, W_HAD,
  W_ALSO, W_AGAIN, W_LATER, W_THEN, W_REPORTEDLY, W_RECENTLY,
  W_PREVIOUSLY, W_REPEATEDLY, W_PUBLICLY, W_EARLIER, W_ONCE, W_NOW,
  W_ALREADY, W_SEPARATELY, W_FURTHER, W_IS, W_ARE, W_WAS, W_WERE,
  W_BE, W_BEEN, W_WILL, W_WOULD, W_COULD, W_MIGHT, W_MAY, W_SHALL,
  W_SHOULD, W_MUST, W_CAN, W_CANNOT, W_TO, W_NOT, W_NT, W_NEVER,
  W_HE, W_SHE, W_THEY, W_I, W_WE, W_YOU, W_IT,
  W_THE, W_A, W_AN, W_THIS, W_THESE, W_THOSE, W_ONE, W_TWO, W_THREE,
  W_FOUR, W_SEVERAL, W_SOME, W_MANY, W_OTHER, W_ANOTHER, W_HIS, W_HER,
  W_ITS, W_THEIR, W_OUR, W_BOTH,
  W_IN, W_ON, W_AT, W_DURING, W_AFTER, W_BEFORE, W_WITH, W_VIA, W_FROM,
  W_FOR, W_OF, W_BY, W_ABOUT, W_OVER, W_THROUGH, W_UNDER, W_INTO,
  W_DESPITE, W_AMID, W_ALTHOUGH, W_THOUGH, W_BECAUSE, W_SINCE,
  W_UNLESS, W_FOLLOWING, W_AHEAD, W_WHEN, W_WHERE, W_WHO,
  W_ANY, W_NO, W_ALL, W_EVERY, W_EACH, W_THERE, W_SUCH, W_MOST,
  W_DO, W_DOES, W_DID, W_WHAT, W_WELL,
  /* from here on, words the lexicon may know (cues, sources, titles) */
  W_CALLED, W_DUBBED, W_NAMED, W_TERMED, W_LABELED, W_LABELLED,
  W_KNOWN, W_TERM, W_WORD, W_WORDS, W_PHRASE, W_SLOGAN, W_SO,
  W_CODENAMED, W_BRANDED, W_TITLED, W_ENTITLED, W_NICKNAMED,
  W_ONLY, W_REPORTERS, W_JOURNALISTS, W_LAWMAKERS, W_LEGISLATORS,
  W_HIM, W_THEM, W_US, W_ME, W_LAST, W_EARLY,
  W_SENIOR, W_TOP, W_HIGH, W_RANKING, W_FORMER, W_CURRENT, W_WESTERN,
  W_EASTERN, W_MILITARY, W_DEFENSE, W_DEFENCE, W_INTELLIGENCE,
  W_ADMINISTRATION, W_GOVERNMENT, W_FOREIGN, W_SECURITY, W_DIPLOMATIC,
  W_UNNAMED, W_ANONYMOUS, W_LOCAL, W_REGIONAL, W_MINISTRY, W_STATE,
  W_DEPARTMENT, W_PRESS, W_PRESIDENTIAL, W_EUROPEAN, W_AMERICAN,
  W_RUSSIAN, W_UKRAINIAN, W_CHIEF, W_DEPUTY, W_HOUSE, W_WHITE,
  W_QUESTION, W_Q, W_MODERATOR, W_OPERATOR, W_INTERPRETER, W_PARTICIPANT,
  W_REPORTER, W_AUDIENCE, W_MEMBER, W_OFFICE, W_CAMP, W_CLOSE, W_FAMILIAR,
  W_SIDE, W_AUTHORITIES, W_LEADERSHIP,
  /* nouns that stand for a claim or a demand: 'denied the charge' */
  W_CHARGE, W_CHARGES, W_CLAIM, W_CLAIMS, W_REPORT, W_REPORTS,
  W_SUGGESTION, W_SUGGESTIONS, W_IDEA, W_NOTION, W_RUMOURS, W_RUMORS,
  W_SPECULATION, W_ASSERTION, W_ASSERTIONS, W_CRITICISM, W_DEMAND,
  W_DEMANDS, W_REQUEST, W_ULTIMATUM, W_ACCOUNT, W_VERSION, W_CHARACTERIZATION,
  NWORDS,
  /* one-byte punctuation, in the same per-token table (under WID_NONE) */
  P_DOT = NWORDS, P_COMMA, P_COLON, P_SEMI, P_EXCL, P_QUEST
};

/* classes of the rule words (q_word_class; a word may have several) */
#define WC_DET        0x0001u  /* a determiner that may open a speaker's noun phrase */
#define WC_MOD        0x0002u  /* a modifier inside a source's phrase: senior, Western */
#define WC_AUX        0x0004u  /* between a subject and its verb: has, also, was */
#define WC_NEG        0x0008u  /* before a cue, speech not reported as made: will, to, not */
#define WC_PREP       0x0010u  /* a preposition that opens an adverbial */
#define WC_SUB        0x0020u  /* ends a noun phrase reported by deny, urge: despite, amid */
#define WC_FINITE     0x0040u  /* a finite auxiliary or modal: is, had, would, did */
#define WC_NAMING     0x0080u  /* before a marked term that is a name: called, dubbed */
#define WC_INTRO      0x0100u  /* may open what stands between a cue and its colon */
#define WC_GROUP      0x0200u  /* makes a name a group speaker: administration, office */
#define WC_PRON       0x0400u  /* a pronoun that may be a speaker */
#define WC_CONJ       0x0800u  /* joins two verbs of one subject: and, but */
#define WC_OPENS      0x1000u  /* may open a clause: any, no, there */
#define WC_LABEL      0x2000u  /* a generic transcript label: QUESTION, MODERATOR */
#define WC_ADDRESSEE  0x4000u  /* an addressee after tell: reporters, him */
#define WC_CLAIM      0x8000u  /* a noun for a claim: the charge, the report */

extern const uint16_t q_word_class[256];

/* no rule word; slots of the rule-word table (a power of 2) */
#define WID_NONE 255
#define WTAB 2048   /* load under 1/8: most probes end at an empty slot */

/* the rule words by hash, open addressing: one table per process, built
** once (quotes_words.c) and read-only afterwards */
typedef struct qwordtab {
  const uint32_t *hash;     /* WTAB hashes */
  const uint8_t *slot;      /* their enum qword + 1; 0: an empty slot */
  const uint8_t *len;       /* their lengths in bytes, by enum qword */
} qwordtab;

/* a speaker phrase */
typedef struct qspeaker {
  uint32_t tb, te;          /* tokens; tb == te: none */
  uint32_t mention;         /* mention index or ANNOT_NONE */
  uint32_t entity;          /* entity index or ANNOT_NONE */
  const char *canon;        /* NULL: unknown or anonymous */
  uint32_t canon_len;
  uint8_t anonymous;
  uint8_t pronoun;          /* the phrase is a pronoun (resolved or not) */
  uint8_t type;             /* mention type, or ANNOT_TYPE_COUNT */
} qspeaker;

/* a speech verb (or 'according to') with its speaker and content */
typedef struct qframe {
  uint32_t cue_tb, cue_te;  /* the cue's tokens */
  uint32_t sentence;
  uint32_t ct_b, ct_e;      /* reported clause (tokens); empty: none */
  qspeaker sp;
  uint8_t cls;              /* enum cue_class */
  uint8_t negated;          /* future, hypothetical or negated speech */
  uint8_t inverted;         /* the speaker follows the cue */
  uint8_t inquote;          /* inside a marked quote: reports, never
                               attributes */
  uint8_t noun;             /* read as a noun: 'Russia's claims that' */
} qframe;

/* a quote being built */
typedef struct wquote {
  uint32_t tb, te;          /* tokens of the whole quote, marks included */
  uint32_t cb, ce;          /* tokens of its content */
  uint32_t cue_tb, cue_te;  /* tokens of the cue */
  uint32_t sent, para;      /* sentence and paragraph holding 'tb' */
  qspeaker sp;
  uint8_t kind;             /* annot_quote_kind */
  uint8_t flags;            /* ANNOT_QF_* */
  uint8_t marked;           /* has quotation marks */
  uint8_t attributed;       /* a sieve gave it a speaker */
} wquote;

/* a quotation mark: its token and its code point (ASCII, Latin-1 or
** U+2000..U+203F), read from the text once (fill_tables) */
typedef struct qmark {
  uint32_t tok;
  uint32_t ch;
} qmark;

typedef struct qctx {
  annot_doc *d;
  const lexicon *lex;
  uint32_t ntok;
  uint16_t *tf;             /* QT_* per token */
  uint8_t *cuelen;          /* tokens of the cue starting here, or 0 */
  uint8_t *cuecls;          /* its enum cue_class */
  uint32_t *ment;           /* mention covering the token, or ANNOT_NONE */
  uint8_t *wid;             /* enum qword of each token (punctuation
                               included), or WID_NONE */
  qwordtab words;           /* the rule-word table */
  /* token indices gathered in the one pass over all tokens, so that the
  ** sieves visit only the tokens they care about */
  vec marks;                /* qmark: quotation marks */
  vec lines;                /* words in capitals that open a line */
  vec colons;               /* colons outside numbers */
  vec cues;                 /* first tokens of cues */
  vec quotes;               /* wquote, marked quotes, turns, colon blocks */
  vec frames;               /* qframe, in text order */
  vec frame_tb;             /* uint32_t: each frame's cue_tb, so that
                               q_frame_before searches 4 bytes a frame */
  uint32_t nlabels;         /* transcript labels seen */
} qctx;

/* {======================================================
** Token helpers (quotes.c)
** ======================================================= */

/* token 'i' is the word 'w' (any case) */
static inline int q_is(const qctx *c, uint32_t i, enum qword w) {
  return i < c->ntok && c->wid[i] == (uint8_t)w;
}

/* the WC_* classes of token 'i' (0 for a word the rules do not know) */
static inline unsigned q_class(const qctx *c, uint32_t i) {
  return i < c->ntok ? q_word_class[c->wid[i]] : 0u;
}

/* token 'i' is the one-byte punctuation 'ch' (one of . , : ; ! ?) */
static inline int q_punct(const qctx *c, uint32_t i, char ch) {
  int id = ch == '.' ? P_DOT : ch == ',' ? P_COMMA : ch == ':' ? P_COLON :
           ch == ';' ? P_SEMI : ch == '!' ? P_EXCL : ch == '?' ? P_QUEST : -1;
  return i < c->ntok && c->wid[i] == id;
}

/* token 'i' ends a sentence: . ! ? */
static inline int q_stop(const qctx *c, uint32_t i) {
  if (i >= c->ntok) return 0;
  unsigned w = c->wid[i];
  return w == P_DOT || w == P_EXCL || w == P_QUEST;
}
/* token 'i' is a closing or an opening quotation mark (by its form, or
** for straight marks by the scanner's reading of the context) */
static inline int q_closemark(const qctx *c, uint32_t i) {
  return i < c->ntok && (c->tf[i] & QT_CLOSES);
}
static inline int q_openmark(const qctx *c, uint32_t i) {
  return i < c->ntok && (c->tf[i] & QT_OPENS);
}
/* the mention covering token 'i', or NULL */
static inline const annot_mention *q_mention(const qctx *c, uint32_t i) {
  if (i >= c->ntok || c->ment[i] == ANNOT_NONE) return NULL;
  return &VEC_AT(c->d->mentions, annot_mention, c->ment[i]);
}
/* token 'i' is a DATE or TIME mention's */
static inline int q_datetok(const qctx *c, uint32_t i) {
  return i < c->ntok && (c->tf[i] & QT_DATE);
}
/* the sentence or paragraph holding token 'i' (binary search) */
uint32_t q_sentence_of(const qctx *c, uint32_t i);
uint32_t q_paragraph_of(const qctx *c, uint32_t i);
annot_span q_sentence(const qctx *c, uint32_t s);
annot_span q_paragraph(const qctx *c, uint32_t p);
/* a speaker made of mention 'm' */
qspeaker q_speaker_mention(const qctx *c, uint32_t m);

/* }====================================================== */

/* quotes_words.c: the rule words of each token */
void q_init_words(qctx *c);

/* The rule word of a token with the scanner's hash 'h' and 'len' bytes,
** or WID_NONE: a probe of table 't' (q_init_words).  Inline: it runs at
** every word of every doc, with the table's pointers in registers. */
static inline uint8_t q_word_of(qwordtab t, uint32_t h, uint32_t len) {
  /* the home slot: a multiplicative hash to 11 bits, WTAB slots */
  for (uint32_t s = (h * 0x9E3779B1u) >> 21; t.slot[s] != 0;
       s = (s + 1) & (WTAB - 1)) {
    if (t.hash[s] != h) continue;
    unsigned w = t.slot[s] - 1u;
    /* a hash match of the right length; "n't" may be spelled with a
    ** curly apostrophe, which is longer in bytes */
    if (len == t.len[w] || (w == W_NT && len == 5)) return (uint8_t)w;
  }
  return WID_NONE;
}

/* quotes_marks.c: marked quotes, transcript turns, colon blocks */
int q_pair_marks(qctx *c);
int q_find_turns(qctx *c);
int q_colon_blocks(qctx *c);

/* quotes_frames.c: speakers, cue frames, reported clauses, pronouns */
int q_build_frames(qctx *c);
int q_speaker_before(const qctx *c, uint32_t j, uint32_t lo, qspeaker *sp);
int q_speaker_after(const qctx *c, uint32_t i, uint32_t hi, qspeaker *sp);
/* the first token of speaker 'sp''s phrase, its role and article included */
uint32_t q_speaker_first(const qctx *c, const qspeaker *sp);
/* resolve the pronoun speaker 'sp' at token 'at' of sentence 's' */
void q_resolve_pronoun(const qctx *c, uint32_t at, uint32_t s, qspeaker *sp);
/* the last frame whose cue starts before token 'i' (index+1), 0 if none */
uint32_t q_frame_before(const qctx *c, uint32_t i);

/* quotes_attr.c: speakers and kinds of marked quotes, indirect quotes */
void q_attribute(qctx *c);
int q_indirect(qctx *c);
/* the innermost of the first 'n' quotes (sorted) whose content holds
** token 'i', or NULL */
const wquote *q_enclosing(const qctx *c, uint32_t n, uint32_t i);
/* 'I' or 'we' speaking inside a turn or a quote (among the first 'n'
** quotes): the turn's or the quote's speaker ('we': the state a
** person's title names); the phrase stays the pronoun */
void q_first_person(const qctx *c, uint32_t n, qspeaker *sp);

#endif
