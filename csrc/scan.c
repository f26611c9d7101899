/*
** scan.c: the tokenizer.  One pass over the bytes of a doc's text pushes
** its tokens (the conventions of ANNOTATION.md "Tokens"), with their
** normalised hash and their shape and layout flags; the sentence pass of
** scan_sentences.c then runs over the tokens.  Also here: annot_norm and
** annot_norm_hash, the normalised form that the lexicon keys entries by.
**
** The common token, a plain ASCII word of letters before a space, a comma
** or a sentence's period, takes one fused pass (plain_word): 8 bytes at a
** time, the same mask gives its end, its case and its lowered bytes for
** the hash, and it is stored straight into the doc's arrays.  Storing a
** token also marks it busy or quiet for the sentence pass (scan.h), which
** then skips the quiet ones unread.  Other ASCII goes through byte-class
** tables; non-ASCII is decoded and classified through unicode.h.  Every byte ends up in exactly
** one token or in the whitespace between tokens: invalid UTF-8 bytes are
** one-byte INVALID tokens, control characters (NUL too) SYMBOL tokens.
*/
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"
#include "unicode.h"

/* {======================================================
** Byte classes of ASCII
** ======================================================= */

#define B_UPPER 0x01u   /* A-Z */
#define B_LOWER 0x02u   /* a-z */
#define B_DIGIT 0x04u   /* 0-9 */
#define B_SPACE 0x08u   /* space, tab, vertical tab, form feed */
#define B_BREAK 0x10u   /* LF, CR */
#define B_HIGH  0x20u   /* a byte >= 0x80: decode it */
#define B_LOCAL 0x40u   /* may appear in the local part of an e-mail */
#define B_CLING 0x80u   /* : @ ' which, like B_LOCAL, may cling to a word */
#define B_WORD  (B_UPPER | B_LOWER | B_DIGIT)

/* The B_* bits of each byte.  A constant table, so that threads share
** it without any set-up: rows of 16 bytes, from 0x00 to 0xFF.  Row 0 has
** the whitespace controls, row 2 space and the e-mail marks . % + - _,
** rows 3 to 7 digits and letters; every byte from 0x80 on is B_HIGH.
** ' : @ (rows 2 to 4) have B_CLING: with B_LOCAL and B_HIGH they are the
** bytes after a word that send it down scan_word's slow path. */
static const unsigned char byte_class[256] = {
    0,  0,  0,  0,  0,  0,  0,  0,  0,  8, 16,  8,  8, 16,  0,  0,
    0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,  0,
    8,  0,  0,  0,  0, 64,  0,128,  0,  0,  0, 64,  0, 64, 64,  0,
   68, 68, 68, 68, 68, 68, 68, 68, 68, 68,128,  0,  0,  0,  0,  0,
  128, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65,
   65, 65, 65, 65, 65, 65, 65, 65, 65, 65, 65,  0,  0,  0,  0, 64,
    0, 66, 66, 66, 66, 66, 66, 66, 66, 66, 66, 66, 66, 66, 66, 66,
   66, 66, 66, 66, 66, 66, 66, 66, 66, 66, 66,  0,  0,  0,  0,  0,
   32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
   32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
   32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
   32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
   32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
   32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
   32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
   32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32, 32,
};

/* Shape bits, gathered over the characters of a token and turned into
** its ANNOT_TF_* flags when it is pushed. */
#define SH_UPPER    0x01u
#define SH_LOWER    0x02u
#define SH_CASELESS 0x04u   /* a letter without case (Lo, Lm) */
#define SH_DIGIT    0x08u
#define SH_NONASCII 0x10u
#define SH_CAP      0x20u   /* the first letter was upper case */
#define SH_LETTER   (SH_UPPER | SH_LOWER | SH_CASELESS)

/* ASCII lower case without a table: only A-Z move */
static inline unsigned lower_ascii(unsigned c) {
  return c + (((c - 'A') < 26u) << 5);
}

/* shape bits of an ASCII byte, from its class bits: upper and lower
** map onto themselves and digits move from 0x04 to 0x08 */
static inline unsigned ascii_shape(unsigned k) {
  return (k & (B_UPPER | B_LOWER)) | ((k & B_DIGIT) << 1);
}

/* }====================================================== */


/* {======================================================
** Normalised forms and their hash
** ======================================================= */

/* The hash of a normalised form reads it in 8-byte little-endian chunks
** (the last one zero-padded), multiplies each into the state, then mixes
** in the length.  Word-at-a-time so that it costs a few cycles a token,
** not a multiplication per byte. */
#define HASH_SEED 0x243F6A8885A308D3ull   /* digits of pi: no pattern */
#define HASH_MUL 0x9E3779B97F4A7C15ull    /* 2^64 / golden ratio, odd */
#define ONES 0x0101010101010101ull        /* 0x01 in every byte */
#define HIGHS 0x8080808080808080ull       /* the high bit of every byte */

/* fold one chunk of normalised bytes into the state */
static inline uint64_t hash_chunk(uint64_t h, uint64_t chunk) {
  h = (h ^ chunk) * HASH_MUL;
  return h ^ (h >> 29);   /* bring high bits down for the next chunk */
}

/* the final value, from the state and the normalised length */
static inline uint32_t hash_final(uint64_t h, uint64_t len) {
  h = (h ^ len) * HASH_MUL;   /* "a" and "a\0" differ by their length */
  h ^= h >> 32;               /* every input bit reaches the low half */
  return (uint32_t)h;
}

/* A hash fed one normalised byte at a time (the slow path): bytes wait in
** 'pending' until a chunk of 8 is full, so that the result is the same as
** that of the chunked fast path over the same normalised bytes. */
typedef struct hasher {
  uint64_t h, pending;   /* state, and bytes not yet folded */
  unsigned fill;         /* bytes in 'pending' */
  uint64_t len;          /* normalised bytes so far */
} hasher;

/* add one normalised byte */
static inline void hasher_byte(hasher *hs, unsigned byte) {
  hs->pending |= (uint64_t)byte << (8 * hs->fill);
  hs->len++;
  if (++hs->fill == 8) {
    hs->h = hash_chunk(hs->h, hs->pending);
    hs->pending = 0;
    hs->fill = 0;
  }
}

/* fold what is pending (a short last chunk, zero-padded) and finish */
static inline uint32_t hasher_final(hasher *hs) {
  if (hs->fill) hs->h = hash_chunk(hs->h, hs->pending);
  return hash_final(hs->h, hs->len);
}

/* The bytes of the ASCII chunk 'x' (every byte < 0x80) that lie in
** [lo, hi], as their high bits.  No carry crosses bytes: each sum stays
** below 0x100. */
static inline uint64_t bytes_in_range(uint64_t x, unsigned lo, unsigned hi) {
  return (x + ONES * (0x80 - lo)) & ~(x + ONES * (0x7F - hi)) & HIGHS;
}

/* load up to 8 bytes little-endian without reading past p[n) */
static inline uint64_t load_le(const unsigned char *p, size_t n) {
  uint64_t x = 0;
  for (size_t k = 0; k < n && k < 8; k++) x |= (uint64_t)p[k] << (8 * k);
  return x;
}

