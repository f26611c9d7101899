/*
** test_lexicon.c: the gazetteer (lexicon.c) on its own: longest match,
** the case rule, several entries per surface, user before default, TSV
** parsing and its errors, and build and lookup times (printed, not
** asserted: they depend on the machine).
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lexicon.h"
#include "lexicon_filter.h"
#include "ctest.h"
#include "scan_text.h"

/* seconds on a monotonic clock */
static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* how many entries start at the first token spelt 'word' in 'text';
** the first (up to 4) go to 'out' */
static size_t match_at(const lexicon *lx, const char *text, const char *word,
                       const lex_entry **out) {
  annot_doc *d = scan_text(text);
  if (d == NULL) return 0;
  size_t n = lexicon_match(lx, d, token_of(d, word), out, 4);
  annot_doc_free(d);
  return n;
}

/* add one default entry, checking it goes in */
static void add(lexicon *lx, const char *surface, unsigned cls,
                const char *canonical, int user) {
  annot_error err;
  CHECK(lexicon_add(lx, surface, strlen(surface), cls, canonical, NULL, user,
                    &err) == ANNOT_OK);
}

/* the label resolver the tests use: class and type names only */
static int labels(void *ud, const char *name, size_t len) {
  (void)ud;
  return lexicon_class_lookup(name, len);
}

/* entries sharing a first token: the longest first, each only where the
** text holds all of its tokens */
static void test_longest_match(void) {
  lexicon *lx = lexicon_new();
  add(lx, "Sea", LEX_LOCHEAD, NULL, 0);
  add(lx, "Black Sea", ANNOT_LOC, "Black Sea", 0);
  add(lx, "Black Sea Fleet", ANNOT_ORG, "Black Sea Fleet", 0);
  const lex_entry *out[4];
  size_t n = match_at(lx, "Ships of the Black Sea Fleet left port.", "Black",
                      out);
  CHECK(n == 2);
  CHECK(n >= 2 && out[0]->ntok == 3 && out[0]->cls == ANNOT_ORG);
  CHECK(n >= 2 && out[1]->ntok == 2 && out[1]->cls == ANNOT_LOC);
  CHECK_STR(n >= 1 ? out[0]->canonical : NULL, "Black Sea Fleet");
  /* the text ends before the longest entry does */
  n = match_at(lx, "Drills in the Black Sea", "Black", out);
  CHECK(n == 1 && out[0]->cls == ANNOT_LOC);
  /* a token that starts no entry, and the token after the longest one */
  CHECK(match_at(lx, "Ships of the Black Sea Fleet left.", "Ships", out) == 0);
  CHECK(match_at(lx, "Ships of the Black Sea Fleet left.", "Sea", out) == 1);
  /* a longer word is not its prefix */
  CHECK(match_at(lx, "Blackpool Sea Fleet", "Blackpool", out) == 0);
  /* the first token alone is no entry, nor with another second token */
  CHECK(match_at(lx, "on Black Monday", "Black", out) == 0);
  add(lx, "black", LEX_NOTNAME, NULL, 0);
  n = match_at(lx, "on Black Monday", "Black", out);
  CHECK(n == 1 && out[0]->cls == LEX_NOTNAME);
  n = match_at(lx, "the Black Sea", "Black", out);
  CHECK(n == 2 && out[0]->ntok == 2 && out[1]->ntok == 1);
  /* 'max' bounds what is written, not what is counted */
  annot_doc *d = scan_text("the Black Sea Fleet");
  CHECK(d != NULL && lexicon_match(lx, d, 1, out, 1) == 3);
  CHECK(d != NULL && lexicon_match(lx, d, d->ntok, out, 1) == 0);
  annot_doc_free(d);
  lexicon_free(lx);
}

