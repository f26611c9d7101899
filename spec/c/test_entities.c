/*
** test_entities.c: the entity and resolve stages through the C API:
** rules driven by user lexicon entries alone (no default lexicon), and the
** invariants of the mention and entity layers on hostile input (random
** bytes, NUL bytes, invalid UTF-8, a long text).
*/
#include <stdlib.h>
#include <string.h>

#include "annot.h"
#include "ctest.h"
#include "scan_text.h"   /* the doc's internals: its word-class mask */

/* the text of mention 'm' of 'text' equals 'want' */
static int mention_is(const char *text, const annot_mention *m,
                      const char *want) {
  size_t n = strlen(want);
  return m->end - m->start == n && memcmp(text + m->start, want, n) == 0;
}

/* the first mention of 'd' whose text is 'want', or NULL */
static const annot_mention *find(const annot_doc *d, const char *text,
                                 const char *want) {
  for (size_t i = 0; i < annot_mention_count(d); i++) {
    const annot_mention *m = annot_doc_mention(d, i);
    if (mention_is(text, m, want)) return m;
  }
  return NULL;
}

/* a canonical name equals 'want' */
static int canonical_is(const annot_mention *m, const char *want) {
  return m != NULL && m->canonical != NULL &&
         m->canonical_len == strlen(want) &&
         memcmp(m->canonical, want, m->canonical_len) == 0;
}

/* the layers of 'd' keep their promises: mentions sorted, apart, inside
** the text and on token bounds; every mention in one valid entity whose
** counts add up */
static int layers_hold(const annot_doc *d) {
  size_t len;
  annot_doc_text(d, &len);
  size_t nm = annot_mention_count(d), ne = annot_entity_count(d);
  size_t total = 0;
  uint32_t prev_end = 0;
  for (size_t i = 0; i < nm; i++) {
    const annot_mention *m = annot_doc_mention(d, i);
    if (m->start >= m->end || m->end > len || m->start < prev_end) return 0;
    if (m->tok_begin >= m->tok_end || m->tok_end > annot_token_count(d))
      return 0;
    if (annot_doc_token(d, m->tok_begin).start != m->start ||
        annot_doc_token(d, m->tok_end - 1).end != m->end)
      return 0;
    if (m->role_end > m->role_start && m->role_end > m->start) return 0;
    if (m->entity >= ne) return 0;
    if (m->type < ANNOT_DATE && m->canonical == NULL) return 0;
    prev_end = m->end;
  }
  for (size_t e = 0; e < ne; e++) {
    const annot_entity *en = annot_doc_entity(d, e);
    if (en->first_mention >= nm || en->mention_count == 0) return 0;
    if (annot_doc_mention(d, en->first_mention)->entity != e) return 0;
    total += en->mention_count;
  }
  return total == nm;
}

/* rules from user entries only: titles and roles, given names, heads,
** surnames, lexicon canonical names */
static void test_user_entries(void) {
  annot_options o = {0};
  o.no_default_lexicon = 1;
  annot_error err;
  annot_pipeline *p = annot_pipeline_new(&o, &err);
  CHECK(p != NULL);
  if (p == NULL) return;
  CHECK(annot_pipeline_add_entry(p, "foreign minister", "TITLE", NULL, NULL,
                                 &err) == ANNOT_OK);
  CHECK(annot_pipeline_add_entry(p, "Halina", "GIVEN", NULL, NULL, &err) ==
        ANNOT_OK);
  CHECK(annot_pipeline_add_entry(p, "Agency", "ORGHEAD", NULL, NULL, &err) ==
        ANNOT_OK);
  CHECK(annot_pipeline_add_entry(p, "said", "CUE", "say", NULL, &err) ==
        ANNOT_OK);
  CHECK(annot_pipeline_add_entry(p, "Velmor", "GPE", "Republic of Velmor",
                                 NULL, &err) == ANNOT_OK);
  CHECK(annot_pipeline_add_entry(p, "Velmorian", "NORP", "Velmorian", NULL,
                                 &err) == ANNOT_OK);
  const char *text =
      "Velmorian foreign minister Odd Brask met Halina Kowal in Velmor. "
      "Brask said the Velmor Grain Agency would help. Kowal agreed.";
  annot_doc *d = annot_annotate(p, text, strlen(text), &err);
  CHECK(d != NULL);
  if (d != NULL) {
    const annot_mention *brask = find(d, text, "Odd Brask");
    CHECK(brask != NULL && brask->type == ANNOT_PERSON);
    CHECK(brask != NULL && brask->role_end - brask->role_start ==
                               strlen("Velmorian foreign minister"));
    const annot_mention *kowal = find(d, text, "Halina Kowal");
    CHECK(kowal != NULL && kowal->type == ANNOT_PERSON &&
          kowal->source == ANNOT_SRC_RULE);
    const annot_mention *agency = find(d, text, "Velmor Grain Agency");
    CHECK(agency != NULL && agency->type == ANNOT_ORG);
    const annot_mention *velmor = find(d, text, "Velmor");
    CHECK(canonical_is(velmor, "Republic of Velmor"));
    CHECK(velmor != NULL && velmor->source == ANNOT_SRC_LEXICON);
    /* 'Brask said' and 'Kowal' alone are the people named in full */
    const annot_mention *b2 = NULL, *k2 = NULL;
    for (size_t i = 0; i < annot_mention_count(d); i++) {
      const annot_mention *m = annot_doc_mention(d, i);
      if (mention_is(text, m, "Brask")) b2 = m;
      if (mention_is(text, m, "Kowal")) k2 = m;
    }
    CHECK(b2 != NULL && brask != NULL && b2->entity == brask->entity);
    CHECK(canonical_is(b2, "Odd Brask"));
    CHECK(k2 != NULL && kowal != NULL && k2->entity == kowal->entity);
    CHECK(layers_hold(d));
    annot_doc_free(d);
  }
  annot_pipeline_free(p);
}

