/* patterns.c: placeholder until this stage is written; does nothing yet. */
#include "pipeline.h"

int stage_patterns(annot_doc *d, annot_error *err) {
  (void)d;
  (void)err;
  return ANNOT_OK;
}

int patterns_add(annot_pipeline *p, unsigned type, const char *pattern,
                 annot_error *err) {
  (void)p; (void)type; (void)pattern;
  return annot_seterror(err, ANNOT_EPATTERN, 0, "patterns: not built yet");
}

void patterns_free(pattern_set *ps) { (void)ps; }
