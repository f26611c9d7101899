/*
** export.c: annot_doc_to_json, the JSON writer.  One object on one line,
** the schema of ANNOTATION.md ("JSON").  Output goes into a local buffer
** of a few KB that is flushed through the caller's callback, so the cost
** is one callback per buffer, not per field.
**
** Strings are escaped per JSON: '"' and '\' by a backslash, control
** characters as \u00XX (the short forms for \n \r \t \b \f).  Valid UTF-8
** is copied as is; each byte that is not part of a valid UTF-8 sequence is
** written as \ufffd, so the output is always valid JSON while the offsets
** still count the original bytes.
*/
#include <string.h>

#include "internal.h"

/* {======================================================
** The writer
** ======================================================= */

#define JSON_BUFSIZE 8192

typedef struct jwriter {
  annot_write_fn write;
  void *ud;
  int rc;                      /* the callback's non-zero result: stop */
  size_t n;                    /* bytes in 'buf' */
  char buf[JSON_BUFSIZE];
} jwriter;

/*
** Hand the buffered bytes to the callback (unless it already stopped).
*/
static void jw_flush(jwriter *w) {
  /* after a stop, buffered bytes are dropped: the caller asked for no
  ** more output, and the export winds down at the next loop check */
  if (w->rc == 0 && w->n > 0) w->rc = w->write(w->ud, w->buf, w->n);
  w->n = 0;
}

/*
** Make room for 'want' more bytes (want <= JSON_BUFSIZE).
*/
static inline void jw_room(jwriter *w, size_t want) {
  if (JSON_BUFSIZE - w->n < want) jw_flush(w);
}

/*
** Append raw bytes (no escaping); long runs bypass the buffer.
*/
static void jw_raw(jwriter *w, const char *s, size_t len) {
  if (len > JSON_BUFSIZE / 2) {
    jw_flush(w);
    if (w->rc == 0) w->rc = w->write(w->ud, s, len);
    return;
  }
  jw_room(w, len);
  memcpy(w->buf + w->n, s, len);
  w->n += len;
}

/* The 'put_' helpers write at 'o' without checking for room: the caller
** made room first (jw_room) for the most they can write.  They return the
** new end.  Literals are copied with a constant size, which the compiler
** turns into a few moves. */
#define PUT_LIT(o, s) (memcpy((o), (s), sizeof(s) - 1), (o) + sizeof(s) - 1)

/* most bytes 'put_str' writes for 'len' input bytes */
#define STR_ROOM(len) (6 * (size_t)(len) + 2)

/*
** Write an unsigned number in decimal.
*/
static inline char *put_uint(char *o, uint32_t v) {
  char tmp[10];
  int i = 10;
  do {
    tmp[--i] = (char)('0' + v % 10);
    v /= 10;
  } while (v != 0);
  memcpy(o, tmp + i, (size_t)(10 - i));
  return o + (10 - i);
}

/*
** Length of the valid UTF-8 sequence at s[0..len) (len >= 1, s[0] >=
** 0x80), or 0 when it is not one: overlong forms, surrogates and code
** points past U+10FFFF are invalid.
*/
static size_t utf8_valid(const unsigned char *s, size_t len) {
  unsigned c = s[0];
  if (c >= 0xC2 && c <= 0xDF)
    return (len >= 2 && (s[1] & 0xC0) == 0x80) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (len < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && s[1] < 0xA0) return 0;   /* overlong */
    if (c == 0xED && s[1] >= 0xA0) return 0;  /* surrogate */
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (len < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
        (s[3] & 0xC0) != 0x80) return 0;
    if (c == 0xF0 && s[1] < 0x90) return 0;   /* overlong */
    if (c == 0xF4 && s[1] >= 0x90) return 0;  /* past U+10FFFF */
    return 4;
  }
  return 0;
}

/* bytes that need escaping or checking: 1 for controls, '"', '\' and
** every byte >= 0x80; 0 for plain ASCII copied as is */
static const unsigned char json_special[256] = {
  1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1, 1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
  0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,
  0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,
  0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1,
  1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1, 1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
  1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1, 1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
  1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1, 1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
  1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1, 1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1
};

