/*
** test_quotes.c: the quote stage through the C API (and its reading of
** the entity stage's word-class mask, d->tok_lex): the fields Lua does
** not show (speaker mention and entity indices, content offsets, flags),
** pipelines without cues, and input that must not crash it.  Run from
** the project root; valgrind checks that the stage leaks nothing.
*/
#include <stdlib.h>
#include <string.h>

#include "annot.h"
#include "lexicon.h"
#include "pipeline.h"
#include "ctest.h"

/* the quote of 'd' whose text is 'want', or NULL */
static const annot_quote *find_quote(const annot_doc *d, const char *want) {
  size_t len;
  const char *text = annot_doc_text(d, &len);
  for (size_t i = 0; i < annot_quote_count(d); i++) {
    const annot_quote *q = annot_doc_quote(d, i);
    if (q->end - q->start == strlen(want) &&
        memcmp(text + q->start, want, q->end - q->start) == 0)
      return q;
  }
  return NULL;
}

/* every quote of 'd' lies in its text, is sorted, and has its content,
** speaker and cue inside the text */
static int quotes_sane(const annot_doc *d) {
  size_t len;
  annot_doc_text(d, &len);
  uint32_t last = 0;
  for (size_t i = 0; i < annot_quote_count(d); i++) {
    const annot_quote *q = annot_doc_quote(d, i);
    if (q->start > q->end || q->end > len || q->start < last) return 0;
    if (q->content_start < q->start || q->content_end > q->end ||
        q->content_start > q->content_end)
      return 0;
    if (q->speaker_end > len || q->cue_end > len) return 0;
    if (q->kind >= ANNOT_QUOTE_KIND_COUNT) return 0;
    if (q->speaker_mention != ANNOT_NONE &&
        q->speaker_mention >= annot_mention_count(d))
      return 0;
    if (q->speaker_entity != ANNOT_NONE &&
        q->speaker_entity >= annot_entity_count(d))
      return 0;
    last = q->start;
  }
  return 1;
}

/* the speaker's mention, entity and canonical name agree */
static void test_speaker_fields(annot_pipeline *p) {
  const char *text = "\xE2\x80\x9CWe will not give up,\xE2\x80\x9D Dmitry Peskov said.";
  annot_doc *d = annot_annotate(p, text, strlen(text), NULL);
  CHECK(d != NULL);
  if (d == NULL) return;
  const annot_quote *q = find_quote(d, "\xE2\x80\x9CWe will not give up,\xE2\x80\x9D");
  CHECK(q != NULL);
  if (q != NULL) {
    CHECK(q->kind == ANNOT_QUOTE_DIRECT);
    CHECK(q->content_start == q->start + 3 && q->content_end == q->end - 3);
    CHECK(q->speaker_mention != ANNOT_NONE);
    if (q->speaker_mention != ANNOT_NONE) {
      const annot_mention *m = annot_doc_mention(d, q->speaker_mention);
      CHECK(m->start == q->speaker_start && m->end == q->speaker_end);
      CHECK(m->entity == q->speaker_entity);
    }
    CHECK(q->speaker_canonical != NULL && q->speaker_canonical_len == 13 &&
          memcmp(q->speaker_canonical, "Dmitry Peskov", 13) == 0);
    CHECK(q->anonymous == 0);
    CHECK(q->cue_end - q->cue_start == 4 &&
          memcmp(text + q->cue_start, "said", 4) == 0);
    CHECK(q->flags == 0);
    CHECK(q->sentence == 0);
  }
  annot_doc_free(d);
}

