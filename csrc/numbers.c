/*
** numbers.c: numbers, dates and times, by a small recursive-descent
** scanner over tokens (no regexes, no allocation).  Each matcher takes
** the token where an expression may start and returns the token after
** its end, or the start itself when nothing matched.
**
** Conventions (doc/entities.md): approximators belong to numbers
** ('some 100,000', 'more than 5,000'); a leading 'the' never does, but
** 'a'/'an' before a unit stands for one ('a week'); a day or a longer
** period is DATE, under a day is TIME ('30 minutes', 'this morning'), a
** day plus a part of it is DATE ('Tuesday night').
*/
#include <string.h>

#include "numbers.h"
#include "entwords.h"

/* {======================================================
** Token helpers
** ======================================================= */

#define TXT(d, i) ((d)->doc->text + (d)->doc->tok_start[i])
#define TLEN(d, i) ((d)->doc->tok_end[i] - (d)->doc->tok_start[i])

/* the classes of token 'i' (from the caller's per-token cache), or 0
** past 'lim' */
static uint32_t wcls(const num_src *d, uint32_t i, uint32_t lim) {
  return i < lim ? d->wc[i] : 0;
}

/* token 'i' (before 'lim') is the lower-case ASCII word 'w' (of 'n'
** bytes) in any case; IS_WORD takes a literal and counts it at compile
** time */
static int is_word_n(const num_src *d, uint32_t i, uint32_t lim,
                     const char *w, size_t n) {
  if (i >= lim || TLEN(d, i) != n) return 0;
  const char *t = TXT(d, i);
  for (size_t k = 0; k < n; k++) {
    char c = t[k];
    if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
    if (c != w[k]) return 0;
  }
  return 1;
}
#define is_word(d, i, lim, w) is_word_n(d, i, lim, w, sizeof(w) - 1)

/* the last byte of token 'i' (0 for an empty token) */
static char last_char(const num_src *d, uint32_t i) {
  uint32_t n = TLEN(d, i);
  return n ? TXT(d, i)[n - 1] : 0;
}

/* token 'i' is a capitalised word (months and weekdays must be) */
static int is_cap(const num_src *d, uint32_t i) {
  return (d->doc->tok_flags[i] & (ANNOT_TF_CAP | ANNOT_TF_ALLCAPS)) != 0;
}

/* token 'i' is a hyphen or a dash (ranges: 8,000-10,000) */
static int is_dash(const num_src *d, uint32_t i, uint32_t lim) {
  if (i >= lim) return 0;
  unsigned k = d->doc->tok_kind[i];
  if (k == ANNOT_TOK_HYPHEN || k == ANNOT_TOK_DASH) return 1;
  return TLEN(d, i) == 1 && TXT(d, i)[0] == '-';
}

/* token 'i' is a currency sign: $ € £ ¥ ₽ ₴ (or US$) */
static int is_currency_sign(const num_src *d, uint32_t i, uint32_t lim) {
  if (i >= lim) return 0;
  const char *t = TXT(d, i);
  uint32_t n = TLEN(d, i);
  if (n == 1) return t[0] == '$';
  if (n == 2) return memcmp(t, "\xc2\xa3", 2) == 0 ||    /* £ */
                     memcmp(t, "\xc2\xa5", 2) == 0;      /* ¥ */
  if (n == 3) return memcmp(t, "\xe2\x82\xac", 3) == 0 ||  /* € */
                     memcmp(t, "\xe2\x82\xbd", 3) == 0 ||  /* ₽ */
                     memcmp(t, "\xe2\x82\xb4", 3) == 0 ||  /* ₴ */
                     memcmp(t, "US$", 3) == 0;
  return 0;
}

/* the shapes of a token made of digits */
enum num_shape {
  NS_NONE = 0,  /* not a number */
  NS_INT,       /* 100  100,000 */
  NS_DEC,       /* 3.5 */
  NS_TIME,      /* 10:30 */
  NS_ORD,       /* 21st  3rd */
  NS_DECADE,    /* 1990s */
  NS_SCALED,    /* 1.2bn  5m  300k */
  NS_OTHER      /* digits with other letters: G7, 4x4 */
};

