/*
** test_scan.c: the scanner through the public API.  Token conventions
** (ANNOTATION.md "Tokens"), flags, normalised forms and their hash,
** sentences and paragraphs, and the coverage invariant (every byte in
** exactly one token or in whitespace between tokens; tokens sorted and
** disjoint; sentences and paragraphs partition the tokens) on bad input,
** on random bytes and on the shared corpus when it is there.
*/
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annot.h"
#include "internal.h"
#include "unicode.h"
#include "ctest.h"

static annot_pipeline *pipeline;

/* annotate a C string (or 'len' bytes of it) */
static annot_doc *annotate_n(const char *text, size_t len) {
  annot_error err;
  annot_doc *d = annot_annotate(pipeline, text, len, &err);
  if (d == NULL) fprintf(stderr, "annotate failed: %s\n", err.message);
  return d;
}

static annot_doc *annotate(const char *text) {
  return annotate_n(text, strlen(text));
}

/* The tokens of 'text' as "tok|tok|tok" into 'out' (with the kind after
** a slash when 'kinds' is set). */
static void token_list(const char *text, int kinds, char *out, size_t size) {
  annot_doc *d = annotate(text);
  size_t used = 0;
  out[0] = '\0';
  if (d == NULL) return;
  for (size_t i = 0; i < annot_token_count(d); i++) {
    annot_token t = annot_doc_token(d, i);
    used += (size_t)snprintf(out + used, size - used, "%s%.*s%s%s",
                             i ? "|" : "", (int)(t.end - t.start),
                             text + t.start, kinds ? "/" : "",
                             kinds ? annot_token_kind_name(t.kind) : "");
    if (used >= size) break;
  }
  annot_doc_free(d);
}

/* {======================================================
** Token conventions
** ======================================================= */

static const char *const token_cases[][2] = {
  /* clitics, straight and curly */
  {"Russia’s troops", "Russia|’s|troops"},
  {"Kyiv's answer", "Kyiv|'s|answer"},
  {"They don't agree", "They|do|n't|agree"},
  {"We’re ready, we can’t wait", "We|’re|ready|,|we|ca|n’t|wait"},
  {"they'll see, I'm sure we've won, he'd go",
   "they|'ll|see|,|I|'m|sure|we|'ve|won|,|he|'d|go"},
  {"the allies’ response", "the|allies|’|response"},
  {"O’Brien met O'Neill", "O’Brien|met|O'Neill"},
  {"back in the ’90s", "back|in|the|’90s"},
  {"rock ’n’ roll", "rock|’n’|roll"},
  {"JFK Jr.'s office", "JFK|Jr.|'s|office"},
  /* abbreviations and initials */
  {"the U.S. and the U.K. at the U.N.", "the|U.S.|and|the|U.K.|at|the|U.N."},
  {"Mr. Lavrov and Gen. Milley", "Mr.|Lavrov|and|Gen.|Milley"},
  {"on Jan. 21 at 10 a.m. in Washington, D.C., officials",
   "on|Jan.|21|at|10|a.m.|in|Washington|,|D.C.|,|officials"},
  {"J.R.R. Tolkien and John F. Kennedy", "J.R.R.|Tolkien|and|John|F.|Kennedy"},
  {"Acme Inc. vs. Globex Corp. etc.", "Acme|Inc.|vs.|Globex|Corp.|etc."},
  {"No. 10 said no.", "No.|10|said|no|."},
  {"e.g. sanctions, i.e. costs", "e.g.|sanctions|,|i.e.|costs"},
  /* numbers */
  {"100,000 troops, 3.5 percent", "100,000|troops|,|3.5|percent"},
  {"in the 1990s at 10:30", "in|the|1990s|at|10:30"},
  {"$1.2bn and 5%", "$|1.2bn|and|5|%"},
  {"8,000-10,000 soldiers", "8,000|-|10,000|soldiers"},
  /* hyphens, dashes, ellipses, brackets */
  {"pro-Russian separatists", "pro|-|Russian|separatists"},
  {"U.S.-made missiles", "U.S.|-|made|missiles"},
  {"GENEVA — Talks - and more – went on", "GENEVA|—|Talks|-|and|more|–|went|on"},
  {"Wait… and... then.... yes", "Wait|…|and|...|then|...|.|yes"},
  {"(Reuters) [sic] {x}", "(|Reuters|)|[|sic|]|{|x|}"},
  /* quotation marks */
  {"“We are ready,” he said.", "“|We|are|ready|,|”|he|said|."},
  {"\"No,\" she said", "\"|No|,|\"|she|said"},
  {"its ‘open door’ policy", "its|‘|open|door|’|policy"},
  {"«Da» and „ja“", "«|Da|»|and|„|ja|“"},
  /* URLs, e-mail addresses, handles, hashtags */
  {"see https://example.org/a_b?c=1. Then", "see|https://example.org/a_b?c=1|.|Then"},
  {"at www.state.gov, or", "at|www.state.gov|,|or"},
  {"write to press.office@example.org.", "write|to|press.office@example.org|."},
  {"@ZelenskyyUa posted #StandWithUkraine", "@ZelenskyyUa|posted|#StandWithUkraine"},
  /* other scripts */
  {"Київ і Харків", "Київ|і|Харків"},
  {"Zürich, São Paulo, Αθήνα", "Zürich|,|São|Paulo|,|Αθήνα"},
};

