/*
** test_lexicon_data.c: the default lexicon's knowledge (the TSV files of csrc/lexicon
** as compiled into lexicon_data.c): it loads without error, it is big
** enough, and a plain longest-match tagger over its entries finds the
** places, people, organisations and groups of invented news sentences with
** the agreed canonical names, while ordinary lower-case English and
** sentence openers match no entity.  The matching engine itself is tested
** in test_lexicon.c; this file tests the data.
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lexicon.h"
#include "ctest.h"
#include "scan_text.h"

/* the lexicon every test reads (built once in main) */
static lexicon *lex;

/* seconds on a monotonic clock */
static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* the label resolver of the default lexicon: type and class names only */
static int labels(void *ud, const char *name, size_t len) {
  (void)ud;
  return lexicon_class_lookup(name, len);
}

/* the first entity-typed entry among 'n' matches, or NULL: word classes
** (TITLE, NOTNAME, ...) are not entities */
static const lex_entry *first_entity(const lex_entry **m, size_t n) {
  for (size_t k = 0; k < n; k++)
    if (m[k]->cls < ANNOT_TYPE_COUNT) return m[k];
  return NULL;
}

/* Tag 'text' greedily, longest entry first, and write the entities found
** to 'out' as "TYPE text=canonical" lines, one after another. */
static void tag(const char *text, char *out, size_t size) {
  out[0] = '\0';
  annot_doc *d = scan_text(text);
  if (d == NULL) return;
  size_t used = 0;
  for (uint32_t i = 0; i < d->ntok;) {
    const lex_entry *m[8];
    size_t n = lexicon_match(lex, d, i, m, 8);
    const lex_entry *e = first_entity(m, n < 8 ? n : 8);
    if (e == NULL) {
      i++;
      continue;
    }
    uint32_t s = d->tok_start[i], end = d->tok_end[i + e->ntok - 1];
    int w = snprintf(out + used, size - used, "%s %.*s=%s\n",
                     lexicon_class_name(e->cls), (int)(end - s), text + s,
                     e->canonical ? e->canonical : "");
    if (w > 0 && (size_t)w < size - used) used += (size_t)w;
    i += e->ntok;
  }
  annot_doc_free(d);
}

/* does the tagging of 'text' contain the line 'want' ("TYPE text=canon")? */
static int tagged(const char *text, const char *want) {
  static char buf[8192];
  tag(text, buf, sizeof buf);
  char line[512];
  snprintf(line, sizeof line, "%s\n", want);
  if (strstr(buf, line) != NULL) return 1;
  fprintf(stderr, "  no '%s' in:\n%s", want, buf);
  return 0;
}

/* how many entities the tagger finds in 'text' */
static int entity_count(const char *text) {
  static char buf[8192];
  tag(text, buf, sizeof buf);
  int n = 0;
  for (const char *p = buf; *p; p++) n += *p == '\n';
  if (n) fprintf(stderr, "  unexpected entities:\n%s", buf);
  return n;
}

/* Is 'word' (one or more tokens) an entry of word class 'cls'?  A word
** may have several classes (spokesman: TITLE and SOURCE). */
static int has_class(const char *word, unsigned cls) {
  annot_doc *d = scan_text(word);
  if (d == NULL) return 0;
  const lex_entry *m[8];
  size_t n = lexicon_match(lex, d, 0, m, 8);
  int found = 0;
  for (size_t k = 0; k < n && k < 8; k++)
    if (m[k]->ntok == d->ntok && m[k]->cls == cls) found = 1;
  annot_doc_free(d);
  return found;
}

