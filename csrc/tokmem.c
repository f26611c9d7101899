/*
** tokmem.c: large-page advice for the token arrays (see tokmem.h).  The
** only file of the core that asks the system about memory pages; the
** advice is a hint, so everything works the same where it is missing.
*/
/* MADV_HUGEPAGE is a Linux extension, outside the POSIX names */
#define _DEFAULT_SOURCE 1

#include <stdint.h>

#include "tokmem.h"

#if defined(__linux__)
#include <sys/mman.h>
#endif

/* a large page on the systems that have them (x86-64, arm64 with 4 KB
** base pages): the advice only covers whole ones inside the block */
#define LARGE_PAGE ((uintptr_t)2 << 20)

/* below this a block is not worth a system call: it likely sits in the
** allocator's heap, and few of its pages would be large ones */
#define ADVISE_MIN ((size_t)4 << 20)

void tokmem_advise(void *p, size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (p == NULL || bytes < ADVISE_MIN) return;
  /* the whole large pages inside [p, p + bytes): madvise wants a page
  ** aligned start, and a partial large page could not be one anyway */
  uintptr_t first = ((uintptr_t)p + LARGE_PAGE - 1) & ~(LARGE_PAGE - 1);
  uintptr_t last = ((uintptr_t)p + bytes) & ~(LARGE_PAGE - 1);
  if (last > first)
    (void)madvise((void *)first, (size_t)(last - first), MADV_HUGEPAGE);
#else
  (void)p;
  (void)bytes;
#endif
}
