/*
** scan_sentences.c: sentence and paragraph boundaries, one pass over the
** tokens the tokenizer left.  A paragraph starts at each token flagged
** ANNOT_TF_PARA_START (a blank line before it); sentences never cross
** paragraphs.  Inside a paragraph a sentence ends:
**   - after . ? ! (and runs like ?!) with the closing quotes and brackets
**     that follow them, when what comes next can start a sentence;
**   - after an abbreviation's period only when a typical sentence opener
**     follows (U.S. The), never after a title (Mr. Smith);
**   - before a numbered or lettered list item and before a bullet;
**   - at a line break after a headline or byline (a short or title-case
**     line without final punctuation), or between very short lines (a
**     list of items), not inside wrapped prose.
*/
#include <string.h>

#include "scan.h"
#include "unicode.h"

/* {======================================================
** Looking at tokens
** ======================================================= */

#define TEXT(d, k) ((const char *)(d)->text + (d)->tok_start[k])
#define LEN(d, k) ((size_t)((d)->tok_end[k] - (d)->tok_start[k]))

/* does token k read exactly 's'? */
static int tok_is(const annot_doc *d, uint32_t k, const char *s) {
  size_t n = strlen(s);
  return LEN(d, k) == n && memcmp(TEXT(d, k), s, n) == 0;
}

/* the class (UC_*) of the first character of token k */
static unsigned first_class(const annot_doc *d, uint32_t k) {
  const unsigned char *p = (const unsigned char *)TEXT(d, k);
  uint32_t cp;
  if (p[0] < 0x80) {
    unsigned c = p[0];
    if (c >= 'A' && c <= 'Z') return UC_UPPER;
    if (c >= 'a' && c <= 'z') return UC_LOWER;
    if (c >= '0' && c <= '9') return UC_DIGIT;
    return UC_PUNCT;
  }
  if (utf8_decode(p, LEN(d, k), &cp) == 0) return UC_OTHER;
  return uni_class(cp);
}

/* a run of . ? ! (a plain period, ?, !, ?!, ..): sentence-final marks */
static int is_stop(const annot_doc *d, uint32_t k) {
  /* the tokenizer makes a run of ? and ! one token, so the first byte
  ** tells; an ellipsis is a kind of its own and no stop */
  if (d->tok_kind[k] != ANNOT_TOK_PUNCT) return 0;
  char c = TEXT(d, k)[0];
  return c == '.' || c == '?' || c == '!';
}

/* a closing quote or a closing bracket */
static int is_closer(const annot_doc *d, uint32_t k) {
  unsigned kind = d->tok_kind[k];
  if (kind == ANNOT_TOK_QUOTE) return (d->tok_flags[k] & ANNOT_TF_CLOSE) != 0;
  return kind == ANNOT_TOK_BRACKET && first_class(d, k) != UC_OPEN &&
         strchr("([{", TEXT(d, k)[0]) == NULL;
}

/* is_bullet past its first byte (see there) */
static int is_bullet_slow(const annot_doc *d, uint32_t k) {
  static const char *const bullets[] = {
    "\xE2\x80\xA2", "\xE2\x97\xA6", "\xE2\x96\xAA", "\xE2\x80\xA3",
    "\xE2\x97\x8F", "\xE2\x81\x83", "\xE2\x88\x99"
  };
  unsigned kind = d->tok_kind[k];
  if (kind == ANNOT_TOK_PUNCT || kind == ANNOT_TOK_SYMBOL) {
    for (size_t i = 0; i < sizeof bullets / sizeof *bullets; i++)
      if (tok_is(d, k, bullets[i])) return 1;
  }
  /* '*' and '-' are bullets only where a list item would start */
  return doc_line_start(d, k) && k + 1 < d->ntok &&
         (d->tok_flags[k + 1] & ANNOT_TF_SPACE) &&
         (tok_is(d, k, "*") || tok_is(d, k, "-"));
}

/* a list bullet: • ◦ ▪ ‣ ● ⁃ ∙ anywhere, or * and - at a line start;
** every bullet starts with one of three bytes, which rules out most
** tokens at once */
static inline int is_bullet(const annot_doc *d, uint32_t k) {
  unsigned kind = d->tok_kind[k];
  /* commas and periods are the common case: one byte, no bullet */
  if (kind == ANNOT_TOK_PUNCT ? LEN(d, k) != 3
                              : kind != ANNOT_TOK_SYMBOL &&
                                kind != ANNOT_TOK_DASH)
    return 0;
  unsigned char c = (unsigned char)TEXT(d, k)[0];
  return (c == 0xE2 || c == '*' || c == '-') && is_bullet_slow(d, k);
}