/* Shape bits of an ASCII chunk and its lower-cased form in '*lowered';
** SH_CAP when the chunk's first letter is upper case. */
static inline unsigned chunk_shape(uint64_t x, uint64_t *lowered) {
  uint64_t upper = bytes_in_range(x, 'A', 'Z');
  uint64_t lower = bytes_in_range(x, 'a', 'z');
  uint64_t digit = bytes_in_range(x, '0', '9');
  uint64_t letters = upper | lower;
  unsigned sh = (upper ? SH_UPPER : 0) | (lower ? SH_LOWER : 0) |
                (digit ? SH_DIGIT : 0);
  /* the lowest letter byte is the first letter */
  if (upper & letters & (0 - letters)) sh |= SH_CAP;
  *lowered = x | (upper >> 2);    /* 0x80 >> 2 is the case bit 0x20 */
  return sh;
}

/* The normalised bytes of one code point: curly apostrophes and quotes
** straightened, letters lowered.  Writes up to 4 bytes to 'out'. */
static unsigned norm_codepoint(uint32_t cp, unsigned char *out) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x02BC:
      out[0] = '\'';
      return 1;
    case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB:
      out[0] = '"';
      return 1;
    default:
      return utf8_encode(uni_tolower(cp), out);
  }
}

/* shape bits of a non-ASCII code point */
static unsigned shape_of(uint32_t cp) {
  switch (uni_class(cp)) {
    case UC_UPPER: return SH_UPPER | SH_NONASCII;
    case UC_LOWER: return SH_LOWER | SH_NONASCII;
    case UC_LETTER: return SH_CASELESS | SH_NONASCII;
    case UC_DIGIT: return SH_DIGIT | SH_NONASCII;
    default: return SH_NONASCII;
  }
}

/* The slow path of hash_and_shape: any bytes, fed one at a time.
** Non-ASCII characters are decoded and normalised exactly as annot_norm
** does; an invalid byte is hashed as it is, which keeps the hash total
** (a token of invalid bytes still has one). */
static uint32_t hash_and_shape_slow(const unsigned char *p, size_t len,
                                    unsigned *shape) {
  hasher hs = {HASH_SEED, 0, 0, 0};
  unsigned acc = 0;
  size_t i = 0;
  while (i < len) {
    unsigned sh;
    if (p[i] < 0x80) {
      unsigned c = p[i++];
      hasher_byte(&hs, lower_ascii(c));
      sh = ascii_shape(byte_class[c]);
    } else {
      uint32_t cp;
      unsigned n = utf8_decode(p + i, len - i, &cp);
      if (n == 0) {             /* an invalid byte stands for itself */
        hasher_byte(&hs, p[i++]);
        acc |= SH_NONASCII;
        continue;
      }
      unsigned char buf[4];
      unsigned m = norm_codepoint(cp, buf);
      for (unsigned k = 0; k < m; k++) hasher_byte(&hs, buf[k]);
      sh = shape_of(cp);
      i += n;
    }
    /* the first letter decides 'capitalised' */
    if ((sh & SH_LETTER) && !(acc & SH_LETTER) && (sh & SH_UPPER))
      acc |= SH_CAP;
    acc |= sh;
  }
  *shape = acc;
  return hasher_final(&hs);
}

/* load 8 bytes little-endian from p (all readable) */
static inline uint64_t load8(const unsigned char *p) {
  uint64_t x;
  memcpy(&x, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  x = __builtin_bswap64(x);
#endif
  return x;
}

/* The usual non-ASCII token is short and has one curly apostrophe or
** single quote in it (’s n’t ’ O’Brien): its normalised form is the same
** bytes with a straight one, which fit in one chunk.  Writes that form to
** 'out' and returns its length, or 0 when the token is anything else. */
static size_t curly_norm8(const unsigned char *p, size_t len,
                          unsigned char out[8]) {
  size_t m = 0;
  for (size_t i = 0; i < len; i++) {
    if (m == 8) return 0;
    if (p[i] < 0x80) out[m++] = p[i];
    else if (len - i >= 3 && p[i] == 0xE2 && p[i + 1] == 0x80 &&
             (p[i + 2] == 0x98 || p[i + 2] == 0x99)) {
      out[m++] = '\'';            /* ‘ ’ */
      i += 2;
    } else return 0;
  }
  return m;
}

/* hash_and_shape for non-ASCII: the curly apostrophe case through the
** chunk (the hash of a text is the hash of its normalised form, and ‘ ’
** add no shape but NONASCII), anything else by the byte-by-byte path */
static uint32_t hash_and_shape_nonascii(const unsigned char *p, size_t len,
                                        unsigned *shape) {
  unsigned char buf[8] = {0};
  size_t m = curly_norm8(p, len, buf);
  if (m == 0) return hash_and_shape_slow(p, len, shape);
  uint64_t lowered;
  unsigned sh = chunk_shape(load8(buf), &lowered);
  *shape = sh | SH_NONASCII;
  return hash_final(hash_chunk(HASH_SEED, lowered), m);
}

/* Hash and shape of p[0..len) for ASCII of any length, 8 bytes at a
** time ('avail' >= len bytes may be read); non-ASCII goes on to the slow
** path.  See hash_and_shape. */
static uint32_t hash_and_shape_chunks(const unsigned char *p, size_t len,
                                      size_t avail, unsigned *shape) {
  uint64_t h = HASH_SEED, x, lowered;
  unsigned acc = 0;
  size_t i = 0;
  for (;;) {
    size_t rest = len - i;
    if (rest == 0) break;
    /* a whole load when 8 bytes may be read, else byte by byte */
    if (rest >= 8 || avail - i >= 8) {
      x = load8(p + i);
      if (rest < 8) x &= ~(~0ull << (8 * rest));
    } else x = load_le(p + i, rest);
    if (x & HIGHS) return hash_and_shape_nonascii(p, len, shape);
    unsigned sh = chunk_shape(x, &lowered);
    if (acc & SH_LETTER) sh &= ~SH_CAP;   /* an earlier chunk decided */
    acc |= sh;
    h = hash_chunk(h, lowered);
    if (rest <= 8) break;
    i += 8;
  }
  *shape = acc;
  return hash_final(h, len);
}

/* Hash of the normalised form of p[0..len) and, in '*shape', the SH_*
** bits of its characters; 'avail' (>= len) bytes may be read from 'p'.
** Most tokens are short ASCII words: one load, masked, lowered and
** measured in a few instructions.  Longer ones go by chunks, non-ASCII
** by the slow path; all three give the same hash. */
static inline uint32_t hash_and_shape(const unsigned char *p, size_t len,
                                      size_t avail, unsigned *shape) {
  if (len - 1 < 8 && avail >= 8) {        /* 1 to 8 bytes, 8 readable */
    uint64_t x = load8(p), lowered;
    if (len < 8) x &= ~(~0ull << (8 * len));   /* drop what follows */
    if ((x & HIGHS) == 0) {
      *shape = chunk_shape(x, &lowered);
      return hash_final(hash_chunk(HASH_SEED, lowered), len);
    }
  }
  return hash_and_shape_chunks(p, len, avail, shape);
}

/* The normalised form, byte for byte what the hash functions read:
** ASCII lowered, non-ASCII through norm_codepoint, invalid bytes kept. */
size_t annot_norm(const char *text, size_t len, char *buf, size_t size) {
  const unsigned char *p = (const unsigned char *)text;
  size_t i = 0, out = 0;
  while (i < len) {
    if (p[i] < 0x80) {          /* ASCII, the usual byte: lowered */
      if (out + 1 < size) buf[out] = (char)lower_ascii(p[i]);
      out++;
      i++;
      continue;
    }
    unsigned char tmp[4];
    unsigned m, n;
    uint32_t cp;
    n = utf8_decode(p + i, len - i, &cp);
    if (n == 0) {               /* an invalid byte is copied as it is */
      tmp[0] = p[i];
      m = n = 1;
    } else m = norm_codepoint(cp, tmp);
    /* copy what fits, but count the whole length */
    for (unsigned k = 0; k < m; k++, out++)
      if (out + 1 < size) buf[out] = (char)tmp[k];
    i += n;
  }
  if (size > 0) buf[out < size ? out : size - 1] = '\0';
  return out;
}

/* The same hash as the tokens carry: the caller's text may end right
** after the token, so only 'len' bytes may be read. */
uint32_t annot_norm_hash(const char *text, size_t len) {
  unsigned shape;
  return hash_and_shape((const unsigned char *)text, len, len, &shape);
}

/* }====================================================== */


/* {======================================================
** The scanner state and pushing tokens
** ======================================================= */

/* What the scan carries from one token to the next: the layout seen
** since the last token (spaces, line breaks), open single quotes, and
** how far no e-mail address can start.  The last token itself is read
** back from the arrays (last_end and the others below). */
typedef struct scanner {
  annot_doc *d;
  const unsigned char *t; /* the text, d->text */
  uint32_t n;             /* its length, d->len */
  unsigned pending;       /* SPACE / NEWLINE / PARA_START for the next token */
  int single_open;        /* single quotes opened in this paragraph */
  uint32_t no_email_until; /* no e-mail address starts before this */
  uint64_t *busy;         /* the busy bits of scan_sentences (scan.h) */
  size_t busy_words;      /* allocated, covering the token arrays */
  uint64_t busy_local[64]; /* 'busy' for up to 4096 tokens: no malloc */
} scanner;

/* The pending layout flags after one more line break: a second one
** since the last token makes a blank line, which opens a paragraph */
static inline unsigned line_break(unsigned pending) {
  if (pending & ANNOT_TF_NEWLINE) pending |= ANNOT_TF_PARA_START;
  return pending | ANNOT_TF_SPACE | ANNOT_TF_NEWLINE;
}

/* The token flags for each combination of shape bits, built by the
** preprocessor: letters make ALPHA, digits DIGIT, and so on; ALLCAPS needs
** an upper-case letter and no other kind of letter. */
#define SHAPE_FLAGS(s) (uint16_t)( \
  (((s) & SH_LETTER) ? ANNOT_TF_ALPHA : 0) | \
  (((s) & SH_DIGIT) ? ANNOT_TF_DIGIT : 0) | \
  (((s) & SH_NONASCII) ? ANNOT_TF_NONASCII : 0) | \
  (((s) & SH_CAP) ? ANNOT_TF_CAP : 0) | \
  ((((s) & SH_UPPER) && !((s) & (SH_LOWER | SH_CASELESS))) \
     ? ANNOT_TF_ALLCAPS : 0))