/* capitals in an entry ask for capitals in the text; short acronyms for
** all capitals; lower case for nothing */
static void test_case_rule(void) {
  lexicon *lx = lexicon_new();
  add(lx, "Kyiv", ANNOT_GPE, "Kyiv", 0);
  add(lx, "spokesman", LEX_SOURCE, NULL, 0);
  add(lx, "US", ANNOT_GPE, "United States", 0);
  add(lx, "U.S.", ANNOT_GPE, "United States", 0);
  const lex_entry *out[4];
  /* capitalised entries need capitals in the text */
  CHECK(match_at(lx, "Talks in Kyiv ended.", "Kyiv", out) == 1);
  CHECK(match_at(lx, "TALKS IN KYIV ENDED", "KYIV", out) == 1);
  CHECK(match_at(lx, "the kyiv talks", "kyiv", out) == 0);
  /* lower-case entries match any case */
  CHECK(match_at(lx, "a spokesman said", "spokesman", out) == 1);
  CHECK(match_at(lx, "Spokesman Peskov said", "Spokesman", out) == 1);
  CHECK(match_at(lx, "SPOKESMAN PESKOV", "SPOKESMAN", out) == 1);
  /* short all-caps entries only in all caps: "us" is not the country */
  CHECK(match_at(lx, "The US envoy", "US", out) == 1);
  CHECK(match_at(lx, "he told us so", "us", out) == 0);
  CHECK(match_at(lx, "Us and them", "Us", out) == 0);
  CHECK(match_at(lx, "the U.S. envoy", "U.S.", out) == 1);
  CHECK(match_at(lx, "the u.s. envoy", "u.s.", out) == 0);
  lexicon_free(lx);
}

/* keys are made by the scanner, so they split as text does */
static void test_tokens_as_the_scanner_makes_them(void) {
  lexicon *lx = lexicon_new();
  add(lx, "Russia", ANNOT_GPE, "Russia", 0);
  add(lx, "NATO-Russia Council", ANNOT_ORG, "NATO-Russia Council", 0);
  const lex_entry *out[4];
  /* a possessive clitic is a token of its own */
  CHECK(match_at(lx, "Russia\xE2\x80\x99s troops", "Russia", out) == 1);
  CHECK(match_at(lx, "Russia's troops", "Russia", out) == 1);
  /* a hyphen compound keys as its parts */
  size_t n = match_at(lx, "The NATO-Russia Council met.", "NATO", out);
  CHECK(n == 1 && out[0]->ntok == 4);
  /* extra spaces in a surface do not change its key */
  add(lx, "  Black   Sea ", ANNOT_LOC, NULL, 0);
  CHECK(match_at(lx, "the Black Sea coast", "Black", out) == 1);
  lexicon_free(lx);
}

/* one surface, several classes: all are returned, duplicates once */
static void test_several_entries_per_surface(void) {
  lexicon *lx = lexicon_new();
  add(lx, "Jordan", ANNOT_GPE, "Jordan", 0);
  add(lx, "Jordan", LEX_GIVEN, NULL, 0);
  add(lx, "Georgia", ANNOT_GPE, "Georgia", 0);
  add(lx, "Georgia", ANNOT_GPE, "Georgia", 0);   /* a duplicate: once */
  const lex_entry *out[4];
  size_t n = match_at(lx, "Jordan said", "Jordan", out);
  CHECK(n == 2);
  CHECK(n == 2 && out[0]->cls == ANNOT_GPE && out[1]->cls == LEX_GIVEN);
  CHECK(match_at(lx, "in Georgia", "Georgia", out) == 1);
  CHECK(lexicon_size(lx) == 3);
  lexicon_free(lx);
}

/* user entries come first whatever the order they were added in */
static void test_user_before_default(void) {
  lexicon *lx = lexicon_new();
  add(lx, "Kiev", ANNOT_GPE, "Kyiv", 0);
  add(lx, "Kiev", ANNOT_ORG, "Kiev Club", 1);
  add(lx, "Kiev", ANNOT_LOC, "Old Kiev", 0);
  add(lx, "Kiev", ANNOT_FAC, "Kiev Station", 1);
  const lex_entry *out[4];
  size_t n = match_at(lx, "from Kiev today", "Kiev", out);
  CHECK(n == 4);
  if (n == 4) {
    CHECK(out[0]->user && out[0]->cls == ANNOT_ORG);
    CHECK(out[1]->user && out[1]->cls == ANNOT_FAC);
    CHECK(!out[2]->user && out[2]->cls == ANNOT_GPE);
    CHECK(!out[3]->user && out[3]->cls == ANNOT_LOC);
  }
  lexicon_free(lx);
}