/* Can token k start a sentence after a full stop?  Not a lower-case word,
** not a comma-like mark or a closing one, not a number (a number after a
** period is a list item, handled apart, or a reference like N°. 12). */
static int can_start_sentence(const annot_doc *d, uint32_t k) {
  switch (d->tok_kind[k]) {
    case ANNOT_TOK_WORD: {
      unsigned c = first_class(d, k);
      return c == UC_UPPER || c == UC_LETTER;
    }
    case ANNOT_TOK_NUMBER:
    case ANNOT_TOK_PUNCT:
    case ANNOT_TOK_DASH:
    case ANNOT_TOK_HYPHEN:
      return 0;
    case ANNOT_TOK_QUOTE:
      return (d->tok_flags[k] & ANNOT_TF_OPEN) != 0;
    case ANNOT_TOK_BRACKET:
      return !is_closer(d, k);
    default:
      return 1;
  }
}

/* }====================================================== */


/* {======================================================
** Rules that look around a candidate boundary
** ======================================================= */

/* After a quoted question or exclamation, does an attribution follow:
** capitalised words (a name, a title) and then a speech verb, as in
** "Why now?" Foreign Minister Lavrov asked.  Then no sentence ends. */
static int attribution_follows(const annot_doc *d, uint32_t j) {
  /* up to 7 capitalised words: "Russian Foreign Minister Sergei Lavrov" */
  uint32_t k = j;
  while (k < d->ntok && k - j < 7 && d->tok_kind[k] == ANNOT_TOK_WORD &&
         (d->tok_flags[k] & ANNOT_TF_CAP) &&
         !(d->tok_flags[k] & ANNOT_TF_PARA_START))
    k++;
  return k > j && k < d->ntok && d->tok_kind[k] == ANNOT_TOK_WORD &&
         scan_is_speech_verb(TEXT(d, k), LEN(d, k));
}

/* Did the sentence open with a short time phrase ending at the time
** abbreviation k: At 5 a.m. / By 10 p.m. (then a clause follows)? */
static int opens_with_time_phrase(const annot_doc *d, uint32_t begin,
                                  uint32_t k) {
  return k - begin <= 3 && k > begin &&
         scan_is_time_preposition(TEXT(d, begin), LEN(d, begin));
}

/* the abbreviation class of an ABBREV token k (its text without the
** final period) */
static enum scan_abbrev abbrev_class(const annot_doc *d, uint32_t k) {
  size_t len = LEN(d, k);
  if (len < 2 || TEXT(d, k)[len - 1] != '.') return ABBR_PLAIN;
  enum scan_abbrev c = scan_abbrev_class(TEXT(d, k), len - 1);
  return c == ABBR_NONE ? ABBR_PLAIN : c;
}

/* If token k is a list item marker (1. 2) 3.) a. b)), the index of the
** token after the marker; else 0.  A marker is a number of one or two
** digits or a lower-case letter, then '.' and/or ')', then a capitalised
** word; it must sit at a line start or after a bullet, or continue the
** numbering of the paragraph's previous marker ('*previous'). */
static uint32_t list_marker(const annot_doc *d, uint32_t k, int previous,
                            int *value) {
  const char *s = TEXT(d, k);
  size_t len = LEN(d, k);
  unsigned kind = d->tok_kind[k];
  uint32_t j = k + 1;
  int v, has_mark = 0;
  if (kind == ANNOT_TOK_NUMBER && len <= 2 && s[0] >= '0' && s[0] <= '9' &&
      (len == 1 || (s[1] >= '0' && s[1] <= '9')))
    v = len == 1 ? s[0] - '0' : (s[0] - '0') * 10 + (s[1] - '0');
  else if (kind == ANNOT_TOK_WORD && s[0] >= 'a' && s[0] <= 'z' &&
           (len == 1 || (len == 2 && s[1] == '.'))) {
    v = s[0] - 'a' + 1;
    has_mark = len == 2;
  } else return 0;
  /* the marks glued to it: "1." "1)" "1.)" "a)"; "a." is one token */
  if (!has_mark && j < d->ntok && tok_is(d, j, ".") &&
      !(d->tok_flags[j] & ANNOT_TF_SPACE)) {
    has_mark = 1;
    j++;
  }
  if (j < d->ntok && tok_is(d, j, ")") &&
      !(d->tok_flags[j] & ANNOT_TF_SPACE)) {
    has_mark = 1;
    j++;
  }
  if (!has_mark || j >= d->ntok) return 0;
  unsigned fj = d->tok_flags[j];
  if (!(fj & ANNOT_TF_SPACE) || !(fj & ANNOT_TF_CAP) ||
      (fj & ANNOT_TF_PARA_START))
    return 0;
  /* where it stands: a line start, a bullet before it, or the next number
  ** of the list already running in this paragraph */
  unsigned fk = d->tok_flags[k];
  int placed = doc_line_start(d, k) ||
               (k > 0 && is_bullet(d, k - 1)) ||
               (previous > 0 && v == previous + 1 &&
                (fk & ANNOT_TF_SPACE));
  if (!placed) return 0;
  *value = v;
  return j;
}

