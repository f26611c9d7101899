/*
** unicode.c: UTF-8 decoding and encoding, and the lower-case lookup over
** the generated table.  The class lookup is inline in unicode.h.
*/
#include "unicode.h"

/* Strict decoding (RFC 3629): the second byte's range depends on the
** first so that overlong forms and surrogates are rejected up front. */
unsigned utf8_decode(const unsigned char *s, size_t n, uint32_t *cp) {
  unsigned c = s[0];
  /* ASCII stands for itself */
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  unsigned len;
  unsigned char lo = 0x80, hi = 0xBF;   /* allowed range of byte 2 */
  uint32_t v;
  if (c >= 0xC2 && c <= 0xDF) { len = 2; v = c & 0x1F; }
  else if (c >= 0xE0 && c <= 0xEF) {
    len = 3; v = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;        /* no overlong 3-byte forms */
    else if (c == 0xED) hi = 0x9F;   /* no surrogates */
  }
  else if (c >= 0xF0 && c <= 0xF4) {
    len = 4; v = c & 0x07;
    if (c == 0xF0) lo = 0x90;        /* no overlong 4-byte forms */
    else if (c == 0xF4) hi = 0x8F;   /* nothing past U+10FFFF */
  }
  else return 0;                     /* continuation byte, C0, C1, F5..FF */
  /* a sequence cut short by the end of the text is invalid too */
  if (n < len || s[1] < lo || s[1] > hi) return 0;
  v = (v << 6) | (s[1] & 0x3F);
  /* the other continuation bytes: 10xxxxxx each, 6 bits of value */
  for (unsigned k = 2; k < len; k++) {
    if ((s[k] & 0xC0) != 0x80) return 0;
    v = (v << 6) | (s[k] & 0x3F);
  }
  *cp = v;
  return len;
}

/* Encode one code point; the caller passes only valid ones (decoded, or
** from the lower-case table), so there is no error case. */
unsigned utf8_encode(uint32_t cp, unsigned char *out) {
  if (cp < 0x80) {
    out[0] = (unsigned char)cp;
    return 1;
  }
  /* two, three or four bytes: a lead byte, then 6 bits at a time */
  if (cp < 0x800) {
    out[0] = (unsigned char)(0xC0 | (cp >> 6));
    out[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (unsigned char)(0xE0 | (cp >> 12));
    out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (unsigned char)(0xF0 | (cp >> 18));
  out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (unsigned char)(0x80 | (cp & 0x3F));
  return 4;
}

/* binary search in the sorted pairs; ASCII never gets here from the
** scanner, but is answered anyway so that the function is total */
uint32_t uni_tolower(uint32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  /* the pairs are sorted by code point: about 11 steps for the ~1400 */
  size_t lo = 0, hi = uni_lower_count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    uint32_t key = uni_lower_pairs[mid][0];
    if (key == cp) return uni_lower_pairs[mid][1];
    if (key < cp) lo = mid + 1;
    else hi = mid;
  }
  return cp;
}