/* an unnamed source: no canonical name, anonymous, its noun phrase */
static void test_anonymous(annot_pipeline *p) {
  const char *text = "\"Nothing is agreed,\" a senior Western diplomat said.";
  annot_doc *d = annot_annotate(p, text, strlen(text), NULL);
  CHECK(d != NULL);
  if (d == NULL) return;
  const annot_quote *q = find_quote(d, "\"Nothing is agreed,\"");
  CHECK(q != NULL);
  if (q != NULL) {
    CHECK(q->anonymous == 1);
    CHECK(q->speaker_canonical == NULL);
    CHECK(q->speaker_mention == ANNOT_NONE);
    CHECK(q->speaker_end - q->speaker_start == strlen("a senior Western diplomat") &&
          memcmp(text + q->speaker_start, "a senior Western diplomat", 25) == 0);
  }
  annot_doc_free(d);
}

/* a pronoun that names no one is no speaker: no span, no mention, no
** entity, no canonical; the cue stays (doc/quotes.md) */
static void test_unresolved_pronoun(annot_pipeline *p) {
  const char *text = "\"We will not back down,\" she said.";
  annot_doc *d = annot_annotate(p, text, strlen(text), NULL);
  CHECK(d != NULL);
  if (d == NULL) return;
  const annot_quote *q = find_quote(d, "\"We will not back down,\"");
  CHECK(q != NULL);
  if (q != NULL) {
    CHECK(q->kind == ANNOT_QUOTE_DIRECT);
    CHECK(q->speaker_end <= q->speaker_start);
    CHECK(q->speaker_mention == ANNOT_NONE && q->speaker_entity == ANNOT_NONE);
    CHECK(q->speaker_canonical == NULL && q->anonymous == 0);
    CHECK(q->cue_end - q->cue_start == 4 &&
          memcmp(text + q->cue_start, "said", 4) == 0);
  }
  annot_doc_free(d);
}

/* flags: unclosed, nested, turn, colon */
static void test_flags(annot_pipeline *p) {
  const char *text =
    "Lavrov said the West had \xE2\x80\x9Cno illusions about NATO.\n\n"
    "\xE2\x80\x9CThey said \xE2\x80\x98never\xE2\x80\x99 and meant it,\xE2\x80\x9D "
    "the envoy said.\n\n"
    "Dmitry Peskov said:\n\n"
    "\xE2\x80\x9CWe will answer in writing.\xE2\x80\x9D";
  annot_doc *d = annot_annotate(p, text, strlen(text), NULL);
  CHECK(d != NULL);
  if (d == NULL) return;
  const annot_quote *q = find_quote(d, "\xE2\x80\x9Cno illusions about NATO.");
  CHECK(q != NULL && (q->flags & ANNOT_QF_UNCLOSED));
  q = find_quote(d, "\xE2\x80\x98never\xE2\x80\x99");
  CHECK(q != NULL && (q->flags & ANNOT_QF_NESTED));
  q = find_quote(d, "\xE2\x80\x9CWe will answer in writing.\xE2\x80\x9D");
  CHECK(q != NULL && (q->flags & ANNOT_QF_COLON) && q->kind == ANNOT_QUOTE_DIRECT);
  CHECK(quotes_sane(d));
  annot_doc_free(d);

  const char *tr = "MR. PRICE: Good afternoon.\n\nQUESTION: Any news from Geneva?\n\n"
                   "MR. PRICE: Not yet.";
  d = annot_annotate(p, tr, strlen(tr), NULL);
  CHECK(d != NULL);
  if (d == NULL) return;
  CHECK(annot_quote_count(d) == 3);
  for (size_t i = 0; i < annot_quote_count(d); i++)
    CHECK(annot_doc_quote(d, i)->flags & ANNOT_QF_TURN);
  q = find_quote(d, "Not yet.");
  CHECK(q != NULL && q->cue_end - q->cue_start == 1 && tr[q->cue_start] == ':');
  annot_doc_free(d);
}

