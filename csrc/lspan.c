/*
** lspan.c: the annot.Span type, a view of one sentence, paragraph,
** mention or quote of a doc.  A span stores its layer and index only; its
** doc is its user value 1, so the doc lives as long as any of its spans.
** Fields are computed on access by __index.
*/
#include <string.h>

#include "lua.h"
#include "lauxlib.h"

#include "ltypes.h"

static const char *const layer_names[] = {
  "sentence", "paragraph", "mention", "quote"
};

static const char *const source_names[] = {"lexicon", "rule", "pattern"};

/* {======================================================
** Creating and reading spans
** ======================================================= */

/*
** Push a span of 'layer' at 0-based 'index' of the doc at 'docidx'.
*/
void lspan_push(lua_State *L, int docidx, int layer, uint32_t index) {
  docidx = lua_absindex(L, docidx);
  /* one user value, the doc: the span keeps it from being collected */
  lspan *s = lua_newuserdatauv(L, sizeof *s, 1);
  s->index = index;
  s->layer = layer;
  luaL_setmetatable(L, ANNOT_SPAN_T);
  lua_pushvalue(L, docidx);
  lua_setiuservalue(L, -2, 1);
}

/* what a span's fields are computed from */
typedef struct spanref {
  const lspan *s;
  annot_doc *d;
  const char *text;     /* the doc's text */
  uint32_t start, end;  /* bytes */
} spanref;

/*
** Check the span at 'arg', push its doc (left on the stack) and fill
** 'r'.  Raises "doc is closed" when its doc was closed.
*/
static void span_ref(lua_State *L, int arg, spanref *r) {
  r->s = luaL_checkudata(L, arg, ANNOT_SPAN_T);
  /* the doc is read through the user value on each access, never
  ** cached: a closed doc is noticed at once */
  lua_getiuservalue(L, arg, 1);
  r->d = ldoc_toopen(L, -1);
  r->text = ((ldoc *)lua_touserdata(L, -1))->text;
  switch (r->s->layer) {
    case LSPAN_SENTENCE: {
      annot_span sp = annot_doc_sentence(r->d, r->s->index);
      r->start = sp.start, r->end = sp.end;
      break;
    }
    case LSPAN_PARAGRAPH: {
      annot_span sp = annot_doc_paragraph(r->d, r->s->index);
      r->start = sp.start, r->end = sp.end;
      break;
    }
    case LSPAN_MENTION: {
      const annot_mention *m = annot_doc_mention(r->d, r->s->index);
      r->start = m->start, r->end = m->end;
      break;
    }
    default: {
      const annot_quote *q = annot_doc_quote(r->d, r->s->index);
      r->start = q->start, r->end = q->end;
      break;
    }
  }
}

/*
** Push text[start..end), or nil when 's' is NULL.
*/
static void push_bytes(lua_State *L, const char *s, size_t start,
                       size_t end) {
  if (s == NULL) lua_pushnil(L);
  else lua_pushlstring(L, s + start, end - start);
}

/*
** Set t.first, t.last and t.text (t on the top) for text[start..end).
*/
static void set_range(lua_State *L, const char *text, uint32_t start,
                      uint32_t end) {
  lua_pushinteger(L, (lua_Integer)start + 1);
  lua_setfield(L, -2, "first");
  lua_pushinteger(L, (lua_Integer)end);
  lua_setfield(L, -2, "last");
  lua_pushlstring(L, text + start, end - start);
  lua_setfield(L, -2, "text");
}

/* }====================================================== */


/* {======================================================
** Fields by layer
** ======================================================= */

/* every field name a span may have: __index turns the key into one of
** these once, then each layer switches on it (no chain of strcmp) */
enum span_field {
  F_NONE = 0,
  /* every span */
  F_FIRST, F_LAST, F_START, F_STOP, F_TEXT, F_INDEX, F_LAYER,
  /* sentences, paragraphs and mentions */
  F_FIRST_TOKEN, F_LAST_TOKEN,
  /* mentions */
  F_TYPE, F_CANONICAL, F_ID, F_ROLE, F_ROLE_FIRST, F_ROLE_LAST, F_SOURCE,
  /* quotes */
  F_KIND, F_CONTENT, F_SPEAKER, F_CUE, F_SENTENCE, F_UNCLOSED, F_TURN,
  F_NESTED, F_COLON
};