/*
** Write the escaped form of the special byte or sequence at s[0..len);
** '*used' gets how many input bytes it took.  At most 6 bytes out.
*/
static char *put_escape(char *o, const unsigned char *s, size_t len,
                        size_t *used) {
  static const char hex[] = "0123456789abcdef";
  unsigned c = s[0];
  *used = 1;
  if (c >= 0x80) {
    size_t k = utf8_valid(s, len);
    if (k == 0) return PUT_LIT(o, "\\ufffd");   /* one invalid byte */
    memcpy(o, s, k);
    *used = k;
    return o + k;
  }
  switch (c) {
    case '"': return PUT_LIT(o, "\\\"");
    case '\\': return PUT_LIT(o, "\\\\");
    case '\n': return PUT_LIT(o, "\\n");
    case '\r': return PUT_LIT(o, "\\r");
    case '\t': return PUT_LIT(o, "\\t");
    case '\b': return PUT_LIT(o, "\\b");
    case '\f': return PUT_LIT(o, "\\f");
    default:
      o = PUT_LIT(o, "\\u00");
      o[0] = hex[c >> 4];
      o[1] = hex[c & 15];
      return o + 2;
  }
}

/*
** Write s[0..len) as a JSON string, quotes included; needs
** STR_ROOM(len) bytes of room.
*/
static char *put_str(char *o, const char *str, size_t len) {
  const unsigned char *s = (const unsigned char *)str;
  *o++ = '"';
  size_t i = 0;
  while (i < len) {
    if (!json_special[s[i]]) *o++ = (char)s[i++];
    else {
      size_t used;
      o = put_escape(o, s + i, len - i, &used);
      i += used;
    }
  }
  *o++ = '"';
  return o;
}

/*
** Append s[0..len) as a JSON string of any length: in one go when it
** fits the buffer, else in pieces (never splitting a UTF-8 sequence,
** which 'put_escape' takes whole).
*/
static void jw_str(jwriter *w, const char *str, size_t len) {
  if (STR_ROOM(len) <= JSON_BUFSIZE) {
    jw_room(w, STR_ROOM(len));
    w->n = (size_t)(put_str(w->buf + w->n, str, len) - w->buf);
    return;
  }
  const unsigned char *s = (const unsigned char *)str;
  jw_room(w, 1);
  w->buf[w->n++] = '"';
  size_t i = 0;
  while (i < len) {
    /* copy a run of plain bytes in one go, then one escape */
    size_t j = i;
    while (j < len && !json_special[s[j]]) j++;
    if (j > i) jw_raw(w, str + i, j - i);
    if (j < len) {
      size_t used;
      jw_room(w, 6);
      char *o = put_escape(w->buf + w->n, s + j, len - j, &used);
      w->n = (size_t)(o - w->buf);
      j += used;
    }
    i = j;
  }
  jw_room(w, 1);
  w->buf[w->n++] = '"';
}

/*
** Append a string that is NULL-able: null when 's' is NULL.
*/
static void jw_str_or_null(jwriter *w, const char *s, size_t len) {
  if (s == NULL) jw_raw(w, "null", 4);
  else jw_str(w, s, len);
}

/*
** Append a NUL-terminated name, or null when 's' is NULL (a type or kind
** the core has no name for).
*/
static void jw_name_or_null(jwriter *w, const char *s) {
  jw_str_or_null(w, s, s ? strlen(s) : 0);
}

/*
** Append an unsigned number.
*/
static void jw_uint(jwriter *w, uint32_t v) {
  jw_room(w, 10);
  w->n = (size_t)(put_uint(w->buf + w->n, v) - w->buf);
}

/*
** Append an entity index, or null for ANNOT_NONE (no entity).
*/
static void jw_id_or_null(jwriter *w, uint32_t id) {
  if (id == ANNOT_NONE) jw_raw(w, "null", 4);
  else jw_uint(w, id);
}

/* append a literal */
#define jw_lit(w, s) \
  do { \
    jw_room((w), sizeof(s) - 1); \
    memcpy((w)->buf + (w)->n, (s), sizeof(s) - 1); \
    (w)->n += sizeof(s) - 1; \
  } while (0)

/*
** Append '"start":S,"end":E' for a byte range.
*/
static void jw_range(jwriter *w, uint32_t start, uint32_t end) {
  jw_room(w, 40);
  char *o = w->buf + w->n;
  o = PUT_LIT(o, "\"start\":");
  o = put_uint(o, start);
  o = PUT_LIT(o, ",\"end\":");
  o = put_uint(o, end);
  w->n = (size_t)(o - w->buf);
}

/* }====================================================== */


/* {======================================================
** The layers
** ======================================================= */

