/*
** export_many.c: annot_json_many, many texts to JSON on threads.
**
** annot_annotate_many leaves the export to the caller, which (in Lua)
** writes one doc after the other on a single thread: with two threads the
** serial export and the Lua work around it cap the speed-up well below
** 2x.  Here each worker takes the next text, annotates it, writes its
** JSON into a buffer of its own and frees the doc, so everything per text
** runs in parallel and the caller only collects finished strings.
**
** The pipeline is immutable, each doc belongs to one thread and each
** result slot to one job, so parallel_for's job index is all they share.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"
#include "export_many.h"
#include "parallel.h"

/* {======================================================
** One text's JSON, in a growing malloc'ed buffer
** ======================================================= */

/* the buffer the JSON writer appends to */
typedef struct json_sink {
  char *data;
  size_t len, cap;
  size_t skip;     /* bytes of the writer's output still to drop */
} json_sink;

/*
** The annot_write_fn: append 'len' bytes, doubling the buffer when full;
** returns 1 (stop the export) when out of memory.
*/
static int sink_write(void *ud, const char *bytes, size_t len) {
  json_sink *s = ud;
  /* the '{' already written with a prefix after it is not written again */
  size_t drop = s->skip < len ? s->skip : len;
  s->skip -= drop;
  bytes += drop;
  len -= drop;
  /* one byte more for the NUL the caller may want at the end */
  if (len + 1 > s->cap - s->len) {
    size_t cap = s->cap ? s->cap : 4096;
    while (len + 1 > cap - s->len) {
      if (cap > ((size_t)-1) / 2) return 1;
      cap *= 2;
    }
    char *p = realloc(s->data, cap);
    if (p == NULL) return 1;
    s->data = p;
    s->cap = cap;
  }
  memcpy(s->data + s->len, bytes, len);
  s->len += len;
  return 0;
}

/*
** Annotate a text and write its JSON into 'r', with 'prefix' (plen
** bytes; NULL for none) right after the opening '{'; the doc is freed
** before returning.  Returns 1 on success, 0 with 'r->err' set on
** failure.
*/
static int json_one(const annot_pipeline *p, const char *text, size_t len,
                    const char *prefix, size_t plen, unsigned flags,
                    annot_json_result *r) {
  r->json = NULL;
  r->len = 0;
  annot_doc *d = annot_annotate(p, text, len, &r->err);
  if (d == NULL) return 0;
  /* a first guess at the size saves most of the doublings: the JSON
  ** without tokens is a few times the text, with tokens more */
  json_sink s = {NULL, 0, 0, 0};
  size_t guess = len * ((flags & ANNOT_JSON_NO_TOKENS) ? 4 : 12) + 256 + plen;
  s.data = malloc(guess);
  if (s.data != NULL) s.cap = guess;
  int stopped = 0;
  if (prefix != NULL) {
    /* '{', the prefix, then the writer's object less its own '{' */
    stopped = sink_write(&s, "{", 1) || sink_write(&s, prefix, plen);
    s.skip = 1;
  }
  if (!stopped) stopped = annot_doc_to_json(d, flags, sink_write, &s);
  annot_doc_free(d);
  /* the sink always keeps a byte free after the JSON, for the NUL */
  if (stopped || s.data == NULL) {
    free(s.data);
    annot_seterror(&r->err, ANNOT_ENOMEM, 0, "out of memory");
    return 0;
  }
  s.data[s.len] = '\0';
  r->json = s.data;
  r->len = s.len;
  return 1;
}

/*
** Set 'err' to "<path>: <reason>" for the errno value 'code'; strerror_r
** because strerror may share its buffer between the worker threads.
*/
static void set_file_error(annot_error *err, const char *path, int code) {
  char why[128];
  if (strerror_r(code, why, sizeof why) != 0)
    snprintf(why, sizeof why, "error %d", code);
  annot_seterror(err, code == ENOMEM ? ANNOT_ENOMEM : ANNOT_EIO, 0, "%s: %s",
                 path, why);
}