#define SHAPE_FLAGS4(s) SHAPE_FLAGS(s), SHAPE_FLAGS(s + 1), \
  SHAPE_FLAGS(s + 2), SHAPE_FLAGS(s + 3)
#define SHAPE_FLAGS16(s) SHAPE_FLAGS4(s), SHAPE_FLAGS4(s + 4), \
  SHAPE_FLAGS4(s + 8), SHAPE_FLAGS4(s + 12)
static const uint16_t shape_flags[64] = {
  SHAPE_FLAGS16(0), SHAPE_FLAGS16(16), SHAPE_FLAGS16(32), SHAPE_FLAGS16(48)
};

/* Make the busy bits cover one token past the arrays' capacity (all
** that store can mark before they grow again); 0 or ANNOT_ENOMEM. */
static int cover_busy(scanner *sc) {
  size_t want = (size_t)sc->d->tokcap / 64 + 1, have = sc->busy_words;
  uint64_t *b = sc->busy;
  if (want <= have) return ANNOT_OK;
  if (b == NULL && want <= sizeof sc->busy_local / sizeof *b)
    b = sc->busy_local;
  else if (b == NULL || b == sc->busy_local) {
    b = malloc(want * sizeof *b);
    if (b == NULL) return ANNOT_ENOMEM;
    if (have > 0) memcpy(b, sc->busy_local, have * sizeof *b);
  } else if ((b = realloc(b, want * sizeof *b)) == NULL)
    return ANNOT_ENOMEM;
  memset(b + have, 0, (want - have) * sizeof *b);
  sc->busy = b;
  sc->busy_words = want;
  return ANNOT_OK;
}

/* the arrays are full: grow them with the token, then the busy bits */
static int push_grow(scanner *sc, uint32_t s, uint32_t e, unsigned kind,
                     unsigned flags, uint32_t h) {
  if (doc_push_token(sc->d, s, e, kind, flags, h) != ANNOT_OK)
    return ANNOT_ENOMEM;
  return cover_busy(sc);
}

/* token k is busy (scan.h) */
static inline void mark_busy(scanner *sc, uint32_t k) {
  sc->busy[k >> 6] |= (uint64_t)1 << (k & 63);
}

/* How store marks the busy bits (scan.h): by the general rule, as a
** comma, which matters only at the start of a line, or as a sentence's
** period, after which only a token of one or two bytes (2. a.) may be a
** list item */
enum busy_rule { BUSY_GENERAL, BUSY_COMMA, BUSY_PERIOD };

/* Store token t[s..e) of 'kind' whose flags, but for the layout ones,
** are 'flags' and whose hash is 'h'; adds the layout flags that the
** whitespace before it set, and marks it busy or not.  The arrays are
** sized for the text before the scan: while there is room the token goes
** straight in, and only a full array calls doc_push_token to grow.  0 or
** ANNOT_ENOMEM. */
static inline int store_as(scanner *sc, uint32_t s, uint32_t e,
                           unsigned kind, unsigned flags, uint32_t h,
                           enum busy_rule rule) {
  flags |= sc->pending;
  /* an unclosed single quote does not survive a blank line */
  if (flags & ANNOT_TF_PARA_START) sc->single_open = 0;
  sc->pending = 0;
  annot_doc *d = sc->d;
  uint32_t k = d->ntok;
  if (rule == BUSY_COMMA) {
    if (flags & (ANNOT_TF_NEWLINE | ANNOT_TF_PARA_START)) mark_busy(sc, k);
  } else if (rule == BUSY_PERIOD) {
    mark_busy(sc, k);
    if (!(flags & ANNOT_TF_SPACE) && k > 0 &&
        d->tok_end[k - 1] - d->tok_start[k - 1] <= 2)
      mark_busy(sc, k - 1);
  } else {
    if (((SCAN_BUSY_KINDS >> kind) & 1) || (flags & SCAN_BUSY_FLAGS))
      mark_busy(sc, k);
    /* a mark glued after a token may make it a list item: 2. a) */
    if ((kind == ANNOT_TOK_PUNCT || kind == ANNOT_TOK_BRACKET) &&
        !(flags & ANNOT_TF_SPACE) && k > 0)
      mark_busy(sc, k - 1);
  }
  if (k == d->tokcap) return push_grow(sc, s, e, kind, flags, h);
  d->ntok = k + 1;
  d->tok_start[k] = s;
  d->tok_end[k] = e;
  d->tok_hash[k] = h;
  d->tok_flags[k] = (uint16_t)flags;
  d->tok_kind[k] = (uint8_t)kind;   /* last: a byte store aliases all */
  return ANNOT_OK;
}

