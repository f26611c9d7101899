/*
** test_threads.c: many threads on one pipeline.  Every doc made on a
** thread, through annot_annotate_many or through plain pthreads calling
** annot_annotate, must export byte for byte the JSON of the doc made on
** the main thread; annot_json_many, which exports on its threads too,
** must give those same bytes, and so must annot_json_many_files, which
** reads the texts from files on its threads.  'make check-threads' runs this under
** ThreadSanitizer.
*/
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "annot.h"
#include "export_many.h"
#include "ctest.h"
#include "sink.h"

#define NTEXTS 48
#define NTHREADS 8
#define ROUNDS 3

/* sentences the test texts are made of, in an order that varies */
static const char *const pieces[] = {
  "Foreign Minister Dmytro Kuleba met Secretary of State Antony Blinken in Kyiv on Wednesday. ",
  "\xe2\x80\x9cWe are grateful for the support,\xe2\x80\x9d Kuleba said. ",
  "NATO Secretary General Jens Stoltenberg warned of a \xe2\x80\x9creal risk\xe2\x80\x9d of conflict. ",
  "Russia\xe2\x80\x99s Foreign Ministry said Moscow had no plans to invade. ",
  "About 100,000 troops remain near the border, U.S. officials said on Tuesday.\n\n",
  "Lavrov told reporters that the talks in Geneva had been useful. ",
  "A senior State Department official said: \xe2\x80\x9cWe will see.\xe2\x80\x9d\n\n",
  "The European Union pledged \xe2\x82\xac" "1.2 billion in aid, a 5% increase. ",
  "Unit KX-17 moved east \x80 overnight. ",
};
#define NPIECES (sizeof pieces / sizeof pieces[0])

/*
** The JSON of a doc as a malloc'ed string ("" for no doc).
*/
static char *doc_json(const annot_doc *d) {
  sink s = {0};
  if (d != NULL) annot_doc_to_json(d, 0, sink_write, &s);
  if (s.data == NULL) s.data = calloc(1, 1);
  return s.data;
}

/*
** Text number i: pieces in an order that depends on i, some of them
** repeated, so that texts differ in length and content.
*/
static char *make_text(size_t i, size_t *len) {
  size_t cap = 1, n = 3 + i % 11;
  for (size_t k = 0; k < n; k++) cap += strlen(pieces[(i * 7 + k * 3) % NPIECES]);
  /* zero padding after the text: PCRE2's JIT reads a few bytes past
  ** the subject with vector loads, which valgrind reports otherwise */
  char *t = calloc(1, cap + 32);
  if (t == NULL) return NULL;
  size_t at = 0;
  for (size_t k = 0; k < n; k++) {
    const char *p = pieces[(i * 7 + k * 3) % NPIECES];
    memcpy(t + at, p, strlen(p));
    at += strlen(p);
  }
  t[at] = '\0';
  *len = at;
  return t;
}

/* what every plain pthread worker shares */
typedef struct work {
  const annot_pipeline *p;
  char **texts;
  size_t *lens;
  char **expected;
  int mismatches;          /* under 'lock' */
  pthread_mutex_t lock;
  unsigned id;
} work;

typedef struct worker_arg {
  work *w;
  unsigned id;
} worker_arg;

/*
** A plain pthread: annotate every text (starting at a different one per
** thread) and compare its JSON with the expected one.
*/
static void *worker(void *arg) {
  worker_arg *a = arg;
  work *w = a->w;
  int bad = 0;
  for (int r = 0; r < ROUNDS; r++) {
    for (size_t k = 0; k < NTEXTS; k++) {
      size_t i = (k + a->id * 5) % NTEXTS;
      annot_error err;
      annot_doc *d = annot_annotate(w->p, w->texts[i], w->lens[i], &err);
      char *j = doc_json(d);
      if (d == NULL || strcmp(j, w->expected[i]) != 0) bad++;
      free(j);
      annot_doc_free(d);
    }
  }
  pthread_mutex_lock(&w->lock);
  w->mismatches += bad;
  pthread_mutex_unlock(&w->lock);
  return NULL;
}

