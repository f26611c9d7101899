/*
** pipeline.h: what a pipeline holds.  Built by annot_pipeline_new and the
** annot_pipeline_add_* calls, immutable afterwards.
*/
#ifndef ANNOT_PIPELINE_H
#define ANNOT_PIPELINE_H

#include "internal.h"
#include "lexicon.h"

typedef struct pattern_set pattern_set;   /* patterns.c */

struct annot_pipeline {
  annot_options opts;
  lexicon *lex;
  pattern_set *patterns;   /* NULL until the first pattern */
  char **labels;           /* user labels: type ANNOT_TYPE_COUNT + i */
  uint32_t nlabels, labelcap;
};

/* patterns.c */
int patterns_add(annot_pipeline *p, unsigned type, const char *pattern,
                 annot_error *err);
void patterns_free(pattern_set *ps);

/* the type for 'label', adding a user label when it is new; -1 on
** out of memory */
int pipeline_label(annot_pipeline *p, const char *label, size_t len);

#endif
