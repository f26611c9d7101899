/*
** sink.h: the growable string the C tests hand to the JSON writer as its
** annot_write_fn (test_api.c, test_threads.c).  A sink starts as {0}; its
** data is NUL-terminated after every write and freed by the test.
*/
#ifndef SINK_H
#define SINK_H

#include <stdlib.h>
#include <string.h>

/* a growable string the JSON writer appends to */
typedef struct sink {
  char *data;
  size_t len, cap;
  size_t calls;
  size_t stop_after;   /* stop (return 7) on this call; 0: never */
} sink;

/*
** The annot_write_fn of the tests: append to a sink, or return 7 on call
** 'stop_after' so that a test can see the writer's error come back.
*/
static int sink_write(void *ud, const char *bytes, size_t len) {
  sink *s = ud;
  s->calls++;
  if (s->stop_after && s->calls >= s->stop_after) return 7;
  /* grow to twice the need, and keep a byte for the NUL */
  if (s->len + len + 1 > s->cap) {
    size_t cap = (s->len + len + 1) * 2;
    char *p = realloc(s->data, cap);
    if (p == NULL) return 1;
    s->data = p;
    s->cap = cap;
  }
  memcpy(s->data + s->len, bytes, len);
  s->len += len;
  s->data[s->len] = '\0';
  return 0;
}

#endif
