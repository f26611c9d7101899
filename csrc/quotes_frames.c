/*
** quotes_frames.c: speech verbs and who uses them.  Every cue of the
** lexicon (class CUE: said, told, denied, according to ...) becomes a
** frame: the cue, its speaker (a named entity, an
** unnamed source's noun phrase, or a pronoun resolved to a person or an
** organisation), whether the speech is negated or hypothetical, and the
** clause it reports when there is one (indirect speech).
**
** No part of speech tagger here: the rules read the lexicon classes, the
** entity mentions, capitalisation and a few hundred function words, and
** every look-back or look-ahead is bounded.  News prose is regular
** enough for that: a speech verb has its subject a few words before it
** (or, inverted, right after it), and what it reports follows it or
** precedes it up to a comma.
**
** Sections: word classes; speaker phrases (backward from a cue, forward
** after an inverted cue, the sentence's subject); pronouns; reported
** clauses; frames.  The frames are built in text order, so a pronoun can
** use the speakers already found before it.
*/
#include <stdlib.h>
#include <string.h>

#include "quotes.h"

/* Windows, in tokens.  They bound every search, so the stage stays
** linear however long a sentence is. */
/* tokens the subject of a cue may lie before it (appositions included) */
#define SUBJECT_WINDOW 40
/* tokens a speaker noun phrase may span */
#define NP_WINDOW 10
/* sentences and tokens a pronoun looks back for its antecedent */
#define PRONOUN_SENTENCES 6
#define PRONOUN_TOKENS 400
/* tokens after a cue that 'that' may come, past an adverbial */
#define THAT_WINDOW 14
/* most tokens of a reported clause: a longer 'sentence' is no prose,
** and the bound keeps a pathological one from costing cues x length */
#define CLAUSE_WINDOW 400

/* {======================================================
** Word classes
** ======================================================= */

/* a determiner that may open a source's noun phrase */
static int is_det(const qctx *c, uint32_t i) {
  return (q_class(c, i) & WC_DET) != 0;
}

/* A word that may stand between a determiner and a source noun:
** 'senior', 'State Department', 'Western', 'high-ranking', 'two'.
** Names, numbers, hyphens, possessives, other source nouns and titles
** count; so does any capitalised word inside a sentence, since titles
** and names of bodies are capitalised ('the Foreign Ministry
** spokeswoman'). */
static int is_modifier(const qctx *c, uint32_t i) {
  const annot_doc *d = c->d;
  if (i >= c->ntok) return 0;
  unsigned kind = d->tok_kind[i], flags = d->tok_flags[i];
  if (kind == ANNOT_TOK_HYPHEN || kind == ANNOT_TOK_NUMBER) return 1;
  if (kind != ANNOT_TOK_WORD) return 0;
  if (c->ment[i] != ANNOT_NONE && !q_datetok(c, i)) return 1;
  if (flags & ANNOT_TF_CLITIC) return 1;          /* Russia 's envoy */
  if (c->tf[i] & (QT_SOURCE | QT_TITLEW)) return 1;   /* ministry spokesman */
  if (q_class(c, i) & WC_MOD) return 1;
  /* a capitalised word, unless it just opens the sentence */
  return (flags & (ANNOT_TF_CAP | ANNOT_TF_ALLCAPS)) &&
         !(flags & ANNOT_TF_SENT_START) && !q_is(c, i, W_I);
}

static int is_pronoun(const qctx *c, uint32_t i);

/* A word that may stand between a subject and its verb: has, also,
** reportedly ...  The subject search steps back over them. */
static int is_aux(const qctx *c, uint32_t i) {
  if (q_class(c, i) & WC_AUX) return 1;
  /* 's as in "he's said"; after a name it is a possessive */
  return i > 0 && i < c->ntok && (c->d->tok_flags[i] & ANNOT_TF_CLITIC) &&
         is_pronoun(c, i - 1);
}

/* A modal, 'to' or a negation: speech that is not reported as made
** ('will urge', 'declined to say', 'did not say'). */
static int is_negator(const qctx *c, uint32_t i) {
  return (q_class(c, i) & WC_NEG) != 0;
}

/* A preposition that opens an adverbial after a cue ('said in a
** statement', 'told reporters at the briefing'). */
static int is_prep(const qctx *c, uint32_t i) {
  return (q_class(c, i) & WC_PREP) != 0;
}

/* A word that ends a noun phrase reported by deny, urge ...: what
** follows it is the writer's ('denied any plans despite …'). */
static int is_subordinator(const qctx *c, uint32_t i) {
  return (q_class(c, i) & WC_SUB) != 0;
}

/* A coordinating conjunction between two verbs of one subject ('denied
** it but said …'): the second verb's subject is the first one's. */
static int is_conj(const qctx *c, uint32_t i) {
  return (q_class(c, i) & WC_CONJ) != 0;
}

/* A pronoun that may be a speaker; q_resolve_pronoun finds whom it
** stands for. */
static int is_pronoun(const qctx *c, uint32_t i) {
  return (q_class(c, i) & WC_PRON) != 0;
}

static int speaking_type(unsigned type);

/* A noun that makes a name into a group speaker: 'Biden
** administration', 'Zelenskyy's office', 'Russian government'. */
static int is_group_head(const qctx *c, uint32_t i) {
  return (q_class(c, i) & WC_GROUP) != 0;
}

/* The name before the group noun at 'j' ('Biden administration',
** 'Zelenskyy's office'), or NULL.  Its index in '*mi'. */
static const annot_mention *group_name(const qctx *c, uint32_t j, uint32_t lo,
                                       uint32_t *mi) {
  if (j <= lo || !is_group_head(c, j)) return NULL;
  uint32_t k = j - 1;
  if ((c->d->tok_flags[k] & ANNOT_TF_CLITIC) && k > lo) k--;   /* 's */
  const annot_mention *g = q_mention(c, k);
  if (g == NULL || !speaking_type(g->type) || g->tok_end != k + 1) return NULL;
  *mi = c->ment[k];
  return g;
}

/* A group speaker 'sp' named by a nationality ('the German
** government', 'Ukrainian authorities', 'the Russian side') speaks for
** the country: the place among the document's entities whose canonical
** name the nationality's shares all but its last letter with ('German'
** and 'Germany', 'Russian' and 'Russia', 'Ukrainian' and 'Ukraine',
** 'Chinese' and 'China').  The lexicon does not link a nationality to
** its country, so a country the document never names, or one whose
** adjective is irregular ('French', 'British'), keeps the nationality's
** canonical.  A bounded scan of the entities. */
static void norp_country(const qctx *c, qspeaker *sp) {
  const annot_doc *d = c->d;
  if (sp->canon == NULL) return;
  uint32_t best = ANNOT_NONE, best_k = 0;
  for (uint32_t e = 0; e < d->entities.n && e < 512; e++) {
    const annot_entity *en = &VEC_AT(d->entities, annot_entity, e);
    if (en->type != ANNOT_GPE || en->canonical == NULL) continue;
    uint32_t n = en->canonical_len, k = 0;
    while (k < n && k < sp->canon_len && en->canonical[k] == sp->canon[k]) k++;
    /* the country's name all but its last letter, the adjective all but
    ** its last three ('Ukrain' of 'Ukraine' and 'Ukrainian'); the
    ** longest such match ('Nigeria' over 'Niger' for 'Nigerian') */
    if (k >= 4 && k + 1 >= n && k + 3 >= sp->canon_len && k > best_k) {
      best = e;
      best_k = k;
    }
  }
  if (best == ANNOT_NONE) return;
  const annot_entity *en = &VEC_AT(d->entities, annot_entity, best);
  sp->canon = en->canonical;
  sp->canon_len = en->canonical_len;
  sp->entity = best;
  sp->mention = ANNOT_NONE;
}

/* a speaker for a group: the name's canonical, an institution's type
** (so that 'it' and 'they' find it), the group noun in the span */
static void group_speaker(const qctx *c, uint32_t mi, uint32_t j,
                          qspeaker *sp) {
  *sp = q_speaker_mention(c, mi);
  sp->te = j + 1;
  sp->type = ANNOT_ORG;
  /* 'the German government', 'the Russian side': the country */
  if (VEC_AT(c->d->mentions, annot_mention, mi).type == ANNOT_NORP)
    norp_country(c, sp);
}

/* Token 'i' is a word ending in "ing": a participle cue ('saying',
** 'warning'), whose subject is the sentence's, not the word before. */
static int is_ing(const qctx *c, uint32_t i) {
  const annot_doc *d = c->d;
  uint32_t n = d->tok_end[i] - d->tok_start[i];
  const char *s = d->text + d->tok_start[i];
  return n > 4 && (s[n - 3] | 0x20) == 'i' && (s[n - 2] | 0x20) == 'n' &&
         (s[n - 1] | 0x20) == 'g';
}