static const struct {
  const char *name;
  size_t len;
  int field;
} field_names[] = {
#define FIELD(s, f) {s, sizeof(s) - 1, f}
  FIELD("first", F_FIRST), FIELD("last", F_LAST), FIELD("start", F_START),
  FIELD("stop", F_STOP), FIELD("text", F_TEXT), FIELD("index", F_INDEX),
  FIELD("layer", F_LAYER), FIELD("first_token", F_FIRST_TOKEN),
  FIELD("last_token", F_LAST_TOKEN), FIELD("type", F_TYPE),
  FIELD("canonical", F_CANONICAL), FIELD("id", F_ID), FIELD("role", F_ROLE),
  FIELD("role_first", F_ROLE_FIRST), FIELD("role_last", F_ROLE_LAST),
  FIELD("source", F_SOURCE), FIELD("kind", F_KIND),
  FIELD("content", F_CONTENT), FIELD("speaker", F_SPEAKER),
  FIELD("cue", F_CUE), FIELD("sentence", F_SENTENCE),
  FIELD("unclosed", F_UNCLOSED), FIELD("turn", F_TURN),
  FIELD("nested", F_NESTED), FIELD("colon", F_COLON)
#undef FIELD
};

/*
** The field 'key' (of 'len' bytes) names, or F_NONE.  Lengths and first
** bytes are compared before any memcmp: most entries cost two integer
** compares.
*/
static int field_of(const char *key, size_t len) {
  for (size_t i = 0; i < sizeof field_names / sizeof field_names[0]; i++) {
    if (field_names[i].len == len && field_names[i].name[0] == key[0] &&
        memcmp(field_names[i].name, key, len) == 0)
      return field_names[i].field;
  }
  return F_NONE;
}

/*
** Push the field 'f' common to every span; 0 when it is not one.
*/
static int common_field(lua_State *L, const spanref *r, int f) {
  /* 'first'/'last' are 1-based inclusive, 'start'/'stop' the 0-based
  ** half-open offsets of the JSON: the same span either way */
  switch (f) {
    case F_FIRST: lua_pushinteger(L, (lua_Integer)r->start + 1); break;
    case F_LAST: case F_STOP: lua_pushinteger(L, r->end); break;
    case F_START: lua_pushinteger(L, r->start); break;
    case F_TEXT:
      lua_pushlstring(L, r->text + r->start, r->end - r->start);
      break;
    case F_INDEX: lua_pushinteger(L, (lua_Integer)r->s->index + 1); break;
    case F_LAYER: lua_pushstring(L, layer_names[r->s->layer]); break;
    default: return 0;
  }
  return 1;
}

/*
** Fields of a sentence or paragraph: first_token, last_token.
*/
static int block_field(lua_State *L, const spanref *r, int f) {
  annot_span sp = r->s->layer == LSPAN_SENTENCE
                    ? annot_doc_sentence(r->d, r->s->index)
                    : annot_doc_paragraph(r->d, r->s->index);
  if (f == F_FIRST_TOKEN) lua_pushinteger(L, sp.tok_begin + 1);
  else if (f == F_LAST_TOKEN) lua_pushinteger(L, sp.tok_end);
  else return 0;
  return 1;
}