/* The words (and numbers) on the line that starts with token k, counted
** up to 'most' (and over at most 32 tokens, so that a long line costs
** no more than a short one). */
static unsigned line_words(const annot_doc *d, uint32_t k, unsigned most) {
  unsigned words = 0;
  uint32_t i;
  for (i = k; i < d->ntok && words < most; i++) {
    if (i > k &&
        (d->tok_flags[i] & (ANNOT_TF_NEWLINE | ANNOT_TF_PARA_START)))
      return words;
    if (i - k >= 32) return most;    /* long enough: stop looking */
    unsigned kind = d->tok_kind[i];
    if ((kind == ANNOT_TOK_WORD || kind == ANNOT_TOK_NUMBER) &&
        !(d->tok_flags[i] & ANNOT_TF_CLITIC))
      words++;
  }
  return words;
}

/* Is there a headline or byline boundary before token k, which starts a
** new line?  The line before must end in a word (no final punctuation)
** and be short or in title case, before a capitalised token k; or be a
** very short line before another (a list of items in lower case). */
static int headline_break(const annot_doc *d, uint32_t begin, uint32_t k) {
  uint32_t last = k - 1;
  unsigned lk = d->tok_kind[last];
  if (lk == ANNOT_TOK_QUOTE || lk == ANNOT_TOK_BRACKET) {
    if (!is_closer(d, last) || last == begin) return 0;
    last--;                       /* a headline may end in a quote */
    lk = d->tok_kind[last];
  }
  /* a word, a number or an abbreviation that is not a title (a dateline
  ** "Washington, D.C." is a line of its own; "Mr." goes on) */
  if ((lk != ANNOT_TOK_WORD && lk != ANNOT_TOK_NUMBER) ||
      ((d->tok_flags[last] & ANNOT_TF_ABBREV) &&
       abbrev_class(d, last) == ABBR_PREFIX))
    return 0;
  unsigned fk = d->tok_flags[k];
  unsigned ck = first_class(d, k);
  int capital_next = ck == UC_UPPER || ck == UC_DIGIT ||
                     (d->tok_kind[k] == ANNOT_TOK_QUOTE &&
                      (fk & ANNOT_TF_OPEN));
  /* The line: back to the last line start within the sentence.  Short
  ** lines and title case mark headlines and bylines; wrapped prose has
  ** long lines of mostly lower-case words. */
  uint32_t ls = k - 1;
  while (ls > begin &&
         !(d->tok_flags[ls] & (ANNOT_TF_NEWLINE | ANNOT_TF_PARA_START)))
    ls--;
  unsigned words = 0, long_words = 0, capitalised = 0;
  for (uint32_t i = ls; i < k; i++) {
    unsigned kind = d->tok_kind[i];
    if ((kind != ANNOT_TOK_WORD && kind != ANNOT_TOK_NUMBER) ||
        (d->tok_flags[i] & ANNOT_TF_CLITIC))
      continue;
    words++;
    if (LEN(d, i) >= 4) {
      long_words++;
      if (d->tok_flags[i] & (ANNOT_TF_CAP | ANNOT_TF_DIGIT)) capitalised++;
    }
  }
  size_t bytes = d->tok_end[k - 1] - d->tok_start[ls];
  if (capital_next)
    return words <= 6 || bytes <= 40 ||
           (long_words >= 2 && capitalised * 5 >= long_words * 4);
  /* lower case next: only a list of very short lines (tags, menu items,
  ** "features / contact manager"), which wrapped prose never is */
  return words <= 3 && line_words(d, k, 4) <= 3;
}