/* Token 'i' is a lower-case word ending in 'suffix': a cheap stand-in
** for a verb form ('-ed', '-ing') where no tagger says what it is. */
static int ends_with(const qctx *c, uint32_t i, const char *suffix) {
  const annot_doc *d = c->d;
  size_t n = d->tok_end[i] - d->tok_start[i], m = strlen(suffix);
  if (d->tok_kind[i] != ANNOT_TOK_WORD || n <= m + 1 ||
      (d->tok_flags[i] & (ANNOT_TF_CAP | ANNOT_TF_ALLCAPS)))
    return 0;
  return memcmp(d->text + d->tok_end[i] - m, suffix, m) == 0;
}

/* A mention type that can speak: people, organisations, places that
** stand for their governments, and nationalities ('Russians said'). */
static int speaking_type(unsigned type) {
  return type == ANNOT_PERSON || type == ANNOT_ORG || type == ANNOT_GPE ||
         type == ANNOT_NORP;
}

/* }====================================================== */


/* {======================================================
** Speaker phrases
** ======================================================= */

/* An empty speaker: no phrase, no mention, no entity. */
static void no_speaker(qspeaker *sp) {
  memset(sp, 0, sizeof *sp);
  sp->mention = sp->entity = ANNOT_NONE;
  sp->type = ANNOT_TYPE_COUNT;
}

/* An unnamed source over tokens [tb, te): no canonical name. */
static void anon_speaker(qspeaker *sp, uint32_t tb, uint32_t te) {
  no_speaker(sp);
  sp->tb = tb;
  sp->te = te;
  sp->anonymous = 1;
}

/* The first token of the source noun phrase whose noun is token 'j':
** back over its modifiers to its determiner, not before 'lo'.  The
** determiner belongs to the phrase ('a senior official': ANNOTATION.md
** keeps the article in an unnamed source's phrase). */
static uint32_t np_start(const qctx *c, uint32_t j, uint32_t lo) {
  /* a determiner a few plain words back: 'the alliance's top civilian
  ** official' (adjectives the lists do not know) */
  for (uint32_t t = j; t > lo && j - t < 6;) {
    t--;
    if (is_det(c, t)) return t;
    const annot_doc *d = c->d;
    /* a possessor stands for the determiner: 'Labour's shadow foreign
    ** secretary', 'the alliance's top official' (its own article first) */
    if ((d->tok_flags[t] & ANNOT_TF_CLITIC) && t > lo) {
      const annot_mention *pm = q_mention(c, t - 1);
      uint32_t b = pm ? pm->tok_begin : t - 1;
      if (b > lo && is_det(c, b - 1)) b--;
      if (b >= lo && (pm || (d->tok_flags[t - 1] & (ANNOT_TF_CAP | ANNOT_TF_ALLCAPS)) ||
                      d->tok_kind[t - 1] == ANNOT_TOK_WORD))
        return b;
    }
    int plain = d->tok_kind[t] == ANNOT_TOK_WORD && c->cuelen[t] == 0 &&
                (c->wid[t] == WID_NONE || (d->tok_flags[t] & ANNOT_TF_CLITIC)) &&
                !(d->tok_flags[t] & ANNOT_TF_SENT_START);
    /* a noun opening the sentence right before the head belongs to the
    ** phrase: 'Aid groups warned', 'Rights groups said' (an adverb in
    ** '-ly' does not) */
    if (t + 1 == j && t == lo && d->tok_kind[t] == ANNOT_TOK_WORD &&
        c->cuelen[t] == 0 && c->wid[t] == WID_NONE && !ends_with(c, t, "ly") &&
        (d->tok_flags[t] & ANNOT_TF_SENT_START))
      return t;
    if (!plain && !is_modifier(c, t)) break;
  }
  /* no determiner close by: the modifiers the lists know, names whole */
  uint32_t k = j;
  while (k > lo && j - k < NP_WINDOW) {
    uint32_t t = k - 1;
    if (is_det(c, t)) return t;
    if (q_is(c, t, W_BUT) || q_is(c, t, W_AND) || q_is(c, t, W_SO) ||
        q_is(c, t, W_AS) || q_is(c, t, W_THEN) || q_is(c, t, W_ALSO))
      break;
    if (!is_modifier(c, t)) break;
    const annot_mention *m = q_mention(c, t);
    k = m ? (m->tok_begin < lo ? lo : m->tok_begin) : t;
  }
  return k;
}

/* The last word of the role of mention 'm' is the word of token 'head'
** (any case): 'Foreign Minister' and 'the minister'.  Roles are byte
** spans, so the word is found in the text, not in the tokens. */
static int same_word(const qctx *c, uint32_t wb, uint32_t we, uint32_t head) {
  const annot_doc *d = c->d;
  uint32_t n = d->tok_end[head] - d->tok_start[head];
  if (we - wb != n) return 0;
  const char *a = d->text + wb, *b = d->text + d->tok_start[head];
  for (uint32_t k = 0; k < n; k++)
    if ((a[k] | 0x20) != (b[k] | 0x20)) return 0;
  return 1;
}

/* The head of the role of mention 'm' is the word of token 'head' (any
** case): its last word ('Foreign Minister' and 'the minister'), or the
** word before 'of' ('Secretary of State' and 'the Secretary').  Roles
** are byte spans, so the words are found in the text, not the tokens. */
static int role_head_is(const qctx *c, const annot_mention *m, uint32_t head) {
  const annot_doc *d = c->d;
  uint32_t re = m->role_end, rs = m->role_start;
  while (re > rs && (d->text[re - 1] == ' ' || d->text[re - 1] == ',')) re--;
  uint32_t wb = re;
  while (wb > rs && d->text[wb - 1] != ' ') wb--;
  if (same_word(c, wb, re, head)) return 1;
  /* 'Secretary of State': the word before the first ' of ' */
  for (uint32_t k = rs; k + 4 <= re; k++) {
    if (memcmp(d->text + k, " of ", 4) != 0) continue;
    uint32_t b = k;
    while (b > rs && d->text[b - 1] != ' ') b--;
    return same_word(c, b, k, head);
  }
  return 0;
}

/* A speaker phrase [nb, head] whose head is a source noun or a title
** with no name after it.  A definite one ('the minister') names the
** person whose role ends with that word earlier in the text, if any;
** otherwise it is an unnamed source. */
static void source_speaker(const qctx *c, uint32_t nb, uint32_t head,
                           qspeaker *sp) {
  anon_speaker(sp, nb, head + 1);
  /* 'a minister' is someone new; only 'the minister' points back */
  if (!q_is(c, nb, W_THE)) return;
  const annot_doc *d = c->d;
  uint32_t m = ANNOT_NONE;
  /* the last mention before the phrase, then back over a bounded window */
  for (uint32_t t = nb; t > 0 && nb - t < 400; t--)
    if (c->ment[t - 1] != ANNOT_NONE) { m = c->ment[t - 1]; break; }
  for (uint32_t n = 0; m != ANNOT_NONE && n < 64; n++, m--) {
    const annot_mention *mn = &VEC_AT(d->mentions, annot_mention, m);
    if (mn->type == ANNOT_PERSON && mn->role_end > mn->role_start &&
        role_head_is(c, mn, head)) {
      qspeaker r = q_speaker_mention(c, m);
      sp->anonymous = 0;
      sp->canon = r.canon;
      sp->canon_len = r.canon_len;
      sp->entity = r.entity;
      sp->type = ANNOT_PERSON;
      return;
    }
    if (m == 0) break;
  }
}

/* A noun that may head a speaker phrase of no name: a source noun or
** the last word of a title, not inside a mention. */
static int source_head(const qctx *c, uint32_t i) {
  return i < c->ntok && (c->tf[i] & (QT_SOURCE | QT_TITLE)) &&
         c->ment[i] == ANNOT_NONE;
}

/* the noun phrase at 'k' goes on: 'secretary' of 'secretary of state',
** 'ministry' of 'ministry spokesman' */
static int title_goes_on(const qctx *c, uint32_t k, uint32_t hi) {
  return k + 1 < hi && (c->tf[k + 1] & (QT_TITLEW | QT_SOURCE)) &&
         c->ment[k + 1] == ANNOT_NONE;
}

/* The phrase found by speaker_at ends a complement of a source noun:
** 'a spokesman for the Kremlin', 'a spokesman for his government' are
** unnamed sources whose phrase starts at the first noun's determiner. */
static void source_complement(const qctx *c, uint32_t lo, qspeaker *sp) {
  uint32_t first = sp->tb;
  if (sp->anonymous) first = sp->tb;
  else if (first > lo && q_is(c, first - 1, W_THE)) first--;
  if (first < lo + 2 || !(q_is(c, first - 1, W_FOR) || q_is(c, first - 1, W_OF) ||
                          q_is(c, first - 1, W_AT) || q_is(c, first - 1, W_FROM)))
    return;
  uint32_t head = first - 2;
  if (!source_head(c, head)) return;
  uint32_t te = sp->te;
  source_speaker(c, np_start(c, head, lo), head, sp);
  sp->te = te;
  sp->anonymous = 1;
  sp->canon = NULL;
  sp->canon_len = 0;
  sp->entity = ANNOT_NONE;
}

