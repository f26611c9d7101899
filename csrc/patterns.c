/*
** patterns.c: user rules.  Each pattern is a PCRE2 regular expression
** with a label; its matches in a doc become mentions of the label's type.
**
** A pattern is compiled once, when it is added to the pipeline, in UTF
** mode with PCRE2_MATCH_INVALID_UTF (so any bytes can be searched safely:
** an invalid sequence is a barrier no match crosses) and PCRE2_UCP (\w,
** \d and \b know non-ASCII letters), then JIT-compiled where PCRE2 can.
** One match context, shared read-only by every annotate call, holds the
** match, depth and heap limits, so a pathological pattern fails with an
** error instead of hanging.  Each call has its own match data.
**
** Matches snap to whole tokens ("expand": from the token holding the
** first byte to the token holding the last).  User patterns win: a
** mention found by an earlier stage that overlaps a match is removed; of
** two matches that share a token, the pattern added first keeps it.
*/
#include <stdlib.h>
#include <string.h>

#include <pcre2.h>

#include "pipeline.h"

/* limits used when the pipeline's options leave them 0 */
#define DEFAULT_MATCH_LIMIT 10000000u   /* calls of PCRE2's match() */
#define DEFAULT_DEPTH_LIMIT 10000u      /* nested backtracking points */
#define HEAP_LIMIT_KIB      (64u * 1024u)   /* 64 MiB of backtracking frames */

#define COMPILE_OPTIONS (PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_UCP)

typedef struct pattern {
  pcre2_code *code;
  unsigned type;      /* annot_type or user label */
} pattern;

struct pattern_set {
  pattern *items;
  uint32_t n, cap;
  pcre2_match_context *limits;   /* shared by every match, read-only */
};


/* {======================================================
** Building
** ======================================================= */

/* the label of a pattern's type, for messages (never NULL) */
static const char *label_of(const annot_pipeline *p, unsigned type) {
  const char *label = annot_type_name(p, type);
  return label != NULL ? label : "?";
}

/* The set of 'p', made on first use with the match context every match
** will share: the limits are the pipeline's options or the defaults. */
static pattern_set *get_set(annot_pipeline *p) {
  if (p->patterns != NULL) return p->patterns;
  pattern_set *ps = calloc(1, sizeof *ps);
  if (ps == NULL) return NULL;
  ps->limits = pcre2_match_context_create(NULL);
  if (ps->limits == NULL) {
    free(ps);
    return NULL;
  }
  uint32_t match = p->opts.match_limit ? p->opts.match_limit
                                       : DEFAULT_MATCH_LIMIT;
  uint32_t depth = p->opts.depth_limit ? p->opts.depth_limit
                                       : DEFAULT_DEPTH_LIMIT;
  pcre2_set_match_limit(ps->limits, match);
  pcre2_set_depth_limit(ps->limits, depth);
  pcre2_set_heap_limit(ps->limits, HEAP_LIMIT_KIB);
  p->patterns = ps;
  return ps;
}