static inline int store(scanner *sc, uint32_t s, uint32_t e, unsigned kind,
                        unsigned flags, uint32_t h) {
  return store_as(sc, s, e, kind, flags, h, BUSY_GENERAL);
}

/* The end, kind and flags of the last token pushed (0 before the first):
** what decides hyphens, quotes and apostrophes by context.  Read back
** from the arrays, so that storing a token writes nothing else. */
static inline uint32_t last_end(const scanner *sc) {
  const annot_doc *d = sc->d;
  return d->ntok ? d->tok_end[d->ntok - 1] : 0;
}

static inline unsigned last_kind(const scanner *sc) {
  const annot_doc *d = sc->d;
  return d->ntok ? d->tok_kind[d->ntok - 1] : 0;
}

static inline unsigned last_flags(const scanner *sc) {
  const annot_doc *d = sc->d;
  return d->ntok ? d->tok_flags[d->ntok - 1] : 0;
}

/* Push token t[s..e) of 'kind' with 'extra' flags; adds its shape flags
** and its hash, then stores it. */
static int push(scanner *sc, uint32_t s, uint32_t e, unsigned kind,
                unsigned extra) {
  unsigned shape;
  uint32_t h = hash_and_shape(sc->t + s, e - s, sc->n - s, &shape);
  return store(sc, s, e, kind, extra | shape_flags[shape & 63], h);
}

/* Decode the character at 'i' (i < n): its code point, class and length.
** An invalid byte gets length 0. */
static unsigned char_at(const scanner *sc, uint32_t i, uint32_t *cp,
                        unsigned *cls) {
  unsigned n = utf8_decode(sc->t + i, sc->n - i, cp);
  if (n == 0) return 0;
  if (*cp < 0x80) {
    unsigned k = byte_class[*cp];
    *cls = (k & B_UPPER) ? UC_UPPER : (k & B_LOWER) ? UC_LOWER
         : (k & B_DIGIT) ? UC_DIGIT : UC_PUNCT;
  } else *cls = uni_class(*cp);
  return n;
}

/* does a class continue a word (letters, marks, digits, numerals)? */
static int word_class(unsigned cls) {
  return cls == UC_UPPER || cls == UC_LOWER || cls == UC_LETTER ||
         cls == UC_MARK || cls == UC_DIGIT || cls == UC_NUMBER;
}

/* is there a letter, digit or mark at 'i'?  The modifier-letter
** apostrophe is a letter to Unicode but an apostrophe to us */
static int word_char_at(const scanner *sc, uint32_t i) {
  if (i >= sc->n) return 0;
  unsigned c = sc->t[i];
  if (c < 0x80) return (byte_class[c] & B_WORD) != 0;
  uint32_t cp;
  unsigned cls;
  return char_at(sc, i, &cp, &cls) && cp != 0x02BC && word_class(cls);
}

/* is there a letter (not a digit) at 'i'? */
static int letter_at(const scanner *sc, uint32_t i) {
  if (i >= sc->n) return 0;
  unsigned c = sc->t[i];
  if (c < 0x80) return (byte_class[c] & (B_UPPER | B_LOWER)) != 0;
  uint32_t cp;
  unsigned cls;
  return char_at(sc, i, &cp, &cls) && cp != 0x02BC &&
         (cls == UC_UPPER || cls == UC_LOWER || cls == UC_LETTER);
}

/* End of the run of word characters from 'i'.  The hot path of the
** whole scanner: ASCII letters and digits are found 8 bytes at a time,
** and the byte that stops a chunk is known from the chunk itself (a high
** bit set means non-ASCII: decode it and go on if it is a letter). */
static uint32_t word_run(const scanner *sc, uint32_t i) {
  const unsigned char *t = sc->t;
  uint32_t n = sc->n;
  for (;;) {
    if (n - i >= 8) {                /* (i + 8 could wrap near 4 GiB) */
      uint64_t x = load8(t + i), x7 = x & ~HIGHS;
      uint64_t alnum = (bytes_in_range(x7 | (ONES * 0x20), 'a', 'z') |
                        bytes_in_range(x7, '0', '9')) & ~(x & HIGHS);
      uint64_t stop = ~alnum & HIGHS;
      if (stop == 0) {
        i += 8;
        continue;
      }
      unsigned bit = (unsigned)__builtin_ctzll(stop);
      i += bit >> 3;
      if (!(x & ((uint64_t)1 << bit))) return i;   /* ASCII: the end */
    } else {                           /* the last few bytes, one by one */
      while (i < n && (byte_class[t[i]] & B_WORD)) i++;
      if (i >= n || t[i] < 0x80) return i;
    }
    uint32_t cp;
    unsigned cls;
    unsigned len = char_at(sc, i, &cp, &cls);
    if (len == 0 || cp == 0x02BC || !word_class(cls)) return i;
    i += len;
  }
}

/* the length of an apostrophe at 'i' (' ’ ʼ), 0 if there is none */
static unsigned apostrophe_at(const scanner *sc, uint32_t i) {
  const unsigned char *t = sc->t;
  if (i >= sc->n) return 0;
  if (t[i] == '\'') return 1;
  if (i + 2 < sc->n && t[i] == 0xE2 && t[i + 1] == 0x80 && t[i + 2] == 0x99)
    return 3;
  if (i + 1 < sc->n && t[i] == 0xCA && t[i + 1] == 0xBC) return 2;
  return 0;
}

/* Length of a clitic suffix (s re ve ll d m, any case) at 'i' that ends
** its word, 0 if there is none. */
static uint32_t clitic_suffix(const scanner *sc, uint32_t i) {
  static const char *const suffixes[] = {"s", "re", "ve", "ll", "d", "m"};
  for (size_t k = 0; k < sizeof suffixes / sizeof *suffixes; k++) {
    uint32_t len = (uint32_t)strlen(suffixes[k]), j = 0;
    while (j < len && j < sc->n - i &&
           (sc->t[i + j] | 0x20) == (unsigned char)suffixes[k][j])
      j++;
    if (j == len && !word_char_at(sc, i + len)) return len;
  }
  return 0;
}

/* }====================================================== */


/* {======================================================
** URLs, e-mail addresses, handles, hashtags
** ======================================================= */