/*
** Read the whole of the file at 'path' into a malloc'ed buffer: returns
** it (its size in '*len'; the caller frees it), or NULL with 'err' set to
** "<path>: <reason>", the words of strerror as the CLI reports a file
** it cannot read.  The size from fstat is only a first guess: the loop
** reads to the end whatever the file turns out to hold (pipes, files
** that grow), and a directory fails at the first read, as in Lua.
*/
static char *read_whole_file(const char *path, size_t *len,
                             annot_error *err) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) {
    set_file_error(err, path, errno);
    return NULL;
  }
  /* a regular file's size (one byte more, to see the end at once);
  ** anything else starts small */
  size_t cap = 64 * 1024, used = 0;
  struct stat st;
  if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
      (unsigned long long)st.st_size < (size_t)-1)
    cap = (size_t)st.st_size + 1;
  char *buf = malloc(cap);
  int failure = buf == NULL ? ENOMEM : 0;
  while (failure == 0) {
    if (used == cap) {
      /* more than the guess: grow by half again */
      size_t grown = cap + cap / 2;
      char *more = grown > cap ? realloc(buf, grown) : NULL;
      if (more == NULL) {
        failure = ENOMEM;
        break;
      }
      buf = more;
      cap = grown;
    }
    size_t got = fread(buf + used, 1, cap - used, f);
    used += got;
    if (got == 0 || used < cap) {
      /* a short read is the end of the file or an error */
      if (ferror(f)) failure = errno != 0 ? errno : EIO;
      else if (!feof(f)) continue;
      break;
    }
  }
  fclose(f);
  if (failure != 0) {
    free(buf);
    set_file_error(err, path, failure);
    return NULL;
  }
  *len = used;
  return buf;
}

/* }====================================================== */


/* {======================================================
** The workers
** ======================================================= */

/* what a batch's jobs share */
typedef struct json_batch {
  const annot_pipeline *p;
  const char *const *texts;     /* or the paths, with 'from_files' */
  const size_t *lens;           /* NULL with 'from_files' */
  int from_files;
  const char *const *prefixes;   /* NULL, or one per text (NULL: none) */
  const size_t *prefix_lens;
  annot_json_result *results;
  unsigned flags;
} json_batch;

/*
** One job of parallel_for: text (or file) i to results[i], which only
** this job writes.
*/
static void json_job(void *ctx, size_t i) {
  json_batch *b = ctx;
  const char *prefix = b->prefixes != NULL ? b->prefixes[i] : NULL;
  size_t plen = prefix != NULL ? b->prefix_lens[i] : 0;
  if (b->from_files) {
    /* the file is read here, on the worker, and dropped once exported */
    size_t len = 0;
    char *text = read_whole_file(b->texts[i], &len, &b->results[i].err);
    b->results[i].json = NULL;
    b->results[i].len = 0;
    if (text != NULL)
      json_one(b->p, text, len, prefix, plen, b->flags, &b->results[i]);
    free(text);
  } else
    json_one(b->p, b->texts[i], b->lens[i], prefix, plen, b->flags,
             &b->results[i]);
}

/*
** Run the batch of 'n' texts (or files) on 'threads' threads (0: one per
** core), the calling thread among them; returns the number of failures.
*/
static size_t run_batch(json_batch *b, size_t n, unsigned threads) {
  parallel_for(n, threads, json_job, b);
  size_t failed = 0;
  for (size_t i = 0; i < n; i++) failed += b->results[i].json == NULL;
  return failed;
}

size_t annot_json_many(const annot_pipeline *p, size_t n,
                       const char *const *texts, const size_t *lens,
                       const char *const *prefixes, const size_t *prefix_lens,
                       unsigned threads, unsigned flags,
                       annot_json_result *results) {
  json_batch b = {p, texts, lens, 0, prefixes, prefix_lens, results, flags};
  return run_batch(&b, n, threads);
}

size_t annot_json_many_files(const annot_pipeline *p, size_t n,
                             const char *const *paths,
                             const char *const *prefixes,
                             const size_t *prefix_lens, unsigned threads,
                             unsigned flags, annot_json_result *results) {
  json_batch b = {p, paths, NULL, 1, prefixes, prefix_lens, results, flags};
  return run_batch(&b, n, threads);
}

void annot_json_results_free(annot_json_result *results, size_t n) {
  for (size_t i = 0; results != NULL && i < n; i++) {
    free(results[i].json);
    results[i].json = NULL;
  }
}

/* }====================================================== */