/* the TSV format: comments, blanks, CRLF, a BOM, optional columns, and
** errors that name the file and the line */
static void test_tsv(void) {
  lexicon *lx = lexicon_new();
  annot_error err;
  const char *tsv =
    "\xEF\xBB\xBF# a comment\r\n"
    "\r\n"
    "Volodymyr Zelenskyy\tPERSON\tVolodymyr Zelensky\r\n"
    "   \n"
    "Secretary of State\tTITLE\t\tSecretary of State\n"
    "Zelensky\tPERSON\tVolodymyr Zelensky\n"
    "Mariupol\tGPE";   /* no final newline */
  CHECK(lexicon_add_tsv(lx, tsv, strlen(tsv), "t.tsv", 1, labels, NULL,
                        &err) == ANNOT_OK);
  CHECK(lexicon_size(lx) == 4);
  const lex_entry *out[4];
  size_t n = match_at(lx, "Volodymyr Zelenskyy spoke", "Volodymyr", out);
  CHECK(n == 1);
  if (n == 1) {
    CHECK_STR(out[0]->canonical, "Volodymyr Zelensky");
    CHECK(out[0]->role == NULL && out[0]->user);
  }
  n = match_at(lx, "the Secretary of State flew", "Secretary", out);
  CHECK(n == 1 && out[0]->canonical == NULL && out[0]->cls == LEX_TITLE);
  CHECK_STR(n == 1 ? out[0]->role : NULL, "Secretary of State");
  n = match_at(lx, "shelling in Mariupol", "Mariupol", out);
  CHECK(n == 1 && out[0]->canonical == NULL);

  /* errors name the file and the line */
  const char *bad = "# people\nAntony Blinken\tPERSON\n\nSergei Lavrov\tPERSN\n";
  CHECK(lexicon_add_tsv(lx, bad, strlen(bad), "my.tsv", 1, labels, NULL,
                        &err) == ANNOT_ELEXICON);
  CHECK_STR(err.message, "my.tsv:4: unknown type 'PERSN'");
  CHECK(err.offset == 4);
  const char *notype = "Antony Blinken\n";
  CHECK(lexicon_add_tsv(lx, notype, strlen(notype), "x.tsv", 1, labels, NULL,
                        &err) == ANNOT_ELEXICON);
  CHECK(strncmp(err.message, "x.tsv:1: ", 9) == 0);
  const char *nosurface = "ok\tGPE\n\tGPE\n";
  CHECK(lexicon_add_tsv(lx, nosurface, strlen(nosurface), "y.tsv", 1, labels,
                        NULL, &err) == ANNOT_ELEXICON);
  CHECK(strncmp(err.message, "y.tsv:2: ", 9) == 0);
  lexicon_free(lx);
}

/* bad entries fail cleanly; odd bytes are entries like any other */
static void test_bad_input(void) {
  lexicon *lx = lexicon_new();
  annot_error err;
  CHECK(lexicon_add(lx, "   ", 3, ANNOT_GPE, NULL, NULL, 0, &err) ==
        ANNOT_ELEXICON);
  CHECK(lexicon_add(lx, "Kyiv", 4, 9999, NULL, NULL, 0, &err) ==
        ANNOT_ELEXICON);
  /* invalid UTF-8 and NUL bytes are text like any other */
  CHECK(lexicon_add(lx, "a\xFF\0b", 4, ANNOT_ORG, NULL, NULL, 0, &err) ==
        ANNOT_OK);
  char big[300];
  memset(big, 'x', sizeof big);
  CHECK(lexicon_add(lx, big, sizeof big, ANNOT_ORG, NULL, NULL, 0, &err) ==
        ANNOT_ELEXICON);
  CHECK(lexicon_add_tsv(lx, "", 0, "empty", 1, labels, NULL, &err) ==
        ANNOT_OK);
  const char *junk = "\xC3\x28\tORG\n\xF0\x9F\x98\x80 emoji\tEVENT\n";
  CHECK(lexicon_add_tsv(lx, junk, strlen(junk), "junk", 1, labels, NULL,
                        &err) == ANNOT_OK);
  annot_doc *d = scan_text("");
  const lex_entry *out[4];
  CHECK(d != NULL && lexicon_match(lx, d, 0, out, 4) == 0);
  annot_doc_free(d);
  lexicon_free(lx);
}

/* the 14 type names and the 9 class names, both ways */
static void test_class_names(void) {
  static const char *const names[] = {
    "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "DATE", "TIME",
    "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"
  };
  for (unsigned t = 0; t < ANNOT_TYPE_COUNT; t++) {
    CHECK(lexicon_class_lookup(names[t], strlen(names[t])) == (int)t);
    CHECK_STR(lexicon_class_name(t), names[t]);
  }
  static const char *const classes[] = {
    "TITLE", "GIVEN", "ORGHEAD", "LOCHEAD", "FACHEAD", "EVENTHEAD", "CUE",
    "SOURCE", "NOTNAME"
  };
  for (unsigned c = LEX_TITLE; c < LEX_CLASS_END; c++) {
    const char *name = classes[c - LEX_TITLE];
    CHECK(lexicon_class_lookup(name, strlen(name)) == (int)c);
    CHECK_STR(lexicon_class_name(c), name);
  }
  CHECK(lexicon_class_lookup("PERSN", 5) == -1);
  CHECK(lexicon_class_lookup("PERSONS", 6) == 0);   /* counted, not NUL */
  CHECK(lexicon_class_name(ANNOT_TYPE_COUNT) == NULL);
  CHECK(lexicon_class_name(LEX_CLASS_END) == NULL);
}