/* variants of one entity share one canonical name */
static void test_canonical_variants(void) {
  /* an invented sentence and one "TYPE text=canonical" its tagging must
  ** hold: transliterations, abbreviations, short forms, plurals */
  static const struct { const char *text, *want; } cases[] = {
    {"Troops massed near Kiev for weeks.", "GPE Kiev=Kyiv"},
    {"Troops massed near Kyiv for weeks.", "GPE Kyiv=Kyiv"},
    {"Shelling hit Kharkov overnight.", "GPE Kharkov=Kharkiv"},
    {"The port of Odessa reopened.", "GPE Odessa=Odesa"},
    {"Refugees reached Lvov by train.", "GPE Lvov=Lviv"},
    {"Fighting near Severodonetsk went on.", "GPE Severodonetsk=Sievierodonetsk"},
    {"Aid arrived in Washington, D.C. on Monday.", "GPE Washington, D.C.=Washington"},
    {"The U.S. sent more aid.", "GPE U.S.=United States"},
    {"The US sent more aid.", "GPE US=United States"},
    {"America sent more aid.", "GPE America=United States"},
    {"The United States of America sent aid.", "GPE United States of America=United States"},
    {"Britain sent anti-tank weapons.", "GPE Britain=United Kingdom"},
    {"The U.K. sent anti-tank weapons.", "GPE U.K.=United Kingdom"},
    {"Moscow and the Russian Federation denied it.", "GPE Russian Federation=Russia"},
    {"Minsk hosted the talks.", "GPE Minsk=Minsk"},
    {"Talks in Türkiye were planned.", "GPE Türkiye=Turkey"},
    {"Sergey Lavrov spoke first.", "PERSON Sergey Lavrov=Sergei Lavrov"},
    {"Sergei Lavrov spoke first.", "PERSON Sergei Lavrov=Sergei Lavrov"},
    {"Then Lavrov left the room.", "PERSON Lavrov=Sergei Lavrov"},
    {"Anthony Blinken flew to Berlin.", "PERSON Anthony Blinken=Antony Blinken"},
    {"Tony Blinken flew to Berlin.", "PERSON Tony Blinken=Antony Blinken"},
    {"President Zelensky addressed the nation.", "PERSON Zelensky=Volodymyr Zelenskyy"},
    {"Volodymyr Zelenskiy addressed the nation.", "PERSON Volodymyr Zelenskiy=Volodymyr Zelenskyy"},
    {"Alyaksandr Lukashenka hosted the drills.", "PERSON Alyaksandr Lukashenka=Alexander Lukashenko"},
    {"Russians queued at the banks.", "NORP Russians=Russian"},
    {"Ukrainians queued at the border.", "NORP Ukrainians=Ukrainian"},
    {"Poles opened their homes.", "NORP Poles=Polish"},
    {"The Department of State issued a warning.", "ORG Department of State=U.S. Department of State"},
    {"The State Department issued a warning.", "ORG State Department=U.S. Department of State"},
    {"The Donbass has been at war since 2014.", "LOC Donbass=Donbas"},
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++)
    CHECK(tagged(cases[k].text, cases[k].want));
}

/* the types of ANNOTATION.md: places, bodies, facilities, events */
static void test_types(void) {
  /* one case per type at least, with the hard ones of ANNOTATION.md:
  ** seas and regions are LOC, breakaway republics GPE, bodies ORG */
  static const struct { const char *text, *want; } cases[] = {
    {"Leaders met in Geneva.", "GPE Geneva=Geneva"},
    {"Leaders met in The Hague.", "GPE The Hague=The Hague"},
    {"Ships sailed into the Black Sea.", "LOC Black Sea=Black Sea"},
    {"Russia annexed Crimea in 2014.", "LOC Crimea=Crimea"},
    {"Diplomats from Eastern Europe met.", "LOC Eastern Europe=Eastern Europe"},
    {"The Kremlin said nothing.", "ORG Kremlin=Kremlin"},
    {"The Pentagon said nothing.", "ORG Pentagon=Pentagon"},
    {"NATO allies met in Brussels.", "ORG NATO=NATO"},
    {"The OSCE sent monitors.", "ORG OSCE=OSCE"},
    {"The Verkhovna Rada voted.", "ORG Verkhovna Rada=Verkhovna Rada"},
    {"The pipeline owner Gazprom cut supplies.", "ORG Gazprom=Gazprom"},
    {"The Associated Press reported the strike.", "ORG Associated Press=Associated Press"},
    {"The Washington Post reported the strike.", "ORG Washington Post=Washington Post"},
    {"The Nord Stream 2 pipeline was halted.", "FAC Nord Stream 2=Nord Stream 2"},
    {"Traffic on the Kerch Bridge resumed.", "FAC Kerch Bridge=Kerch Bridge"},
    {"Veterans of World War II marched.", "EVENT World War II=World War II"},
    {"Both sides cited the Minsk agreements.", "EVENT Minsk agreements=Minsk agreements"},
    {"Separatists of the Donetsk People's Republic fired.",
     "GPE Donetsk People's Republic=Donetsk People's Republic"},
    {"Orthodox believers gathered.", "NORP Orthodox=Orthodox"},
  };
  for (size_t k = 0; k < sizeof cases / sizeof *cases; k++)
    CHECK(tagged(cases[k].text, cases[k].want));
}