/* Compile 'pattern_text' and add it to 'p' with the label 'type'.  A
** pattern that does not compile is an ANNOT_EPATTERN error naming the
** label, PCRE2's reason and the offset (also in 'err->offset'). */
int patterns_add(annot_pipeline *p, unsigned type, const char *pattern_text,
                 annot_error *err) {
  const char *label = label_of(p, type);
  pattern_set *ps = get_set(p);
  if (ps == NULL) return annot_seterror(err, ANNOT_ENOMEM, 0, "out of memory");
  if (ps->n == ps->cap) {
    uint32_t cap = ps->cap ? ps->cap * 2 : 8;
    pattern *items = realloc(ps->items, cap * sizeof *items);
    if (items == NULL)
      return annot_seterror(err, ANNOT_ENOMEM, 0, "out of memory");
    ps->items = items;
    ps->cap = cap;
  }
  int code;
  PCRE2_SIZE offset;
  pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern_text,
                                 PCRE2_ZERO_TERMINATED, COMPILE_OPTIONS,
                                 &code, &offset, NULL);
  if (re == NULL) {
    PCRE2_UCHAR msg[160];
    if (pcre2_get_error_message(code, msg, sizeof msg) < 0)
      strcpy((char *)msg, "cannot compile");
    return annot_seterror(err, ANNOT_EPATTERN, offset,
                          "pattern '%s': %s at offset %zu", label,
                          (const char *)msg, (size_t)offset);
  }
  /* no JIT (not built in, or PCRE2_ERROR_JIT_BADOPTION): the
  ** interpreter runs the pattern, with the same results.  ANNOT_NO_JIT
  ** asks for the interpreter too: JIT code reads a few bytes past the
  ** subject with vector loads, harmless but reported by valgrind */
  const char *no_jit = getenv("ANNOT_NO_JIT");
  if (no_jit == NULL || *no_jit == '\0' || strcmp(no_jit, "0") == 0)
    (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
  ps->items[ps->n].code = re;
  ps->items[ps->n].type = type;
  ps->n++;
  return ANNOT_OK;
}

/* Free every compiled pattern (JIT code included) and the context. */
void patterns_free(pattern_set *ps) {
  if (ps == NULL) return;
  for (uint32_t i = 0; i < ps->n; i++) pcre2_code_free(ps->items[i].code);
  free(ps->items);
  pcre2_match_context_free(ps->limits);
  free(ps);
}

/* }====================================================== */


/* {======================================================
** Matching
** ======================================================= */

/* what one annotate call needs while it runs the patterns */
typedef struct run {
  annot_doc *d;
  const pattern_set *ps;
  pcre2_match_data *md;
  uint8_t *taken;      /* per token: 1 when a pattern match holds it */
  size_t cursor;       /* no token before it ends after the next match */
  vec hits;            /* annot_mention: the matches kept */
  annot_error *err;
} run;

/* the offset of the character after the one at 'pos' (one byte for a
** byte that starts no valid sequence) */
static size_t next_char(const char *text, size_t len, size_t pos) {
  pos++;
  while (pos < len && ((unsigned char)text[pos] & 0xC0) == 0x80) pos++;
  return pos;
}

/* The error for a failed match of pattern 'pt' that started at byte
** 'at': a limit reached, out of memory, or whatever else PCRE2 says. */
static int match_error(run *r, const pattern *pt, int rc, size_t at) {
  const char *label = label_of(r->d->pipeline, pt->type);
  if (rc == PCRE2_ERROR_NOMEMORY)
    return annot_seterror(r->err, ANNOT_ENOMEM, at, "out of memory");
  const char *why;
  switch (rc) {
    case PCRE2_ERROR_MATCHLIMIT: why = "match limit exceeded"; break;
    case PCRE2_ERROR_DEPTHLIMIT: why = "depth limit exceeded"; break;
    case PCRE2_ERROR_HEAPLIMIT: why = "heap limit exceeded"; break;
    default: why = NULL;
  }
  if (why != NULL)
    return annot_seterror(r->err, ANNOT_EPATTERN, at,
                          "pattern '%s': %s near byte %zu", label, why, at);
  PCRE2_UCHAR msg[160];
  if (pcre2_get_error_message(rc, msg, sizeof msg) < 0)
    strcpy((char *)msg, "match failed");
  return annot_seterror(r->err, ANNOT_EPATTERN, at,
                        "pattern '%s': %s near byte %zu", label,
                        (const char *)msg, at);
}