static const char *const kind_cases[][2] = {
  {"pro-Russian", "pro/word|-/hyphen|Russian/word"},
  {"8,000-10,000", "8,000/number|-/hyphen|10,000/number"},
  {"a - b — c", "a/word|-/dash|b/word|—/dash|c/word"},
  {"“x” 'y'", "“/quote|x/word|”/quote|'/quote|y/word|'/quote"},
  {"Russia’s", "Russia/word|’s/word"},
  {"… ...", "…/ellipsis|.../ellipsis"},
  {"($5)", "(/bracket|$/symbol|5/number|)/bracket"},
  {"http://a.b @c #d e@f.gh", "http://a.b/url|@c/handle|#d/hashtag|e@f.gh/email"},
};

/* every abbreviation of the word list keeps its period, capitalised as
** in a name or title (this also catches a list that lost its order,
** which the binary search needs) */
static void test_abbreviation_list(void) {
  static const char text[] =
    "Adm. Al. Ala. Amb. Approx. Apr. Ariz. Ark. Assn. Atty. Aug. "
    "Ave. Blvd. Brig. Bros. Ca. Calif. Capt. Cdr. Cf. Cmdr. Co. "
    "Col. Colo. Conn. Corp. Cpl. Dec. Dept. Dr. Etc. Feb. Fla. "
    "Fr. Ft. Ga. Gen. Gens. Gov. Govs. Hon. Inc. Jan. Jr. Jul. "
    "Jun. Kan. Ky. Lt. Ltd. Maj. Md. Messrs. Mich. Minn. Mlle. "
    "Mme. Mont. Mr. Mrs. Ms. Msgr. Mt. Neb. Nev. Nov. Oct. Okla. "
    "Pa. Pp. Pres. Prof. Pvt. Rd. Rep. Reps. Rev. Sec. Sen. "
    "Sens. Sep. Sept. Sgt. Spc. Sr. St. Ste. Supt. Tenn. Univ. "
    "Va. Vs. Vt. Wis. Wyo.";
  annot_doc *d = annotate(text);
  CHECK(d != NULL);
  if (d == NULL) return;
  size_t n = annot_token_count(d), abbrevs = 0;
  for (size_t i = 0; i < n; i++) {
    annot_token t = annot_doc_token(d, i);
    if ((t.flags & ANNOT_TF_ABBREV) && text[t.end - 1] == '.') abbrevs++;
    else fprintf(stderr, "not an abbreviation: %.*s\n",
                 (int)(t.end - t.start), text + t.start);
  }
  CHECK(n == 95 && abbrevs == n);
  annot_doc_free(d);
}

static void test_conventions(void) {
  char got[1024];
  for (size_t i = 0; i < sizeof token_cases / sizeof *token_cases; i++) {
    token_list(token_cases[i][0], 0, got, sizeof got);
    CHECK_STR(got, token_cases[i][1]);
  }
  for (size_t i = 0; i < sizeof kind_cases / sizeof *kind_cases; i++) {
    token_list(kind_cases[i][0], 1, got, sizeof got);
    CHECK_STR(got, kind_cases[i][1]);
  }
}