/* The speaker phrase ending at token 'j' (see q_speaker_before): a
** pronoun, a group ('Biden administration'), an unnamed source or title
** phrase, or a mention that can speak; 0 if token 'j' ends none. */
static int speaker_at(const qctx *c, uint32_t j, uint32_t lo, qspeaker *sp) {
  no_speaker(sp);
  if (j >= c->ntok || j < lo) return 0;
  if (is_pronoun(c, j)) {
    sp->tb = j;
    sp->te = j + 1;
    sp->pronoun = 1;
    return 1;
  }
  const annot_mention *m = q_mention(c, j);
  /* 'the Biden administration', 'the Russian government' */
  uint32_t gi;
  if (m == NULL && group_name(c, j, lo, &gi) != NULL) {
    group_speaker(c, gi, j, sp);
    return 1;
  }
  if (source_head(c, j)) {
    source_speaker(c, np_start(c, j, lo), j, sp);
    return 1;
  }
  if (m == NULL || !speaking_type(m->type) || m->tok_end != j + 1) return 0;
  /* 'officials in Moscow': the place belongs to the source's phrase */
  if (m->type != ANNOT_PERSON && m->tok_begin >= lo + 2 &&
      is_prep(c, m->tok_begin - 1) && (c->tf[m->tok_begin - 2] & QT_SOURCE)) {
    anon_speaker(sp, np_start(c, m->tok_begin - 2, lo), j + 1);
    return 1;
  }
  /* 'the Russian Embassy in London': the organisation, not the place */
  if ((m->type == ANNOT_GPE || m->type == ANNOT_LOC) && m->tok_begin >= lo + 2 &&
      (q_is(c, m->tok_begin - 1, W_IN) || q_is(c, m->tok_begin - 1, W_OF) ||
       q_is(c, m->tok_begin - 1, W_AT))) {
    const annot_mention *o = q_mention(c, m->tok_begin - 2);
    if (o != NULL && o->type == ANNOT_ORG && o->tok_end == m->tok_begin - 1) {
      *sp = q_speaker_mention(c, c->ment[m->tok_begin - 2]);
      return 1;
    }
  }
  *sp = q_speaker_mention(c, c->ment[j]);
  return 1;
}

/* The speaker phrase ending at token 'j', not before 'lo', widened to
** the source noun it complements ('a spokesman for the Kremlin'). */
int q_speaker_before(const qctx *c, uint32_t j, uint32_t lo, qspeaker *sp) {
  if (!speaker_at(c, j, lo, sp)) return 0;
  if (!sp->pronoun) source_complement(c, lo, sp);
  return 1;
}

/* skip date adverbials at 'k' ('on Tuesday', 'last week'); the next
** token */
static uint32_t skip_dates(const qctx *c, uint32_t k, uint32_t hi) {
  while (k < hi) {
    if (q_datetok(c, k)) {
      k = q_mention(c, k)->tok_end;
    } else if (k + 1 < hi && q_datetok(c, k + 1) &&
               (q_is(c, k, W_ON) || q_is(c, k, W_IN) || q_is(c, k, W_AT) ||
                q_is(c, k, W_DURING) || q_is(c, k, W_EARLIER))) {
      k++;
    } else {
      break;
    }
  }
  return k;
}

/* The speaker phrase that starts at token 'i' (past a date), before
** 'hi': the phrase after an inverted cue ('said the official', 'said
** Foreign Minister Sergei Lavrov', 'said one shopkeeper').  Read
** forward: a determiner, modifiers, then a person, a source noun or a
** title, or a name that ends the phrase. */
int q_speaker_after(const qctx *c, uint32_t i, uint32_t hi, qspeaker *sp) {
  no_speaker(sp);
  uint32_t k = skip_dates(c, i, hi);
  if (k >= hi) return 0;
  if (q_is(c, k, W_HE) || q_is(c, k, W_SHE) || q_is(c, k, W_THEY)) {
    sp->tb = k;
    sp->te = k + 1;
    sp->pronoun = 1;
    return 1;
  }
  /* 'last_mention': a name read last, which is the speaker if the
  ** phrase ends with it ('said the State Department') */
  uint32_t start = k, last_mention = ANNOT_NONE, j = k;
  if (is_det(c, j)) j++;
  while (j < hi && j - start < NP_WINDOW) {
    const annot_mention *m = q_mention(c, j);
    if (m != NULL && m->type == ANNOT_PERSON) {
      *sp = q_speaker_mention(c, c->ment[j]);
      return 1;
    }
    if (source_head(c, j) && !title_goes_on(c, j, hi)) {
      /* 'spokesman Dmitry Peskov': the person, not the title; 'the
      ** pipeline operator Naftogaz': the organisation the noun describes */
      const annot_mention *p = q_mention(c, j + 1);
      if (p != NULL && (p->type == ANNOT_PERSON ||
                        (p->type == ANNOT_ORG && (c->tf[j] & QT_SOURCE)))) {
        *sp = q_speaker_mention(c, c->ment[j + 1]);
        return 1;
      }
      /* 'the foreign minister of Ukraine' and such: the noun ends it */
      source_speaker(c, start, j, sp);
      return 1;
    }
    if (m != NULL && !q_datetok(c, j)) {
      last_mention = c->ment[j];
      j = m->tok_end;
      continue;
    }
    /* 'retired Colonel Mark Ellison': words the lists do not know may
    ** stand before a title or a name */
    const annot_doc *d = c->d;
    int plain = d->tok_kind[j] == ANNOT_TOK_WORD && c->cuelen[j] == 0 &&
                (c->wid[j] == WID_NONE || c->wid[j] >= W_CALLED);
    if (!is_modifier(c, j) && !plain) break;
    last_mention = ANNOT_NONE;
    j++;
  }
  if (last_mention == ANNOT_NONE) {
    /* '…?’ asked Olena, 67, …': one capitalised word that ends the
    ** clause is a name the entity stage did not know */
    const annot_doc *d = c->d;
    if (d->tok_kind[start] == ANNOT_TOK_WORD && c->wid[start] == WID_NONE &&
        (d->tok_flags[start] & ANNOT_TF_CAP) && start + 1 <= hi &&
        (start + 1 == hi || q_punct(c, start + 1, ',') || q_stop(c, start + 1))) {
      sp->tb = start;
      sp->te = start + 1;
      return 1;
    }
    /* '…,” said one shopkeeper.': a short phrase opened by a determiner
    ** that ends the clause is someone not named */
    if (!is_det(c, start)) return 0;
    for (j = start + 1; j < hi && j < start + 5; j++) {
      if (d->tok_kind[j] != ANNOT_TOK_WORD || c->wid[j] < W_CALLED ||
          c->cuelen[j])
        break;
    }
    if (j == start + 1 || !(j >= hi || q_stop(c, j) || q_punct(c, j, ',')))
      return 0;
    anon_speaker(sp, start, j);
    return 1;
  }
  const annot_mention *m = &VEC_AT(c->d->mentions, annot_mention, last_mention);
  if (!speaking_type(m->type) || m->tok_end != j) return 0;
  *sp = q_speaker_mention(c, last_mention);
  return 1;
}

/* The mention 'm' is a word of the role of a person named just after
** ('NATO' in 'NATO Secretary General Jens Stoltenberg'): the person is
** the subject, not the organisation. */
static int in_role(const qctx *c, uint32_t m) {
  const annot_doc *d = c->d;
  const annot_mention *mn = &VEC_AT(d->mentions, annot_mention, m);
  for (uint32_t k = m + 1; k < d->mentions.n && k <= m + 4; k++) {
    const annot_mention *p = &VEC_AT(d->mentions, annot_mention, k);
    if (p->type == ANNOT_PERSON && p->role_end > p->role_start &&
        p->role_start <= mn->start && mn->end <= p->role_end)
      return 1;
  }
  return 0;
}

/* ', Sergei Ryabkov,' right after a phrase ending before 'k': the
** person's mention index, or ANNOT_NONE */
static uint32_t appositive_person(const qctx *c, uint32_t k, uint32_t limit) {
  if (k + 2 >= limit || !q_punct(c, k, ',')) return ANNOT_NONE;
  const annot_mention *p = q_mention(c, k + 1);
  if (p == NULL || p->type != ANNOT_PERSON || p->tok_begin != k + 1) return ANNOT_NONE;
  if (p->tok_end < limit && !q_punct(c, p->tok_end, ',')) return ANNOT_NONE;
  return c->ment[k + 1];
}