/*
** annot_json_many with ANNOT_JSON_NO_TOKENS gives what annot_doc_to_json
** gives with that flag; with prefixes, the JSON of 'expected' with each
** prefix after its '{'.
*/
static void check_json_many_flags(const annot_pipeline *p, char **texts,
                                  size_t *lens, char **expected) {
  annot_json_result results[NTEXTS];
  size_t failed = annot_json_many(p, NTEXTS, (const char *const *)texts,
                                  lens, NULL, NULL, 3, ANNOT_JSON_NO_TOKENS,
                                  results);
  CHECK(failed == 0);
  int same = 1;
  for (size_t i = 0; i < NTEXTS; i++) {
    annot_error err;
    annot_doc *d = annot_annotate(p, texts[i], lens[i], &err);
    sink s = {0};
    if (d != NULL) annot_doc_to_json(d, ANNOT_JSON_NO_TOKENS, sink_write, &s);
    if (s.data == NULL || results[i].json == NULL ||
        strcmp(s.data, results[i].json) != 0 ||
        strstr(results[i].json, "\"tokens\"") != NULL)
      same = 0;
    free(s.data);
    annot_doc_free(d);
  }
  CHECK(same);
  annot_json_results_free(results, NTEXTS);

  /* a prefix goes right after the '{'; texts without one are as before */
  const char *prefixes[NTEXTS] = {NULL};
  size_t prefix_lens[NTEXTS] = {0};
  for (size_t i = 0; i < NTEXTS; i += 3) {
    prefixes[i] = "\"id\":\"doc-\",";
    prefix_lens[i] = strlen(prefixes[i]);
  }
  failed = annot_json_many(p, NTEXTS, (const char *const *)texts, lens,
                           prefixes, prefix_lens, 2, 0, results);
  CHECK(failed == 0);
  same = 1;
  for (size_t i = 0; i < NTEXTS; i++) {
    const char *want = expected[i];
    const char *got = results[i].json;
    if (got == NULL) same = 0;
    else if (prefixes[i] == NULL) same &= strcmp(got, want) == 0;
    else {
      size_t plen = prefix_lens[i];
      same &= got[0] == '{' && strncmp(got + 1, prefixes[i], plen) == 0 &&
              strcmp(got + 1 + plen, want + 1) == 0 &&
              results[i].len == strlen(want) + plen;
    }
  }
  CHECK(same);
  annot_json_results_free(results, NTEXTS);
}

/*
** A text that fails (a runaway user pattern) fails alone, with its
** error; the texts around it still get their JSON.
*/
static void check_json_many_failure(void) {
  annot_error err;
  annot_options o = {0};
  o.no_default_lexicon = 1;
  o.match_limit = 10000;
  annot_pipeline *p = annot_pipeline_new(&o, &err);
  CHECK(p != NULL);
  if (p == NULL) return;
  CHECK(annot_pipeline_add_pattern(p, "SLOW", "(a+)+$", &err) == 0);
  static char runaway[48];
  memset(runaway, 'a', 40);
  runaway[40] = '!';
  const char *texts[] = {"fine", runaway, "also fine"};
  size_t lens[] = {4, 41, 9};
  annot_json_result results[3];
  size_t failed = annot_json_many(p, 3, texts, lens, NULL, NULL, 2, 0,
                                  results);
  CHECK(failed == 1);
  CHECK(results[0].json != NULL && results[2].json != NULL);
  CHECK(results[1].json == NULL);
  CHECK(results[1].err.code == ANNOT_EPATTERN);
  CHECK(strstr(results[1].err.message, "SLOW") != NULL);
  annot_json_results_free(results, 3);
  annot_pipeline_free(p);
}

/*
** annot_json_many_files: the texts written to files in a scratch
** directory, read back on the threads, give the JSON of 'expected' (with
** an id before one of them); a missing file and a directory fail alone,
** with an ANNOT_EIO error naming the path.
*/
static void check_json_many_files(const annot_pipeline *p, char **texts,
                                  size_t *lens, char **expected) {
  char dir[] = "/tmp/annot-threads-XXXXXX";
  CHECK(mkdtemp(dir) != NULL);
  enum { NFILES = NTEXTS + 2 };
  char paths[NFILES][64];
  const char *names[NFILES];
  int written = 1;
  for (size_t i = 0; i < NFILES; i++) {
    snprintf(paths[i], sizeof paths[i], "%s/%zu.txt", dir, i);
    names[i] = paths[i];
    if (i >= NTEXTS) continue;
    FILE *f = fopen(paths[i], "wb");
    if (f == NULL || fwrite(texts[i], 1, lens[i], f) != lens[i]) written = 0;
    if (f != NULL && fclose(f) != 0) written = 0;
  }
  CHECK(written);
  /* the last two: no such file, and the directory itself */
  names[NFILES - 1] = dir;
  const char *prefixes[NFILES] = {"\"id\":1,"};
  size_t prefix_lens[NFILES] = {7};
  unsigned counts[] = {1, 2, NTHREADS, 0};
  for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++) {
    annot_json_result results[NFILES];
    size_t failed = annot_json_many_files(p, NFILES, names, prefixes,
                                          prefix_lens, counts[c], 0, results);
    CHECK(failed == 2);
    int same = results[0].json != NULL &&
               strncmp(results[0].json, "{\"id\":1,", 8) == 0 &&
               strcmp(results[0].json + 8, expected[0] + 1) == 0;
    for (size_t i = 1; i < NTEXTS; i++) {
      if (results[i].json == NULL || strcmp(results[i].json, expected[i]) != 0 ||
          results[i].len != strlen(expected[i]))
        same = 0;
    }
    CHECK(same);
    if (!same) fprintf(stderr, "json_many_files on %u threads differs\n", counts[c]);
    for (size_t i = NTEXTS; i < NFILES; i++) {
      CHECK(results[i].json == NULL);
      CHECK(results[i].err.code == ANNOT_EIO);
      CHECK(strncmp(results[i].err.message, names[i], strlen(names[i])) == 0);
    }
    CHECK(strstr(results[NTEXTS].err.message, ": No such file") != NULL);
    CHECK(strstr(results[NFILES - 1].err.message, ": Is a directory") != NULL);
    annot_json_results_free(results, NFILES);
  }
  for (size_t i = 0; i < NTEXTS; i++) unlink(paths[i]);
  rmdir(dir);
}

