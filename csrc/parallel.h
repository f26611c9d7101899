/*
** parallel.h: one loop over n jobs on several threads, for the batch
** calls (annot_annotate_many, annot_json_many).  No Lua.
*/
#ifndef ANNOT_PARALLEL_H
#define ANNOT_PARALLEL_H

#include <stddef.h>

/* one job: 'i' is its index, 'ctx' the caller's; each job writes only
** its own result slot, so jobs need no lock of their own */
typedef void (*parallel_job)(void *ctx, size_t i);

/* Run job(ctx, i) for every i < n on 'threads' threads (0: one per core),
** the calling thread among them, and return when all are done. */
void parallel_for(size_t n, unsigned threads, parallel_job job, void *ctx);

#endif
