/*
** pipeline.c: building a pipeline and running its stages over a text,
** one text at a time or many on threads.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parallel.h"
#include "pipeline.h"

static const char *const type_names[ANNOT_TYPE_COUNT] = {
  "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "DATE", "TIME",
  "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"
};

/* {======================================================
** Types and user labels
** ======================================================= */

const char *annot_type_name(const annot_pipeline *p, unsigned type) {
  if (type < ANNOT_TYPE_COUNT) return type_names[type];
  if (p != NULL && type - ANNOT_TYPE_COUNT < p->nlabels)
    return p->labels[type - ANNOT_TYPE_COUNT];
  return NULL;
}

static int find_type(const annot_pipeline *p, const char *name, size_t len) {
  for (unsigned t = 0; t < ANNOT_TYPE_COUNT; t++)
    if (strlen(type_names[t]) == len && memcmp(type_names[t], name, len) == 0)
      return (int)t;
  for (uint32_t i = 0; p != NULL && i < p->nlabels; i++)
    if (strlen(p->labels[i]) == len && memcmp(p->labels[i], name, len) == 0)
      return (int)(ANNOT_TYPE_COUNT + i);
  return -1;
}

int annot_type_lookup(const annot_pipeline *p, const char *name) {
  return name ? find_type(p, name, strlen(name)) : -1;
}

int pipeline_label(annot_pipeline *p, const char *label, size_t len) {
  int t = find_type(p, label, len);
  if (t >= 0) return t;
  if (ANNOT_TYPE_COUNT + p->nlabels >= LEX_TITLE) return -1;  /* too many */
  if (p->nlabels == p->labelcap) {
    uint32_t cap = p->labelcap ? p->labelcap * 2 : 8;
    char **l = realloc(p->labels, cap * sizeof *l);
    if (l == NULL) return -1;
    p->labels = l;
    p->labelcap = cap;
  }
  char *s = malloc(len + 1);
  if (s == NULL) return -1;
  memcpy(s, label, len);
  s[len] = '\0';
  p->labels[p->nlabels] = s;
  return (int)(ANNOT_TYPE_COUNT + p->nlabels++);
}

/* a lexicon TSV's type column: a class name, a type, or a new label */
static int tsv_label(void *ud, const char *name, size_t len) {
  int c = lexicon_class_lookup(name, len);
  if (c >= 0) return c;
  if (ud == NULL) return -1;   /* the default lexicon makes no labels */
  return pipeline_label(ud, name, len);
}

/* }====================================================== */


/* {======================================================
** Building
** ======================================================= */

annot_pipeline *annot_pipeline_new(const annot_options *opts,
                                   annot_error *err) {
  annot_pipeline *p = calloc(1, sizeof *p);
  if (p == NULL) {
    annot_seterror(err, ANNOT_ENOMEM, 0, "out of memory");
    return NULL;
  }
  if (opts != NULL) p->opts = *opts;
  if (p->opts.stages == 0) p->opts.stages = ANNOT_STAGE_ALL;
  if (p->opts.stages & ANNOT_STAGE_QUOTES)
    p->opts.stages |= ANNOT_STAGE_ENTITIES;
  p->lex = lexicon_new();
  if (p->lex == NULL) {
    annot_seterror(err, ANNOT_ENOMEM, 0, "out of memory");
    annot_pipeline_free(p);
    return NULL;
  }
  if (!p->opts.no_default_lexicon &&
      lexicon_add_tsv(p->lex, annot_default_lexicon,
                      annot_default_lexicon_len, "default lexicon", 0,
                      tsv_label, NULL, err) != ANNOT_OK) {
    annot_pipeline_free(p);
    return NULL;
  }
  return p;
}

int annot_pipeline_add_entry(annot_pipeline *p, const char *surface,
                             const char *type, const char *canonical,
                             const char *role, annot_error *err) {
  if (surface == NULL || *surface == '\0')
    return annot_seterror(err, ANNOT_EINVAL, 0, "entry: empty surface form");
  if (type == NULL || *type == '\0')
    return annot_seterror(err, ANNOT_EINVAL, 0,
                          "entry '%s': no type", surface);
  int cls = tsv_label(p, type, strlen(type));
  if (cls < 0)
    return annot_seterror(err, ANNOT_EINVAL, 0,
                          "entry '%s': cannot add type '%s'", surface, type);
  return lexicon_add(p->lex, surface, strlen(surface), (unsigned)cls,
                     canonical, role, 1, err);
}

int annot_pipeline_add_tsv(annot_pipeline *p, const char *tsv, size_t len,
                           const char *name, annot_error *err) {
  return lexicon_add_tsv(p->lex, tsv, len, name ? name : "lexicon", 1,
                         tsv_label, p, err);
}