/* The shape of token 'i' and, for whole numbers, its value in '*val'
** (capped; commas skipped) and its digit count in '*ndig' (commas make it
** a count, never a year: *ndig is 0 then). */
static int num_shape(const num_src *d, uint32_t i, uint32_t lim,
                     long *val, int *ndig) {
  *val = 0;
  *ndig = 0;
  if (i >= lim || !(d->doc->tok_flags[i] & ANNOT_TF_DIGIT)) return NS_NONE;
  const char *t = TXT(d, i);
  uint32_t n = TLEN(d, i), k = 0;
  if (n == 0 || t[0] < '0' || t[0] > '9') return NS_NONE;
  int comma = 0, dot = 0, colon = 0, digits = 0;
  long v = 0;
  for (; k < n; k++) {
    char c = t[k];
    if (c >= '0' && c <= '9') {
      if (!dot && !colon && v < 100000000000L) v = v * 10 + (c - '0');
      digits++;
    } else if (c == ',' && k + 1 < n) comma = 1;
    else if (c == '.' && k + 1 < n && t[k + 1] >= '0' && t[k + 1] <= '9')
      dot = 1;
    else if (c == ':' && k + 1 < n) colon = 1;
    else break;
  }
  *val = v;
  *ndig = comma || dot ? 0 : digits;
  if (k == n) return colon ? NS_TIME : dot ? NS_DEC : NS_INT;
  /* letters after the digits */
  const char *s = t + k;
  uint32_t m = n - k;
  if (m == 2 && (memcmp(s, "st", 2) == 0 || memcmp(s, "nd", 2) == 0 ||
                 memcmp(s, "rd", 2) == 0 || memcmp(s, "th", 2) == 0))
    return colon || dot ? NS_OTHER : NS_ORD;
  if (m == 1 && s[0] == 's' && digits == 4 && !comma && !dot)
    return NS_DECADE;
  if ((m == 2 && (memcmp(s, "bn", 2) == 0 || memcmp(s, "mn", 2) == 0 ||
                  memcmp(s, "tn", 2) == 0)) ||
      (m == 1 && (s[0] == 'm' || s[0] == 'k' || s[0] == 'b')))
    return colon ? NS_OTHER : NS_SCALED;
  return NS_OTHER;
}

/* }====================================================== */


/* {======================================================
** Numbers: approximators, digits, number words, scales, ranges
** ======================================================= */

/* An approximator starting at 'i' ('some', 'more than', 'at least', 'as
** many as', 'an estimated'): the token after it, or 'i' */
static uint32_t m_approx(const num_src *d, uint32_t i, uint32_t lim) {
  if (i >= lim) return i;
  if ((is_word(d, i, lim, "more") || is_word(d, i, lim, "less") ||
       is_word(d, i, lim, "fewer")) && is_word(d, i + 1, lim, "than"))
    return i + 2;
  if (is_word(d, i, lim, "up") && is_word(d, i + 1, lim, "to")) return i + 2;
  if (is_word(d, i, lim, "at") && (is_word(d, i + 1, lim, "least") ||
                                   is_word(d, i + 1, lim, "most")))
    return i + 2;
  if (is_word(d, i, lim, "as") && (is_word(d, i + 1, lim, "many") ||
                                   is_word(d, i + 1, lim, "much") ||
                                   is_word(d, i + 1, lim, "few")) &&
      is_word(d, i + 2, lim, "as"))
    return i + 3;
  if ((is_word(d, i, lim, "an") || is_word(d, i, lim, "some")) &&
      is_word(d, i + 1, lim, "estimated"))
    return i + 2;
  /* with their lengths: asked at every word of the class */
#define APPROX_WORD(w) {w, sizeof w - 1}
  static const struct { const char *w; size_t n; } single[] = {
    APPROX_WORD("some"), APPROX_WORD("about"), APPROX_WORD("around"),
    APPROX_WORD("nearly"), APPROX_WORD("almost"), APPROX_WORD("roughly"),
    APPROX_WORD("approximately"), APPROX_WORD("over"),
    APPROX_WORD("estimated"), APPROX_WORD("under")
  };
#undef APPROX_WORD
  if (wcls(d, i, lim) & WC_APPROX)
    for (size_t k = 0; k < sizeof single / sizeof single[0]; k++)
      if (is_word_n(d, i, lim, single[k].w, single[k].n)) return i + 1;
  return i;
}