/* hostile input never crashes and keeps the layers sound */
static void test_bad_input(void) {
  annot_error err;
  annot_pipeline *p = annot_pipeline_new(NULL, &err);
  CHECK(p != NULL);
  if (p == NULL) return;
  /* random bytes, then random words from a small vocabulary of names,
  ** numbers, titles and punctuation (the rules' corner cases) */
  static const char *const vocab[] = {
    "Secretary", "of", "State", "Blinken", "said", "the", "U.S.", "-",
    "Embassy", "(", "OSCE", ")", "Ministry", "Tuesday", "$", "1.2bn", "%",
    "5", "some", "100,000", "May", "last", "week", "QUESTION", ":", "\n\n",
    "a", "Jan.", "21", ",", "2022", "Council", "and", "NATO", "’s", "“",
    "”", ".", "Olaf", "Scholz", "in", "Kyiv", "tens", "thousands", "first",
    /* the round-two rules: vocatives, labels, bases, bodies, periods */
    "Thanks", "Ned", "PRICE", "MR.", "RAF", "Fort", "HMS", "Naval",
    "Station", "told", "Forum", "for", "82nd", "Airborne", "Russian",
    "Foreign", "36", "hours", "months", "second", "ING", "Logistics"
  };
  size_t n = 1u << 20;
  char *buf = malloc(n);
  CHECK(buf != NULL);
  if (buf == NULL) {
    annot_pipeline_free(p);
    return;
  }
  uint32_t seed = 12345;
  for (size_t i = 0; i < n; i++) {
    seed = seed * 1103515245u + 12345u;
    buf[i] = (char)(seed >> 16);
  }
  annot_doc *d = annot_annotate(p, buf, n, &err);
  CHECK(d != NULL && layers_hold(d));
  annot_doc_free(d);
  size_t at = 0;
  while (at + 16 < n) {
    seed = seed * 1103515245u + 12345u;
    const char *w = vocab[(seed >> 16) % (sizeof vocab / sizeof vocab[0])];
    size_t wl = strlen(w);
    memcpy(buf + at, w, wl);
    at += wl;
    buf[at++] = (seed >> 8) % 7 ? ' ' : '\n';
  }
  d = annot_annotate(p, buf, at, &err);
  CHECK(d != NULL && layers_hold(d));
  CHECK(d != NULL && annot_mention_count(d) > 1000);
  annot_doc_free(d);
  /* NUL bytes inside a name, invalid UTF-8, empty text */
  static const char nul[] = "Olaf\0Scholz met Antony Blinken\0 in Geneva \xff\xfe.";
  d = annot_annotate(p, nul, sizeof nul - 1, &err);
  CHECK(d != NULL && layers_hold(d));
  annot_doc_free(d);
  d = annot_annotate(p, "", 0, &err);
  CHECK(d != NULL && annot_mention_count(d) == 0 && annot_entity_count(d) == 0);
  annot_doc_free(d);
  free(buf);
  annot_pipeline_free(p);
}

