/*
** annotate.c: a C host of annot with no Lua.  It annotates the files named
** on its command line and prints, for each, a line of counts and then the
** doc's JSON (one line).  Uses nothing but annot.h.
**
**   build/annotate [--no-tokens] FILE...
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "annot.h"

/*
** Read a whole file into a malloc'ed buffer; NULL (errno set) on failure.
*/
static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) return NULL;
  char *buf = NULL;
  size_t n = 0, cap = 0, got;
  do {
    if (cap - n < 65536) {
      char *b = realloc(buf, cap = cap * 2 + 65536);
      if (b == NULL) {
        free(buf);
        fclose(f);
        errno = ENOMEM;
        return NULL;
      }
      buf = b;
    }
    got = fread(buf + n, 1, cap - n, f);
    n += got;
  } while (got > 0);
  int failed = ferror(f);
  fclose(f);
  if (failed) {
    free(buf);
    errno = EIO;
    return NULL;
  }
  *len = n;
  return buf;
}

/*
** The JSON writer's sink: straight to a FILE; a write error stops it.
*/
static int write_file(void *ud, const char *bytes, size_t len) {
  return fwrite(bytes, 1, len, (FILE *)ud) == len ? 0 : 1;
}

/*
** Annotate one file and print its counts and JSON; 0 on success.
*/
static int annotate_file(const annot_pipeline *p, const char *path,
                         unsigned json_flags) {
  size_t len;
  char *text = read_file(path, &len);
  if (text == NULL) {
    fprintf(stderr, "annotate: %s: %s\n", path, strerror(errno));
    return 1;
  }
  annot_error err;
  annot_doc *d = annot_annotate(p, text, len, &err);
  if (d == NULL) {
    fprintf(stderr, "annotate: %s: %s\n", path, err.message);
    free(text);
    return 1;
  }
  printf("# %s: %zu bytes, %zu tokens, %zu sentences, %zu paragraphs, "
         "%zu mentions of %zu entities, %zu quotes\n",
         path, len, annot_token_count(d), annot_sentence_count(d),
         annot_paragraph_count(d), annot_mention_count(d),
         annot_entity_count(d), annot_quote_count(d));
  int rc = annot_doc_to_json(d, json_flags, write_file, stdout);
  putchar('\n');
  annot_doc_free(d);   /* the doc refers to the text: free it first */
  free(text);
  if (rc != 0) fprintf(stderr, "annotate: %s: write error\n", path);
  return rc != 0;
}

int main(int argc, char **argv) {
  unsigned flags = 0;
  int first = 1;
  if (argc > 1 && strcmp(argv[1], "--no-tokens") == 0) {
    flags |= ANNOT_JSON_NO_TOKENS;
    first = 2;
  }
  if (first >= argc) {
    fprintf(stderr, "usage: %s [--no-tokens] FILE...\n", argv[0]);
    return 2;
  }
  annot_error err;
  annot_pipeline *p = annot_pipeline_new(NULL, &err);
  if (p == NULL) {
    fprintf(stderr, "annotate: %s\n", err.message);
    return 1;
  }
  int failures = 0;
  for (int i = first; i < argc; i++) failures += annotate_file(p, argv[i], flags);
  annot_pipeline_free(p);
  return failures ? 1 : 0;
}