/* A bare number at 'i': digits (with scales after: '1.2 billion') or
** number words ('twenty-five', 'two million').  Returns the token after
** it, or 'i'.  '*value' gets the value of a lone small number (for 'one'
** and a.m. times), '*words' whether it is spelled out. */
static uint32_t m_bare(const num_src *d, uint32_t i, uint32_t lim,
                       long *value, int *words) {
  long v;
  int ndig;
  int shape = num_shape(d, i, lim, &v, &ndig);
  uint32_t j = i;
  *value = -1;
  *words = 0;
  if (shape == NS_INT || shape == NS_DEC || shape == NS_SCALED) {
    *value = shape == NS_INT ? v : -1;
    j = i + 1;
  } else if (shape == NS_NONE) {
    int32_t wv = 0;
    uint32_t c = wcls(d, i, lim);
    if (!(c & WC_NUMWORD)) return i;
    entwords_class(d->doc, i, &wv);
    *value = wv;
    *words = 1;
    j = i + 1;
    /* twenty-five */
    if (is_dash(d, j, lim) && (wcls(d, j + 1, lim) & WC_NUMWORD) &&
        !(d->doc->tok_flags[j] & ANNOT_TF_SPACE)) {
      j += 2;
      *value = -1;
    }
  } else {
    return i;
  }
  /* scales: '1.2 billion', 'two hundred thousand'; one-letter scales
  ** ('m', 'k') only glued by the scanner into the figure itself, since
  ** a free-standing 'm' is as often something else */
  while (j < lim && (wcls(d, j, lim) & WC_SCALE) &&
         d->doc->tok_kind[j] == ANNOT_TOK_WORD && TLEN(d, j) > 1) {
    j++;
    *value = -1;
  }
  /* 'bn' and 'm' glued to the figure by a space only when lower case */
  if (j < lim && (is_word(d, j, lim, "bn") || is_word(d, j, lim, "m")) &&
      !(d->doc->tok_flags[j] & ANNOT_TF_CAP)) {
    j++;
    *value = -1;
  }
  return j;
}

/* a plural scale phrase at 'i': 'tens of thousands', 'hundreds',
** 'billions' (not followed by a figure); the token after it or 'i' */
static uint32_t m_plural_scale(const num_src *d, uint32_t i, uint32_t lim) {
  if (!(wcls(d, i, lim) & WC_SCALE_PL)) return i;
  uint32_t j = i + 1;
  if (is_word(d, j, lim, "of") && (wcls(d, j + 1, lim) & WC_SCALE_PL))
    j += 2;
  return j;
}

/* A number with its approximator, currency sign and range: the token
** after it, or 'i'.  '*money' is set by a currency sign.  A range joins
** two numbers of the same kind (figures with figures, words with words)
** across a hyphen, a dash or 'to'; the second may repeat the sign
** ('$1bn-$2bn'). */
static uint32_t m_number(const num_src *d, uint32_t i, uint32_t lim,
                         long *value, int *words, int *money) {
  uint32_t j = m_approx(d, i, lim);
  *money = 0;
  if (is_currency_sign(d, j, lim)) {
    *money = 1;
    j++;
  }
  uint32_t e = m_bare(d, j, lim, value, words);
  if (e == j) return i;
  if (j > i && *value >= 0) *value = -1;   /* 'some one' is no pronoun */
  /* ranges: 8,000-10,000  $1bn-$2bn  5 to 10 */
  uint32_t k = e;
  if (is_dash(d, k, lim) || is_word(d, k, lim, "to")) {
    uint32_t s = k + 1;
    if (is_currency_sign(d, s, lim)) s++;
    long v2;
    int w2;
    uint32_t e2 = m_bare(d, s, lim, &v2, &w2);
    if (e2 > s && w2 == *words) {
      e = e2;
      *value = -1;
    }
  }
  return e;
}

/* }====================================================== */


/* {======================================================
** Dates and times
** ======================================================= */

