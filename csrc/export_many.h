/*
** export_many.h: annotate many texts and export each as JSON, on threads,
** with one pipeline.  The batch call behind the Lua binding's
** 'to_json_many' and the CLI's 'annot json --jobs N': every per-text step
** (annotate, export, free the doc) runs on the worker threads, and only
** the finished JSON strings come back, in the order of the texts.
** No Lua here: the glue copies the strings into Lua and frees them.
*/
#ifndef ANNOT_EXPORT_MANY_H
#define ANNOT_EXPORT_MANY_H

#include <stddef.h>

#include "annot.h"

/* what one text became: its JSON, or the error that stopped it */
typedef struct annot_json_result {
  char *json;          /* malloc'ed, NUL-terminated; NULL on failure */
  size_t len;          /* bytes of 'json', without the NUL */
  annot_error err;     /* set when 'json' is NULL */
} annot_json_result;

/* Annotate the 'n' texts with 'p' on 'threads' threads (0: one per
** core) and write each doc as JSON (annot_doc_to_json with 'flags');
** 'results[i]' receives text i's JSON or its error.  When 'prefixes' is
** not NULL and 'prefixes[i]' is not NULL, its 'prefix_lens[i]' bytes are
** written right after the object's opening '{' (a first field such as
** "id":"a1", with its comma): callers that put a field first need not
** copy the JSON again.  The docs are freed on the threads as soon as they
** are written.  Returns the number of failures.  Free the strings with
** 'annot_json_results_free'. */
size_t annot_json_many(const annot_pipeline *p, size_t n,
                       const char *const *texts, const size_t *lens,
                       const char *const *prefixes, const size_t *prefix_lens,
                       unsigned threads, unsigned flags,
                       annot_json_result *results);

/* The same, for the 'n' files at 'paths': each worker reads its file
** (the whole of it, into a buffer it frees after the export) before
** annotating it, so that reading runs on the threads too.  A file that
** cannot be read fails like a text that cannot be annotated: its result
** has no JSON and an ANNOT_EIO error "<path>: <strerror>". */
size_t annot_json_many_files(const annot_pipeline *p, size_t n,
                             const char *const *paths,
                             const char *const *prefixes,
                             const size_t *prefix_lens, unsigned threads,
                             unsigned flags, annot_json_result *results);

/* free the JSON strings of 'n' results (safe on results already freed,
** or never filled when zeroed) */
void annot_json_results_free(annot_json_result *results, size_t n);

#endif