/* }====================================================== */


/* {======================================================
** Flags
** ======================================================= */

/* flags of the token of 'd' that starts at byte 'at' */
static unsigned flags_at(annot_doc *d, size_t at) {
  size_t i = annot_token_at(d, at);
  if (i >= annot_token_count(d)) return 0;
  return annot_doc_token(d, i).flags;
}

static void test_flags(void) {
  const char *text = "NATO’s U.S. troops\nsaid “no” 42 Київ\n\nNext";
  annot_doc *d = annotate(text);
  CHECK(d != NULL);
  if (d == NULL) return;
  unsigned f = flags_at(d, 0);              /* NATO */
  CHECK(f & ANNOT_TF_CAP);
  CHECK(f & ANNOT_TF_ALLCAPS);
  CHECK(f & ANNOT_TF_ALPHA);
  CHECK(f & ANNOT_TF_SENT_START);
  CHECK(f & ANNOT_TF_PARA_START);
  CHECK(!(f & ANNOT_TF_SPACE));
  f = flags_at(d, 4);                       /* ’s */
  CHECK(f & ANNOT_TF_CLITIC);
  CHECK(f & ANNOT_TF_NONASCII);
  CHECK(!(f & ANNOT_TF_SPACE));
  f = flags_at(d, 9);                       /* U.S. */
  CHECK(f & ANNOT_TF_ABBREV);
  CHECK(f & ANNOT_TF_SPACE);
  f = flags_at(d, 14);                      /* troops */
  CHECK(!(f & (ANNOT_TF_CAP | ANNOT_TF_ALLCAPS)));
  f = flags_at(d, 21);                      /* said, after a line break */
  CHECK(f & ANNOT_TF_NEWLINE);
  CHECK(!(f & ANNOT_TF_PARA_START));
  f = flags_at(d, 26);                      /* “ */
  CHECK((f & ANNOT_TF_OPEN) && !(f & ANNOT_TF_CLOSE));
  f = flags_at(d, 31);                      /* ” */
  CHECK((f & ANNOT_TF_CLOSE) && !(f & ANNOT_TF_OPEN));
  f = flags_at(d, 35);                      /* 42 */
  CHECK((f & ANNOT_TF_DIGIT) && !(f & ANNOT_TF_ALPHA));
  f = flags_at(d, 38);                      /* Київ */
  CHECK((f & ANNOT_TF_CAP) && (f & ANNOT_TF_NONASCII) &&
        !(f & ANNOT_TF_ALLCAPS));
  f = flags_at(d, strlen(text) - 4);        /* Next, after a blank line */
  CHECK(f & ANNOT_TF_PARA_START);
  CHECK(f & ANNOT_TF_SENT_START);
  CHECK(annot_paragraph_count(d) == 2);
  annot_doc_free(d);

  /* straight quotes by context */
  d = annotate("He said \"yes\" and 'no'.");
  CHECK(d != NULL);
  if (d == NULL) return;
  CHECK(flags_at(d, 8) & ANNOT_TF_OPEN);
  CHECK(flags_at(d, 12) & ANNOT_TF_CLOSE);
  CHECK(flags_at(d, 18) & ANNOT_TF_OPEN);
  CHECK(flags_at(d, 21) & ANNOT_TF_CLOSE);
  annot_doc_free(d);
}

/* }====================================================== */


/* {======================================================
** Normalised forms and the hash
** ======================================================= */

static void check_norm(const char *in, const char *want) {
  char buf[128];
  size_t n = annot_norm(in, strlen(in), buf, sizeof buf);
  CHECK_STR(buf, want);
  CHECK(n == strlen(want));
  /* the hash is the hash of the normalised form */
  CHECK(annot_norm_hash(in, strlen(in)) == annot_norm_hash(buf, n));
}