/* The entity stage leaves d->tok_lex: at each token the word classes of
** the entries starting there, and nothing where none starts (a lower-
** case word that only a capitalised entry starts with, punctuation).  A
** lower-case user entry that starts with 'the' matches in lower case. */
static void test_word_class_mask(void) {
  annot_options o = {0};
  o.no_default_lexicon = 1;
  annot_error err;
  annot_pipeline *p = annot_pipeline_new(&o, &err);
  CHECK(p != NULL);
  if (p == NULL) return;
  CHECK(annot_pipeline_add_entry(p, "said", "CUE", "say", NULL, &err) ==
        ANNOT_OK);
  CHECK(annot_pipeline_add_entry(p, "according to", "CUE", "say", NULL,
                                 &err) == ANNOT_OK);
  CHECK(annot_pipeline_add_entry(p, "spokeswoman", "SOURCE", NULL, NULL,
                                 &err) == ANNOT_OK);
  CHECK(annot_pipeline_add_entry(p, "spokeswoman", "TITLE", NULL, NULL,
                                 &err) == ANNOT_OK);
  CHECK(annot_pipeline_add_entry(p, "The", "NOTNAME", NULL, NULL, &err) ==
        ANNOT_OK);
  CHECK(annot_pipeline_add_entry(p, "the grain board", "ORG", NULL, NULL,
                                 &err) == ANNOT_OK);
  const char *text = "The spokeswoman said, according to the grain board, "
                     "that the talks failed.";
  annot_doc *d = annot_annotate(p, text, strlen(text), &err);
  CHECK(d != NULL && d->tok_lex != NULL);
  if (d != NULL && d->tok_lex != NULL) {
    CHECK(d->tok_lex[token_of(d, "The")] == LEX_BIT(LEX_NOTNAME));
    CHECK(d->tok_lex[token_of(d, "spokeswoman")] ==
          (LEX_BIT(LEX_SOURCE) | LEX_BIT(LEX_TITLE)));
    CHECK(d->tok_lex[token_of(d, "said")] == LEX_BIT(LEX_CUE));
    CHECK(d->tok_lex[token_of(d, "according")] == LEX_BIT(LEX_CUE));
    /* an entity entry sets no class bit; 'to', ',' and 'talks' start none */
    CHECK(d->tok_lex[token_of(d, "the")] == 0);
    CHECK(d->tok_lex[token_of(d, "to")] == 0);
    CHECK(d->tok_lex[token_of(d, ",")] == 0);
    CHECK(d->tok_lex[token_of(d, "talks")] == 0);
    CHECK(find(d, text, "the grain board") != NULL);
    CHECK(layers_hold(d));
    annot_doc_free(d);
  }
  annot_pipeline_free(p);
}

/* the round-two rules, through the C API: a label's surname named by
** the lexicon, a vocative, a base as one facility, a country's ministry
** named after it */
static void test_round_two(void) {
  annot_error err;
  annot_pipeline *p = annot_pipeline_new(NULL, &err);
  CHECK(p != NULL);
  if (p == NULL) return;
  const char *text =
    "MR. PRICE: Thanks, Yusuf.\n\n"
    "Lloyd Austin, the defense secretary, flew from RAF Marham. "
    "Ukraine's Foreign Ministry and the Russian Foreign Ministry spoke.";
  annot_doc *d = annot_annotate(p, text, strlen(text), &err);
  CHECK(d != NULL);
  if (d != NULL) {
    CHECK(layers_hold(d));
    const annot_mention *m = find(d, text, "PRICE");
    CHECK(m != NULL && m->type == ANNOT_PERSON && canonical_is(m, "Ned Price"));
    m = find(d, text, "Yusuf");
    CHECK(m != NULL && m->type == ANNOT_PERSON);
    /* a role stays before the name (annot.h): none after it */
    m = find(d, text, "Lloyd Austin");
    CHECK(m != NULL && m->role_end == m->role_start);
    m = find(d, text, "RAF Marham");
    CHECK(m != NULL && m->type == ANNOT_FAC);
    const annot_mention *first = find(d, text, "Foreign Ministry");
    CHECK(first != NULL);
    /* the second 'Foreign Ministry' is Russia's: another entity */
    const annot_mention *second = NULL;
    for (size_t i = 0; i < annot_mention_count(d); i++) {
      const annot_mention *x = annot_doc_mention(d, i);
      if (x != first && mention_is(text, x, "Foreign Ministry")) second = x;
    }
    CHECK(first != NULL && second != NULL && first->entity != second->entity);
    annot_doc_free(d);
  }
  annot_pipeline_free(p);
}

int main(void) {
  test_user_entries();
  test_bad_input();
  test_word_class_mask();
  test_round_two();
  return ctest_done("test_entities");
}