/* the default lexicon builds, and how fast; a miss-heavy lookup rate */
static void test_default_lexicon(void) {
  annot_error err;
  double t0 = now();
  lexicon *lx = lexicon_new();
  int rc = lexicon_add_tsv(lx, annot_default_lexicon,
                           annot_default_lexicon_len, "default lexicon", 0,
                           labels, NULL, &err);
  double t1 = now();
  if (rc != ANNOT_OK) fprintf(stderr, "%s\n", err.message);
  CHECK(rc == ANNOT_OK);
  printf("default lexicon: %zu entries from %zu bytes in %.1f ms\n",
         lexicon_size(lx), annot_default_lexicon_len, (t1 - t0) * 1e3);

  /* lookups at every token of a long text */
  const char *para = "Foreign ministers from Poland, Germany and France met "
                     "in Warsaw on Tuesday as Russian troops massed near the "
                     "border with Ukraine, officials said. ";
  size_t plen = strlen(para), reps = 20000;
  char *text = malloc(plen * reps + 1);
  CHECK(text != NULL);
  if (text == NULL) return;
  for (size_t r = 0; r < reps; r++) memcpy(text + r * plen, para, plen);
  text[plen * reps] = '\0';
  annot_doc *d = scan_text(text);
  const lex_entry *out[8];
  size_t hits = 0;
  t0 = now();
  for (uint32_t i = 0; d != NULL && i < d->ntok; i++)
    hits += lexicon_match(lx, d, i, out, 8) > 0;
  t1 = now();
  /* the doc-wide filter marks every token where an entry starts, and
  ** leaves most of the others */
  uint16_t *marks = d != NULL ? malloc(d->ntok * sizeof *marks) : NULL;
  if (marks != NULL) {
    /* in two blocks, as a caller with a long doc does */
    size_t marked = lexicon_filter_doc(lx, d, 0, 1000, marks, 7) +
                    lexicon_filter_doc(lx, d, 1000, d->ntok + 5, marks, 7);
    size_t missed = 0;
    for (uint32_t i = 0; i < d->ntok; i++)
      if (lexicon_match(lx, d, i, out, 8) > 0 && marks[i] != 7) missed++;
    CHECK(missed == 0);
    CHECK(marked >= hits && marked < d->ntok);
    printf("lexicon_filter_doc: %zu of %u tokens marked, %zu start an entry\n",
           marked, d->ntok, hits);
  }
  free(marks);
  if (d != NULL)
    printf("lexicon_match: %u tokens, %zu hits, %.1f ns a token, %.0f MB/s\n",
           d->ntok, hits, (t1 - t0) * 1e9 / d->ntok,
           (double)plen * reps / (t1 - t0) / 1e6);
  annot_doc_free(d);
  free(text);
  lexicon_free(lx);
}

/* a user lexicon of 100,000 entries: built well under a second */
static void test_big_lexicon(void) {
  size_t n = 100000, cap = n * 48, len = 0;
  char *tsv = malloc(cap);
  CHECK(tsv != NULL);
  if (tsv == NULL) return;
  for (size_t i = 0; i < n; i++)
    len += (size_t)snprintf(tsv + len, cap - len,
                            "Agency %zu for Border Studies\tORG\tA%zu\n", i, i);
  lexicon *lx = lexicon_new();
  annot_error err;
  double t0 = now();
  CHECK(lexicon_add_tsv(lx, tsv, len, "big.tsv", 1, labels, NULL, &err) ==
        ANNOT_OK);
  double t1 = now();
  CHECK(lexicon_size(lx) == n);
  printf("user lexicon: %zu entries in %.1f ms\n", lexicon_size(lx),
         (t1 - t0) * 1e3);
  const lex_entry *out[2];
  size_t got = match_at(lx, "the Agency 4242 for Border Studies said",
                        "Agency", out);
  CHECK(got == 1);
  CHECK_STR(got == 1 ? out[0]->canonical : NULL, "A4242");
  lexicon_free(lx);
  free(tsv);
}