/* a name containing a place is one mention; a country prefix is not */
static void test_span_conventions(void) {
  CHECK(tagged("Staff at the U.S. Embassy left.", "ORG U.S. Embassy=U.S. Embassy"));
  CHECK(tagged("The NATO-Russia Council met.",
               "ORG NATO-Russia Council=NATO-Russia Council"));
  /* U.S. State Department: GPE + ORG, never one entry */
  CHECK(tagged("The U.S. State Department said so.", "GPE U.S.=United States"));
  CHECK(tagged("The U.S. State Department said so.",
               "ORG State Department=U.S. Department of State"));
  /* the longest name wins over the city inside it */
  CHECK(tagged("The Washington Post said so.", "ORG Washington Post=Washington Post"));
  CHECK(tagged("Sailors of the Black Sea Fleet.", "ORG Black Sea Fleet=Black Sea Fleet"));
}

/* ordinary English, lower case, matches no entity: names need capitals */
static void test_no_false_names(void) {
  CHECK(entity_count("we ate turkey and rice from china plates, said the "
                     "general, as the president and the prime minister "
                     "watched the sea from the bridge of the ship.") == 0);
  CHECK(entity_count("the price of wheat rose, and the russian speaker "
                     "said the bank would still be open on the march.") == 0);
}

/* word classes: titles, heads and sentence openers */
static void test_word_classes(void) {
  CHECK(has_class("President", LEX_TITLE));
  CHECK(has_class("foreign minister", LEX_TITLE));
  CHECK(has_class("Secretary of State", LEX_TITLE));
  CHECK(has_class("Gen.", LEX_TITLE));
  CHECK(has_class("spokeswoman", LEX_TITLE));
  CHECK(has_class("Ministry", LEX_ORGHEAD));
  CHECK(has_class("Sea", LEX_LOCHEAD));
  CHECK(has_class("Airport", LEX_FACHEAD));
  CHECK(has_class("Summit", LEX_EVENTHEAD));
  CHECK(has_class("However", LEX_NOTNAME));
  CHECK(has_class("The", LEX_NOTNAME));
  CHECK(has_class("According", LEX_NOTNAME));
  /* names are no sentence openers */
  CHECK(!has_class("Moscow", LEX_NOTNAME));
  CHECK(!has_class("US", LEX_NOTNAME));
}

/* Build the default lexicon once (timing it), then run the tests over it. */
int main(void) {
  annot_error err;
  double t0 = now();
  lex = lexicon_new();
  CHECK(lex != NULL);
  if (lex == NULL) return ctest_done("test_lexicon_data");
  int rc = lexicon_add_tsv(lex, annot_default_lexicon,
                           annot_default_lexicon_len, "default lexicon", 0,
                           labels, NULL, &err);
  CHECK(rc == ANNOT_OK);
  if (rc != ANNOT_OK) fprintf(stderr, "  %s\n", err.message);
  double t1 = now();
  printf("default lexicon: %zu entries, built in %.1f ms\n",
         lexicon_size(lex), (t1 - t0) * 1000);
  CHECK(lexicon_size(lex) > 4000);

  test_canonical_variants();
  test_types();
  test_span_conventions();
  test_no_false_names();
  test_word_classes();

  lexicon_free(lex);
  return ctest_done("test_lexicon_data");
}
