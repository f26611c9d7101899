/*
** parallel.c: parallel_for, a small pool of POSIX threads that take the
** next job index under a mutex until none is left.  The shared state is
** that index only; a thread that cannot be started leaves its share to
** the others, so the loop always finishes on the calling thread at least.
*/
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "parallel.h"

typedef struct pool {
  parallel_job job;
  void *ctx;
  size_t n;
  size_t next;           /* next job to take, under 'lock' */
  pthread_mutex_t lock;
} pool;

/* a worker: take the next job until none is left */
static void *worker(void *arg) {
  pool *w = arg;
  for (;;) {
    pthread_mutex_lock(&w->lock);
    size_t i = w->next++;
    pthread_mutex_unlock(&w->lock);
    if (i >= w->n) return NULL;
    w->job(w->ctx, i);
  }
}

void parallel_for(size_t n, unsigned threads, parallel_job job, void *ctx) {
  pool w = {job, ctx, n, 0, PTHREAD_MUTEX_INITIALIZER};
  if (threads == 0) {
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    threads = cores > 0 ? (unsigned)cores : 1;
  }
  /* no more threads than jobs; at least the calling thread */
  if (threads > n) threads = n > 0 ? (unsigned)n : 1;
  pthread_t *tids = threads > 1 ? calloc(threads - 1, sizeof *tids) : NULL;
  unsigned started = 0;
  for (unsigned t = 0; tids != NULL && t + 1 < threads; t++) {
    if (pthread_create(&tids[started], NULL, worker, &w) != 0) break;
    started++;
  }
  worker(&w);
  for (unsigned t = 0; t < started; t++) pthread_join(tids[t], NULL);
  free(tids);
  pthread_mutex_destroy(&w.lock);
}
