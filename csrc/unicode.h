/*
** unicode.h: what the scanner needs to know about non-ASCII text: UTF-8
** decoding, a character class per code point and the simple lower-case
** mapping.  The tables are generated from the Unicode Character Database
** by tools/gen_unicode.lua into unicode_table.c.
*/
#ifndef ANNOT_UNICODE_H
#define ANNOT_UNICODE_H

#include <stddef.h>
#include <stdint.h>

/* character classes; tools/gen_unicode.lua uses the same numbers */
enum uni_class {
  UC_OTHER = 0,        /* unassigned, private use, surrogates */
  UC_UPPER,            /* Lu, Lt */
  UC_LOWER,            /* Ll */
  UC_LETTER,           /* Lm, Lo: letters without case */
  UC_MARK,             /* Mn, Mc, Me, and joiners, soft hyphen: word-inner */
  UC_DIGIT,            /* Nd */
  UC_NUMBER,           /* Nl, No: numerals that are not decimal digits */
  UC_SPACE,            /* Zs, tab, vertical tab, form feed */
  UC_NEWLINE,          /* LF, CR, NEL, line and paragraph separators */
  UC_OPEN,             /* Ps: opening brackets */
  UC_CLOSE,            /* Pe: closing brackets */
  UC_DASH,             /* Pd: hyphens and dashes */
  UC_QUOTE_INITIAL,    /* Pi: “ ‘ « ‹ */
  UC_QUOTE_FINAL,      /* Pf: ” ’ » › */
  UC_PUNCT,            /* Pc, Po */
  UC_SYMBOL,           /* Sm, Sc, Sk, So */
  UC_CONTROL,          /* Cc that is not whitespace */
  UC_FORMAT,           /* Cf that is not listed as invisible */
  UC_INVISIBLE         /* zero-width space, BOM, bidi marks: read as space */
};

extern const uint16_t uni_stage1[];
extern const uint8_t uni_stage2[];
extern const uint32_t uni_lower_pairs[][2];
extern const size_t uni_lower_count;

/* the class of code point 'cp' (any value; out of range is UC_OTHER) */
static inline unsigned uni_class(uint32_t cp) {
  if (cp >= 0x110000) return UC_OTHER;
  return uni_stage2[(size_t)uni_stage1[cp >> 8] * 256 + (cp & 0xFF)];
}

/* Decode one UTF-8 sequence from s[0..n) (n >= 1).  Returns its length
** (1-4) and sets '*cp', or 0 when s[0] does not start a valid sequence
** (overlong forms, surrogates and values past U+10FFFF are invalid). */
unsigned utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

/* encode 'cp' into 'out' (room for 4 bytes); returns the length */
unsigned utf8_encode(uint32_t cp, unsigned char *out);

/* the simple lower case of 'cp' ('cp' itself when it has none) */
uint32_t uni_tolower(uint32_t cp);

#endif