int main(void) {
  annot_error err;
  annot_pipeline *p = annot_pipeline_new(NULL, &err);
  CHECK(p != NULL);
  if (p == NULL) return ctest_done("test_threads");
  /* a user pattern too, so PCRE2 match data is exercised on threads */
  CHECK(annot_pipeline_add_pattern(p, "CODE", "KX-[0-9]+", &err) == 0);

  char *texts[NTEXTS];
  size_t lens[NTEXTS];
  char *expected[NTEXTS];
  int made = 1;
  for (size_t i = 0; i < NTEXTS; i++) {
    texts[i] = make_text(i, &lens[i]);
    if (texts[i] == NULL) made = 0;
  }
  CHECK(made);
  if (!made) return ctest_done("test_threads");

  /* the single-threaded reference */
  for (size_t i = 0; i < NTEXTS; i++) {
    annot_doc *d = annot_annotate(p, texts[i], lens[i], &err);
    CHECK(d != NULL);
    expected[i] = doc_json(d);
    annot_doc_free(d);
  }
  CHECK(strstr(expected[0], "\"text_bytes\"") != NULL);

  /* annot_annotate_many, with several thread counts */
  unsigned counts[] = {1, 2, NTHREADS, 0};
  for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++) {
    annot_doc *docs[NTEXTS];
    annot_error errs[NTEXTS];
    size_t failed = annot_annotate_many(p, NTEXTS, (const char *const *)texts,
                                        lens, counts[c], docs, errs);
    CHECK(failed == 0);
    int same = 1;
    for (size_t i = 0; i < NTEXTS; i++) {
      char *j = doc_json(docs[i]);
      if (docs[i] == NULL || strcmp(j, expected[i]) != 0) same = 0;
      free(j);
      annot_doc_free(docs[i]);
    }
    CHECK(same);
    if (!same) fprintf(stderr, "annotate_many on %u threads differs\n", counts[c]);
  }
  /* no texts at all */
  CHECK(annot_annotate_many(p, 0, NULL, NULL, 4, NULL, NULL) == 0);

  /* annot_json_many: the same JSON, made and exported on the threads */
  for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++) {
    annot_json_result results[NTEXTS];
    size_t failed = annot_json_many(p, NTEXTS, (const char *const *)texts,
                                    lens, NULL, NULL, counts[c], 0, results);
    CHECK(failed == 0);
    int same = 1;
    for (size_t i = 0; i < NTEXTS; i++) {
      if (results[i].json == NULL || strcmp(results[i].json, expected[i]) != 0 ||
          results[i].len != strlen(expected[i]))
        same = 0;
    }
    CHECK(same);
    if (!same) fprintf(stderr, "json_many on %u threads differs\n", counts[c]);
    annot_json_results_free(results, NTEXTS);
    CHECK(results[0].json == NULL);
    annot_json_results_free(results, NTEXTS);   /* safe twice */
  }
  check_json_many_flags(p, texts, lens, expected);
  check_json_many_failure();
  check_json_many_files(p, texts, lens, expected);
  /* no texts at all */
  CHECK(annot_json_many(p, 0, NULL, NULL, NULL, NULL, 4, 0, NULL) == 0);

  /* plain pthreads sharing the pipeline */
  work w = {p, texts, lens, expected, 0, PTHREAD_MUTEX_INITIALIZER, 0};
  pthread_t tids[NTHREADS];
  worker_arg args[NTHREADS];
  int started = 0;
  for (unsigned t = 0; t < NTHREADS; t++) {
    args[t].w = &w;
    args[t].id = t;
    if (pthread_create(&tids[t], NULL, worker, &args[t]) == 0) started++;
  }
  CHECK(started == NTHREADS);
  for (int t = 0; t < started; t++) pthread_join(tids[t], NULL);
  CHECK(w.mismatches == 0);
  if (w.mismatches) fprintf(stderr, "%d docs differ on pthreads\n", w.mismatches);
  pthread_mutex_destroy(&w.lock);

  for (size_t i = 0; i < NTEXTS; i++) {
    free(texts[i]);
    free(expected[i]);
  }
  annot_pipeline_free(p);
  return ctest_done("test_threads");
}