/* An ellipsis marks words left out more often than a sentence's end:
** it ends one only when a typical sentence opener follows (hit first...
** Others were), not a name or lower case (we will … Ukraine, … and
** then).  "I" is left out: speech trails off and goes on with it (the
** thing is . . . I didn't).  Its closing quotes belong to it. */
static uint32_t ellipsis_end(const annot_doc *d, uint32_t begin,
                             uint32_t k) {
  uint32_t n = d->ntok, j = k + 1;
  if (k == begin) return 0;        /* an ellipsis that opens a sentence */
  while (j < n && j - k <= 16 && !(d->tok_flags[j] & ANNOT_TF_SPACE) &&
         !(d->tok_flags[j] & ANNOT_TF_PARA_START) && is_closer(d, j))
    j++;
  if (j >= n || (d->tok_flags[j] & ANNOT_TF_PARA_START)) return j;
  if (d->tok_kind[j] != ANNOT_TOK_WORD || tok_is(d, j, "I")) return 0;
  return scan_is_starter(TEXT(d, j), LEN(d, j)) ? j : 0;
}

/* the most closing marks looked at after a stop: real text has two or
** three ("?)” for one) */
#define MAX_TRAIL 16

/* If a sentence ends with token k (a stop or an abbreviation), the index
** of the first token of the next sentence (d->ntok at the end); else 0. */
static uint32_t sentence_end(const annot_doc *d, uint32_t begin,
                             uint32_t k) {
  uint32_t n = d->ntok;
  unsigned kind = d->tok_kind[k], flags = d->tok_flags[k];
  int abbrev = kind == ANNOT_TOK_WORD && (flags & ANNOT_TF_ABBREV);
  if (kind == ANNOT_TOK_ELLIPSIS) return ellipsis_end(d, begin, k);
  if (!abbrev && !is_stop(d, k)) return 0;
  char mark = TEXT(d, k)[0];
  /* the closing quotes and brackets (and more stops) after the mark;
  ** bounded, so that a long run of them costs linear time in all */
  uint32_t j = k + 1;
  int closed_quote = 0;
  while (j < n && j - k <= MAX_TRAIL &&
         !(d->tok_flags[j] & ANNOT_TF_PARA_START)) {
    if (is_stop(d, j)) {
      j++;
      continue;
    }
    if (!(d->tok_flags[j] & ANNOT_TF_SPACE) && is_closer(d, j)) {
      if (d->tok_kind[j] == ANNOT_TOK_QUOTE) closed_quote = 1;
      j++;
      continue;
    }
    break;
  }
  /* the end of the text or of the paragraph ends the sentence anyway */
  if (j >= n || (d->tok_flags[j] & ANNOT_TF_PARA_START)) return j;
  /* a period then an ellipsis: ". . . The" starts the next sentence,
  ** ". . .”" at the end closes this one */
  if (!abbrev && mark == '.' && d->tok_kind[j] == ANNOT_TOK_ELLIPSIS) {
    uint32_t m = j + 1;
    while (m < n && m - j <= MAX_TRAIL &&
           !(d->tok_flags[m] & ANNOT_TF_PARA_START) && is_closer(d, m))
      m++;
    if (m >= n || (d->tok_flags[m] & ANNOT_TF_PARA_START)) return m;
    return can_start_sentence(d, m) ? j : 0;
  }
  /* An abbreviation's period is ambiguous: it ends a sentence only when
  ** what follows is unlikely to continue it (U.S. The / U.S. Embassy). */
  if (abbrev) {
    enum scan_abbrev c = abbrev_class(d, k);
    int starter = scan_is_starter(TEXT(d, j), LEN(d, j)) ||
                  (d->tok_kind[j] == ANNOT_TOK_QUOTE &&
                   (d->tok_flags[j] & ANNOT_TF_OPEN)) ||
                  (closed_quote && can_start_sentence(d, j));
    switch (c) {
      case ABBR_PREFIX:
      case ABBR_NUMERAL:
        return 0;
      case ABBR_TIME:
        /* 6 p.m. Mr. Smith: a title opens a clause too */
        if (d->tok_kind[j] == ANNOT_TOK_WORD &&
            (d->tok_flags[j] & ANNOT_TF_ABBREV) &&
            abbrev_class(d, j) == ABBR_PREFIX)
          starter = 1;
        return starter && !opens_with_time_phrase(d, begin, k) ? j : 0;
      default:
        return starter ? j : 0;
    }
  }
  /* a plain stop: ends unless a lower-case word or a comma-like mark
  ** goes on (Yahoo! in ..., "Great." she said) */
  if (!can_start_sentence(d, j)) return 0;
  /* "Why now?" Lavrov asked. is one sentence */
  if ((mark == '?' || mark == '!') && closed_quote && attribution_follows(d, j))
    return 0;
  return j;
}