/* The subject of a sentence: its first speaker phrase before 'limit',
** outside the marks; a phrase with a name in apposition is the person
** ('Russia's ambassador, Vassily Nebenzia, rejected …'). */
static int sentence_subject(const qctx *c, uint32_t sb, uint32_t limit,
                            qspeaker *sp) {
  unsigned level = limit < c->ntok ? (c->tf[limit] & QT_INQUOTE) : 0;
  for (uint32_t k = sb; k < limit && k < sb + SUBJECT_WINDOW; k++) {
    /* words in other marks are someone else's; a cue ends the subject's
    ** place */
    if ((c->tf[k] & QT_INQUOTE) != level) continue;
    if (c->cuelen[k]) return 0;
    /* 'It is not clear whether …': no one */
    if (q_is(c, k, W_IT) && (q_is(c, k + 1, W_IS) || q_is(c, k + 1, W_WAS)))
      continue;
    if (is_pronoun(c, k) && q_speaker_before(c, k, sb, sp)) return 1;
    const annot_mention *m = q_mention(c, k);
    if (source_head(c, k) && !title_goes_on(c, k, limit)) {
      /* 'Kremlin spokesman Dmitry Peskov': the person; 'the pipeline
      ** operator Naftogaz': the organisation */
      const annot_mention *p = q_mention(c, k + 1);
      if (p != NULL && k + 1 < limit &&
          (p->type == ANNOT_PERSON ||
           (p->type == ANNOT_ORG && (c->tf[k] & QT_SOURCE)))) {
        *sp = q_speaker_mention(c, c->ment[k + 1]);
        return 1;
      }
      uint32_t ap = appositive_person(c, k + 1, limit);
      if (ap != ANNOT_NONE) *sp = q_speaker_mention(c, ap);
      else source_speaker(c, np_start(c, k, sb), k, sp);
      return 1;
    }
    if (m == NULL || !speaking_type(m->type)) continue;
    uint32_t mi = c->ment[k];
    /* a name inside a person's title: go on to the person */
    if (m->type != ANNOT_PERSON && in_role(c, mi)) {
      k = m->tok_end - 1;
      continue;
    }
    /* 'the Biden administration', 'Ukrainian authorities': a group */
    uint32_t g = m->tok_end + ((c->d->tok_flags[m->tok_end] & ANNOT_TF_CLITIC) ? 1 : 0);
    uint32_t gi;
    if (g < limit && group_name(c, g, sb, &gi) != NULL) {
      group_speaker(c, gi, g, sp);
      return 1;
    }
    /* 'the State Department official': the name modifies a source */
    uint32_t e = m->tok_end;
    while (e < limit && e < m->tok_end + 3 && is_modifier(c, e) &&
           !(c->tf[e] & QT_SOURCE) && q_mention(c, e) == NULL)
      e++;
    if (e < limit && source_head(c, e) && m->type != ANNOT_PERSON) {
      uint32_t ap = appositive_person(c, e + 1, limit);
      if (ap != ANNOT_NONE) *sp = q_speaker_mention(c, ap);
      else source_speaker(c, np_start(c, e, sb), e, sp);
      return 1;
    }
    *sp = q_speaker_mention(c, mi);
    return 1;
  }
  return 0;
}

/* A verb stands in [b, e): a finite auxiliary or a past form.  Then the
** words after a source noun are a clause of their own ('a group of
** protesters outside the building carried banners calling for …'), not
** a description of the source. */
static int has_verb_between(const qctx *c, uint32_t b, uint32_t e) {
  for (uint32_t t = b; t < e; t++)
    if ((q_class(c, t) & WC_FINITE) || ends_with(c, t, "ed")) return 1;
  return 0;
}

/* The words from the sentence start 'sb' (past an article) to 'j' are a
** name the entity stage did not know, in capitals: 'Nord Stream 2 AG
** wrote …', 'Vostok Energy said …'.  At most five tokens, each a
** capitalised word, a number or part of a mention, none a cue or a rule
** word.  The speaker is the phrase, with no canonical name (not an
** unnamed source either). */
static int unknown_name_before(const qctx *c, uint32_t j, uint32_t sb,
                               qspeaker *sp) {
  const annot_doc *d = c->d;
  uint32_t b = sb;
  if (q_is(c, b, W_THE)) b++;
  if (j < b || j - b >= 5) return 0;
  for (uint32_t t = b; t <= j; t++) {
    unsigned kind = d->tok_kind[t];
    int cap = kind == ANNOT_TOK_WORD && (d->tok_flags[t] & (ANNOT_TF_CAP | ANNOT_TF_ALLCAPS));
    if (c->cuelen[t] || (c->wid[t] != WID_NONE && c->ment[t] == ANNOT_NONE) ||
        q_datetok(c, t) || (d->tok_flags[t] & ANNOT_TF_CLITIC))
      return 0;
    if (!cap && kind != ANNOT_TOK_NUMBER && c->ment[t] == ANNOT_NONE) return 0;
  }
  /* a lone place or nationality is no company: the mention rules had it */
  if (c->ment[b] != ANNOT_NONE && q_mention(c, b)->tok_end == j + 1) return 0;
  no_speaker(sp);
  sp->tb = b;
  sp->te = j + 1;
  return 1;
}

/* The subject of the cue at 'i' in the sentence from 'sb' ('ing': the cue
** is a participle): back over auxiliaries, dates and appositions to a
** speaker phrase.  '*shared' is set when a conjunction comes first, or a
** comma before a participle (the subject is the sentence's). */
static int subject_before(const qctx *c, uint32_t i, uint32_t sb, int ing,
                          qspeaker *sp, int *shared) {
  *shared = 0;
  no_speaker(sp);
  if (i <= sb) return 0;
  uint32_t j = i - 1;
  /* each step moves 'j' back over one thing that is not the subject:
  ** an auxiliary or adverb, a date, an apposition between commas */
  for (int steps = 0; steps < SUBJECT_WINDOW; steps++) {
    if (is_aux(c, j) && j > sb) { j--; continue; }
    /* 'the White House on Tuesday warned' */
    if (q_datetok(c, j)) {
      uint32_t b = q_mention(c, j)->tok_begin;
      if (b <= sb) return 0;
      j = b - 1;
      if ((q_is(c, j, W_ON) || q_is(c, j, W_IN) || q_is(c, j, W_AT) ||
           q_is(c, j, W_LAST) || q_is(c, j, W_EARLIER) ||
           q_is(c, j, W_DURING)) && j > sb)
        j--;
      continue;
    }
    if (q_punct(c, j, ',') || (c->d->tok_kind[j] == ANNOT_TOK_DASH) ||
        (c->d->tok_kind[j] == ANNOT_TOK_BRACKET && c->d->text[c->d->tok_start[j]] == ')')) {
      if (ing) { *shared = 1; return 0; }
      /* 'Russia's deputy foreign minister, Sergei Ryabkov, warned': a
      ** name set off by commas is the subject */
      const annot_mention *ap = j > sb ? q_mention(c, j - 1) : NULL;
      if (ap != NULL && ap->type == ANNOT_PERSON && ap->tok_end == j &&
          ap->tok_begin > sb && q_punct(c, ap->tok_begin - 1, ',')) {
        *sp = q_speaker_mention(c, c->ment[j - 1]);
        return 1;
      }
      /* an apposition or a relative clause: back to its opening comma */
      uint32_t p = j;
      int found = 0;
      while (p > sb && j - p < SUBJECT_WINDOW) {
        p--;
        if (q_closemark(c, p) || q_openmark(c, p) || q_stop(c, p)) break;
        if (q_punct(c, p, ',') || c->d->tok_kind[p] == ANNOT_TOK_DASH ||
            (c->d->tok_kind[p] == ANNOT_TOK_BRACKET && c->d->text[c->d->tok_start[p]] == '(')) {
          found = 1;
          break;
        }
      }
      if (!found || p <= sb) return 0;
      j = p - 1;
      continue;
    }
    /* 'Russia has denied … but has said': the caller takes the
    ** sentence's subject */
    if (is_conj(c, j)) { *shared = 1; return 0; }
    if (q_speaker_before(c, j, sb, sp)) return 1;
    if (unknown_name_before(c, j, sb, sp)) return 1;
    /* 'Officials who attended the session said': back over a relative
    ** clause without commas to the phrase before 'who'; 'A source
    ** familiar with the matter said': to a source noun, the words after
    ** it included in its phrase */
    for (uint32_t w = j; w > sb && j - w < 15; w--) {
      if (q_stop(c, w) || q_punct(c, w, ',') || c->cuelen[w]) break;
      if (q_is(c, w, W_WHO)) return q_speaker_before(c, w - 1, sb, sp);
      if (w < j && j - w <= 8 && (c->tf[w] & QT_SOURCE) &&
          c->ment[w] == ANNOT_NONE && !(c->tf[w + 1] & QT_SOURCE) &&
          (is_prep(c, w + 1) || ends_with(c, w + 1, "ing") ||
           q_is(c, w + 1, W_CLOSE) || q_is(c, w + 1, W_FAMILIAR)) &&
          !has_verb_between(c, w + 2, j + 1)) {
        anon_speaker(sp, np_start(c, w, sb), j + 1);
        return 1;
      }
    }
    return 0;
  }
  return 0;
}

/* The first token of speaker 'sp''s phrase, with a person's role and an
** article before it ('the White House press secretary Jen Psaki'): where
** the text before an attribution ends. */
uint32_t q_speaker_first(const qctx *c, const qspeaker *sp) {
  uint32_t first = sp->tb;
  if (sp->mention != ANNOT_NONE && !sp->pronoun) {
    const annot_mention *m = &VEC_AT(c->d->mentions, annot_mention, sp->mention);
    if (m->role_end > m->role_start && m->tok_begin == sp->tb) {
      uint32_t r = (uint32_t)annot_token_at(c->d, m->role_start);
      if (r < first) first = r;
      if (first > 0 && q_is(c, first - 1, W_THE)) first--;
    }
  }
  if (first > 0 && sp->anonymous == 0 && q_is(c, first - 1, W_THE)) first--;
  return first;
}