/*
** Fields of a mention: type, canonical, id, role, role_first, role_last,
** source, first_token, last_token.
*/
static int mention_field(lua_State *L, const spanref *r, int f) {
  const annot_mention *m = annot_doc_mention(r->d, r->s->index);
  /* an empty role range means no role: the role fields are nil */
  int hasrole = m->role_end > m->role_start;
  switch (f) {
    case F_TYPE:
      lua_pushstring(L, annot_type_name(annot_doc_pipeline(r->d), m->type));
      break;
    case F_CANONICAL: push_bytes(L, m->canonical, 0, m->canonical_len); break;
    case F_ID:
      if (m->entity == ANNOT_NONE) lua_pushnil(L);
      else lua_pushinteger(L, (lua_Integer)m->entity + 1);
      break;
    case F_ROLE:
      if (hasrole) push_bytes(L, r->text, m->role_start, m->role_end);
      else lua_pushnil(L);
      break;
    case F_ROLE_FIRST:
      if (hasrole) lua_pushinteger(L, (lua_Integer)m->role_start + 1);
      else lua_pushnil(L);
      break;
    case F_ROLE_LAST:
      if (hasrole) lua_pushinteger(L, m->role_end);
      else lua_pushnil(L);
      break;
    case F_SOURCE:
      lua_pushstring(L, m->source < 3 ? source_names[m->source] : "rule");
      break;
    case F_FIRST_TOKEN:
      lua_pushinteger(L, (lua_Integer)m->tok_begin + 1);
      break;
    case F_LAST_TOKEN: lua_pushinteger(L, m->tok_end); break;
    default: return 0;
  }
  return 1;
}

/*
** Push the speaker table of quote 'q' (nil when it has none).  Stack:
** the doc is at 'docidx'.
*/
static void push_speaker(lua_State *L, const spanref *r,
                         const annot_quote *q, int docidx) {
  if (q->speaker_end <= q->speaker_start && q->speaker_entity == ANNOT_NONE &&
      q->speaker_mention == ANNOT_NONE) {
    lua_pushnil(L);
    return;
  }
  lua_createtable(L, 0, 7);
  set_range(L, r->text, q->speaker_start, q->speaker_end);
  push_bytes(L, q->speaker_canonical, 0, q->speaker_canonical_len);
  lua_setfield(L, -2, "canonical");
  if (q->speaker_entity != ANNOT_NONE) {
    lua_pushinteger(L, (lua_Integer)q->speaker_entity + 1);
    lua_setfield(L, -2, "id");
  }
  lua_pushboolean(L, q->anonymous);
  lua_setfield(L, -2, "anonymous");
  /* the mention is a span of the same doc, so it keeps the doc alive
  ** like any other span */
  if (q->speaker_mention != ANNOT_NONE &&
      q->speaker_mention < annot_mention_count(r->d)) {
    lspan_push(L, docidx, LSPAN_MENTION, q->speaker_mention);
    lua_setfield(L, -2, "mention");
  }
}

/*
** Fields of a quote: kind, content, speaker, cue, sentence, unclosed,
** turn, nested, colon.  The doc is at 'docidx'.
*/
static int quote_field(lua_State *L, const spanref *r, int f, int docidx) {
  const annot_quote *q = annot_doc_quote(r->d, r->s->index);
  switch (f) {
    case F_KIND: lua_pushstring(L, annot_quote_kind_name(q->kind)); break;
    case F_CONTENT:
      push_bytes(L, r->text, q->content_start, q->content_end);
      break;
    case F_SPEAKER: push_speaker(L, r, q, docidx); break;
    case F_CUE:
      /* an empty cue range means no cue (a scare quote) */
      if (q->cue_end <= q->cue_start) lua_pushnil(L);
      else {
        lua_createtable(L, 0, 3);
        set_range(L, r->text, q->cue_start, q->cue_end);
      }
      break;
    case F_SENTENCE:
      /* a span object, checked against the count in case of no sentence */
      if (q->sentence < annot_sentence_count(r->d))
        lspan_push(L, docidx, LSPAN_SENTENCE, q->sentence);
      else lua_pushnil(L);
      break;
    case F_UNCLOSED: lua_pushboolean(L, q->flags & ANNOT_QF_UNCLOSED); break;
    case F_TURN: lua_pushboolean(L, q->flags & ANNOT_QF_TURN); break;
    case F_NESTED: lua_pushboolean(L, q->flags & ANNOT_QF_NESTED); break;
    case F_COLON: lua_pushboolean(L, q->flags & ANNOT_QF_COLON); break;
    default: return 0;
  }
  return 1;
}

