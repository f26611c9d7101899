/*
** ctest.h: a very small test harness for the C tests.  Each CHECK that
** fails prints where and why; main ends with 'ctest_done()', which prints
** "N passed, N failed" for tools/run-tests to add up.
*/
#ifndef CTEST_H
#define CTEST_H

#include <stdio.h>
#include <string.h>

static int ctest_passed, ctest_failed;

#define CHECK(cond) \
  do { \
    if (cond) ctest_passed++; \
    else { \
      ctest_failed++; \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
    } \
  } while (0)

/* two C strings (or a buffer and a literal) are equal */
#define CHECK_STR(got, want) \
  do { \
    const char *g_ = (got), *w_ = (want); \
    if (g_ != NULL && strcmp(g_, w_) == 0) ctest_passed++; \
    else { \
      ctest_failed++; \
      fprintf(stderr, "%s:%d: got '%s', want '%s'\n", __FILE__, __LINE__, \
              g_ ? g_ : "(null)", w_); \
    } \
  } while (0)

static int ctest_done(const char *name) {
  printf("%s: %d passed, %d failed\n", name, ctest_passed, ctest_failed);
  return ctest_failed ? 1 : 0;
}

#endif