/* a year: four digits from 1800 to 2099, no comma ('2,014' is a count) */
static int is_year(const num_src *d, uint32_t i, uint32_t lim) {
  long v;
  int nd;
  return num_shape(d, i, lim, &v, &nd) == NS_INT && nd == 4 &&
         v >= 1800 && v <= 2099;
}

/* a day of the month: 1-31, or 21st */
static int is_monthday(const num_src *d, uint32_t i, uint32_t lim) {
  long v;
  int nd;
  int s = num_shape(d, i, lim, &v, &nd);
  return (s == NS_INT || s == NS_ORD) && nd >= 1 && nd <= 2 && v >= 1 &&
         v <= 31;
}

/* ', 2022' or ' 2022' after a month and day: the token after, or 'i' */
static uint32_t m_year_tail(const num_src *d, uint32_t i, uint32_t lim) {
  if (i < lim && TLEN(d, i) == 1 && TXT(d, i)[0] == ',' &&
      is_year(d, i + 1, lim))
    return i + 2;
  if (is_year(d, i, lim)) return i + 1;
  return i;
}

/* A month at 'i' with its day and year: 'Jan. 21, 2022', 'January
** 2022', 'March 3'; a bare month only when unambiguous or after 'in',
** 'since', 'last'...  Returns the token after it, or 'i'. */
static uint32_t m_month(const num_src *d, uint32_t i, uint32_t lim,
                        int context) {
  int32_t mv = 0;
  if (i >= lim || d->doc->tok_kind[i] != ANNOT_TOK_WORD || !is_cap(d, i))
    return i;
  if (!(entwords_class(d->doc, i, &mv) & WC_MONTH)) return i;
  uint32_t j = i + 1;
  if (is_monthday(d, j, lim)) return m_year_tail(d, j + 1, lim);
  if (is_year(d, j, lim)) return j + 1;
  /* a bare month: 'May' and 'March' are verbs too, abbreviations need
  ** a figure */
  if (last_char(d, i) == '.') return i;
  if (TLEN(d, i) < 5 && !is_word(d, i, lim, "may") &&
      !is_word(d, i, lim, "june") && !is_word(d, i, lim, "july"))
    return i;   /* 'Dec', 'Sept' */
  if ((mv == 5 || mv == 3) && !context) return i;
  return j;
}