/* does t[i..) start with the ASCII string 's', any case? */
static int starts_with(const scanner *sc, uint32_t i, const char *s) {
  for (; *s; s++, i++)
    if (i >= sc->n || (sc->t[i] | 0x20) != (unsigned char)(*s | 0x20))
      return 0;
  return 1;
}

/* End of a URL starting at 'i': up to whitespace, a control character,
** an ASCII quote or angle bracket, or non-ASCII punctuation (curly
** quotes, dashes); then trailing sentence punctuation and unbalanced
** closing brackets are given back. */
static uint32_t url_end(const scanner *sc, uint32_t i) {
  const unsigned char *t = sc->t;
  uint32_t e = i;
  int parens = 0;
  while (e < sc->n) {
    unsigned c = t[e];
    if (c < 0x80) {
      if (c <= ' ' || c == '"' || c == '<' || c == '>' || c == 0x7F) break;
      if (c == '(') parens++;
      else if (c == ')') parens--;
      e++;
      continue;
    }
    uint32_t cp;
    unsigned cls, len = char_at(sc, e, &cp, &cls);
    if (len == 0 || !word_class(cls)) break;
    e += len;
  }
  /* "see https://x.org/a." or "(https://x.org/a)": the period and the
  ** bracket belong to the sentence; "wiki/A_(b)" keeps its own */
  while (e > i) {
    unsigned c = t[e - 1];
    if (c == ')' && parens < 0) parens++;
    else if (!strchr(".,;:!?'", (int)c) || c == 0) break;
    e--;
  }
  return e;
}

/* If an e-mail address starts at 'i', its end; else 0.  Local part, '@',
** then dotted labels with at least one dot; a final period is not part
** of it.  A failure is remembered up to the end of the local part: every
** word inside it would fail the same way, and a long chain like a-a-a-...
** must not be rescanned from each of its words. */
static uint32_t email_end(scanner *sc, uint32_t i) {
  const unsigned char *t = sc->t;
  uint32_t n = sc->n, j = i;
  if (i < sc->no_email_until) return 0;
  while (j < n && (byte_class[t[j]] & B_LOCAL)) j++;
  sc->no_email_until = j;
  if (j == i || j >= n || t[j] != '@') return 0;
  /* the domain: letters, digits, hyphens, and dots between them */
  uint32_t e = ++j, dots = 0, last_dot = 0;
  while (e < n && ((byte_class[t[e]] & B_WORD) || t[e] == '-' ||
                   (t[e] == '.' && e + 1 < n &&
                    (byte_class[t[e + 1]] & B_WORD)))) {
    if (t[e] == '.') {
      dots++;
      last_dot = e;
    }
    e++;
  }
  if (dots == 0 || e == j || last_dot + 1 >= e) return 0;
  return e;
}

/* }====================================================== */


/* {======================================================
** Words and numbers
** ======================================================= */

/* If the word t[i..e) is followed by a period that belongs to it (an
** abbreviation or initials), the end of the abbreviation; else 0.
** Initials are single letters each with a period (J. U.S. a.m. J.R.R.);
** longer forms must be in the abbreviation list. */
static uint32_t abbreviation_end(const scanner *sc, uint32_t i, uint32_t e) {
  const unsigned char *t = sc->t;
  uint32_t n = sc->n;
  if (e >= n || t[e] != '.') return 0;
  uint32_t cp;
  unsigned cls, len = char_at(sc, i, &cp, &cls);
  if (len == 0) return 0;
  if (i + len == e && cls != UC_DIGIT && cls != UC_NUMBER) {
    /* single letters with periods: U.S.A. a.m. J.R.R. */
    uint32_t j = e + 1;
    for (;;) {
      if (j >= n || !letter_at(sc, j)) break;
      unsigned l2 = char_at(sc, j, &cp, &cls);
      /* each letter must stand alone before its period: not 'U.Sx.' */
      if (l2 == 0 || j + l2 >= n || t[j + l2] != '.') break;
      j += l2 + 1;
    }
    return j;
  }
  /* a longer word: only the listed abbreviations keep their period */
  if (e - i > 8) return 0;
  switch (scan_abbrev_class((const char *)t + i, e - i)) {
    case ABBR_NONE:
      return 0;
    case ABBR_NUMERAL: {   /* No. 1, Nos. 3 and 4: only before a number */
      uint32_t j = e + 1;
      while (j < n && t[j] == ' ') j++;
      return (j < n && (byte_class[t[j]] & B_DIGIT)) ? e + 1 : 0;
    }
    default:
      return e + 1;
  }
}

/* Push the word or number starting at 'i' (a word character) and what
** clings to it: clitics (Russia ’s, do n't), possessive apostrophes
** (allies ’), abbreviation periods.  URLs and e-mail addresses starting
** here are pushed whole.  Returns the end of what was consumed, or 0 on
** out of memory. */
static uint32_t scan_word(scanner *sc, uint32_t i) {
  const unsigned char *t = sc->t;
  uint32_t n = sc->n;
  int number = (byte_class[t[i]] & B_DIGIT) != 0;
  uint32_t e;

  /* A number takes its inner separators only between digits, so that a
  ** sentence-final "in 2022." or "1,000," gives its punctuation back. */
  if (number) {
    /* digits with inner , . : before more digits: 100,000 3.5 10:30;
    ** then letters glued on are its unit or suffix */
    e = i;
    for (;;) {
      while (e < n && (byte_class[t[e]] & B_DIGIT)) e++;
      if (e + 1 < n && (t[e] == ',' || t[e] == '.' || t[e] == ':') &&
          (byte_class[t[e + 1]] & B_DIGIT))
        e++;
      else break;
    }
    e = word_run(sc, e);   /* a unit or suffix: 1990s 1.2bn 5th */
  } else {
    e = word_run(sc, i);
    unsigned c = e < n ? t[e] : 0;
    /* the common case: a space, a comma... nothing can cling to the word */
    if (!(byte_class[c] & (B_LOCAL | B_HIGH | B_CLING)))
      return push(sc, i, e, ANNOT_TOK_WORD, 0) ? 0 : e;
    /* The rare cases first, but only when the byte after the letters can
    ** start them: "http:" and "www." for URLs, a local-part character or
    ** '@' for e-mail, a period for abbreviations.  Most words end at a
    ** space and skip all three. */
    if (c == ':' || c == '.') {
      uint32_t wl = e - i;
      if ((c == ':' && ((wl == 4 && starts_with(sc, i, "http")) ||
                        (wl == 5 && starts_with(sc, i, "https"))) &&
           starts_with(sc, e, "://")) ||
          (c == '.' && wl == 3 && starts_with(sc, i, "www") &&
           word_char_at(sc, e + 1))) {
        uint32_t u = url_end(sc, i);
        return push(sc, i, u, ANNOT_TOK_URL, 0) ? 0 : u;
      }
    }
    if (c == '@' || (byte_class[c] & B_LOCAL)) {
      uint32_t m = email_end(sc, i);
      if (m) return push(sc, i, m, ANNOT_TOK_EMAIL, 0) ? 0 : m;
    }
    uint32_t a = abbreviation_end(sc, i, e);
    if (a) return push(sc, i, a, ANNOT_TOK_WORD, ANNOT_TF_ABBREV) ? 0 : a;
  }

  /* Apostrophes: a clitic splits off, an inner one joins (O’Brien).  The
  ** cheap test on the byte comes first: ' or the lead byte of ’ and ʼ. */
  while (e < n && (t[e] == '\'' || t[e] == 0xE2 || t[e] == 0xCA)) {
    unsigned al = apostrophe_at(sc, e);
    if (al == 0) break;
    uint32_t after = e + al;
    /* n't: the n belongs to the clitic (do n't, ca n't) */
    if (e > i && (t[e - 1] | 0x20) == 'n' && after < n &&
        (t[after] | 0x20) == 't' && !word_char_at(sc, after + 1)) {
      if (e - 1 > i && push(sc, i, e - 1, ANNOT_TOK_WORD, 0)) return 0;
      return push(sc, e - 1, after + 1, ANNOT_TOK_WORD, ANNOT_TF_CLITIC)
             ? 0 : after + 1;
    }
    /* 's 're 've 'll 'd 'm: the word, then the clitic */
    uint32_t cl = clitic_suffix(sc, after);
    if (cl) {
      if (push(sc, i, e, number ? ANNOT_TOK_NUMBER : ANNOT_TOK_WORD, 0) ||
          push(sc, e, after + cl, ANNOT_TOK_WORD, ANNOT_TF_CLITIC))
        return 0;
      return after + cl;
    }
    if (word_char_at(sc, after)) {     /* O’Brien, rock'n'roll */
      e = word_run(sc, after);
      continue;
    }
    /* allies’: a possessive after a plural, unless a single quote is
    ** open and this closes it */
    if (!number && (t[e - 1] | 0x20) == 's' && sc->single_open == 0) {
      if (push(sc, i, e, ANNOT_TOK_WORD, 0) ||
          push(sc, e, after, ANNOT_TOK_WORD, ANNOT_TF_CLITIC))
        return 0;
      return after;
    }
    break;
  }
  return push(sc, i, e, number ? ANNOT_TOK_NUMBER : ANNOT_TOK_WORD, 0)
         ? 0 : e;
}

