/*
** test_patterns.c: user PCRE2 patterns (patterns.c) through the public C
** API: matches snap to tokens, labels, precedence, compile errors with
** their offset, limits that stop a pathological pattern, and any bytes.
*/
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "annot.h"
#include "ctest.h"

/* seconds on a monotonic clock */
static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* a pipeline without the default lexicon, with one pattern per pair of
** 'spec' (label, pattern, ..., NULL) */
static annot_pipeline *with_patterns(const char *const *spec,
                                     const annot_options *opts) {
  annot_options o;
  memset(&o, 0, sizeof o);
  if (opts != NULL) o = *opts;
  o.no_default_lexicon = 1;
  o.stages = ANNOT_STAGE_ENTITIES;   /* patterns run there; quotes need not */
  annot_error err;
  annot_pipeline *p = annot_pipeline_new(&o, &err);
  CHECK(p != NULL);
  for (size_t i = 0; p != NULL && spec[i] != NULL; i += 2) {
    int rc = annot_pipeline_add_pattern(p, spec[i], spec[i + 1], &err);
    if (rc != ANNOT_OK) fprintf(stderr, "%s\n", err.message);
    CHECK(rc == ANNOT_OK);
  }
  return p;
}

/* the text of the mentions of 'd' that came from patterns, as
** "LABEL:text|LABEL:text|" in 'buf' */
static const char *pattern_mentions(const annot_doc *d, char *buf,
                                    size_t size) {
  size_t len = 0, tlen;
  const char *text = annot_doc_text(d, &tlen);
  buf[0] = '\0';
  for (size_t i = 0; i < annot_mention_count(d); i++) {
    const annot_mention *m = annot_doc_mention(d, i);
    if (m->source != ANNOT_SRC_PATTERN) continue;
    const char *label = annot_type_name(annot_doc_pipeline(d), m->type);
    int n = snprintf(buf + len, size - len, "%s:%.*s|", label,
                     (int)(m->end - m->start), text + m->start);
    if (n < 0 || (size_t)n >= size - len) break;
    len += (size_t)n;
  }
  return buf;
}

/* annotate 'text' with 'p' and list its pattern mentions */
static const char *annotate_list(const annot_pipeline *p, const char *text,
                                 char *buf, size_t size) {
  annot_error err;
  annot_doc *d = annot_annotate(p, text, strlen(text), &err);
  if (d == NULL) {
    snprintf(buf, size, "error: %s", err.message);
    return buf;
  }
  pattern_mentions(d, buf, size);
  annot_doc_free(d);
  return buf;
}

/* matches become mentions of their label, grown to whole tokens */
static void test_matches(void) {
  static const char *const spec[] = {
    "OPERATION", "Operation \\p{Lu}\\w+",
    "MONEY", "\\$\\d+(?:\\.\\d+)? (?:million|billion)",
    NULL
  };
  annot_pipeline *p = with_patterns(spec, NULL);
  if (p == NULL) return;
  char buf[512];
  CHECK_STR(annotate_list(p, "Kyiv said Operation Sentinel began with "
                          "$40 million in aid.", buf, sizeof buf),
            "OPERATION:Operation Sentinel|MONEY:$40 million|");
  /* a match inside a word grows to the whole token */
  static const char *const part[] = {"NEG", "egotia", NULL};
  annot_pipeline *q = with_patterns(part, NULL);
  if (q != NULL)
    CHECK_STR(annotate_list(q, "talks and negotiations resumed", buf,
                            sizeof buf), "NEG:negotiations|");
  annot_pipeline_free(q);
  /* a match ending on a space ends at the token before it */
  static const char *const space[] = {"PAIR", "Minsk\\s", NULL};
  q = with_patterns(space, NULL);
  if (q != NULL)
    CHECK_STR(annotate_list(q, "the Minsk accords", buf, sizeof buf),
              "PAIR:Minsk|");
  annot_pipeline_free(q);
  /* empty matches and matches of spaces alone make no mention */
  static const char *const empty[] = {"NOTHING", "x*", "GAP", "  +", NULL};
  q = with_patterns(empty, NULL);
  if (q != NULL)
    CHECK_STR(annotate_list(q, "envoys  met   in Geneva", buf, sizeof buf),
              "");
  annot_pipeline_free(q);
  /* a built-in type name is a label too */
  CHECK(annot_type_lookup(p, "OPERATION") >= ANNOT_TYPE_COUNT);
  annot_pipeline_free(p);
  static const char *const builtin[] = {"EVENT", "Allies Resolve", NULL};
  q = with_patterns(builtin, NULL);
  annot_error err;
  annot_doc *d = q ? annot_annotate(q, "drills called Allies Resolve", 28,
                                    &err) : NULL;
  CHECK(d != NULL && annot_mention_count(d) == 1 &&
        annot_doc_mention(d, 0)->type == ANNOT_EVENT &&
        annot_doc_mention(d, 0)->tok_end - annot_doc_mention(d, 0)->tok_begin
          == 2);
  annot_doc_free(d);
  annot_pipeline_free(q);
}