/* A date or a time starting at 'i'; '*type' gets ANNOT_DATE or
** ANNOT_TIME.  Returns the token after it, or 'i'.  The shapes, in the
** order tried: 'end of X'; 'early/late/mid X'; 'earlier this week';
** a relative word with an optional count and a unit ('last week', 'past
** several months', 'this morning'); a weekday with an optional part of
** the day or date; a month with its day and year; 'today'; 'tonight';
** '21 January'; a decade; a clock time; a year (unless it counts
** something). */
static uint32_t m_date(const num_src *d, uint32_t i, uint32_t lim,
                       uint16_t *type) {
  uint32_t c = wcls(d, i, lim);
  uint32_t prev = i > 0 ? wcls(d, i - 1, lim) : 0;
  uint32_t j;
  *type = ANNOT_DATE;
  /* 'early', 'late', 'mid' before a month, a year or 'next week' */
  /* 'end of the year', 'beginning of March' (the article before 'end'
  ** stays out) */
  if ((c & WC_EDGE) && is_word(d, i + 1, lim, "of")) {
    uint32_t s = i + 2;
    uint16_t t2;
    if ((wcls(d, s, lim) & (WC_RELDATE | WC_ARTICLE)) &&
        (wcls(d, s + 1, lim) & WC_DATEUNIT) &&
        last_char(d, s + 1) != 's')
      return s + 2;
    if ((j = m_date(d, s, lim, &t2)) > s && t2 == ANNOT_DATE) return j;
    return i;
  }
  if ((c & WC_EDGE) && (is_word(d, i, lim, "early") ||
                        is_word(d, i, lim, "late") ||
                        is_word(d, i, lim, "mid"))) {
    uint32_t s = i + 1;
    if (is_dash(d, s, lim)) s++;
    if ((j = m_month(d, s, lim, 1)) > s) return j;
    if (is_year(d, s, lim)) return s + 1;
    if ((wcls(d, s, lim) & WC_RELDATE) &&
        (wcls(d, s + 1, lim) & (WC_DATEUNIT | WC_WEEKDAY | WC_MONTH)))
      return s + 2;
    return i;
  }
  /* 'earlier this week', 'later this month' */
  if ((c & WC_AGO) && (wcls(d, i + 1, lim) & WC_RELDATE) &&
      (wcls(d, i + 2, lim) & (WC_DATEUNIT | WC_WEEKDAY)))
    return i + 3;
  /* 'last week', 'this Friday', 'past several months', 'this morning' */
  if (c & (WC_RELDATE | WC_EACH)) {
    uint32_t s = i + 1;
    uint32_t c1 = wcls(d, s, lim);
    if ((c1 & WC_WEEKDAY) && is_cap(d, s)) {
      j = s + 1;
      if (wcls(d, j, lim) & WC_DAYPART) j++;
      return j;
    }
    if ((j = m_month(d, s, lim, 1)) > s) return j;
    if ((c1 & WC_DAYPART) && !(c & WC_EACH)) {
      *type = ANNOT_TIME;
      return s + 1;
    }
    /* a count between: 'past several months', 'last couple of weeks',
    ** 'past two years', 'last few days' */
    if (c1 & WC_FEW) {
      s++;
      if (is_word(d, s, lim, "of")) s++;
    } else if (c1 & WC_NUMWORD || num_shape(d, s, lim, &(long){0},
                                             &(int){0}) == NS_INT) {
      s++;
    }
    uint32_t cu = wcls(d, s, lim);
    /* 'last', 'next', 'this', 'each' take a plural only with a count:
    ** 'could last years' is a verb */
    if (s == i + 1 && s < lim && last_char(d, s) == 's' &&
        (is_word(d, i, lim, "last") || is_word(d, i, lim, "next") ||
         is_word(d, i, lim, "this") || (c & WC_EACH)))
      return i;
    if (cu & WC_DATEUNIT) return s + 1;
    if ((cu & WC_TIMEUNIT) && !(cu & WC_ORDWORD)) {
      *type = ANNOT_TIME;
      return s + 1;
    }
    return i;
  }
  /* 'Tuesday', 'Tuesday morning', 'Tuesday, Jan. 18' */
  if ((c & WC_WEEKDAY) && is_cap(d, i)) {
    j = i + 1;
    if (wcls(d, j, lim) & WC_DAYPART) return j + 1;
    if (j < lim && TLEN(d, j) == 1 && TXT(d, j)[0] == ',') {
      uint32_t e = m_month(d, j + 1, lim, 0);
      if (e > j + 2) return e;   /* a month with a day or year */
    }
    return j;
  }
  if (c & WC_MONTH) {
    int ctx = (prev & (WC_YEARPREP | WC_RELDATE | WC_EDGE)) != 0;
    if ((j = m_month(d, i, lim, ctx)) > i) return j;
  }
  /* 'today', 'yesterday afternoon'; 'tonight', 'noon' */
  if (c & WC_DATEWORD) {
    j = i + 1;
    if (wcls(d, j, lim) & WC_DAYPART) j++;
    return j;
  }
  if (c & WC_TIMEWORD) {
    *type = ANNOT_TIME;
    return i + 1;
  }
  long v;
  int nd;
  int shape = num_shape(d, i, lim, &v, &nd);
  /* '21 January 2022' */
  if (is_monthday(d, i, lim) && (j = m_month(d, i + 1, lim, 1)) > i + 1)
    return j;
  /* 1990s */
  if (shape == NS_DECADE) return i + 1;
  /* 10:30 a.m. GMT */
  if (shape == NS_TIME) {
    j = i + 1;
    if (wcls(d, j, lim) & WC_AMPM) j++;
    if ((wcls(d, j, lim) & WC_TZ) && (d->doc->tok_flags[j] & ANNOT_TF_ALLCAPS))
      j++;
    *type = ANNOT_TIME;
    return j;
  }
  /* 9 a.m. */
  if (shape == NS_INT && v >= 1 && v <= 12 && (wcls(d, i + 1, lim) & WC_AMPM)) {
    j = i + 2;
    if ((wcls(d, j, lim) & WC_TZ) && (d->doc->tok_flags[j] & ANNOT_TF_ALLCAPS))
      j++;
    *type = ANNOT_TIME;
    return j;
  }
  /* a year: a count when a unit or a plural noun follows without 'in' */
  if (shape == NS_INT && is_year(d, i, lim)) {
    uint32_t cn = wcls(d, i + 1, lim);
    if (cn & (WC_SCALE | WC_UNIT | WC_CURRENCY | WC_PERCENT)) return i;
    if (i + 1 < lim && TLEN(d, i + 1) == 1 && TXT(d, i + 1)[0] == '%')
      return i;
    if (!(prev & WC_YEARPREP) && i + 1 < lim &&
        d->doc->tok_kind[i + 1] == ANNOT_TOK_WORD && !is_cap(d, i + 1) &&
        last_char(d, i + 1) == 's')
      return i;
    j = i + 1;
    /* 2014-2015, 2014-15 */
    if (is_dash(d, j, lim) && !(d->doc->tok_flags[j] & ANNOT_TF_SPACE)) {
      long v2;
      int nd2;
      if (num_shape(d, j + 1, lim, &v2, &nd2) == NS_INT &&
          (nd2 == 2 || nd2 == 4))
        j += 2;
    }
    return j;
  }
  return i;
}