/* }====================================================== */


/* {======================================================
** Quotation marks and apostrophes outside words
** ======================================================= */

/* is the character before 'i' whitespace, the start of the text or an
** opening bracket, quote or dash: a place where a quotation opens? */
static int opening_context_before(const scanner *sc, uint32_t i) {
  if (i == 0 || last_end(sc) < i) return 1;    /* start, or whitespace */
  if (last_kind(sc) == ANNOT_TOK_BRACKET) {
    unsigned c = sc->t[i - 1];
    return c == '(' || c == '[' || c == '{';
  }
  if (last_kind(sc) == ANNOT_TOK_QUOTE)
    return (last_flags(sc) & ANNOT_TF_OPEN) != 0;
  return last_kind(sc) == ANNOT_TOK_DASH;
}

/* is the character at 'i' whitespace, the end, punctuation or a closing
** bracket or quote: a place after which a quotation has closed? */
static int closing_context_after(const scanner *sc, uint32_t i) {
  if (i >= sc->n) return 1;
  unsigned c = sc->t[i];
  if (c < 0x80)
    return (byte_class[c] & (B_SPACE | B_BREAK)) ||
           (c && strchr(".,;:!?)]}'\"-", (int)c));
  uint32_t cp;
  unsigned cls;
  if (!char_at(sc, i, &cp, &cls)) return 0;
  return cls == UC_SPACE || cls == UC_NEWLINE || cls == UC_INVISIBLE ||
         cls == UC_CLOSE || cls == UC_DASH || cls == UC_QUOTE_FINAL ||
         cls == UC_QUOTE_INITIAL || cls == UC_PUNCT;
}

/* The one byte of the normalised form of quotation mark 'cp' (as in
** norm_codepoint), or 0 for the rarer marks that push() works out.  Not
** ʼ: to Unicode it is a letter, which gives its token the ALPHA flag. */
static inline unsigned quote_norm(uint32_t cp) {
  switch (cp) {
    case '\'': case 0x2018: case 0x2019:
      return '\'';
    case '"': case 0x201C: case 0x201D: case 0x201E: case 0x00AB:
    case 0x00BB:
      return '"';
    default:
      return 0;
  }
}

/* Push a quotation mark t[i..i+len): by form (“ ” « » „ ‹ ›) or, for
** straight quotes and ‘ ’, by context, it gets OPEN and/or CLOSE. */
static int push_quote(scanner *sc, uint32_t i, unsigned len, uint32_t cp) {
  unsigned flags = 0;
  int single = (cp == '\'' || cp == 0x2018 || cp == 0x2019);
  switch (cp) {
    case 0x201C: case 0x201E: case 0x201F: case 0x00AB: case 0x2039:
    case 0x201A:
      flags = ANNOT_TF_OPEN;
      break;
    case 0x201D: case 0x00BB: case 0x203A:
      flags = ANNOT_TF_CLOSE;
      break;
    default: {   /* " ' ‘ ’ and the fullwidth " */
      int before = opening_context_before(sc, i);
      int after_closes = closing_context_after(sc, i + len);
      if (before && !after_closes) flags = ANNOT_TF_OPEN;
      else if (!before && after_closes) flags = ANNOT_TF_CLOSE;
    }
  }
  /* push first: a paragraph break before this mark resets the count.
  ** The marks whose normalised form is a straight quote (most of them)
  ** have a constant hash and no letter: no need to decode them again. */
  unsigned straight = quote_norm(cp);
  int rc = straight
    ? store(sc, i, i + len, ANNOT_TOK_QUOTE,
            flags | (cp >= 0x80 ? ANNOT_TF_NONASCII : 0),
            hash_final(hash_chunk(HASH_SEED, straight), 1))
    : push(sc, i, i + len, ANNOT_TOK_QUOTE, flags);
  if (single) {
    if (flags & ANNOT_TF_OPEN) sc->single_open++;
    else if ((flags & ANNOT_TF_CLOSE) && sc->single_open > 0)
      sc->single_open--;
  }
  return rc;
}

/* An apostrophe-like mark at 'i' that no word took: a clitic after an
** abbreviation or a closing mark (Jr.'s), a word that starts with an
** elision (’90s, ’n’), or a quotation mark.  Returns the end consumed, 0
** on out of memory. */
static uint32_t scan_apostrophe(scanner *sc, uint32_t i, unsigned len,
                                uint32_t cp) {
  const unsigned char *t = sc->t;
  uint32_t n = sc->n, after = i + len;
  /* glued to the word or number before it (no space between) */
  int attached = sc->d->ntok > 0 && last_end(sc) == i &&
                 (last_kind(sc) == ANNOT_TOK_WORD ||
                  last_kind(sc) == ANNOT_TOK_NUMBER);
  /* a clitic the word scanner could not see, after an abbreviation's
  ** period (Jr.'s) or a number (1990's); ‘ never starts one */
  if (cp != 0x2018 && attached) {
    uint32_t cl = clitic_suffix(sc, after);
    if (cl)
      return push(sc, i, after + cl, ANNOT_TOK_WORD, ANNOT_TF_CLITIC)
             ? 0 : after + cl;
  }
  if (!attached) {
    /* ’90s, '22: an elided century */
    if (after + 1 < n && (byte_class[t[after]] & B_DIGIT) &&
        (byte_class[t[after + 1]] & B_DIGIT)) {
      uint32_t e = after + 2;
      if (e < n && t[e] == 's') e++;
      if (!word_char_at(sc, e))
        return push(sc, i, e, ANNOT_TOK_NUMBER, 0) ? 0 : e;
    }
    /* ’n’ of rock ’n’ roll */
    if (after < n && (t[after] | 0x20) == 'n') {
      unsigned al = apostrophe_at(sc, after + 1);
      if (al && !word_char_at(sc, after + 1 + al))
        return push(sc, i, after + 1 + al, ANNOT_TOK_WORD, 0)
               ? 0 : after + 1 + al;
    }
  }
  /* anything else is a quotation mark, open or closed by context */
  return push_quote(sc, i, len, cp) ? 0 : after;
}