/* without cues (no default lexicon) marks still pair, nothing speaks */
static void test_no_lexicon(void) {
  annot_options o;
  memset(&o, 0, sizeof o);
  o.no_default_lexicon = 1;
  annot_pipeline *p = annot_pipeline_new(&o, NULL);
  CHECK(p != NULL);
  if (p == NULL) return;
  const char *text = "\xE2\x80\x9CWe are ready for talks,\xE2\x80\x9D he said. "
                     "Troops moved \xE2\x80\x9Cwest.\xE2\x80\x9D";
  annot_doc *d = annot_annotate(p, text, strlen(text), NULL);
  CHECK(d != NULL && annot_quote_count(d) == 2);
  if (d != NULL) {
    CHECK(quotes_sane(d));
    for (size_t i = 0; i < annot_quote_count(d); i++)
      CHECK(annot_doc_quote(d, i)->kind != ANNOT_QUOTE_INDIRECT);
  }
  annot_doc_free(d);
  annot_pipeline_free(p);

  /* the entities stage alone: no quotes */
  memset(&o, 0, sizeof o);
  o.stages = ANNOT_STAGE_ENTITIES;
  p = annot_pipeline_new(&o, NULL);
  d = p ? annot_annotate(p, text, strlen(text), NULL) : NULL;
  CHECK(d != NULL && annot_quote_count(d) == 0);
  annot_doc_free(d);
  annot_pipeline_free(p);
}

/* input that must not crash the stage, or make it lose its bounds */
static void test_bad_input(annot_pipeline *p) {
  static const char *const texts[] = {
    "",
    "\"",
    "\xE2\x80\x9C",
    "\xE2\x80\x9D\xE2\x80\x9D\xE2\x80\x9D said",
    ": : : said: : said",
    "Q: A:",
    "\xE2\x80\x9C\xE2\x80\x9C\xE2\x80\x9C\xE2\x80\x9C\xE2\x80\x9C\xE2\x80\x9C\xE2\x80\x9C"
    "\xE2\x80\x9C\xE2\x80\x9C\xE2\x80\x9C\xE2\x80\x9C\xE2\x80\x9C\xE2\x80\x9C\xE2\x80\x9C"
    "\xE2\x80\x9C\xE2\x80\x9C\xE2\x80\x9C\xE2\x80\x9C\xE2\x80\x9C\xE2\x80\x9C deep",
    "\xFF\xFE\"bad\xC0\" said \xE2\x80",
    "he said he said he said, according to according to",
  };
  for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
    annot_doc *d = annot_annotate(p, texts[k], strlen(texts[k]), NULL);
    CHECK(d != NULL && quotes_sane(d));
    annot_doc_free(d);
  }
  /* NUL bytes are text */
  const char nul[] = "\xE2\x80\x9CWe\0are ready,\xE2\x80\x9D Lavrov said.\0";
  annot_doc *d = annot_annotate(p, nul, sizeof nul - 1, NULL);
  CHECK(d != NULL && quotes_sane(d) && annot_quote_count(d) == 1);
  annot_doc_free(d);

  /* a long text: many quotes, one unclosed mark per paragraph */
  const char *para = "\xE2\x80\x9CWe will respond,\xE2\x80\x9D the spokesman said, "
                     "and Russia denied the \xE2\x80\x9C""claims.\n\n";
  size_t plen = strlen(para), n = 5000;
  char *big = malloc(plen * n);
  CHECK(big != NULL);
  if (big == NULL) return;
  for (size_t i = 0; i < n; i++) memcpy(big + i * plen, para, plen);
  d = annot_annotate(p, big, plen * n, NULL);
  CHECK(d != NULL && quotes_sane(d));
  if (d != NULL) {
    size_t unclosed = 0;
    for (size_t i = 0; i < annot_quote_count(d); i++) {
      const annot_quote *q = annot_doc_quote(d, i);
      if (q->flags & ANNOT_QF_UNCLOSED) {
        unclosed++;
        CHECK(q->end - q->start < plen);
      }
    }
    CHECK(unclosed == n);
  }
  annot_doc_free(d);
  free(big);
}