/* }====================================================== */


/* {======================================================
** Pronouns
** ======================================================= */

/* The noun at 'i' looks plural: 'officials', 'sources' (not 'press').
** 'he' and 'she' stand for one, 'they' for many. */
static int plural(const qctx *c, uint32_t i) {
  const annot_doc *d = c->d;
  uint32_t n = d->tok_end[i] - d->tok_start[i];
  const char *s = d->text + d->tok_start[i];
  return n > 2 && (s[n - 1] | 0x20) == 's' && (s[n - 2] | 0x20) != 's';
}

/* The person 'sp' has been called by the other pronoun of the two ('he'
** when 'she' is resolved, and back) as the speaker of an earlier frame:
** then the pronoun at 'at' is someone else.  The frames built so far
** all come before 'at'; a bounded walk back. */
static int other_gender(const qctx *c, const qspeaker *sp, uint32_t at) {
  if (sp->entity == ANNOT_NONE && sp->canon == NULL) return 0;
  enum qword other = q_is(c, at, W_HE) ? W_SHE : W_HE;
  uint32_t f = q_frame_before(c, at);
  for (int steps = 0; f > 0 && steps < 256; steps++) {
    const qframe *fr = &VEC_AT(c->frames, qframe, --f);
    if (!fr->sp.pronoun || !q_is(c, fr->sp.tb, other)) continue;
    if (sp->entity != ANNOT_NONE ? fr->sp.entity == sp->entity
                                 : (fr->sp.canon_len == sp->canon_len &&
                                    fr->sp.canon != NULL &&
                                    memcmp(fr->sp.canon, sp->canon, sp->canon_len) == 0))
      return 1;
  }
  return 0;
}

/* The speaker of the last frame in [lo, hi) whose speaker fits the
** pronoun: a named person or one unnamed source ('person'), else an
** organisation, a place or several unnamed sources; or NULL.  Frames are
** in text order, so this is a short walk back from 'hi'. */
static const qspeaker *frame_speaker_in(const qctx *c, uint32_t lo,
                                        uint32_t hi, int person, uint32_t at) {
  uint32_t f = q_frame_before(c, hi);
  for (int steps = 0; f > 0 && steps < 32; steps++) {
    const qframe *fr = &VEC_AT(c->frames, qframe, f - 1);
    if (fr->cue_tb < lo) break;
    f--;
    if (fr->sp.te <= fr->sp.tb || fr->inquote) continue;
    int single = fr->sp.anonymous && !plural(c, fr->sp.te - 1);
    if (person && ((fr->sp.type == ANNOT_PERSON && fr->sp.canon) || single) &&
        !other_gender(c, &fr->sp, at))
      return &fr->sp;
    if (!person && fr->sp.type != ANNOT_PERSON && !single &&
        (fr->sp.canon || fr->sp.anonymous))
      return &fr->sp;
  }
  return NULL;
}

/* A pronoun speaker 'sp' takes the name of its antecedent 'r': the
** phrase stays the pronoun's, so the pronoun is no mention of it. */
static void take_antecedent(qspeaker *sp, const qspeaker *r) {
  sp->mention = ANNOT_NONE;
  sp->entity = r->entity;
  sp->canon = r->canon;
  sp->canon_len = r->canon_len;
  sp->type = r->type;
}

/* Resolve the pronoun speaker 'sp' at token 'at' of sentence 's': 'he'
** and 'she' to a person, 'they' and 'it' to an organisation or a place
** (or unnamed sources).  Sentence by sentence back from the pronoun's
** own, the subject of the nearest sentence that has a fitting one: a
** speaker found there first, else its first fitting mention outside the
** marks.  The phrase stays the pronoun; the name is the antecedent's. */
void q_resolve_pronoun(const qctx *c, uint32_t at, uint32_t s, qspeaker *sp) {
  int person = q_is(c, at, W_HE) || q_is(c, at, W_SHE);
  int group = q_is(c, at, W_THEY) || q_is(c, at, W_IT);
  /* 'I', 'we', 'you' are the speaker of the words around them: left to
  ** the turn they are in (q_indirect) */
  if (!person && !group) return;
  uint32_t limit = at > PRONOUN_TOKENS ? at - PRONOUN_TOKENS : 0;
  for (int n = 0; n < PRONOUN_SENTENCES; n++) {
    annot_span sn = q_sentence(c, s);
    uint32_t lo = sn.tok_begin < limit ? limit : sn.tok_begin;
    uint32_t hi = sn.tok_end > at ? at : sn.tok_end;
    /* a speaker already found there wins: it is the sentence's subject */
    const qspeaker *fs = frame_speaker_in(c, lo, hi, person, at);
    if (fs != NULL) {
      uint32_t tb = sp->tb, te = sp->te;
      *sp = *fs;
      sp->tb = tb;
      sp->te = te;
      sp->mention = ANNOT_NONE;
      sp->pronoun = 1;
      return;
    }
    int unnamed = 0;   /* a singular unnamed source seen in the sentence */
    for (uint32_t k = lo; k < hi; k++) {
      if (c->tf[k] & QT_INQUOTE) continue;
      const annot_mention *m = q_mention(c, k);
      /* 'The Secretary met his counterpart … He told …': a bare title
      ** that an earlier person holds is that person */
      if (person && m == NULL && (c->tf[k] & QT_TITLE) && k > lo &&
          q_is(c, k - 1, W_THE) && !plural(c, k)) {
        qspeaker r;
        source_speaker(c, k - 1, k, &r);
        if (!r.anonymous && !other_gender(c, &r, at)) {
          take_antecedent(sp, &r);
          return;
        }
      }
      if ((c->tf[k] & QT_SOURCE) && m == NULL && !plural(c, k)) unnamed = 1;
      if (m == NULL) continue;
      /* a place stands for its government when it speaks ('Moscow') */
      int fits = person ? m->type == ANNOT_PERSON
                        : (m->type == ANNOT_ORG || m->type == ANNOT_GPE);
      if (fits && (person || !in_role(c, c->ment[k]))) {
        qspeaker r = q_speaker_mention(c, c->ment[k]);
        /* a person the doc already called by the other pronoun is
        ** someone else: the next mention, or the sentence before */
        if (person && other_gender(c, &r, at)) {
          k = m->tok_end - 1;
          continue;
        }
        take_antecedent(sp, &r);
        return;
      }
      k = m->tok_end - 1;
    }
    /* 'The ambassador spoke ... she said': an unnamed person, when the
    ** sentence names no one */
    if (unnamed && person) {
      sp->anonymous = 1;
      sp->canon = NULL;
      sp->canon_len = 0;
      sp->mention = sp->entity = ANNOT_NONE;
      return;
    }
    if (sn.tok_begin <= limit || s == 0) break;
    s--;
  }
}

/* }====================================================== */


/* {======================================================
** Reported clauses
** ======================================================= */

/* The attribution whose last word is just before token 'k' ends its
** clause: after it come only a date, an adverbial opened by a
** preposition ('in a statement on Tuesday'), ', adding …', a closing
** mark, and the sentence end 'se'.  Then what precedes the attribution
** is what it reports ('The talks will resume, the ministry said.'). */
static int cue_is_trailing(const qctx *c, uint32_t k, uint32_t se) {
  uint32_t n = 0;
  k = skip_dates(c, k, se);
  if (k >= se || q_stop(c, k)) return 1;
  /* what may follow: an adverbial ('in a statement', 'on Twitter',
  ** 'later'), not a verb ('which the mayor said would remain open') */
  if (!is_prep(c, k) && !q_punct(c, k, ',') && !is_aux(c, k) &&
      !q_is(c, k, W_THEN) && !q_is(c, k, W_LATER) && !q_closemark(c, k) &&
      c->d->tok_kind[k] != ANNOT_TOK_DASH)
    return 0;
  for (; k < se && n < 12; k++, n++) {
    /* '…, a diplomat said, adding that …' or '…, speaking on condition
    ** of anonymity': the attribution ends there */
    if (q_punct(c, k, ',') && k + 1 < se &&
        (c->cuelen[k + 1] || ends_with(c, k + 1, "ing")))
      return 1;
    /* '…, officials said Tuesday, after weeks of talks': an adverbial */
    if (q_punct(c, k, ',') && k + 1 < se &&
        (q_class(c, k + 1) & (WC_PREP | WC_SUB)))
      return 1;
    if (q_is(c, k, W_THAT) || c->cuelen[k] || q_punct(c, k, ',') ||
        q_openmark(c, k))
      return 0;
  }
  return k >= se || q_stop(c, k);
}

/* A comma at 't' that a trailing attribution follows: ', X said.',
** ', said X', ', according to X'.  A reported clause ends there: the
** attribution is not part of what the first speaker said. */
static int attribution_follows(const qctx *c, uint32_t t, uint32_t se) {
  unsigned level = c->tf[t] & QT_INQUOTE;
  for (uint32_t k = t + 1; k < se && k <= t + 8; k++) {
    if (q_punct(c, k, ',') || q_stop(c, k) || q_openmark(c, k)) return 0;
    if (c->cuelen[k] && (c->tf[k] & QT_INQUOTE) == level)
      return c->cuecls[k] == CUE_ACCORDING ||
             cue_is_trailing(c, k + c->cuelen[k], se);
  }
  return 0;
}

