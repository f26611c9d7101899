/*
** bench_core.c: throughput of the C core on one corpus file, without Lua.
**
** usage: bench_core CORPUS_FILE [RUNS]
** Prints "key value" lines, medians of RUNS runs (default 5), in thread
** CPU time except for the two threaded figures (wall clock):
**   scan_mbps, scan_tokens_per_s    tokens, sentences, paragraphs only
**   doc_bytes_per_token             C memory of a scanned doc per token
**   doc_bytes_per_input_byte        the same per input byte
**   peak_rss_bytes_per_input_byte   the process's peak resident size / input
**   pipeline_build_ms               building the default pipeline
**   pipeline_mbps                   scan + entities + quotes, one doc
**   pipeline_docs_mbps              the same over 10 KB docs
**   json_mbps, json_tokens_mbps     export of the annotated doc (no tokens,
**                                   with tokens) through a null writer
**   pipeline_json_mbps              annotate + export, no tokens
**   many_1_mbps, many_2_mbps        annot_annotate_many over 10 KB docs
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "annot.h"

/* single-threaded figures use this thread's CPU time, which a shared,
** loaded machine disturbs far less than the wall clock; the thread
** figures need the wall clock */
static double seconds(clockid_t clock) {
  struct timespec ts;
  clock_gettime(clock, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}
static double now(void) { return seconds(CLOCK_THREAD_CPUTIME_ID); }
static double wall(void) { return seconds(CLOCK_MONOTONIC); }

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double median(double *v, int n) {
  qsort(v, (size_t)n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* a writer that only counts, so the export's own cost is measured */
static int null_writer(void *ud, const char *bytes, size_t len) {
  (void)bytes;
  *(size_t *)ud += len;
  return 0;
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)n + 1);
  if (buf != NULL && fread(buf, 1, (size_t)n, f) != (size_t)n) {
    free(buf);
    buf = NULL;
  }
  fclose(f);
  *len = (size_t)n;
  return buf;
}

static annot_doc *annotate_or_die(const annot_pipeline *p, const char *text,
                                  size_t len) {
  annot_error err;
  annot_doc *d = annot_annotate(p, text, len, &err);
  if (d == NULL) {
    fprintf(stderr, "bench_core: %s\n", err.message);
    exit(1);
  }
  return d;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: bench_core CORPUS_FILE [RUNS]\n");
    return 2;
  }
  int runs = argc > 2 ? atoi(argv[2]) : 5;
  if (runs < 1 || runs > 99) runs = 5;
  size_t len;
  char *text = read_file(argv[1], &len);
  if (text == NULL) {
    fprintf(stderr, "bench_core: cannot read %s\n", argv[1]);
    return 1;
  }
  double mb = (double)len / 1e6, t[99];
  annot_error err;

  /* the scanner alone */
  annot_options scan_only = {ANNOT_STAGE_TOKENS, 1, 0, 0};
  annot_pipeline *ps = annot_pipeline_new(&scan_only, &err);
  if (ps == NULL) return fprintf(stderr, "%s\n", err.message), 1;
  size_t ntok = 0, docmem = 0;
  /* one run first, not counted: the input's pages and the allocator's
  ** first large blocks are then in place as in every later run */
  annot_doc_free(annotate_or_die(ps, text, len));
  for (int r = 0; r < runs; r++) {
    double t0 = now();
    annot_doc *d = annotate_or_die(ps, text, len);
    t[r] = now() - t0;
    ntok = annot_token_count(d);
    docmem = annot_doc_memory(d);
    annot_doc_free(d);
  }
  double scan_s = median(t, runs);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("input_bytes %zu\n", len);
  printf("tokens %zu\n", ntok);
  printf("scan_mbps %.1f\n", mb / scan_s);
  printf("scan_tokens_per_s %.0f\n", (double)ntok / scan_s);
  printf("doc_bytes_per_token %.2f\n", (double)docmem / (double)ntok);
  printf("doc_bytes_per_input_byte %.3f\n", (double)docmem / (double)len);
  printf("peak_rss_bytes_per_input_byte %.3f\n",
         (double)ru.ru_maxrss * 1024.0 / (double)len);
  annot_pipeline_free(ps);

  /* the default pipeline: build time, then everything */
  for (int r = 0; r < runs; r++) {
    double t0 = now();
    annot_pipeline *p = annot_pipeline_new(NULL, &err);
    t[r] = now() - t0;
    if (p == NULL) return fprintf(stderr, "%s\n", err.message), 1;
    annot_pipeline_free(p);
  }
  printf("pipeline_build_ms %.2f\n", median(t, runs) * 1e3);
  annot_pipeline *p = annot_pipeline_new(NULL, &err);
  if (p == NULL) return fprintf(stderr, "%s\n", err.message), 1;
  double tj[99], tjt[99], tpj[99];
  for (int r = 0; r < runs; r++) {
    size_t out = 0;
    double t0 = now();
    annot_doc *d = annotate_or_die(p, text, len);
    double t1 = now();
    annot_doc_to_json(d, ANNOT_JSON_NO_TOKENS, null_writer, &out);
    double t2 = now();
    annot_doc_to_json(d, 0, null_writer, &out);
    double t3 = now();
    t[r] = t1 - t0;
    tj[r] = t2 - t1;
    tjt[r] = t3 - t2;
    tpj[r] = t2 - t0;
    if (r == 0) {
      printf("mentions %zu\n", annot_mention_count(d));
      printf("quotes %zu\n", annot_quote_count(d));
    }
    annot_doc_free(d);
  }
  printf("pipeline_mbps %.1f\n", mb / median(t, runs));
  printf("json_mbps %.1f\n", mb / median(tj, runs));
  printf("json_tokens_mbps %.1f\n", mb / median(tjt, runs));
  printf("pipeline_json_mbps %.1f\n", mb / median(tpj, runs));

  /* the same text as article-sized docs of 10 KB, one after another */
  size_t piece = 10000, n = len / piece;
  const char **texts = malloc(n * sizeof *texts);
  size_t *lens = malloc(n * sizeof *lens);
  annot_doc **docs = malloc(n * sizeof *docs);
  for (size_t i = 0; i < n; i++) {
    texts[i] = text + i * piece;
    lens[i] = piece;
  }
  for (int r = 0; r < runs; r++) {
    double t0 = now();
    for (size_t i = 0; i < n; i++)
      annot_doc_free(annotate_or_die(p, texts[i], lens[i]));
    t[r] = now() - t0;
  }
  printf("pipeline_docs_mbps %.1f\n", (double)(n * piece) / 1e6 / median(t, runs));

  /* many documents on 1 and 2 threads */
  for (unsigned threads = 1; threads <= 2; threads++) {
    for (int r = 0; r < runs; r++) {
      double t0 = wall();
      annot_annotate_many(p, n, texts, lens, threads, docs, NULL);
      t[r] = wall() - t0;
      for (size_t i = 0; i < n; i++) annot_doc_free(docs[i]);
    }
    printf("many_%u_mbps %.1f\n", threads, (double)(n * piece) / 1e6 / median(t, runs));
  }
  free(texts);
  free(lens);
  free(docs);
  annot_pipeline_free(p);
  free(text);
  return 0;
}