static void test_norm(void) {
  check_norm("Russia’s", "russia's");
  check_norm("RUSSIA'S", "russia's");
  check_norm("ʼs", "'s");
  check_norm("‘x’", "'x'");
  check_norm("“Allies Resolve”", "\"allies resolve\"");
  check_norm("„ja“ «oui»", "\"ja\" \"oui\"");
  check_norm("КИЇВ", "київ");
  check_norm("ZÜRICH", "zürich");
  check_norm("ΑΘΉΝΑ", "αθήνα");
  check_norm("", "");
  /* the hash's three paths (short ASCII, ASCII chunks, byte by byte) agree
  ** on tokens of every length around the 8-byte chunk size */
  check_norm("GOVERNMENT’S", "government's");
  check_norm("Organization’s", "organization's");
  check_norm("ABCDEFGH’", "abcdefgh'");
  check_norm("ABCDEFGHIJKLMNOPQ’", "abcdefghijklmnopq'");
  check_norm("Secretary-General", "secretary-general");
  /* invalid bytes and NUL are kept as they are */
  char buf[16];
  CHECK(annot_norm("A\xFF" "B", 3, buf, sizeof buf) == 3);
  CHECK(memcmp(buf, "a\xFF" "b", 4) == 0);
  CHECK(annot_norm("A\0B", 3, buf, sizeof buf) == 3);
  CHECK(memcmp(buf, "a\0b", 4) == 0);
  /* truncation still reports the full length and terminates */
  CHECK(annot_norm("Ukraine", 7, buf, 4) == 7);
  CHECK_STR(buf, "ukr");
  CHECK(annot_norm("Ukraine", 7, NULL, 0) == 7);
  /* different words hash apart, case and apostrophe forms together */
  CHECK(annot_norm_hash("Kyiv", 4) != annot_norm_hash("Kiev", 4));
  CHECK(annot_norm_hash("KYIV", 4) == annot_norm_hash("kyiv", 4));
  /* the doc's token hashes are the same function, whether a token sits
  ** at the very end of the text (no bytes to read past it) or not */
  static const char text[] = "Lavrov’s Kyiv administration’s";
  char *exact = malloc(sizeof text - 1);
  memcpy(exact, text, sizeof text - 1);
  annot_doc *d = annotate_n(exact, sizeof text - 1);
  CHECK(d != NULL && annot_token_count(d) == 5);
  if (d != NULL && annot_token_count(d) == 5) {
    static const char *const norms[] = {"lavrov", "'s", "kyiv",
                                        "administration", "'s"};
    for (size_t i = 0; i < 5; i++)
      CHECK(d->tok_hash[i] == annot_norm_hash(norms[i], strlen(norms[i])));
  }
  annot_doc_free(d);
  free(exact);
  exact = malloc(4);                 /* "Kyiv" alone, in 4 bytes */
  memcpy(exact, "Kyiv", 4);
  d = annotate_n(exact, 4);
  CHECK(d != NULL && annot_token_count(d) == 1);
  if (d != NULL) CHECK(d->tok_hash[0] == annot_norm_hash("kyiv", 4));
  annot_doc_free(d);
  free(exact);
}

/* }====================================================== */


/* {======================================================
** Sentences and paragraphs
** ======================================================= */

/* the sentences of 'text' as "s1||s2||s3" */
static void sentence_list(const char *text, char *out, size_t size) {
  annot_doc *d = annotate(text);
  size_t used = 0;
  out[0] = '\0';
  if (d == NULL) return;
  for (size_t i = 0; i < annot_sentence_count(d) && used < size; i++) {
    annot_span s = annot_doc_sentence(d, i);
    used += (size_t)snprintf(out + used, size - used, "%s%.*s",
                             i ? "||" : "", (int)(s.end - s.start),
                             text + s.start);
  }
  annot_doc_free(d);
}