/* The end of a reported clause from 'cs' in a sentence ending at 'se';
** 'np': a noun phrase (deny, urge ...) that a comma or a subordinate
** clause ends; 'np' < 0: the clause before a trailing cue, whose end is
** known.  Final punctuation outside the marks is left out. */
static uint32_t clause_end(const qctx *c, uint32_t cs, uint32_t se, int np) {
  if (se - cs > CLAUSE_WINDOW) se = cs + CLAUSE_WINDOW;
  uint32_t end = se;
  /* punctuation counts at the clause's own level of marks: inside a
  ** quote for a clause reported inside it, outside for the others */
  unsigned level = cs < c->ntok ? (c->tf[cs] & QT_INQUOTE) : 0;
  for (uint32_t t = cs; t < se && np >= 0; t++) {
    /* every test below is about a rule word or punctuation at 't': a
    ** token of neither (about half of them) is passed over at once */
    if (t < c->ntok && c->wid[t] == WID_NONE) continue;
    if (t > cs && (q_punct(c, t, ';') || q_punct(c, t, ':')) &&
        (c->tf[t] & QT_INQUOTE) == level) {
      end = t;
      break;
    }
    /* '…, adding: …', '…, citing …': a new verb with its own words;
    ** 'statements from Moscow that …, have had …': the sentence's own
    ** verb comes back after a comma */
    if (q_punct(c, t, ',') && (c->tf[t] & QT_INQUOTE) == level &&
        (np || attribution_follows(c, t, se) ||
         (t + 1 < se && c->cuelen[t + 1] && ends_with(c, t + 1, "ing")) ||
         (t + 1 < se && (q_class(c, t + 1) & WC_FINITE)))) {
      end = t;
      break;
    }
    /* '…, but they declined to give details', '…, as allies debated
    ** …': the writer's again */
    if (t > cs && q_punct(c, t - 1, ',') && (c->tf[t] & QT_INQUOTE) == level &&
        (q_is(c, t, W_BUT) || q_is(c, t, W_YET) || q_is(c, t, W_ALTHOUGH) ||
         q_is(c, t, W_THOUGH) || q_is(c, t, W_WHILE) ||
         (q_is(c, t, W_AS) && !q_is(c, t + 1, W_WELL)))) {
      end = t;
      break;
    }
    /* 'denied that … but has said …': the second verb has its own
    ** clause, so the first one ends before the conjunction */
    if (t > cs && is_conj(c, t)) {
      uint32_t k = t + 1;
      while (k < se && k < t + 4 && (is_aux(c, k) || q_datetok(c, k))) k++;
      if (k < se && c->cuelen[k]) {
        end = t;
        break;
      }
    }
    if (np && t > cs && is_subordinator(c, t)) {
      end = t;
      break;
    }
  }
  /* final punctuation outside the marks is not part of what was said;
  ** a closing mark stays, with the punctuation inside it */
  while (end > cs) {
    unsigned kind = c->d->tok_kind[end - 1];
    if (kind == ANNOT_TOK_PUNCT || kind == ANNOT_TOK_DASH ||
        kind == ANNOT_TOK_ELLIPSIS || (kind == ANNOT_TOK_QUOTE && !q_closemark(c, end - 1)))
      end--;
    else
      break;
  }
  return end;
}

/* Token 'k' can open a reported clause, being (or starting) its subject:
** a pronoun, a determiner, 'any', 'no', 'there' ..., a number, a name or
** a capitalised word.  A lower-case verb or noun cannot ('said to be',
** 'announced sanctions'). */
static int opens_clause(const qctx *c, uint32_t k) {
  const annot_doc *d = c->d;
  if (k >= c->ntok) return 0;
  unsigned kind = d->tok_kind[k], flags = d->tok_flags[k];
  if (kind == ANNOT_TOK_NUMBER) return 1;
  if (kind != ANNOT_TOK_WORD) return 0;
  if ((q_class(c, k) & (WC_PRON | WC_DET | WC_OPENS)) || c->ment[k] != ANNOT_NONE)
    return 1;
  return (flags & (ANNOT_TF_CAP | ANNOT_TF_ALLCAPS)) != 0;
}

/* A clause opening at 'k' (no 'that' before it) has a finite verb soon:
** an auxiliary or a modal, a past form, or a present form right after a
** name or a pronoun ('the U.S. continues').  Tells 'announced it was
** sending troops' from 'announced a new package of sanctions'. */
static int clause_has_verb(const qctx *c, uint32_t k, uint32_t se) {
  for (uint32_t t = k; t < se && t < k + 8; t++) {
    if (c->d->tok_kind[t] == ANNOT_TOK_PUNCT) return 0;
    if (c->d->tok_kind[t] == ANNOT_TOK_QUOTE) continue;   /* 'Hungary “cannot' */
    if (q_class(c, t) & WC_FINITE) return 1;
    if (t > k && ends_with(c, t, "ed")) return 1;
    if (t > k && ends_with(c, t, "s") && !ends_with(c, t, "ss") &&
        (c->ment[t - 1] != ANNOT_NONE || is_pronoun(c, t - 1)))
      return 1;
  }
  return 0;
}

/* A subject with no article opens at 'k': a plain lower-case noun
** followed by a finite verb, right away, after one more word or after
** a short prepositional phrase ('said prices would rise', 'said more
** buses were coming', 'said prices in the region would rise').
** Without the verb the noun is an object ('announced sanctions', 'said
** goodbye to his family'). */
static int bare_subject(const qctx *c, uint32_t k, uint32_t se) {
  const annot_doc *d = c->d;
  if (k + 1 >= se || d->tok_kind[k] != ANNOT_TOK_WORD || c->wid[k] != WID_NONE ||
      (d->tok_flags[k] & (ANNOT_TF_CAP | ANNOT_TF_ALLCAPS)) || c->cuelen[k] ||
      ends_with(c, k, "ing") || ends_with(c, k, "ly"))
    return 0;
  if (q_class(c, k + 1) & WC_FINITE) return 1;
  /* an adjective first: 'said more buses were', 'said heavy fighting had' */
  if (k + 2 < se && d->tok_kind[k + 1] == ANNOT_TOK_WORD && c->wid[k + 1] == WID_NONE &&
      !(d->tok_flags[k + 1] & (ANNOT_TF_CAP | ANNOT_TF_ALLCAPS)) &&
      !c->cuelen[k + 1] && (q_class(c, k + 2) & WC_FINITE))
    return 1;
  if (!is_prep(c, k + 1)) return 0;
  /* the phrase: a determiner and at most two words, then the verb */
  uint32_t t = k + 2;
  if (t < se && is_det(c, t)) t++;
  for (uint32_t words = 0; t < se && words < 3; t++, words++) {
    if (q_class(c, t) & WC_FINITE) return words > 0;
    if (d->tok_kind[t] != ANNOT_TOK_WORD || c->cuelen[t] || c->wid[t] != WID_NONE)
      return 0;
  }
  return 0;
}

/* The 'that' within 'window' tokens from 'k' (past an adverbial or an
** object, no sentence end, no marks, no other cue; commas only when
** 'commas'), or the sentence end 'se' when there is none. */
static uint32_t find_that(const qctx *c, uint32_t k, uint32_t se,
                          uint32_t window, int commas) {
  for (uint32_t t = k; t < se && t < k + window; t++) {
    if (q_is(c, t, W_THAT)) return t;
    if (q_stop(c, t) || q_openmark(c, t) || q_punct(c, t, ':') ||
        q_punct(c, t, ';') || c->cuelen[t] || (!commas && q_punct(c, t, ',')))
      break;
  }
  return se;
}

/* The noun phrase [k, e) after 'reject' or 'dismiss' names a claim,
** so that refusing it is speech: its head (the word before 'of', 'as',
** 'by', 'about', 'that' or the end) is a claim noun ('the charge', 'the
** accusations', 'reports of …', 'the claims as absurd') or a speech noun
** the lexicon knows as a cue ('the allegations', 'his remarks'), or
** words in marks ('dismissed the “fake news”'), or 'what X called …'.
** 'rejected the move', 'rejected the plan' name actions: not speech. */
static int names_claim(const qctx *c, uint32_t k, uint32_t e) {
  if (k >= e) return 0;
  if (q_is(c, k, W_WHAT)) return 1;
  uint32_t t = k;
  while (t < e && !q_is(c, t, W_OF) && !q_is(c, t, W_AS) && !q_is(c, t, W_BY) &&
         !q_is(c, t, W_ABOUT) && !q_is(c, t, W_THAT) && !q_punct(c, t, ','))
    t++;
  if (t == k) return 0;
  uint32_t head = t - 1;
  return (q_class(c, head) & WC_CLAIM) || c->cuelen[head] != 0 ||
         q_closemark(c, head);
}