/* }====================================================== */


/* {======================================================
** The entry points
** ======================================================= */

/* A bare plural period after 'for' ('for months', 'for years'): a
** stretch of a day or more with no number, a DATE on the unit alone
** ('for hours' stays out: under a day is TIME only with a count). */
static int for_period(const num_src *d, uint32_t i) {
  const annot_doc *doc = d->doc;
  uint32_t n = TLEN(d, i);
  if (i == 0 || n < 4 || TXT(d, i)[n - 1] != 's') return 0;
  if (!(d->wc[i] & WC_DATEUNIT) || (d->wc[i] & WC_TIMEUNIT)) return 0;
  if (doc->tok_flags[i] & (ANNOT_TF_CAP | ANNOT_TF_ALLCAPS)) return 0;
  /* 'for months-long talks' is a compound */
  if (i + 1 < doc->ntok && is_dash(d, i + 1, doc->ntok) &&
      !(doc->tok_flags[i + 1] & ANNOT_TF_SPACE))
    return 0;
  return is_word(d, i - 1, doc->ntok, "for");
}

/* token 'u' is 'hour' or 'hours' (its case as written) */
static int hour_word(const num_src *d, uint32_t u, uint32_t lim) {
  return is_word(d, u, lim, "hours") || is_word(d, u, lim, "hour");
}

/* Periods of 24 hours or more are a day or more: DATE ('36 hours',
** '48-hour'), since ANNOTATION.md keeps TIME for under a day.  'e' is
** the token after the number, 'end' the end of the match. */
static int hours_type(const num_src *d, int type, long value, uint32_t e,
                      uint32_t end, uint32_t lim) {
  if (type != ANNOT_TIME || value < 24) return type;
  for (uint32_t u = e; u < end && u < e + 3; u++)
    if (hour_word(d, u, lim)) return ANNOT_DATE;
  return type;
}

/* Cheap: one flag test or one class mask per token, so that the entity
** stage calls numbers_match only where an expression can start.  The
** whole test, for the tokens numbers_may_start (numbers.h) passes on. */
int numbers_may_start_word(const num_src *d, uint32_t i) {
  if (d->doc->tok_flags[i] & ANNOT_TF_DIGIT) return 1;
  /* 'for months': a bare plural period after 'for' */
  if ((d->wc[i] & WC_DATEUNIT) && for_period(d, i)) return 1;
  if (d->doc->tok_kind[i] == ANNOT_TOK_SYMBOL) return 1;
  uint32_t c = d->wc[i];
  /* of the articles only 'a' and 'an' start one ('a week') */
  if ((c & WC_ARTICLE) && TLEN(d, i) <= 2) return 1;
  return (c & NUM_START_CLASSES) != 0;
}

