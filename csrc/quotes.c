/* quotes.c: placeholder until this stage is written; does nothing yet. */
#include "pipeline.h"

int stage_quotes(annot_doc *d, annot_error *err) {
  (void)d;
  (void)err;
  return ANNOT_OK;
}