/* The content of 'call' (frame 'f', sentence ending at 'se'): 'X has
** called talk of an energy weapon Western propaganda' reports a claim,
** its object and what it is called, as a noun phrase ([*cs, *ce)).  Not
** a naming ('drills called “Allies Resolve”', a mark right after the
** verb, or a passive 'is called'), not a telephone call ('called Putin
** on Tuesday', 'called him to say': a name or a person first, or 'to'
** inside), and only with a named subject, a pronoun or an auxiliary
** before the verb ('a group called …' names the group). */
static void call_content(const qctx *c, const qframe *f, uint32_t se,
                         uint32_t *cs, uint32_t *ce) {
  uint32_t k = f->cue_te, b = f->cue_tb;
  if (k >= se || f->sp.te <= f->sp.tb) return;
  if (c->d->tok_kind[k] != ANNOT_TOK_WORD || q_datetok(c, k)) return;
  if (b > 0 && (q_is(c, b - 1, W_IS) || q_is(c, b - 1, W_WAS) ||
                q_is(c, b - 1, W_ARE) || q_is(c, b - 1, W_WERE) ||
                q_is(c, b - 1, W_BE) || q_is(c, b - 1, W_BEEN)))
    return;
  if (f->sp.anonymous && !(b > 0 && is_aux(c, b - 1))) return;
  const annot_mention *m = q_mention(c, k);
  if (m != NULL && speaking_type(m->type)) return;
  if ((q_class(c, k) & WC_ADDRESSEE) && !is_det(c, k)) return;
  if (is_conj(c, k) || is_prep(c, k) || q_is(c, k, W_THAT)) return;
  uint32_t e = clause_end(c, k, se, 1);
  if (e < k + 3) return;
  for (uint32_t t = k; t < e; t++)
    if (q_is(c, t, W_TO) || c->cuelen[t]) return;
  *cs = k;
  *ce = e;
}

/* The clause reported by frame 'f' after its cue, in the sentence
** ending at 'se': [*cs, *ce), or nothing (*cs == *ce).  First the words
** that are not content (dates, adverbs, a 'tell' verb's addressee),
** then where the content starts: after 'that', after an adverbial and
** its 'that', or right away when a clause (or, for deny-like verbs, a
** noun phrase) starts there. */
static void clause_after(const qctx *c, const qframe *f, uint32_t se,
                         uint32_t *cs, uint32_t *ce) {
  *cs = *ce = 0;
  if (f->cls == CUE_ATTRIB) return;
  if (f->cls == CUE_CALL) {
    call_content(c, f, se, cs, ce);
    return;
  }
  /* 'said on Tuesday also that' */
  uint32_t k = skip_dates(c, f->cue_te, se);
  while (k < se && (q_is(c, k, W_ALSO) || q_is(c, k, W_LATER) ||
                    q_is(c, k, W_AGAIN) || q_is(c, k, W_PUBLICLY) ||
                    q_is(c, k, W_REPEATEDLY) || q_is(c, k, W_ONLY)))
    k++;
  if (f->cls == CUE_TELL) {
    /* the addressee: 'reporters', 'CNN', 'him', 'a news conference' */
    const annot_mention *m = q_mention(c, k);
    if (m != NULL && !q_datetok(c, k)) k = m->tok_end;
    else if (q_class(c, k) & WC_ADDRESSEE)
      k++;
    else if (is_det(c, k)) {
      uint32_t t = find_that(c, k, se, 8, 0);
      if (t >= se) return;
      k = t;
    } else {
      return;
    }
    /* ', Tuesday,' */
    while (k < se && (q_punct(c, k, ',') || q_datetok(c, k))) k++;
    k = skip_dates(c, k, se);
  }
  if (k >= se) return;
  int np = 0;   /* the content is a noun phrase: a comma ends it */
  if (q_is(c, k, W_THAT)) {
    k++;
  } else if (is_prep(c, k) || q_punct(c, k, ',')) {
    /* 'said in a statement that the drills …', not 'argue in posts that
    ** reach millions': the clause needs a subject */
    uint32_t t = find_that(c, k, se, THAT_WINDOW, 1);
    if (t >= se || !(opens_clause(c, t + 1) || q_openmark(c, t + 1))) return;
    k = t + 1;
  } else if (f->cls == CUE_OBJECT || f->cls == CUE_TELL || f->cls == CUE_REJECT) {
    uint32_t t = find_that(c, k, se, 6, 0);
    if (t < se && (opens_clause(c, t + 1) || q_openmark(c, t + 1))) k = t + 1;
    /* 'deny and argue': a verb's content opens with no conjunction */
    else if (is_conj(c, k) || c->d->tok_kind[k] == ANNOT_TOK_PUNCT) return;
    else if (f->cls != CUE_TELL) np = f->cls == CUE_REJECT ? 2 : 1;
    /* 'told journalists as he arrived': no clause */
    else if (!opens_clause(c, k) || !clause_has_verb(c, k, se)) return;
  } else if ((!opens_clause(c, k) || !clause_has_verb(c, k, se)) &&
             !bare_subject(c, k, se)) {
    return;
  }
  if (k >= se || q_openmark(c, k)) {
    /* 'said “...”': a marked quote, not a clause, unless more follows */
    if (k >= se) return;
    if (k == f->cue_te || q_punct(c, k - 1, ',') || q_punct(c, k - 1, ':'))
      return;
  }
  uint32_t e = clause_end(c, k, se, np != 0);
  /* 'rejected the move' is an action refused, 'rejected the charge' a
  ** claim: only the second is reported speech */
  if (np == 2 && !names_claim(c, k, e)) return;
  if (e > k) {
    *cs = k;
    *ce = e;
  }
}

/* }====================================================== */


/* {======================================================
** Frames
** ======================================================= */

/* A finite verb or auxiliary comes after 'k' before the next comma or
** the sentence end 'se': the words after a cue are then a clause with
** its own subject ('said the men in his unit were tired'), not an
** inverted speaker with a place ('said a diplomat in Kyiv'). */
static int finite_before_comma(const qctx *c, uint32_t k, uint32_t se) {
  for (uint32_t t = k; t < se && t < k + 12; t++) {
    if (q_punct(c, t, ',') || q_stop(c, t) || q_openmark(c, t)) return 0;
    if (q_class(c, t) & WC_FINITE) return 1;
  }
  return 0;
}

/* An article or a possessive determiner: before a cue, it makes the cue
** a noun ('the warning', 'its claims'); 'one said' stays a verb. */
static int is_article(const qctx *c, uint32_t i) {
  return q_is(c, i, W_THE) || q_is(c, i, W_A) || q_is(c, i, W_AN) ||
         q_is(c, i, W_HIS) || q_is(c, i, W_HER) || q_is(c, i, W_ITS) ||
         q_is(c, i, W_THEIR) || q_is(c, i, W_OUR) || q_is(c, i, W_THIS);
}