static const char *const sentence_cases[][2] = {
  {"Mr. Blinken met Mr. Lavrov. They talked.",
   "Mr. Blinken met Mr. Lavrov.||They talked."},
  {"Troops left the U.S. The talks went on.",
   "Troops left the U.S.||The talks went on."},
  {"U.S. officials met U.K. envoys in Geneva.",
   "U.S. officials met U.K. envoys in Geneva."},
  {"“The risk is real.” He left. “Why now?” Lavrov asked.",
   "“The risk is real.”||He left.||“Why now?” Lavrov asked."},
  {"Is war coming?! Nobody knows.", "Is war coming?!||Nobody knows."},
  {"GENEVA — The talks began. John F. Kennedy was not there.",
   "GENEVA — The talks began.||John F. Kennedy was not there."},
  {"Russia Masses Troops Near Border\nBy Jane Doe\nMoscow has sent troops.",
   "Russia Masses Troops Near Border||By Jane Doe||Moscow has sent troops."},
  {"The envoys spoke for hours in a room near the lake and\n"
   "Officials from both sides later said little about it.",
   "The envoys spoke for hours in a room near the lake and\n"
   "Officials from both sides later said little about it."},
  {"First paragraph\n\nSecond one.", "First paragraph||Second one."},
  {"Line one.\r\n\r\nLine two.", "Line one.||Line two."},
};

static void test_sentences(void) {
  char got[1024];
  for (size_t i = 0; i < sizeof sentence_cases / sizeof *sentence_cases;
       i++) {
    sentence_list(sentence_cases[i][0], got, sizeof got);
    CHECK_STR(got, sentence_cases[i][1]);
  }
}

/* }====================================================== */


/* {======================================================
** The coverage invariant
** ======================================================= */

/* is every character of text[a..b) whitespace to the scanner? */
static int all_space(const char *text, size_t a, size_t b) {
  while (a < b) {
    uint32_t cp;
    unsigned n = utf8_decode((const unsigned char *)text + a, b - a, &cp);
    if (n == 0) return 0;
    unsigned cls = uni_class(cp);
    if (cls != UC_SPACE && cls != UC_NEWLINE && cls != UC_INVISIBLE)
      return 0;
    a += n;
  }
  return 1;
}

/* Check the invariants of one text; returns 1 when all hold (each
** failure is reported once, not per token). */
static int check_invariants(const char *what, const char *text, size_t len) {
  annot_doc *d = annotate_n(text, len);
  if (d == NULL) {
    fprintf(stderr, "%s: no doc\n", what);
    return 0;
  }
  int ok = 1;
  size_t n = annot_token_count(d), pos = 0;
  for (size_t i = 0; i < n && ok; i++) {
    annot_token t = annot_doc_token(d, i);
    if (t.start < pos || t.end <= t.start || t.end > len ||
        !all_space(text, pos, t.start) || t.kind >= ANNOT_TOK_KIND_COUNT) {
      fprintf(stderr, "%s: token %zu [%u,%u) breaks coverage\n", what, i,
              t.start, t.end);
      ok = 0;
    }
    /* invalid bytes are one-byte INVALID tokens */
    uint32_t cp;
    if (t.kind == ANNOT_TOK_INVALID &&
        (t.end - t.start != 1 ||
         utf8_decode((const unsigned char *)text + t.start, len - t.start,
                     &cp) != 0)) {
      fprintf(stderr, "%s: token %zu is a bad INVALID token\n", what, i);
      ok = 0;
    }
    /* its hash is the hash of its normalised form (which may be longer
    ** than the token: some lower cases take a byte more) */
    size_t tl = t.end - t.start, want = annot_norm(text + t.start, tl, NULL, 0);
    char *norm = malloc(want + 1);
    annot_norm(text + t.start, tl, norm, want + 1);
    if (d->tok_hash[i] != annot_norm_hash(norm, want)) {
      fprintf(stderr, "%s: token %zu has a hash unlike its norm's\n", what, i);
      ok = 0;
    }
    free(norm);
    pos = t.end;
  }
  if (ok && !all_space(text, pos, len)) {
    fprintf(stderr, "%s: text after the last token is not whitespace\n",
            what);
    ok = 0;
  }
  /* sentences and paragraphs partition the tokens, in order */
  for (int layer = 0; layer < 2 && ok; layer++) {
    size_t count = layer ? annot_paragraph_count(d) : annot_sentence_count(d);
    uint32_t next = 0;
    for (size_t i = 0; i < count && ok; i++) {
      annot_span s = layer ? annot_doc_paragraph(d, i)
                           : annot_doc_sentence(d, i);
      if (s.tok_begin != next || s.tok_end <= s.tok_begin || s.tok_end > n ||
          s.start != annot_doc_token(d, s.tok_begin).start ||
          s.end != annot_doc_token(d, s.tok_end - 1).end) {
        fprintf(stderr, "%s: %s %zu is out of place\n", what,
                layer ? "paragraph" : "sentence", i);
        ok = 0;
      }
      next = s.tok_end;
    }
    if (ok && next != n) {
      fprintf(stderr, "%s: %s do not cover every token\n", what,
              layer ? "paragraphs" : "sentences");
      ok = 0;
    }
  }
  /* a sentence never crosses a paragraph start */
  for (size_t i = 0; i < annot_sentence_count(d) && ok; i++) {
    annot_span s = annot_doc_sentence(d, i);
    for (uint32_t k = s.tok_begin + 1; k < s.tok_end; k++)
      if (annot_doc_token(d, k).flags & ANNOT_TF_PARA_START) {
        fprintf(stderr, "%s: sentence %zu crosses a paragraph\n", what, i);
        ok = 0;
        break;
      }
  }
  annot_doc_free(d);
  return ok;
}