/* The first token at or after 'from' that ends after byte 'offset' (as
** annot_token_at), given that none before 'from' does.  Matches come in
** order, so this gallops forward from the last one instead of searching
** the whole doc each time. */
static size_t token_after(const annot_doc *d, size_t from, size_t offset) {
  size_t n = d->ntok;
  if (from >= n || d->tok_end[from] > offset) return from;
  size_t lo = from, hi = from + 1, step = 1;   /* tok_end[lo] <= offset */
  while (hi < n && d->tok_end[hi] <= offset) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > n) hi = n;
  while (lo + 1 < hi) {   /* the answer is in (lo, hi] */
    size_t mid = lo + (hi - lo) / 2;
    if (d->tok_end[mid] <= offset) lo = mid;
    else hi = mid;
  }
  return hi;
}

/* Keep the match text[s..e) of pattern 'pt', snapped to the tokens it
** touches, unless it holds no token or a token an earlier match holds. */
static int keep_match(run *r, const pattern *pt, size_t s, size_t e) {
  annot_doc *d = r->d;
  /* 'first' holds byte 's' or is the first token after it; a match that
  ** ends before that token touched only whitespace */
  size_t first = token_after(d, r->cursor, s);
  if (first >= d->ntok || d->tok_start[first] >= e) {
    r->cursor = first;
    return ANNOT_OK;
  }
  size_t last = token_after(d, first, e - 1);
  r->cursor = last;   /* the next match starts at 'e' or later */
  if (last >= d->ntok || d->tok_start[last] >= e) last--;   /* on a space */
  /* an earlier pattern (or an earlier match snapped to the same token)
  ** holds one of these tokens: it keeps them */
  for (size_t t = first; t <= last; t++)
    if (r->taken[t]) return ANNOT_OK;
  memset(r->taken + first, 1, last - first + 1);
  /* the mention, on token bounds; resolve.c gives it its entity */
  annot_mention *m = vec_push(&r->hits, sizeof *m);
  if (m == NULL) return ANNOT_ENOMEM;
  m->start = d->tok_start[first];
  m->end = d->tok_end[last];
  m->tok_begin = (uint32_t)first;
  m->tok_end = (uint32_t)last + 1;
  m->role_start = m->role_end = 0;
  m->entity = 0;
  m->type = (uint16_t)pt->type;
  m->source = ANNOT_SRC_PATTERN;
  m->canonical = NULL;
  m->canonical_len = 0;
  return ANNOT_OK;
}

/* Run pattern 'pt' over the whole text, as the loop of pcre2demo: after
** an empty match, look for a non-empty one at the same place, then step
** one character. */
static int run_pattern(run *r, const pattern *pt) {
  const char *text = r->d->text;
  size_t len = r->d->len;
  size_t start = 0;
  uint32_t options = 0;
  r->cursor = 0;
  while (start <= len) {
    int rc = pcre2_match(pt->code, (PCRE2_SPTR)text, len, start, options,
                         r->md, r->ps->limits);
    /* the JIT's stack is small and fixed; the interpreter keeps its
    ** backtracking on the heap, under the depth and heap limits */
    if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
      rc = pcre2_match(pt->code, (PCRE2_SPTR)text, len, start,
                       options | PCRE2_NO_JIT, r->md, r->ps->limits);
    if (rc == PCRE2_ERROR_NOMATCH) {
      if (options == 0) break;   /* no more matches */
      start = next_char(text, len, start);   /* after an empty match */
      options = 0;
      continue;
    }
    if (rc < 0) return match_error(r, pt, rc, start);
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);
    if (ov[0] > ov[1])   /* \K in a lookahead moved the start past the end */
      return annot_seterror(r->err, ANNOT_EPATTERN, ov[1],
                            "pattern '%s': \\K set a match start after its end",
                            label_of(r->d->pipeline, pt->type));
    if (ov[1] > ov[0] && keep_match(r, pt, ov[0], ov[1]) != ANNOT_OK)
      return ANNOT_ENOMEM;
    /* an empty match: next time insist on a non-empty one right there,
    ** else the loop would find the same empty match forever */
    options = ov[1] == ov[0] ? PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED : 0;
    start = ov[1];
  }
  return ANNOT_OK;
}

