/* export.c: placeholder until the JSON writer lands. */
#include "internal.h"
int annot_doc_to_json(const annot_doc *d, unsigned flags,
                      annot_write_fn write, void *ud) {
  (void)d; (void)flags;
  return write(ud, "{}", 2);
}