/* The first-token filters never say no to an entry: many one-word and
** two-word entries with distinct first tokens, in lower case (any case)
** and capitalised, are each found at their place, and in lower case the
** capitalised ones are not; a text of words that start nothing finds
** nothing. */
static void test_filter_no_false_no(void) {
  lexicon *lx = lexicon_new();
  size_t n = 3000;
  char surface[64];
  for (size_t i = 0; i < n; i++) {
    /* 'w' + a number is one word token to the scanner */
    snprintf(surface, sizeof surface, i % 2 ? "w%zux" : "W%zux", i);
    if (i % 3 == 0) strcat(surface, " next");
    add(lx, surface, i % 2 ? LEX_CUE : ANNOT_ORG, NULL, i % 5 == 0);
  }
  size_t found = 0, lowcap = 0;
  const lex_entry *out[4];
  for (size_t i = 0; i < n; i++) {
    char text[96], word[32];
    snprintf(word, sizeof word, i % 2 ? "w%zux" : "W%zux", i);
    snprintf(text, sizeof text, "so %s next step", word);
    if (match_at(lx, text, word, out) >= 1) found++;
    /* a capitalised entry asks for a capital: its lower-case form fails */
    if (i % 2 == 0) {
      word[0] = 'w';
      snprintf(text, sizeof text, "so %s next step", word);
      lowcap += match_at(lx, text, word, out);
    }
  }
  CHECK(found == n);
  CHECK(lowcap == 0);
  CHECK(match_at(lx, "so q1x next step", "q1x", out) == 0);
  lexicon_free(lx);
}

/* Lower-case entries starting with the commonest words match in lower
** case (no word is skipped by a list); NOTNAME entries, which are about
** capitalised words, match only capitalised tokens however written. */
static void test_common_first_words(void) {
  lexicon *lx = lexicon_new();
  add(lx, "the", LEX_NOTNAME, NULL, 0);
  add(lx, "of", LEX_NOTNAME, NULL, 0);
  add(lx, "the hague tribunal", ANNOT_ORG, NULL, 1);
  add(lx, "of counsel", LEX_TITLE, NULL, 1);
  const lex_entry *out[4];
  size_t n = match_at(lx, "at the hague tribunal today", "the", out);
  CHECK(n == 1 && out[0]->cls == ANNOT_ORG && out[0]->ntok == 3);
  n = match_at(lx, "lawyers of counsel said", "of", out);
  CHECK(n == 1 && out[0]->cls == LEX_TITLE);
  /* 'the' alone: a NOTNAME only with its capital */
  CHECK(match_at(lx, "at the court", "the", out) == 0);
  n = match_at(lx, "The court sat", "The", out);
  CHECK(n == 1 && out[0]->cls == LEX_NOTNAME);
  n = match_at(lx, "The hague tribunal sat", "The", out);
  CHECK(n == 2 && out[0]->cls == ANNOT_ORG && out[1]->cls == LEX_NOTNAME);
  lexicon_free(lx);
}

/* a surname names a lexicon person only when it names exactly one */
static void test_person_by_surname(void) {
  lexicon *lx = lexicon_new();
  add(lx, "Ned Price", ANNOT_PERSON, "Ned Price", 0);
  add(lx, "Edward Price", ANNOT_PERSON, "Ned Price", 0);
  add(lx, "Lee Harmon", ANNOT_PERSON, "Lee Harmon", 0);
  add(lx, "Ada Harmon", ANNOT_PERSON, "Ada Harmon", 0);
  add(lx, "Price Waterhouse", ANNOT_ORG, "Price Waterhouse", 0);
  add(lx, "Kessler", ANNOT_PERSON, "Kessler", 0);
  const lex_entry *e =
    lexicon_person_by_surname(lx, annot_norm_hash("PRICE", 5));
  CHECK(e != NULL && strcmp(e->canonical, "Ned Price") == 0);
  /* two people share it: none */
  CHECK(lexicon_person_by_surname(lx, annot_norm_hash("Harmon", 6)) == NULL);
  /* a one-word entry or an organisation is no surname */
  CHECK(lexicon_person_by_surname(lx, annot_norm_hash("Kessler", 7)) == NULL);
  CHECK(lexicon_person_by_surname(lx, annot_norm_hash("Waterhouse", 10)) ==
        NULL);
  CHECK(lexicon_person_by_surname(NULL, 1) == NULL);
  lexicon_free(lx);
}

int main(void) {
  test_longest_match();
  test_case_rule();
  test_tokens_as_the_scanner_makes_them();
  test_several_entries_per_surface();
  test_user_before_default();
  test_tsv();
  test_filter_no_false_no();
  test_common_first_words();
  test_bad_input();
  test_class_names();
  test_default_lexicon();
  test_big_lexicon();
  test_person_by_surname();
  return ctest_done("test_lexicon");
}