/* }====================================================== */


/* {======================================================
** Punctuation and the main loop
** ======================================================= */

/* Push the ASCII punctuation or symbol at 'i'; returns the end consumed,
** 0 on out of memory. */
static uint32_t scan_ascii_other(scanner *sc, uint32_t i) {
  const unsigned char *t = sc->t;
  uint32_t n = sc->n, e = i + 1;
  unsigned c = t[i], kind = ANNOT_TOK_SYMBOL;
  switch (c) {
    case '.': {
      while (e < n && t[e] == '.') e++;
      uint32_t run = e - i;
      if (run == 1) {
        kind = ANNOT_TOK_PUNCT;
        /* a spaced ellipsis ". . ." after whitespace is one token */
        if ((i == 0 || last_end(sc) < i) && n - i > 4 && t[i + 1] == ' ' &&
            t[i + 2] == '.' && t[i + 3] == ' ' && t[i + 4] == '.') {
          kind = ANNOT_TOK_ELLIPSIS;
          e = i + 5;
        }
      } else if (run == 2) kind = ANNOT_TOK_PUNCT;
      else {
        kind = ANNOT_TOK_ELLIPSIS;
        if (run == 4) e = i + 3;     /* "...." is an ellipsis, a period */
      }
      break;
    }
    case '?': case '!':        /* ?! and !! are one token: one stop */
      while (e < n && (t[e] == '?' || t[e] == '!')) e++;
      kind = ANNOT_TOK_PUNCT;
      break;
    case ',': case ';': case ':':
      kind = ANNOT_TOK_PUNCT;
      break;
    case '-':                  /* -- is a dash typed in ASCII */
      while (e < n && t[e] == '-') e++;
      /* one hyphen between word characters joins them */
      kind = (e == i + 1 && sc->d->ntok > 0 && last_end(sc) == i &&
              (last_kind(sc) == ANNOT_TOK_WORD ||
               last_kind(sc) == ANNOT_TOK_NUMBER) &&
              word_char_at(sc, e))
             ? ANNOT_TOK_HYPHEN : ANNOT_TOK_DASH;
      break;
    case '(': case ')': case '[': case ']': case '{': case '}':
      kind = ANNOT_TOK_BRACKET;
      break;
    case '"':
      return push_quote(sc, i, 1, '"') ? 0 : e;
    case '\'':
      return scan_apostrophe(sc, i, 1, '\'');
    case '@': {          /* @handle, when not glued to a word */
      uint32_t j = e;
      while (j < n && ((byte_class[t[j]] & B_WORD) || t[j] == '_')) j++;
      if (j > e && !(last_end(sc) == i && sc->d->ntok > 0 &&
                     last_kind(sc) == ANNOT_TOK_WORD))
        return push(sc, i, j, ANNOT_TOK_HANDLE, 0) ? 0 : j;
      break;
    }
    case '#': {          /* #hashtag: needs something besides digits */
      uint32_t j = e;
      int letters = 0;
      for (;;) {
        if (j < n && t[j] == '_') { j++; letters = 1; continue; }
        uint32_t w = word_run(sc, j);
        if (w == j) break;
        for (uint32_t k = j; k < w; k++)
          if (!(byte_class[t[k]] & B_DIGIT)) letters = 1;
        j = w;
      }
      if (letters) return push(sc, i, j, ANNOT_TOK_HASHTAG, 0) ? 0 : j;
      break;
    }
    default:
      break;           /* control characters and other symbols */
  }
  return push(sc, i, e, kind, 0) ? 0 : e;
}

/* Push the non-ASCII character at 'i' (or take it as whitespace);
** returns the end consumed, 0 on out of memory. */
static uint32_t scan_nonascii(scanner *sc, uint32_t i) {
  uint32_t cp;
  unsigned cls, len = char_at(sc, i, &cp, &cls);
  if (len == 0)
    return push(sc, i, i + 1, ANNOT_TOK_INVALID, 0) ? 0 : i + 1;
  uint32_t e = i + len;
  /* apostrophes first: ʼ is a letter to Unicode, ’ a final quote */
  if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC)
    return scan_apostrophe(sc, i, len, cp);
  unsigned kind;
  switch (cls) {
    case UC_UPPER: case UC_LOWER: case UC_LETTER: case UC_MARK:
    case UC_DIGIT: case UC_NUMBER:
      return scan_word(sc, i);
    case UC_SPACE: case UC_INVISIBLE:
      if (cls == UC_SPACE) sc->pending |= ANNOT_TF_SPACE;
      return e;
    case UC_NEWLINE:
      /* a paragraph separator is a blank line on its own */
      sc->pending = line_break(sc->pending) |
                    (cp == 0x2029 ? ANNOT_TF_PARA_START : 0);
      return e;
    case UC_QUOTE_INITIAL: case UC_QUOTE_FINAL:
      return push_quote(sc, i, len, cp) ? 0 : e;
    case UC_OPEN: case UC_CLOSE:
      /* „ and ‚ are low opening quotes, not brackets */
      if (cp == 0x201E || cp == 0x201A)
        return push_quote(sc, i, len, cp) ? 0 : e;
      kind = ANNOT_TOK_BRACKET;
      break;
    case UC_DASH:
      /* Unicode hyphens between word characters join like '-' */
      kind = ((cp == 0x2010 || cp == 0x2011) && last_end(sc) == i &&
              sc->d->ntok > 0 && (last_kind(sc) == ANNOT_TOK_WORD ||
                                  last_kind(sc) == ANNOT_TOK_NUMBER) &&
              word_char_at(sc, e))
             ? ANNOT_TOK_HYPHEN : ANNOT_TOK_DASH;
      break;
    case UC_PUNCT:
      if (cp == 0xFF02) return push_quote(sc, i, len, cp) ? 0 : e;
      kind = cp == 0x2026 ? ANNOT_TOK_ELLIPSIS : ANNOT_TOK_PUNCT;
      break;
    default:   /* symbols, controls, format characters, unassigned */
      kind = ANNOT_TOK_SYMBOL;
      break;
  }
  return push(sc, i, e, kind, 0) ? 0 : e;
}

