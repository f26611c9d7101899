/* entities.c: placeholder until this stage is written; does nothing yet. */
#include "pipeline.h"

int stage_entities(annot_doc *d, annot_error *err) {
  (void)d;
  (void)err;
  return ANNOT_OK;
}
