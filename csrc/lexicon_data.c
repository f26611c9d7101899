/* lexicon_data.c: placeholder until the generated default lexicon lands. */
#include <stddef.h>
const char annot_default_lexicon[] = "";
const size_t annot_default_lexicon_len = 0;