/* What follows a number decides its type; '*end' moves past the unit.
** 'is_a' marks 'a'/'an' standing for one: only periods follow it then
** ('a week', not 'a percent').  Periods of a day or more are DATE,
** shorter ones TIME; measures QUANTITY; currency words MONEY; percent
** words and '%' PERCENT; nothing known: CARDINAL.  A currency sign
** before the number makes it MONEY whatever follows. */
static int number_type(const num_src *d, uint32_t e, uint32_t lim,
                       int money, int is_a, uint32_t *end) {
  uint32_t c = wcls(d, e, lim);
  *end = e;
  if (money) {
    /* '$5 million dollars' is rare; a sign is enough */
    return ANNOT_MONEY;
  }
  if (c & WC_DATEUNIT) {
    *end = e + 1;
    if (wcls(d, e + 1, lim) & WC_AGO && is_word(d, e + 1, lim, "ago"))
      *end = e + 2;
    return ANNOT_DATE;
  }
  if ((c & WC_TIMEUNIT)) {
    *end = e + 1;
    if (is_word(d, e + 1, lim, "ago")) *end = e + 2;
    return ANNOT_TIME;
  }
  /* '30-day', '50-kilometer', '40-year-old' */
  if (is_dash(d, e, lim) && !(d->doc->tok_flags[e] & ANNOT_TF_SPACE)) {
    uint32_t cu = wcls(d, e + 1, lim);
    if (cu & (WC_DATEUNIT | WC_TIMEUNIT | WC_UNIT)) {
      *end = e + 2;
      if (is_dash(d, e + 2, lim) && (is_word(d, e + 3, lim, "old") ||
                                     is_word(d, e + 3, lim, "long")))
        *end = e + 4;
      return cu & WC_DATEUNIT ? ANNOT_DATE :
             cu & WC_TIMEUNIT ? ANNOT_TIME : ANNOT_QUANTITY;
    }
  }
  if (is_a) return -1;
  if (c & WC_PERCENT) {
    *end = e + 1;
    return ANNOT_PERCENT;
  }
  if (is_word(d, e, lim, "per") && is_word(d, e + 1, lim, "cent")) {
    *end = e + 2;
    return ANNOT_PERCENT;
  }
  if (is_word(d, e, lim, "percentage") && is_word(d, e + 1, lim, "points")) {
    *end = e + 2;
    return ANNOT_PERCENT;
  }
  if (e < lim && TLEN(d, e) == 1 && TXT(d, e)[0] == '%') {
    *end = e + 1;
    return ANNOT_PERCENT;
  }
  if (c & WC_CURRENCY) {
    *end = e + 1;
    return ANNOT_MONEY;
  }
  if (c & WC_UNIT) {
    *end = e + 1;
    return ANNOT_QUANTITY;
  }
  if ((c & WC_UNITMOD) && (wcls(d, e + 1, lim) & WC_UNIT)) {
    *end = e + 2;
    return ANNOT_QUANTITY;
  }
  return ANNOT_CARDINAL;
}