/* }====================================================== */


/* {======================================================
** Metamethods
** ======================================================= */

/*
** __index: the field 'key' of the span, nil when it has none.
** Stack: span, key.
*/
static int span_index(lua_State *L) {
  spanref r;
  span_ref(L, 1, &r);   /* pushes the doc: index 3 */
  if (lua_type(L, 2) != LUA_TSTRING) {
    lua_pushnil(L);
    return 1;
  }
  size_t len;
  const char *key = lua_tolstring(L, 2, &len);
  int f = field_of(key, len);
  if (f == F_NONE) {
    lua_pushnil(L);
    return 1;
  }
  /* fields all spans share first, then those of the span's layer */
  if (common_field(L, &r, f)) return 1;
  int found = 0;
  switch (r.s->layer) {
    case LSPAN_SENTENCE: case LSPAN_PARAGRAPH:
      found = block_field(L, &r, f);
      break;
    case LSPAN_MENTION:
      found = mention_field(L, &r, f);
      break;
    default:
      found = quote_field(L, &r, f, 3);
      break;
  }
  if (!found) lua_pushnil(L);
  return 1;
}

/*
** __tostring: e.g. 'mention 2 PERSON [12..25] "Antony Blinken"'; the
** text is cut after 60 bytes.
*/
static int span_tostring(lua_State *L) {
  spanref r;
  span_ref(L, 1, &r);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  lua_pushfstring(L, "%s %d ", layer_names[r.s->layer], (int)r.s->index + 1);
  luaL_addvalue(&b);
  if (r.s->layer == LSPAN_MENTION) {
    const annot_mention *m = annot_doc_mention(r.d, r.s->index);
    const char *tn = annot_type_name(annot_doc_pipeline(r.d), m->type);
    luaL_addstring(&b, tn ? tn : "?");
    luaL_addchar(&b, ' ');
  } else if (r.s->layer == LSPAN_QUOTE) {
    const annot_quote *q = annot_doc_quote(r.d, r.s->index);
    const char *kn = annot_quote_kind_name(q->kind);
    luaL_addstring(&b, kn ? kn : "?");
    luaL_addchar(&b, ' ');
  }
  /* the Lua positions (first..last), then the start of the text */
  lua_pushfstring(L, "[%d..%d] \"", (int)r.start + 1, (int)r.end);
  luaL_addvalue(&b);
  size_t n = r.end - r.start;
  luaL_addlstring(&b, r.text + r.start, n > 60 ? 60 : n);
  luaL_addstring(&b, n > 60 ? "...\"" : "\"");
  luaL_pushresult(&b);
  return 1;
}

/*
** __len: the span's length in bytes.
*/
static int span_len(lua_State *L) {
  spanref r;
  span_ref(L, 1, &r);
  lua_pushinteger(L, (lua_Integer)(r.end - r.start));
  return 1;
}

/*
** __eq: the same element of the same doc.
*/
static int span_eq(lua_State *L) {
  lspan *a = luaL_testudata(L, 1, ANNOT_SPAN_T);
  lspan *b = luaL_testudata(L, 2, ANNOT_SPAN_T);
  int eq = 0;
  /* two userdata views of one element: same layer, index and doc */
  if (a != NULL && b != NULL && a->layer == b->layer && a->index == b->index) {
    lua_getiuservalue(L, 1, 1);
    lua_getiuservalue(L, 2, 1);
    eq = lua_rawequal(L, -1, -2);
  }
  lua_pushboolean(L, eq);
  return 1;
}

static const luaL_Reg span_metamethods[] = {
  {"__index", span_index},
  {"__tostring", span_tostring},
  {"__len", span_len},
  {"__eq", span_eq},
  {NULL, NULL}
};

/*
** Create the metatable of annot.Span.
*/
void lspan_open(lua_State *L) {
  luaL_newmetatable(L, ANNOT_SPAN_T);
  luaL_setfuncs(L, span_metamethods, 0);
  lua_pop(L, 1);
}

/* }====================================================== */