/* a buffer of 'len' bytes repeating 'unit' */
static char *repeat(const char *unit, size_t len) {
  char *b = malloc(len + 1);
  size_t u = strlen(unit);
  for (size_t i = 0; i < len; i++) b[i] = unit[i % u];
  b[len] = '\0';
  return b;
}

static void test_bad_input(void) {
  static const struct { const char *name, *text; size_t len; } cases[] = {
    {"empty", "", 0},
    {"spaces", "   \t  ", 6},
    {"newlines", "\n\n\r\n\n", 5},
    {"nul bytes", "a\0b\0\0 c", 7},
    {"invalid utf-8", "ab\xC3(\xE2\x82 \xF0\x9F\x98 \x80\xBF\xFE\xFF x", 16},
    {"overlong and surrogate", "\xC0\xAF \xED\xA0\x80 \xF4\x90\x80\x80", 12},
    {"crlf", "One.\r\nTwo.\r\n\r\nThree\r\n", 21},
    {"controls", "\x01\x02\x1B[0m\x7F", 7},
    {"lone marks", "\xCC\x81 \xE2\x80\x99 \xE2\x80\x9C", 9},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
    CHECK(check_invariants(cases[i].name, cases[i].text, cases[i].len));

  /* empty and blank texts have no tokens, sentences or paragraphs */
  annot_doc *d = annotate("  \n\t\n ");
  CHECK(d != NULL);
  if (d != NULL) {
    CHECK(annot_token_count(d) == 0);
    CHECK(annot_sentence_count(d) == 0);
    CHECK(annot_paragraph_count(d) == 0);
    annot_doc_free(d);
  }
  d = annotate_n("", 0);
  CHECK(d != NULL && annot_token_count(d) == 0);
  annot_doc_free(d);

  /* NUL and invalid bytes are tokens of their own */
  char got[256];
  d = annotate_n("a\0b", 3);
  CHECK(d != NULL && annot_token_count(d) == 3);
  if (d != NULL) {
    CHECK(annot_doc_token(d, 1).kind == ANNOT_TOK_SYMBOL);
    annot_doc_free(d);
  }
  token_list("x\xFFy", 1, got, sizeof got);
  CHECK_STR(got, "x/word|\xFF/invalid|y/word");

  /* long runs of one character */
  static const char *const units[] = {
    "a", ".", "-", "'", "’", "\"", " ", "\n", "9", "@", "#", "Я", "\xFF",
    /* chains that a careless scanner would rescan from each link */
    "a-", "a.", "a_", "a.b@", "a'", "x!)", "?”", "No ", "1.", "\n1. A ",
    "a. ", "U.S. ", ". . ", "’s ", "#1", "@a@", "a@b"};
  for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
    char *b = repeat(units[i], 1 << 20);
    char name[64];
    snprintf(name, sizeof name, "run of '%s'", units[i]);
    CHECK(check_invariants(name, b, 1 << 20));
    free(b);
  }
  char *b = repeat("U.S. Mr. ’s 1,000.5 “x” ", 1 << 20);
  CHECK(check_invariants("repeated tricky text", b, 1 << 20));
  free(b);

  /* 10 MB of random bytes, and of random printable text */
  size_t big = 10u << 20;
  b = malloc(big);
  uint32_t seed = 12345;
  for (size_t i = 0; i < big; i++) {
    seed = seed * 1103515245u + 12345u;
    b[i] = (char)(seed >> 16);
  }
  CHECK(check_invariants("random bytes", b, big));
  static const char alphabet[] = "aA .,'\"-\n’“”…$%@#1(";
  for (size_t i = 0; i < big; i++) {
    seed = seed * 1103515245u + 12345u;
    b[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
  }
  CHECK(check_invariants("random text", b, big));
  free(b);
}

/* }====================================================== */


/* {======================================================
** The scanner's fast paths agree with its general rules
** ======================================================= */

/* The shape flags a word of ASCII letters and digits must have, worked
** out from its bytes one at a time (the scanner does it 8 at a time). */
static unsigned expected_shape(const char *w, size_t len) {
  unsigned f = 0, upper = 0, lower = 0;
  for (size_t i = 0; i < len; i++) {
    if (w[i] >= 'A' && w[i] <= 'Z') upper = 1;
    else if (w[i] >= 'a' && w[i] <= 'z') lower = 1;
    else f |= ANNOT_TF_DIGIT;
  }
  if (upper || lower) f |= ANNOT_TF_ALPHA;
  if (w[0] >= 'A' && w[0] <= 'Z') f |= ANNOT_TF_CAP;
  if (upper && !lower) f |= ANNOT_TF_ALLCAPS;
  return f;
}

/* Words of every length from 1 to 24 around the 8-byte chunks, of mixed
** shapes, before each byte that may or may not cling to a word, at every
** distance from the end of a text that has no byte after it: the first
** token is the word itself (or, before a clinging byte, whatever the
** rules make of it) with the hash of its normalised form and the flags
** of its letters. */
static void test_word_paths(void) {
  static const char letters[] = "KyivGENEVAtalks2022Officials";
  static const char *const after[] = {
    " x", ",", ", y", ".", ". The", "\n", "\nNext", ":", "'s", "’s", "-x",
    "@b.cd", "”", "", "\xFF", ")", "?"};
  int failures = 0;
  for (size_t len = 1; len <= 24; len++) {
    for (size_t sh = 0; sh < 4; sh++) {
      char word[32];
      for (size_t i = 0; i < len; i++) {
        char c = letters[(i * 7 + sh) % (sizeof letters - 1)];
        if (c >= '0' && c <= '9' && i == 0) c = 'w';   /* a letter first */
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c >= 'a' && c <= 'z' &&
            (sh == 2 || (sh == 1 && i == 0) || (sh == 3 && i % 2 == 1)))
          c = (char)(c - 32);
        word[i] = c;
      }
      for (size_t a = 0; a < sizeof after / sizeof *after; a++) {
        for (size_t pad = 0; pad < 10; pad++) {
          /* 'pad' spaces before: the word sits at every alignment, and
          ** the text ends right after what follows it */
          char text[64];
          size_t tail = strlen(after[a]), tl = pad + len + tail;
          memset(text, ' ', pad);
          memcpy(text + pad, word, len);
          memcpy(text + pad + len, after[a], tail);
          char *exact = malloc(tl);
          memcpy(exact, text, tl);
          annot_doc *d = annotate_n(exact, tl);
          int ok = d != NULL && annot_token_count(d) >= 1 &&
                   check_invariants("word path", exact, tl);
          if (ok) {
            annot_token t = annot_doc_token(d, 0);
            /* before a space, a comma, a line break, a closing mark or the
            ** end, the word is a token alone with the shape of its bytes */
            char c = tail ? after[a][0] : ' ';
            if (strchr(" ,\n)?", c) || (unsigned char)c >= 0x80) {
              char norm[32];
              annot_norm(word, len, norm, sizeof norm);
              ok = t.start == pad && t.end == pad + len &&
                   t.kind == ANNOT_TOK_WORD &&
                   (t.flags & 0x1Fu & ~ANNOT_TF_ABBREV) ==
                       expected_shape(word, len) &&
                   d->tok_hash[0] == annot_norm_hash(norm, len);
            }
            /* a word of more than one letter before ". The" is no
            ** abbreviation unless it is listed: the period stands alone */
            if (ok && strcmp(after[a], ". The") == 0 && len > 6)
              ok = t.end == pad + len && annot_token_count(d) == 3 &&
                   annot_sentence_count(d) == 2;
          }
          if (!ok && failures++ < 5)
            fprintf(stderr, "word path: '%.*s' before '%s' after %zu spaces\n",
                    (int)len, word, after[a], pad);
          annot_doc_free(d);
          free(exact);
        }
      }
    }
  }
  CHECK(failures == 0);
}