/*
** Write the lower case of the ASCII text s[0..len) as a JSON string;
** NULL (nothing meant) as soon as a byte is not ASCII.  Needs
** STR_ROOM(len) bytes of room.
*/
static char *put_ascii_lower(char *o, const char *str, size_t len) {
  const unsigned char *s = (const unsigned char *)str;
  *o++ = '"';
  for (size_t i = 0; i < len; i++) {
    unsigned c = s[i];
    if (c >= 0x80) return NULL;
    if (c - 'A' < 26u) *o++ = (char)(c + 32);
    else if (!json_special[c]) *o++ = (char)c;
    else {
      size_t used;
      o = put_escape(o, s + i, len - i, &used);
    }
  }
  *o++ = '"';
  return o;
}

/* the longest token kind name, with room to spare */
#define KIND_ROOM 16

/*
** "tokens": [{"start","end","norm","kind"}...].  The hot loop of the
** export: each token makes room once for everything it writes, then
** writes without further checks.
*/
static void write_tokens(jwriter *w, const annot_doc *d) {
  char norm[512];
  const char *kinds[ANNOT_TOK_KIND_COUNT];
  size_t kind_len[ANNOT_TOK_KIND_COUNT];
  for (unsigned k = 0; k < ANNOT_TOK_KIND_COUNT; k++) {
    kinds[k] = annot_token_kind_name(k);
    kind_len[k] = strlen(kinds[k]);
  }
  jw_lit(w, ",\"tokens\":[");
  for (uint32_t i = 0; i < d->ntok && w->rc == 0; i++) {
    const char *tok = d->text + d->tok_start[i];
    size_t len = d->tok_end[i] - d->tok_start[i];
    unsigned k = d->tok_kind[i] < ANNOT_TOK_KIND_COUNT ? d->tok_kind[i]
                                                        : ANNOT_TOK_INVALID;
    jw_room(w, 64 + KIND_ROOM + (len < 256 ? STR_ROOM(len) : 0));
    char *o = w->buf + w->n;
    if (i > 0) *o++ = ',';
    o = PUT_LIT(o, "{\"start\":");
    o = put_uint(o, d->tok_start[i]);
    o = PUT_LIT(o, ",\"end\":");
    o = put_uint(o, d->tok_end[i]);
    o = PUT_LIT(o, ",\"norm\":");
    /* most tokens are short ASCII, whose normal form is their lower
    ** case: written directly; anything else goes through annot_norm */
    char *ascii = len < 256 ? put_ascii_lower(o, tok, len) : NULL;
    if (ascii != NULL) o = ascii;
    else {
      size_t n = annot_token_norm(d, i, norm, sizeof norm);
      w->n = (size_t)(o - w->buf);
      /* a norm too long for 'norm' (a URL): the original text instead,
      ** which is still valid JSON */
      if (n < sizeof norm) jw_str(w, norm, n);
      else jw_str(w, tok, len);
      jw_room(w, 16 + KIND_ROOM);
      o = w->buf + w->n;
    }
    o = PUT_LIT(o, ",\"kind\":\"");
    memcpy(o, kinds[k], kind_len[k]);
    o += kind_len[k];
    o = PUT_LIT(o, "\"}");
    w->n = (size_t)(o - w->buf);
  }
  jw_lit(w, "]");
}

/*
** "<name>": [{"start","end"}...] for sentences or paragraphs.
*/
static void write_blocks(jwriter *w, const char *name, const vec *v) {
  jw_lit(w, ",\"");
  jw_raw(w, name, strlen(name));
  jw_lit(w, "\":[");
  for (uint32_t i = 0; i < v->n && w->rc == 0; i++) {
    const annot_span *s = &((const annot_span *)v->data)[i];
    if (i > 0) jw_lit(w, ",");
    jw_lit(w, "{");
    jw_range(w, s->start, s->end);
    jw_lit(w, "}");
  }
  jw_lit(w, "]");
}

static const char *const source_names[] = {"lexicon", "rule", "pattern"};