int annot_pipeline_add_lexicon_file(annot_pipeline *p, const char *path,
                                    annot_error *err) {
  FILE *f = fopen(path, "rb");
  if (f == NULL)
    return annot_seterror(err, ANNOT_EIO, 0, "%s: %s", path, strerror(errno));
  char *buf = NULL;
  size_t len = 0, cap = 0, got;
  do {
    if (cap - len < 65536) {
      char *b = realloc(buf, cap = cap * 2 + 65536);
      if (b == NULL) {
        free(buf);
        fclose(f);
        return annot_seterror(err, ANNOT_ENOMEM, 0, "%s: out of memory", path);
      }
      buf = b;
    }
    got = fread(buf + len, 1, cap - len, f);
    len += got;
  } while (got > 0);
  int failed = ferror(f);
  fclose(f);
  int rc = failed ? annot_seterror(err, ANNOT_EIO, 0, "%s: read error", path)
                  : annot_pipeline_add_tsv(p, buf, len, path, err);
  free(buf);
  return rc;
}

int annot_pipeline_add_pattern(annot_pipeline *p, const char *label,
                               const char *pattern, annot_error *err) {
  if (label == NULL || *label == '\0')
    return annot_seterror(err, ANNOT_EINVAL, 0, "pattern: empty label");
  if (pattern == NULL)
    return annot_seterror(err, ANNOT_EINVAL, 0, "pattern '%s': no pattern",
                          label);
  int type = pipeline_label(p, label, strlen(label));
  if (type < 0)
    return annot_seterror(err, ANNOT_EINVAL, 0,
                          "pattern '%s': cannot add label", label);
  return patterns_add(p, (unsigned)type, pattern, err);
}

void annot_pipeline_free(annot_pipeline *p) {
  if (p == NULL) return;
  lexicon_free(p->lex);
  patterns_free(p->patterns);
  for (uint32_t i = 0; i < p->nlabels; i++) free(p->labels[i]);
  free(p->labels);
  free(p);
}

/* }====================================================== */


/* {======================================================
** Annotating
** ======================================================= */

annot_doc *annot_annotate(const annot_pipeline *p, const char *text,
                          size_t len, annot_error *err) {
  if (p == NULL || (text == NULL && len > 0)) {
    annot_seterror(err, ANNOT_EINVAL, 0, "annotate: no pipeline or no text");
    return NULL;
  }
  if (len >= UINT32_MAX) {
    annot_seterror(err, ANNOT_ETOOBIG, 0,
                   "annotate: text of %zu bytes is over the 4 GiB limit", len);
    return NULL;
  }
  annot_doc *d = calloc(1, sizeof *d);
  if (d == NULL || doc_reserve_tokens(d, len) != ANNOT_OK) {
    annot_doc_free(d);
    annot_seterror(err, ANNOT_ENOMEM, 0, "out of memory");
    return NULL;
  }
  d->pipeline = p;
  d->text = text ? text : "";
  d->len = (uint32_t)len;
  unsigned stages = p->opts.stages;
  int rc = stage_scan(d, err);
  if (rc == ANNOT_OK) doc_shrink_tokens(d);
  if (rc == ANNOT_OK && (stages & ANNOT_STAGE_ENTITIES)) {
    rc = stage_entities(d, err);
    if (rc == ANNOT_OK) rc = stage_patterns(d, err);
    if (rc == ANNOT_OK) rc = stage_resolve(d, err);
  }
  if (rc == ANNOT_OK && (stages & ANNOT_STAGE_QUOTES))
    rc = stage_quotes(d, err);
  if (rc != ANNOT_OK) {
    if (rc == ANNOT_ENOMEM) annot_seterror(err, rc, 0, "out of memory");
    annot_doc_free(d);
    return NULL;
  }
  return d;
}

/* what annot_annotate_many's jobs share */
typedef struct batch {
  const annot_pipeline *p;
  const char *const *texts;
  const size_t *lens;
  annot_doc **docs;
  annot_error *errs;
} batch;

/* one job of parallel_for: annotate text i into docs[i] */
static void annotate_job(void *ctx, size_t i) {
  batch *b = ctx;
  annot_error local;
  annot_error *e = b->errs ? &b->errs[i] : &local;
  b->docs[i] = annot_annotate(b->p, b->texts[i], b->lens[i], e);
}

size_t annot_annotate_many(const annot_pipeline *p, size_t n,
                           const char *const *texts, const size_t *lens,
                           unsigned threads, annot_doc **docs,
                           annot_error *errs) {
  batch b = {p, texts, lens, docs, errs};
  parallel_for(n, threads, annotate_job, &b);
  size_t failed = 0;
  for (size_t i = 0; i < n; i++) failed += docs[i] == NULL;
  return failed;
}

/* }====================================================== */