/* The sentence pass looks at tokens 64 at a time: boundaries fall in the
** same places whichever token of a block a stop, an abbreviation, a list
** marker or a line break lands on. */
static void test_sentence_blocks(void) {
  static const char ending[] =
      "Mr. Smith left. Troops left the U.S. The talks went on, 2. And then\n"
      "1. First item\n2) Second item\nHeadline Words Here\nThe end came.";
  static const char *const want[] = {
      "Mr. Smith left.", "Troops left the U.S.", "The talks went on, 2.",
      "And then", "1. First item", "2) Second item", "Headline Words Here",
      "The end came."};
  int failures = 0;
  for (size_t pad = 0; pad < 150; pad++) {
    /* a sentence of 'pad' words "go go go. ", then the ending's */
    size_t lead = pad ? pad * 3 + 1 : 0, size = lead + sizeof ending;
    char *text = malloc(size);
    for (size_t i = 0; i < pad; i++) memcpy(text + 3 * i, "go ", 3);
    if (pad > 0) memcpy(text + 3 * pad - 1, ". ", 2);
    memcpy(text + lead, ending, sizeof ending);
    annot_doc *d = annotate_n(text, size - 1);
    size_t first = pad > 0, count = sizeof want / sizeof *want;
    int ok = d != NULL && annot_sentence_count(d) == first + count;
    for (size_t i = 0; ok && i < count; i++) {
      annot_span sp = annot_doc_sentence(d, first + i);
      ok = sp.end - sp.start == strlen(want[i]) &&
           memcmp(text + sp.start, want[i], strlen(want[i])) == 0;
    }
    if (!ok && failures++ < 5)
      fprintf(stderr, "sentence blocks: wrong sentences after %zu words\n",
              pad);
    annot_doc_free(d);
    free(text);
  }
  CHECK(failures == 0);
}

