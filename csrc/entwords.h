/*
** entwords.h: the closed-class words that the entity rules look for
** (months, weekdays, number words, units, currencies, articles,
** connectors inside names, place prepositions...).  One table lookup
** per token, by the token's normalised hash; built once per process.
*/
#ifndef ANNOT_ENTWORDS_H
#define ANNOT_ENTWORDS_H

#include <stdint.h>
#include "internal.h"

/* word classes: a word may be in several (`second`: ordinal and unit) */
#define WC_MONTH     0x00000001u  /* January, Jan., Sept. (value 1-12) */
#define WC_WEEKDAY   0x00000002u  /* Monday, Tues. */
#define WC_DAYPART   0x00000004u  /* morning, afternoon, evening, night */
#define WC_NUMWORD   0x00000008u  /* one .. ninety (value) */
#define WC_SCALE     0x00000010u  /* hundred, thousand, million, bn */
#define WC_SCALE_PL  0x00000020u  /* tens, hundreds, thousands, dozens */
#define WC_ORDWORD   0x00000040u  /* first, second, tenth */
#define WC_DATEUNIT  0x00000080u  /* day(s), week(s), month(s), year(s) */
#define WC_TIMEUNIT  0x00000100u  /* second(s), minute(s), hour(s) */
#define WC_UNIT      0x00000200u  /* km, miles, meters, tons, barrels */
#define WC_UNITMOD   0x00000400u  /* cubic, square: before a unit */
#define WC_CURRENCY  0x00000800u  /* dollars, euros, rubles */
#define WC_PERCENT   0x00001000u  /* percent, pct (per cent: 'per') */
#define WC_APPROX    0x00002000u  /* some, about, nearly, roughly */
#define WC_RELDATE   0x00004000u  /* last, next, this, past, coming */
#define WC_DATEWORD  0x00008000u  /* today, yesterday, tomorrow */
#define WC_TIMEWORD  0x00010000u  /* tonight, noon, midnight */
#define WC_ARTICLE   0x00020000u  /* the, a, an */
#define WC_CONNECT   0x00040000u  /* of, for, and, on, de: inside names */
#define WC_PLACEPREP 0x00080000u  /* in, from, near: before a place */
#define WC_DETERM    0x00100000u  /* no, any, every, each, the: 'one' */
#define WC_YEARPREP  0x00200000u  /* in, since, until, by: before a year */
#define WC_FEW       0x00400000u  /* several, few, couple, many */
#define WC_AGO       0x00800000u  /* ago, earlier, later: after a period */
#define WC_EACH      0x01000000u  /* each, every: 'each year' */
#define WC_AMPM      0x02000000u  /* a.m., p.m., am, pm */
#define WC_FUNC      0x04000000u  /* a function word: never a name */
#define WC_EDGE      0x08000000u  /* early, late, mid: before a date */
#define WC_NAMENOUN  0x10000000u  /* generic label words: QUESTION, Q */
#define WC_TZ        0x20000000u  /* GMT, ET, UTC: after a time */
#define WC_COMPASS   0x40000000u  /* west, east, north, south */
#define WC_PARTICLE  0x80000000u  /* de, van, von, al, bin: inside a
                                     person's name between capitals */

/* the classes of token 'i' of 'd' (0 for most words), and its value
** (month number, number word value, ordinal) in '*value' if not NULL */
uint32_t entwords_class(const annot_doc *d, uint32_t i, int32_t *value);

/* the classes of the word tokens [from, to) of 'd' into wc[from..to)
** (0 for the other tokens): one loop, the table's probe inlined */
void entwords_classes(const annot_doc *d, uint32_t from, uint32_t to,
                      uint32_t *wc);

/* the classes of a word given by its text (ASCII letters, any case) */
uint32_t entwords_lookup(const char *word, size_t len, int32_t *value);

#endif