/* overlapping matches: the earlier pattern keeps the tokens */
static void test_precedence(void) {
  /* the pattern added first keeps a token both match; the later one
  ** still matches elsewhere */
  static const char *const spec[] = {
    "FIRST", "Black Sea", "SECOND", "Sea \\w+|Sea", NULL
  };
  annot_pipeline *p = with_patterns(spec, NULL);
  if (p == NULL) return;
  char buf[512];
  CHECK_STR(annotate_list(p, "the Black Sea Fleet and the Sea of Azov", buf,
                          sizeof buf), "FIRST:Black Sea|SECOND:Sea of|");
  /* the list stays sorted by start */
  annot_error err;
  const char *text = "Sea of Azov, then the Black Sea";
  annot_doc *d = annot_annotate(p, text, strlen(text), &err);
  CHECK(d != NULL && annot_mention_count(d) == 2);
  for (size_t i = 1; d != NULL && i < annot_mention_count(d); i++)
    CHECK(annot_doc_mention(d, i - 1)->start < annot_doc_mention(d, i)->start);
  annot_doc_free(d);
  annot_pipeline_free(p);
}

/* a pattern that does not compile: the label, the reason, the offset */
static void test_compile_errors(void) {
  annot_error err;
  annot_options o;
  memset(&o, 0, sizeof o);
  o.no_default_lexicon = 1;
  annot_pipeline *p = annot_pipeline_new(&o, &err);
  if (p == NULL) return;
  CHECK(annot_pipeline_add_pattern(p, "OPERATION", "Operation (\\w+", &err) ==
        ANNOT_EPATTERN);
  CHECK_STR(err.message,
            "pattern 'OPERATION': missing closing parenthesis at offset 14");
  CHECK(err.offset == 14);
  CHECK(annot_pipeline_add_pattern(p, "X", "a{2,1}", &err) == ANNOT_EPATTERN);
  CHECK(strncmp(err.message, "pattern 'X': ", 13) == 0);
  CHECK(strstr(err.message, "at offset 5") != NULL);
  /* a pattern that is not valid UTF-8 is an error, not a crash */
  CHECK(annot_pipeline_add_pattern(p, "BAD", "caf\xC3", &err) ==
        ANNOT_EPATTERN);
  annot_pipeline_free(p);
}

/* catastrophic backtracking ends in an error, not a hang */
static void test_limits(void) {
  static const char *const spec[] = {"RUNAWAY", "(a+)+$", NULL};
  char text[4096];
  memset(text, 'a', sizeof text - 2);
  text[sizeof text - 2] = '!';
  text[sizeof text - 1] = '\0';
  annot_options o;
  memset(&o, 0, sizeof o);
  annot_pipeline *p = with_patterns(spec, &o);
  if (p == NULL) return;
  annot_error err;
  double t0 = now();
  annot_doc *d = annot_annotate(p, text, strlen(text), &err);
  double t1 = now();
  CHECK(d == NULL);
  CHECK(d == NULL && err.code == ANNOT_EPATTERN);
  CHECK(d == NULL && strstr(err.message, "pattern 'RUNAWAY': ") != NULL);
  CHECK(d == NULL && strstr(err.message, "limit") != NULL);
  printf("catastrophic pattern stopped in %.1f ms: %s\n", (t1 - t0) * 1e3,
         d == NULL ? err.message : "(it matched)");
  annot_doc_free(d);
  annot_pipeline_free(p);
  /* a smaller limit from the options stops it sooner */
  o.match_limit = 1000;
  p = with_patterns(spec, &o);
  if (p == NULL) return;
  d = annot_annotate(p, text, strlen(text), &err);
  CHECK(d == NULL && err.code == ANNOT_EPATTERN);
  annot_doc_free(d);
  annot_pipeline_free(p);
}