/* }====================================================== */


/* {======================================================
** The shared corpus
** ======================================================= */

/* every .txt file of the shared corpus, when it is there */
static void test_corpus(void) {
  const char *dir = "../shared/corpus";
  DIR *dp = opendir(dir);
  if (dp == NULL) {
    printf("test_scan: no %s, corpus checks skipped\n", dir);
    return;
  }
  struct dirent *e;
  while ((e = readdir(dp)) != NULL) {
    size_t l = strlen(e->d_name);
    if (l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0) continue;
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    FILE *f = fopen(path, "rb");
    if (f == NULL) continue;
    static char buf[1 << 20];
    size_t len = fread(buf, 1, sizeof buf, f);
    fclose(f);
    CHECK(check_invariants(e->d_name, buf, len));
    annot_doc *d = annotate_n(buf, len);
    CHECK(d != NULL && annot_sentence_count(d) > 1);
    annot_doc_free(d);
  }
  closedir(dp);
}

/* }====================================================== */

int main(void) {
  annot_options opts = {0};
  annot_error err;
  /* the scanner alone: no lexicon to load, no later stages to run */
  opts.no_default_lexicon = 1;
#ifdef ANNOT_STAGE_TOKENS
  opts.stages = ANNOT_STAGE_TOKENS;
#endif
  pipeline = annot_pipeline_new(&opts, &err);
  if (pipeline == NULL) {
    fprintf(stderr, "no pipeline: %s\n", err.message);
    return 1;
  }
  test_conventions();
  test_abbreviation_list();
  test_flags();
  test_norm();
  test_sentences();
  test_bad_input();
  test_word_paths();
  test_sentence_blocks();
  test_corpus();
  annot_pipeline_free(pipeline);
  return ctest_done("test_scan");
}