/*
** "entities": one object per mention: start, end, type, text,
** canonical (or null), role (only when there is one), id (the entity's
** 0-based index, or null), source.
*/
static void write_entities(jwriter *w, const annot_doc *d) {
  jw_lit(w, ",\"entities\":[");
  /* mentions are already sorted by start, as the schema wants */
  for (uint32_t i = 0; i < d->mentions.n && w->rc == 0; i++) {
    const annot_mention *m = &VEC_AT(d->mentions, annot_mention, i);
    if (i > 0) jw_lit(w, ",");
    jw_lit(w, "{");
    jw_range(w, m->start, m->end);
    jw_lit(w, ",\"type\":");
    jw_name_or_null(w, annot_type_name(d->pipeline, m->type));
    jw_lit(w, ",\"text\":");
    jw_str(w, d->text + m->start, m->end - m->start);
    jw_lit(w, ",\"canonical\":");
    jw_str_or_null(w, m->canonical, m->canonical_len);
    if (m->role_end > m->role_start) {
      jw_lit(w, ",\"role\":");
      jw_str(w, d->text + m->role_start, m->role_end - m->role_start);
    }
    /* the entity's 0-based index: mentions of one entity share it */
    jw_lit(w, ",\"id\":");
    jw_id_or_null(w, m->entity);
    jw_lit(w, ",\"source\":\"");
    const char *src = m->source < 3 ? source_names[m->source] : "rule";
    jw_raw(w, src, strlen(src));
    jw_lit(w, "\"}");
  }
  jw_lit(w, "]");
}

/*
** A quote's "speaker" object, or null.
*/
static void write_speaker(jwriter *w, const annot_doc *d,
                          const annot_quote *q) {
  /* no phrase and no entity: nobody to name (a scare quote, say) */
  if (q->speaker_end <= q->speaker_start && q->speaker_entity == ANNOT_NONE &&
      q->speaker_mention == ANNOT_NONE) {
    jw_lit(w, "null");
    return;
  }
  jw_lit(w, "{");
  jw_range(w, q->speaker_start, q->speaker_end);
  jw_lit(w, ",\"text\":");
  jw_str(w, d->text + q->speaker_start, q->speaker_end - q->speaker_start);
  jw_lit(w, ",\"canonical\":");
  jw_str_or_null(w, q->speaker_canonical, q->speaker_canonical_len);
  if (q->anonymous) jw_lit(w, ",\"anonymous\":true,\"id\":");
  else jw_lit(w, ",\"anonymous\":false,\"id\":");
  jw_id_or_null(w, q->speaker_entity);
  jw_lit(w, "}");
}

/*
** "quotes": start, end, kind, text, speaker (or null), cue (or null),
** and "unclosed": true / "turn": true only when set.
*/
static void write_quotes(jwriter *w, const annot_doc *d) {
  jw_lit(w, ",\"quotes\":[");
  for (uint32_t i = 0; i < d->quotes.n && w->rc == 0; i++) {
    const annot_quote *q = &VEC_AT(d->quotes, annot_quote, i);
    if (i > 0) jw_lit(w, ",");
    jw_lit(w, "{");
    jw_range(w, q->start, q->end);
    jw_lit(w, ",\"kind\":");
    jw_name_or_null(w, annot_quote_kind_name(q->kind));
    jw_lit(w, ",\"text\":");
    jw_str(w, d->text + q->start, q->end - q->start);
    jw_lit(w, ",\"speaker\":");
    write_speaker(w, d, q);
    jw_lit(w, ",\"cue\":");
    if (q->cue_end > q->cue_start) {
      jw_lit(w, "{");
      jw_range(w, q->cue_start, q->cue_end);
      jw_lit(w, ",\"text\":");
      jw_str(w, d->text + q->cue_start, q->cue_end - q->cue_start);
      jw_lit(w, "}");
    } else jw_lit(w, "null");
    /* flags are written only when set, keeping the common case short */
    if (q->flags & ANNOT_QF_UNCLOSED) jw_lit(w, ",\"unclosed\":true");
    if (q->flags & ANNOT_QF_TURN) jw_lit(w, ",\"turn\":true");
    jw_lit(w, "}");
  }
  jw_lit(w, "]");
}

/* }====================================================== */


/*
** The whole doc, one JSON object on one line, no trailing newline.
*/
int annot_doc_to_json(const annot_doc *d, unsigned flags,
                      annot_write_fn write, void *ud) {
  jwriter w;
  w.write = write;
  w.ud = ud;
  w.rc = 0;
  w.n = 0;
  /* the fields in the order of the schema in ANNOTATION.md */
  jw_lit(&w, "{\"text_bytes\":");
  jw_uint(&w, d->len);
  if (!(flags & ANNOT_JSON_NO_TOKENS)) write_tokens(&w, d);
  write_blocks(&w, "sentences", &d->sentences);
  write_blocks(&w, "paragraphs", &d->paragraphs);
  write_entities(&w, d);
  write_quotes(&w, d);
  jw_lit(&w, "}");
  jw_flush(&w);   /* the last piece; a writer that stopped sees no more */
  return w.rc;
}