/* invalid UTF-8, NUL bytes, empty text: mentions stay in bounds */
static void test_any_bytes(void) {
  static const char *const spec[] = {
    "WORD", "\\w+", "ALL", "(?s).", "EMPTY", "", NULL
  };
  annot_pipeline *p = with_patterns(spec, NULL);
  if (p == NULL) return;
  const char text[] = "Kyiv\xFF\xFE ok\0 caf\xC3\xA9 \xE2\x80 end\xC3";
  annot_error err;
  annot_doc *d = annot_annotate(p, text, sizeof text - 1, &err);
  CHECK(d != NULL);
  for (size_t i = 0; d != NULL && i < annot_mention_count(d); i++) {
    const annot_mention *m = annot_doc_mention(d, i);
    CHECK(m->start < m->end && m->end <= sizeof text - 1);
    CHECK(m->tok_begin < m->tok_end);
  }
  annot_doc_free(d);
  d = annot_annotate(p, "", 0, &err);
  CHECK(d != NULL && annot_mention_count(d) == 0);
  annot_doc_free(d);
  annot_pipeline_free(p);
}

/* one pipeline's patterns on many threads at once give the same matches
** as one thread: the compiled code and the limits are shared read-only */
static void test_threads(void) {
  static const char *const spec[] = {
    "OPERATION", "Operation \\p{Lu}\\w+", "CITY", "Kyiv|Kharkiv|Odesa", NULL
  };
  annot_pipeline *p = with_patterns(spec, NULL);
  if (p == NULL) return;
  enum { NTEXTS = 16 };
  static const char *const base[4] = {
    "Operation Shield ended as Kyiv and Odesa reopened ports. ",
    "Kharkiv came under fire; Operation Thunder was denied. ",
    "Envoys said nothing new. ",
    "Odesa, Kyiv, Kharkiv: Operation Relief reached all three. "
  };
  static const size_t want[4] = {3, 2, 0, 4};
  char *texts[NTEXTS];
  size_t lens[NTEXTS];
  for (int i = 0; i < NTEXTS; i++) {
    size_t blen = strlen(base[i % 4]), reps = 200;
    texts[i] = malloc(blen * reps);
    if (texts[i] == NULL) return;
    for (size_t r = 0; r < reps; r++)
      memcpy(texts[i] + r * blen, base[i % 4], blen);
    lens[i] = blen * reps;
  }
  annot_doc *docs[NTEXTS];
  size_t failed = annot_annotate_many(p, NTEXTS, (const char *const *)texts,
                                      lens, 4, docs, NULL);
  CHECK(failed == 0);
  for (int i = 0; i < NTEXTS; i++) {
    size_t found = 0;
    for (size_t m = 0; docs[i] != NULL && m < annot_mention_count(docs[i]); m++)
      found += annot_doc_mention(docs[i], m)->source == ANNOT_SRC_PATTERN;
    CHECK(docs[i] != NULL && found == want[i % 4] * 200);
    annot_doc_free(docs[i]);
    free(texts[i]);
  }
  annot_pipeline_free(p);
}

/* throughput of a typical pattern set over a long text */
static void test_speed(void) {
  static const char *const spec[] = {
    "OPERATION", "Operation \\p{Lu}\\w+",
    "TALKS", "\\b(?:talks|negotiations) in \\p{Lu}\\w+",
    NULL
  };
  annot_pipeline *p = with_patterns(spec, NULL);
  if (p == NULL) return;
  const char *para = "Diplomats said talks in Geneva would resume after "
                     "Operation Dawn ended, but Moscow denied any plan to "
                     "invade its neighbour. ";
  size_t plen = strlen(para), reps = 20000;
  char *text = malloc(plen * reps);
  if (text == NULL) return;
  for (size_t r = 0; r < reps; r++) memcpy(text + r * plen, para, plen);
  annot_error err;
  double t0 = now();
  annot_doc *d = annot_annotate(p, text, plen * reps, &err);
  double t1 = now();
  CHECK(d != NULL && annot_mention_count(d) == 2 * reps);
  printf("annotate with 2 patterns: %.1f MB in %.1f ms, %.0f MB/s\n",
         (double)plen * reps / 1e6, (t1 - t0) * 1e3,
         (double)plen * reps / (t1 - t0) / 1e6);
  annot_doc_free(d);
  free(text);
  annot_pipeline_free(p);
}

int main(void) {
  test_matches();
  test_precedence();
  test_compile_errors();
  test_limits();
  test_any_bytes();
  test_threads();
  test_speed();
  return ctest_done("test_patterns");
}