/* a copy of the quotes of 'd', to compare two runs of the stage */
static annot_quote *copy_quotes(const annot_doc *d, size_t *n) {
  *n = annot_quote_count(d);
  annot_quote *qs = malloc((*n ? *n : 1) * sizeof *qs);
  if (qs != NULL)
    for (size_t i = 0; i < *n; i++) qs[i] = *annot_doc_quote(d, i);
  return qs;
}

/* the quotes of 'd' are those in 'qs' (spans, kinds, speakers, cues) */
static int same_quotes(const annot_doc *d, const annot_quote *qs, size_t n) {
  if (annot_quote_count(d) != n) return 0;
  for (size_t i = 0; i < n; i++) {
    const annot_quote *q = annot_doc_quote(d, i);
    if (q->start != qs[i].start || q->end != qs[i].end || q->kind != qs[i].kind ||
        q->speaker_start != qs[i].speaker_start ||
        q->speaker_end != qs[i].speaker_end || q->cue_start != qs[i].cue_start ||
        q->anonymous != qs[i].anonymous)
      return 0;
  }
  return 1;
}

/* The stage reads the entity stage's word-class mask (d->tok_lex) to skip
** lexicon look-ups: with the mask the lexicon itself gives, or with no
** mask at all, the quotes are the same; a mask that says no word class
** starts anywhere leaves no cue, so it is really read. */
static void test_word_class_mask(annot_pipeline *p) {
  const char *text =
      "Ukraine's foreign minister said the talks would resume. “We are ready,” "
      "a senior official told reporters. According to diplomats, the meeting "
      "ended early.\n\nThe spokesman denied the report, which the ministry "
      "called “a fabrication.”";
  annot_error err;
  annot_doc *d = annot_annotate(p, text, strlen(text), &err);
  CHECK(d != NULL);
  if (d == NULL) return;
  size_t n;
  annot_quote *want = copy_quotes(d, &n);
  CHECK(want != NULL && n >= 4);
  /* no mask: every token is looked up */
  free(d->tok_lex);
  d->tok_lex = NULL;
  CHECK(stage_quotes(d, &err) == ANNOT_OK);
  CHECK(same_quotes(d, want, n));
  /* the exact mask, from the lexicon */
  d->tok_lex = calloc(d->ntok, sizeof *d->tok_lex);
  CHECK(d->tok_lex != NULL);
  if (d->tok_lex != NULL) {
    const lex_entry *hits[16];
    for (uint32_t i = 0; i < d->ntok; i++) {
      size_t k = lexicon_match(p->lex, d, i, hits, 16);
      for (size_t h = 0; h < k && h < 16; h++)
        if (hits[h]->cls >= LEX_TITLE && hits[h]->cls < LEX_CLASS_END)
          d->tok_lex[i] |= LEX_BIT(hits[h]->cls);
    }
    CHECK(stage_quotes(d, &err) == ANNOT_OK);
    CHECK(same_quotes(d, want, n));
    /* an empty mask: no cue anywhere, so no indirect quote */
    memset(d->tok_lex, 0, d->ntok * sizeof *d->tok_lex);
    CHECK(stage_quotes(d, &err) == ANNOT_OK);
    for (size_t i = 0; i < annot_quote_count(d); i++)
      CHECK(annot_doc_quote(d, i)->kind != ANNOT_QUOTE_INDIRECT);
  }
  free(want);
  annot_doc_free(d);
}

int main(void) {
  annot_error err;
  annot_pipeline *p = annot_pipeline_new(NULL, &err);
  CHECK(p != NULL);
  if (p != NULL) {
    test_speaker_fields(p);
    test_anonymous(p);
    test_unresolved_pronoun(p);
    test_flags(p);
    test_bad_input(p);
    test_word_class_mask(p);
    annot_pipeline_free(p);
  }
  test_no_lexicon();
  return ctest_done("test_quotes");
}