/* How many frames have their cue before token 'i' (binary search: the
** frames are in text order). */
uint32_t q_frame_before(const qctx *c, uint32_t i) {
  const uint32_t *tb = c->frame_tb.data;
  uint32_t lo = 0, hi = c->frame_tb.n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (tb[mid] < i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* The cue at 'i' reports speech as not made: 'will urge', 'declined to
** say', 'did not say', 'has never said'.  Looks back at most four words
** of auxiliaries and adverbs. */
static int negated(const qctx *c, uint32_t i, uint32_t sb) {
  uint32_t j = i;
  for (int n = 0; n < 4 && j > sb; n++) {
    j--;
    if (is_negator(c, j)) return 1;
    if (!is_aux(c, j) && !q_is(c, j, W_BE)) return 0;
  }
  return 0;
}

/* The clause ends at 'k' (before 'se'): a sentence end, a comma, a
** semicolon, a dash or a closing mark comes next. */
static int ends_clause(const qctx *c, uint32_t k, uint32_t se) {
  return k >= se || q_stop(c, k) || q_punct(c, k, ',') || q_punct(c, k, ';') ||
         c->d->tok_kind[k] == ANNOT_TOK_DASH || q_closemark(c, k);
}

/* The token after the addressee of a 'tell' verb that starts at 'k'
** (before 'se'): a name ('told CNN'), a pronoun or 'reporters' ('told
** him'), or a short noun phrase opened by a determiner ('told a news
** conference', 'told the state broadcaster'); 'k' itself if none. */
static uint32_t skip_addressee(const qctx *c, uint32_t k, uint32_t se) {
  if (k >= se) return k;
  const annot_mention *m = q_mention(c, k);
  if (m != NULL && !q_datetok(c, k)) return m->tok_end;
  if (q_class(c, k) & WC_ADDRESSEE) return k + 1;
  if (!is_det(c, k)) return k;
  uint32_t t = k + 1;
  while (t < se && t < k + 5 && c->d->tok_kind[t] == ANNOT_TOK_WORD &&
         !c->cuelen[t] && !q_is(c, t, W_THAT) && !is_prep(c, t) &&
         (c->wid[t] == WID_NONE || c->wid[t] >= W_CALLED))
    t++;
  return t > k + 1 ? t : k;
}

/* Build the frame of the cue at token 'i' of sentence 's' [sb, se):
** its speaker (inverted after the cue, or the subject before it, or the
** sentence's), then the clause it reports (after it, or before it for a
** trailing attribution), and append it to c->frames. */
static int add_frame(qctx *c, uint32_t i, uint32_t s, uint32_t sb,
                     uint32_t se) {
  /* 'so-called' is no speech */
  if (i > 0 && c->d->tok_kind[i - 1] == ANNOT_TOK_HYPHEN) return ANNOT_OK;
  qframe f;
  memset(&f, 0, sizeof f);
  f.cue_tb = i;
  f.cue_te = i + c->cuelen[i];
  if (f.cue_te > se) f.cue_te = se;
  f.sentence = s;
  f.cls = c->cuecls[i];
  f.negated = (uint8_t)negated(c, i, sb);
  no_speaker(&f.sp);
  /* a cue inside a quote reports within the quote: its sentence is the
  ** run of quoted words around it (bounded), its clause ends at the mark */
  f.inquote = (c->tf[i] & QT_INQUOTE) != 0;
  if (f.inquote) {
    uint32_t b = i, e = i;
    while (b > sb && i - b < 60 && (c->tf[b - 1] & QT_INQUOTE)) b--;
    while (e < se && e - i < 60 && (c->tf[e] & QT_INQUOTE)) e++;
    sb = b;
    se = e;
  }
  uint32_t cs = 0, ce = 0;
  /* a cue read as a noun: a speech noun ('statements from Moscow that'),
  ** or a verb form after a determiner or a possessive ('Russia's claims
  ** that', 'its warning that') or before 'from'/'by' */
  const annot_doc *d = c->d;
  int possessed = i > sb && (d->tok_flags[i - 1] & ANNOT_TF_CLITIC) &&
                  d->tok_kind[i - 1] == ANNOT_TOK_WORD;
  int from_by = q_is(c, f.cue_te, W_FROM) || q_is(c, f.cue_te, W_BY);
  /* 'claims from', 'pledges by' (not 'replied from its account') */
  f.noun = f.cls == CUE_NOUN || (i > sb && is_article(c, i - 1)) || possessed ||
           (from_by && f.cue_te == i + 1 && ends_with(c, i, "s") &&
            f.cls != CUE_ACCORDING);
  if (f.noun) {
    f.negated = 0;
    /* the speaker: 'from X', 'by X', or the possessor */
    if (q_is(c, f.cue_te, W_FROM) || q_is(c, f.cue_te, W_BY))
      q_speaker_after(c, f.cue_te + 1, se, &f.sp);
    else if (possessed && i >= sb + 2)
      q_speaker_before(c, i - 2, sb, &f.sp);
    if (f.sp.pronoun) q_resolve_pronoun(c, f.sp.tb, s, &f.sp);
    /* the content: a clause after 'that' ('claims that Ukraine was …') */
    uint32_t t = find_that(c, f.cue_te, se, 8, 0);
    if (t < se && (opens_clause(c, t + 1) || q_openmark(c, t + 1))) {
      cs = t + 1;
      ce = clause_end(c, cs, se, 0);
    }
  } else if (f.cls == CUE_ACCORDING) {
    /* the source always follows 'according to' */
    f.inverted = 1;
    q_speaker_after(c, f.cue_te, se, &f.sp);
    if (i > sb && q_punct(c, i - 1, ',')) {
      cs = sb;
      ce = clause_end(c, sb, i - 1, -1);
    } else if (i == sb || (i == sb + 1 && is_conj(c, sb))) {
      /* 'According to X, ...': the clause after the comma */
      for (uint32_t k = f.cue_te; k < se && k < f.cue_te + 16; k++)
        if (q_punct(c, k, ',')) {
          cs = k + 1;
          ce = clause_end(c, cs, se, 0);
          break;
        }
    }
  } else {
    int shared = 0;
    int after = i > sb && (q_punct(c, i - 1, ',') || q_closemark(c, i - 1) ||
                           c->d->tok_kind[i - 1] == ANNOT_TOK_DASH);
    /* 'quoted X as saying': X */
    int ing = is_ing(c, i);
    int as_saying = i >= sb + 2 && q_is(c, i - 1, W_AS) && ing;
    /* '“…,” said X …' and '…, said X.' or '…, said X, who …' or '…, said
    ** a diplomat in Kyiv who …': after a comma X must end the clause or
    ** be a person or an unnamed source with words after it */
    if (after && f.cls != CUE_TELL && q_speaker_after(c, f.cue_te, se, &f.sp) &&
        (q_closemark(c, i - 1) || ends_clause(c, skip_dates(c, f.sp.te, se), se) ||
         ((f.sp.anonymous || f.sp.type == ANNOT_PERSON) &&
          (q_is(c, f.sp.te, W_WHO) ||
           (is_prep(c, f.sp.te) && !finite_before_comma(c, f.sp.te, se)))))) {
      f.inverted = 1;
    } else if (as_saying) {
      q_speaker_before(c, i - 2, sb, &f.sp);
    } else if (!subject_before(c, i, sb, ing, &f.sp, &shared)) {
      /* '…, X said, adding that …': the speaker of the cue before */
      uint32_t prev = c->frames.n;
      const qframe *pf = prev ? &VEC_AT(c->frames, qframe, prev - 1) : NULL;
      if (shared && ing && pf != NULL && pf->sentence == s &&
          pf->sp.te > pf->sp.tb)
        f.sp = pf->sp;
      else if (shared || ing)
        sentence_subject(c, sb, i, &f.sp);
    }
    if (f.sp.pronoun) q_resolve_pronoun(c, f.sp.tb, s, &f.sp);
    if (!f.inverted) clause_after(c, &f, se, &cs, &ce);
    /* '..., X said.' and '..., said X.': the clause before (not inside a
    ** quote, whose words around the cue are the quote's) */
    if (ce <= cs && f.sp.te > f.sp.tb && !f.inquote) {
      uint32_t first = f.inverted ? i : q_speaker_first(c, &f.sp);
      uint32_t tail = f.inverted ? f.sp.te : f.cue_te;
      /* '…, a spokesman told a news conference.': past the addressee */
      if (f.cls == CUE_TELL && !f.inverted) tail = skip_addressee(c, tail, se);
      /* '…, a government spokesman, Juan Perez, told …': the clause
      ** ends before the source that the name stands in apposition to */
      qspeaker ap;
      if (!f.inverted && first >= sb + 3 && q_punct(c, first - 1, ',') &&
          q_speaker_before(c, first - 2, sb, &ap) && ap.anonymous &&
          ap.tb > sb + 1 && q_punct(c, ap.tb - 1, ','))
        first = ap.tb;
      if (first > sb + 1 && cue_is_trailing(c, tail, se)) {
        uint32_t p = first - 1;
        if (q_punct(c, p, ',')) {
          cs = sb;
          ce = clause_end(c, sb, p, -1);
        } else if (q_closemark(c, p)) {
          cs = sb;
          ce = p + 1;
        }
        /* a marked quote opening the sentence is a direct quote, and a
        ** sentence that begins inside the marks is the quote's */
        if (ce > cs && (q_openmark(c, cs) || (c->tf[cs] & QT_INQUOTE)))
          cs = ce = 0;
      }
    }
  }
  if (ce > cs && !f.negated && (f.sp.te > f.sp.tb || f.cls == CUE_ACCORDING)) {
    f.ct_b = cs;
    f.ct_e = ce;
  }
  qframe *slot = vec_push(&c->frames, sizeof *slot);
  uint32_t *tb = vec_push(&c->frame_tb, sizeof *tb);
  if (slot == NULL || tb == NULL) return ANNOT_ENOMEM;
  *slot = f;
  *tb = f.cue_tb;
  return ANNOT_OK;
}

/* One frame per cue, in text order (cues inside marked quotes too, for
** the speech they report; transcript labels have none). */
int q_build_frames(qctx *c) {
  const annot_doc *d = c->d;
  uint32_t s = 0, next = 0;   /* cues do not overlap */
  /* at most a frame per cue: no growing */
  if (vec_reserve(&c->frames, sizeof(qframe), c->cues.n) != ANNOT_OK ||
      vec_reserve(&c->frame_tb, sizeof(uint32_t), c->cues.n) != ANNOT_OK)
    return ANNOT_ENOMEM;
  for (uint32_t k = 0; k < c->cues.n; k++) {
    uint32_t i = VEC_AT(c->cues, uint32_t, k);
#if defined(__GNUC__)
    /* the rules read the words of a cue: in a long text they left the
    ** cache long ago, so ask for those of the cue after next now */
    if (k + 2 < c->cues.n) {
      uint32_t ahead = VEC_AT(c->cues, uint32_t, k + 2);
      __builtin_prefetch(d->text + d->tok_start[ahead]);
    }
#endif
    if (i < next || (c->tf[i] & QT_LABEL)) continue;
    while (s + 1 < d->sentences.n &&
           VEC_AT(d->sentences, annot_span, s + 1).tok_begin <= i)
      s++;
    annot_span sn = q_sentence(c, s);
    uint32_t se = sn.tok_end > c->ntok ? c->ntok : sn.tok_end;
    if (i >= se) continue;
    int rc = add_frame(c, i, s, sn.tok_begin, se);
    if (rc != ANNOT_OK) return rc;
    next = i + c->cuelen[i];
  }
  return ANNOT_OK;
}

/* }====================================================== */