/* qsort order of mentions: by start, then by end */
static int by_start(const void *a, const void *b) {
  const annot_mention *x = a, *y = b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  if (x->end != y->end) return x->end < y->end ? -1 : 1;
  return 0;
}

/* the mentions of 'v' are in order of start */
static int sorted(const vec *v) {
  const annot_mention *m = v->data;
  for (uint32_t i = 1; i < v->n; i++)
    if (m[i - 1].start > m[i].start) return 0;
  return 1;
}

/* the kept match (sorted, disjoint) overlapping bytes [s, e), if any */
static int overlaps_hit(const vec *hits, uint32_t s, uint32_t e) {
  const annot_mention *h = hits->data;
  size_t lo = 0, hi = hits->n;   /* first hit whose end > s */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (h[mid].end <= s) lo = mid + 1;
    else hi = mid;
  }
  return lo < hits->n && h[lo].start < (e > s ? e : s + 1);
}

/* Merge the kept matches into the doc's mentions, dropping the mentions
** they overlap; both lists are sorted by start and stay so. */
static int merge_hits(run *r) {
  annot_doc *d = r->d;
  const annot_mention *old = d->mentions.data;
  const annot_mention *hit = r->hits.data;
  size_t nold = d->mentions.n, nhit = r->hits.n;
  annot_mention *merged = malloc((nold + nhit) * sizeof *merged);
  if (merged == NULL) return ANNOT_ENOMEM;
  /* a merge of two sorted lists; a hit goes before an old mention that
  ** starts at the same byte (they cannot overlap, so it is empty) */
  size_t n = 0, i = 0, j = 0;
  while (i < nold || j < nhit) {
    if (i < nold && overlaps_hit(&r->hits, old[i].start, old[i].end)) {
      i++;   /* a user pattern wins over what earlier stages found */
      continue;
    }
    if (j >= nhit || (i < nold && by_start(&old[i], &hit[j]) < 0))
      merged[n++] = old[i++];
    else
      merged[n++] = hit[j++];
  }
  /* the merged list replaces the old one (one allocation per doc) */
  free(d->mentions.data);
  d->mentions.data = merged;
  d->mentions.n = (uint32_t)n;
  d->mentions.cap = (uint32_t)(nold + nhit);
  return ANNOT_OK;
}

/* The stage: run every pattern of the pipeline over the doc, in the
** order they were added, then merge what they found into the mentions.
** The match data, the token marks and the list of matches belong to
** this call alone, so docs can be annotated on many threads at once. */
int stage_patterns(annot_doc *d, annot_error *err) {
  const annot_pipeline *p = d->pipeline;
  if (p == NULL || p->patterns == NULL || p->patterns->n == 0 || d->ntok == 0)
    return ANNOT_OK;
  run r;
  memset(&r, 0, sizeof r);
  r.d = d;
  r.ps = p->patterns;
  r.err = err;
  /* only the whole match is used: one pair of offsets is enough, and a
  ** pattern with groups still matches (its groups are just not kept) */
  r.md = pcre2_match_data_create(1, NULL);
  r.taken = calloc(d->ntok, 1);
  int rc = (r.md == NULL || r.taken == NULL) ? ANNOT_ENOMEM : ANNOT_OK;
  for (uint32_t k = 0; rc == ANNOT_OK && k < r.ps->n; k++)
    rc = run_pattern(&r, &r.ps->items[k]);
  if (rc == ANNOT_OK && r.hits.n > 0) {
    /* one pattern's matches come in order; several may interleave */
    if (!sorted(&r.hits))
      qsort(r.hits.data, r.hits.n, sizeof(annot_mention), by_start);
    rc = merge_hits(&r);
  }
  pcre2_match_data_free(r.md);
  free(r.taken);
  vec_free(&r.hits);
  return rc;
}

/* }====================================================== */