/* Try, in order: a date or a time (m_date: the most specific shapes),
** an ordinal (or an ordinal period: 'first quarter'), 'a'/'an' before a
** unit ('a week'), 'several weeks', a plural scale ('tens of
** thousands', 'billions of cubic meters'), and a number whose unit (or
** its absence) decides its type.  The first that matches wins. */
int numbers_match(const num_src *d, uint32_t i, uint32_t lim,
                  num_match *m) {
  if (i >= lim) return 0;
  uint16_t dtype;
  uint32_t e = m_date(d, i, lim, &dtype);
  if (e > i) {
    m->begin = i;
    m->end = e;
    m->type = dtype;
    return 1;
  }
  uint32_t c = wcls(d, i, lim);
  /* 'for months' */
  if ((c & WC_DATEUNIT) && for_period(d, i)) {
    m->begin = i;
    m->end = i + 1;
    m->type = ANNOT_DATE;
    return 1;
  }
  /* ordinals: 'first', 'second', '21st' */
  long v;
  int nd;
  if ((c & WC_ORDWORD) || num_shape(d, i, lim, &v, &nd) == NS_ORD) {
    m->begin = i;
    m->end = i + 1;
    m->type = ANNOT_ORDINAL;
    /* 'the 24th of February' */
    uint32_t e2;
    if (is_word(d, i + 1, lim, "of") &&
        (e2 = m_month(d, i + 2, lim, 1)) > i + 2) {
      m->end = e2;
      m->type = ANNOT_DATE;
      return 1;
    }
    /* 'first quarter of 2023', 'second half': a period is a date */
    uint32_t cu = wcls(d, i + 1, lim);
    if (((cu & WC_DATEUNIT) && !(cu & WC_TIMEUNIT)) ||
        is_word(d, i + 1, lim, "half")) {
      m->end = i + 2;
      m->type = ANNOT_DATE;
      uint16_t t2;
      if (is_word(d, i + 2, lim, "of") &&
          m_date(d, i + 3, lim, &t2) > i + 3 && t2 == ANNOT_DATE)
        m->end = m_date(d, i + 3, lim, &t2);
    }
    return 1;
  }
  /* 'a week', 'an hour', 'a few days', 'a couple of weeks' */
  if (is_word(d, i, lim, "a") || is_word(d, i, lim, "an")) {
    uint32_t s = i + 1;
    /* 'a second post': an ordinal before a noun; 'a second' is a
    ** duration only after 'for' or at the end of a clause ('wait a
    ** second.') */
    if (is_word(d, s, lim, "second") && s + 1 < lim &&
        d->doc->tok_kind[s + 1] == ANNOT_TOK_WORD &&
        !(i > 0 && is_word(d, i - 1, lim, "for"))) {
      m->begin = s;
      m->end = s + 1;
      m->type = ANNOT_ORDINAL;
      return 1;
    }
    if (wcls(d, s, lim) & WC_FEW) {
      s++;
      if (is_word(d, s, lim, "of")) s++;
    }
    /* 'a' alone is one: a plural period right after it is no date but
    ** the start of a compound ('a months-long standoff') */
    if (s == i + 1 && s < lim && TLEN(d, s) > 1 &&
        (TXT(d, s)[TLEN(d, s) - 1] | 0x20) == 's')
      return 0;
    uint32_t end;
    int t = number_type(d, s, lim, 0, 1, &end);
    if (t == ANNOT_DATE || t == ANNOT_TIME) {
      m->begin = i;
      m->end = end;
      m->type = (uint16_t)t;
      return 1;
    }
    return 0;
  }
  /* 'several weeks', 'many years' */
  if ((c & WC_FEW) && (wcls(d, i + 1, lim) & WC_DATEUNIT) &&
      !is_word(d, i, lim, "couple")) {
    m->begin = i;
    m->end = i + 2;
    m->type = ANNOT_DATE;
    return 1;
  }
  /* 'tens of thousands', 'billions of cubic meters', 'hundreds of
  ** millions of dollars' */
  uint32_t a = m_approx(d, i, lim);
  uint32_t p = m_plural_scale(d, a, lim);
  if (p > a) {
    int t = ANNOT_CARDINAL;
    uint32_t end = p;
    if (is_word(d, p, lim, "of")) {
      uint32_t e2;
      int t2 = number_type(d, p + 1, lim, 0, 0, &e2);
      if (t2 == ANNOT_QUANTITY || t2 == ANNOT_MONEY) {
        t = t2;
        end = e2;
      } else if (t2 == ANNOT_DATE || t2 == ANNOT_TIME) {
        t = t2;
        end = e2;
      }
    }
    m->begin = i;
    m->end = end;
    m->type = (uint16_t)t;
    return 1;
  }
  long value;
  int words, money;
  e = m_number(d, i, lim, &value, &words, &money);
  if (e == i) return 0;
  uint32_t end;
  int t = number_type(d, e, lim, money, 0, &end);
  t = hours_type(d, t, value, e, end, lim);
  /* 'one' as a pronoun: 'no one', 'the one', 'one another' */
  if (t == ANNOT_CARDINAL && words && value == 1 && e == i + 1) {
    uint32_t pc = i > 0 ? wcls(d, i - 1, lim) : 0;
    if ((pc & (WC_DETERM | WC_EACH)) || is_word(d, i + 1, lim, "another") ||
        (i + 1 < lim && (d->doc->tok_flags[i + 1] & ANNOT_TF_CLITIC)) ||
        (i > 0 && is_word(d, i - 1, lim, "this")))
      return 0;
  }
  m->begin = i;
  m->end = end;
  m->type = (uint16_t)t;
  return 1;
}

/* }====================================================== */
