/*
** test_lexicon_fast.c: the short cuts of the lexicon's matching
** (lexicon.c) give the answers of the long way.  lexicon_match_marked,
** which the stages call at the tokens lexicon_filter_doc marked, finds
** what lexicon_match finds; the comparison of a short word in one 8-byte
** piece agrees with the byte loop at the edges: words of 1 to 8 bytes and
** just over, text that ends right after the word (fewer than 8 bytes left
** to read), bytes after the word that would match if they were not
** masked, capitals, and non-ASCII bytes inside a word.
*/
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "lexicon_filter.h"
#include "ctest.h"
#include "scan_text.h"

/* the label resolver: class and type names only */
static int labels(void *ud, const char *name, size_t len) {
  (void)ud;
  return lexicon_class_lookup(name, len);
}

/* add one entry, checking it goes in */
static void add(lexicon *lx, const char *surface, unsigned cls) {
  annot_error err;
  CHECK(lexicon_add(lx, surface, strlen(surface), cls, surface, NULL, 0,
                    &err) == ANNOT_OK);
}

/* How many entries start at the first token of text[0..len), counted
** by lexicon_match; -1 when the two ways of matching disagree there on
** the count or on any entry handed out. */
static int entries_at_first(const lexicon *lx, const char *text, size_t len) {
  annot_doc *d = scan_bytes(text, len);
  if (d == NULL || d->ntok == 0) {
    annot_doc_free(d);
    return -2;
  }
  const lex_entry *a[8], *b[8];
  size_t na = lexicon_match(lx, d, 0, a, 8);
  size_t nb = lexicon_match_marked(lx, d, 0, b, 8);
  int same = na == nb;
  for (size_t k = 0; same && k < na && k < 8; k++) same = a[k] == b[k];
  annot_doc_free(d);
  return same ? (int)na : -1;
}

/* Words of every length from 1 to 10 bytes, each alone at the very end
** of the text (nothing to read past it), followed by more text (bytes
** past it that the comparison must ignore), and in other cases. */
static void test_word_lengths(void) {
  lexicon *lx = lexicon_new();
  const char *words[] = {"x", "ab", "kyi", "kyiv", "paris", "berlin",
                         "ukraine", "brussels", "stockholm", "copenhagen"};
  size_t nw = sizeof words / sizeof words[0];
  for (size_t w = 0; w < nw; w++) add(lx, words[w], ANNOT_GPE);
  char buf[64];
  for (size_t w = 0; w < nw; w++) {
    size_t n = strlen(words[w]);
    /* alone: the text ends with the word, so no 8-byte load fits */
    memcpy(buf, words[w], n);
    CHECK(entries_at_first(lx, buf, n) == 1);
    /* followed by text, then capitalised and in capitals */
    snprintf(buf, sizeof buf, "%s and more words here", words[w]);
    CHECK(entries_at_first(lx, buf, strlen(buf)) == 1);
    snprintf(buf, sizeof buf, "%c%s said so today", words[w][0] - 32,
             words[w] + 1);
    CHECK(entries_at_first(lx, buf, strlen(buf)) == 1);
    /* one letter more or less is another word, whatever follows */
    snprintf(buf, sizeof buf, "%sq and more words here", words[w]);
    CHECK(entries_at_first(lx, buf, strlen(buf)) == 0);
    if (n > 1) {
      snprintf(buf, sizeof buf, "%.*s and more words here", (int)(n - 1),
               words[w]);
      int got = entries_at_first(lx, buf, strlen(buf));
      CHECK(got >= 0);   /* 'kyi' is a word of its own: only agreement */
    }
  }
  lexicon_free(lx);
}

/* the case rules and non-ASCII bytes: the short way leaves them to the
** byte loop and the normaliser, with the same answers */
static void test_case_and_bytes(void) {
  lexicon *lx = lexicon_new();
  add(lx, "US", ANNOT_GPE);           /* all capitals: that case only */
  add(lx, "Nice", ANNOT_GPE);         /* a capital: capitals only */
  add(lx, "o'neill", ANNOT_PERSON);   /* lower case: any case */
  add(lx, "zürich", ANNOT_GPE);
  const char *text;
  text = "US troops left";
  CHECK(entries_at_first(lx, text, strlen(text)) == 1);
  text = "us troops left";
  CHECK(entries_at_first(lx, text, strlen(text)) == 0);
  text = "Nice weather today";
  CHECK(entries_at_first(lx, text, strlen(text)) == 1);
  text = "nice weather today";
  CHECK(entries_at_first(lx, text, strlen(text)) == 0);
  text = "NICE weather today";
  CHECK(entries_at_first(lx, text, strlen(text)) == 1);
  text = "O'Neill said nothing";
  CHECK(entries_at_first(lx, text, strlen(text)) == 1);
  /* a curly apostrophe: longer in bytes than the entry's form */
  text = "O\xE2\x80\x99Neill said nothing";
  CHECK(entries_at_first(lx, text, strlen(text)) == 1);
  text = "Z\xC3\xBCrich is calm";
  CHECK(entries_at_first(lx, text, strlen(text)) == 1);
  text = "Zurich is calm";
  CHECK(entries_at_first(lx, text, strlen(text)) == 0);
  lexicon_free(lx);
}

/* Over a text of many kinds of tokens and the default lexicon: at every
** token the filter marks, lexicon_match_marked finds the very entries of
** lexicon_match, in the same order. */
static void test_marked_everywhere(void) {
  lexicon *lx = lexicon_new();
  annot_error err;
  int rc = lexicon_add_tsv(lx, annot_default_lexicon,
                           annot_default_lexicon_len, "default lexicon", 0,
                           labels, NULL, &err);
  CHECK(rc == ANNOT_OK);
  const char *text =
      "WASHINGTON (Reuters) - U.S. Secretary of State Antony Blinken told "
      "reporters in Brussels on Tuesday that NATO allies and the European "
      "Union would keep up support for Ukraine, a spokesperson said. "
      "\xE2\x80\x9CWe\xE2\x80\x99re not going anywhere,\xE2\x80\x9D he said. "
      "The Kremlin rejected the claims; President Vladimir Putin's "
      "spokesman Dmitry Peskov called them \"absurd\". In Z\xC3\xBCrich, "
      "the UN Security Council and the World Health Organization met. "
      "us US Us New York new york NEW YORK Kyiv Kyiv's 2024 $5 million";
  annot_doc *d = scan_text(text);
  CHECK(d != NULL);
  uint16_t *marks = d != NULL ? malloc(d->ntok * sizeof *marks) : NULL;
  if (rc == ANNOT_OK && d != NULL && marks != NULL) {
    lexicon_filter_doc(lx, d, 0, d->ntok, marks, 1);
    size_t marked = 0, differ = 0, found = 0;
    for (uint32_t i = 0; i < d->ntok; i++) {
      const lex_entry *a[16], *b[16];
      size_t na = lexicon_match(lx, d, i, a, 16);
      size_t nb = lexicon_match_marked(lx, d, i, b, 16);
      /* the same at every token, marked or not */
      int same = na == nb;
      for (size_t k = 0; same && k < na && k < 16; k++) same = a[k] == b[k];
      differ += !same;
      marked += marks[i] != 0;
      found += na > 0;
    }
    CHECK(differ == 0);
    CHECK(found > 10 && marked >= found);
  }
  free(marks);
  annot_doc_free(d);
  lexicon_free(lx);
}

int main(void) {
  test_word_lengths();
  test_case_and_bytes();
  test_marked_everywhere();
  return ctest_done("test_lexicon_fast");
}