/* }====================================================== */


/* {======================================================
** The pass
** ======================================================= */

/* append the span of tokens [b, e) to 'v'; 0 or ANNOT_ENOMEM */
static int push_span(annot_doc *d, vec *v, uint32_t b, uint32_t e) {
  annot_span *s = vec_push(v, sizeof *s);
  if (s == NULL) return ANNOT_ENOMEM;
  s->start = d->tok_start[b];
  s->end = d->tok_end[e - 1];
  s->tok_begin = b;
  s->tok_end = e;
  return ANNOT_OK;
}

/* close the sentence [b, e) and flag its first token */
static int close_sentence(annot_doc *d, uint32_t b, uint32_t e) {
  d->tok_flags[b] |= ANNOT_TF_SENT_START;
  return push_span(d, &d->sentences, b, e);
}

int scan_sentences(annot_doc *d, const uint64_t *busy_bits) {
  uint32_t n = d->ntok;
  if (n == 0) return ANNOT_OK;
  /* Sentences: 'begin' is the first token of the open sentence; each
  ** rule below may close it before token k or after k.  Paragraphs run
  ** from each PARA_START (the tokenizer found the blank lines) to the
  ** next: 'para' is the first token of the open one. */
  uint32_t begin = 0, skip_until = 0, para = 0;
  int marker = 0;                 /* value of the paragraph's last marker */
  uint32_t k = 0;
  size_t words = ((size_t)n + 63) / 64;
  while (k < n) {
    /* Quiet tokens decide nothing: go to the next busy one at or after
    ** k, 64 tokens a word (no bit is set past the last token) */
    size_t w = k / 64;
    uint64_t ahead = busy_bits[w] & (~0ull << (k % 64));
    while (ahead == 0 && ++w < words) ahead = busy_bits[w];
    if (ahead == 0) break;
    k = (uint32_t)(w * 64 + (size_t)__builtin_ctzll(ahead));
    unsigned f = d->tok_flags[k];
    if (f & ANNOT_TF_PARA_START) {
      marker = 0;
      if (k > para) {
        if (push_span(d, &d->paragraphs, para, k)) return ANNOT_ENOMEM;
        para = k;
      }
      if (k > begin) {
        if (close_sentence(d, begin, k)) return ANNOT_ENOMEM;
        begin = k;
      }
    }
    int value;
    uint32_t after;
    /* boundaries before k: a bullet, a list marker, a headline's end */
    if (is_bullet(d, k)) {
      if (k > begin) {
        if (close_sentence(d, begin, k)) return ANNOT_ENOMEM;
        begin = k;
      }
    } else if ((after = list_marker(d, k, marker, &value)) != 0) {
      if (k > begin && !is_bullet(d, k - 1)) {
        if (close_sentence(d, begin, k)) return ANNOT_ENOMEM;
        begin = k;
      }
      marker = value;
      skip_until = after;        /* the marker's period ends nothing */
      k = after;
      continue;
    } else if (k > begin && (f & ANNOT_TF_NEWLINE) &&
               headline_break(d, begin, k)) {
      if (close_sentence(d, begin, k)) return ANNOT_ENOMEM;
      begin = k;
    }
    /* a boundary after k: a stop or an abbreviation with what follows */
    if (k >= skip_until) {
      uint32_t next = sentence_end(d, begin, k);
      if (next) {
        if (close_sentence(d, begin, next)) return ANNOT_ENOMEM;
        begin = k = next;
        continue;
      }
    }
    k++;
  }
  /* the last sentence ends with the text, stop or no stop */
  if (begin < n && close_sentence(d, begin, n)) return ANNOT_ENOMEM;
  if (push_span(d, &d->paragraphs, para, n)) return ANNOT_ENOMEM;
  return ANNOT_OK;
}

/* }====================================================== */
