/*
** tokmem.h: memory for the doc's token arrays (doc.c) and the stages'
** per-token scratch arrays (entities.c, quotes.c).  The arrays of a
** long text are megabytes that are written once, front to back, right
** after they are allocated; what they cost is mostly the first touch of
** each page.  These helpers keep that cost down.
*/
#ifndef ANNOT_TOKMEM_H
#define ANNOT_TOKMEM_H

#include <stddef.h>

/* Ask the system to back the block p[0..bytes) with large pages where it
** can (Linux transparent huge pages): one page fault per 2 MB instead of
** one per 4 KB.  Only worth it for blocks of several megabytes; smaller
** ones and systems without the feature are left alone.  Never fails. */
void tokmem_advise(void *p, size_t bytes);

#endif