/* For plain_word: is the period after the ASCII word t[i..e) sure to be
** punctuation, as at the end of most sentences?  That is when whitespace
** follows it (no URL, e-mail address or initials go on) and the word is
** no abbreviation: not a single letter, not in the list.  Otherwise
** scan_word decides. */
static inline int period_is_punct(const scanner *sc, uint32_t i,
                                  uint32_t e) {
  if (e + 1 >= sc->n || !(byte_class[sc->t[e + 1]] & (B_SPACE | B_BREAK)))
    return 0;
  uint32_t len = e - i;
  return len > 6 || (len > 1 && scan_abbrev_class((const char *)sc->t + i,
                                                  len) == ABBR_NONE);
}

/* The fast path of the scan, for the commonest token of all: a plain
** ASCII word of letters starting at 'i' and ending before a byte that
** nothing clings to (a space, a comma, a sentence's period; not a digit,
** an apostrophe, a hyphen, '@' or ':', which scan_word must look at).
** The word's end, its hash and its shape are found in one pass, 8 bytes
** at a time: each chunk is classified once and the same mask gives the
** word's end, its case and its lowered bytes.  Returns the end with
** '*hash' and '*flags' set, or 0 when the word needs scan_word
** (non-ASCII, a digit or a clinging byte, or too near the end of the text
** for whole loads).  Gives what push gives for the same bytes. */
static inline uint32_t plain_word(const scanner *sc, uint32_t i,
                                  uint32_t *hash, unsigned *flags) {
  const unsigned char *t = sc->t;
  uint64_t h = HASH_SEED, lowers = 0, x, letter;
  uint32_t p = i;
  for (;;) {
    if (sc->n - p < 8) return 0;
    x = load8(t + p);
    /* letters of either case are a-z once the case bit 0x20 is set; a
    ** byte with its high bit set is none */
    letter = bytes_in_range((x & ~HIGHS) | (ONES * 0x20), 'a', 'z') & ~x;
    if (letter != HIGHS) break;
    lowers |= (x << 2) & HIGHS;           /* the case bits, moved up */
    h = hash_chunk(h, x | (ONES * 0x20));
    p += 8;
  }
  unsigned bit = (unsigned)__builtin_ctzll(letter ^ HIGHS), used = bit >> 3;
  unsigned c = (unsigned)(x >> (8 * used)) & 0xFF;
  /* digits are B_LOCAL: a word with digits goes to scan_word */
  if ((byte_class[c] & (B_LOCAL | B_HIGH | B_CLING)) &&
      !(c == '.' && period_is_punct(sc, i, p + used)))
    return 0;
  if (used > 0) {                  /* the word's bytes in this chunk */
    uint64_t keep = ~(~0ull << (8 * used));
    letter &= keep;
    lowers |= (x << 2) & letter;
    h = hash_chunk(h, (x & keep) | (letter >> 2));   /* 0x80 >> 2 = 0x20 */
  }
  p += used;
  /* Every byte is an ASCII letter: the word is ALPHA, CAP when its first
  ** letter is upper case, ALLCAPS when none is lower case (what
  ** shape_flags gives for these shapes) */
  *flags = ANNOT_TF_ALPHA | ((t[i] & 0x20) ? 0 : ANNOT_TF_CAP) |
           (lowers ? 0 : ANNOT_TF_ALLCAPS);
  *hash = hash_final(h, p - i);
  return p;
}

/* The hashes of the one-byte tokens ',' and '.' (constants the compiler
** folds) */
#define COMMA_HASH hash_final(hash_chunk(HASH_SEED, ','), 1)
#define PERIOD_HASH hash_final(hash_chunk(HASH_SEED, '.'), 1)

/* is the '.' at 'i' (with 2 bytes after it) a period before whitespace
** that starts no spaced ellipsis ". . ."?  Then it is a token alone. */
static inline int plain_period(const unsigned char *t, uint32_t i) {
  return (byte_class[t[i + 1]] & (B_SPACE | B_BREAK)) && t[i + 2] != '.';
}

/* The main loop: whitespace is consumed here (it only sets flags for the
** next token), plain words, commas and periods are stored here (the fast
** path); everything else goes to the scanner for its first byte, which
** returns where the next token may start.  0 or ANNOT_ENOMEM. */
static int scan_text(scanner *sc) {
  const unsigned char *t = sc->t;
  uint32_t i = 0, n = sc->n;
  while (i < n) {
    unsigned c = t[i];
    unsigned k = byte_class[c];
    uint32_t next;
    /* a plain word first, the commonest token; the one space after it
    ** (or after a comma or a period) is taken with it, so that the next
    ** round most often starts at a letter again */
    if (k & (B_UPPER | B_LOWER)) {
      uint32_t h;
      unsigned flags;
      uint32_t e = plain_word(sc, i, &h, &flags);
      if (e != 0) {
        if (store(sc, i, e, ANNOT_TOK_WORD, flags, h) != ANNOT_OK)
          return ANNOT_ENOMEM;
        i = e;
        if (t[e] == ' ') {       /* plain_word read past it */
          sc->pending = ANNOT_TF_SPACE;
          i = e + 1;
        }
        continue;
      }
    }
    if (k & B_SPACE) {
      sc->pending |= ANNOT_TF_SPACE;
      i++;
      continue;
    }
    if (k & B_BREAK) {
      /* CR LF is one line break; a blank line ends a paragraph */
      if (c == '\r' && i + 1 < n && t[i + 1] == '\n') i++;
      i++;
      sc->pending = line_break(sc->pending);
      continue;
    }
    if (c == ',' || (c == '.' && n - i > 2 && plain_period(t, i))) {
      if (store_as(sc, i, i + 1, ANNOT_TOK_PUNCT, 0,
                   c == ',' ? COMMA_HASH : PERIOD_HASH,
                   c == ',' ? BUSY_COMMA : BUSY_PERIOD) != ANNOT_OK)
        return ANNOT_ENOMEM;
      i++;
      if (i < n && t[i] == ' ') {
        sc->pending = ANNOT_TF_SPACE;
        i++;
      }
      continue;
    }
    /* 0 from a scanner means out of memory: the doc is dropped */
    if (k & B_WORD) next = scan_word(sc, i);
    else if (k & B_HIGH) next = scan_nonascii(sc, i);
    else next = scan_ascii_other(sc, i);
    if (next == 0) return ANNOT_ENOMEM;
    i = next;
  }
  return ANNOT_OK;
}

/* The tokens, then the sentence pass over them, which visits only the
** tokens that the scan marked busy. */
int stage_scan(annot_doc *d, annot_error *err) {
  scanner sc;
  memset(&sc, 0, offsetof(scanner, busy_local));   /* the bits: as needed */
  sc.d = d;
  sc.t = (const unsigned char *)d->text;
  sc.n = d->len;
  sc.pending = ANNOT_TF_PARA_START;   /* the first token opens one */
  int rc = cover_busy(&sc);
  if (rc == ANNOT_OK) rc = scan_text(&sc);
  if (rc == ANNOT_OK) rc = scan_sentences(d, sc.busy);
  if (sc.busy != sc.busy_local) free(sc.busy);
  if (rc != ANNOT_OK)
    return annot_seterror(err, ANNOT_ENOMEM, 0, "out of memory");
  return ANNOT_OK;
}

/* }====================================================== */
