/*
** ldoc.c: the annot.Doc type.  A doc userdata holds the annot_doc and
** keeps its text (user value 1) and its pipeline (user value 2) alive.
** Its layers are read through iterators: 'doc:tokens()' returns plain
** values per token (the hot path); sentences, paragraphs, mentions and
** quotes come as span objects (lspan.c).
*/
#include <string.h>

#include "lua.h"
#include "lauxlib.h"

#include "ltypes.h"
#include "internal.h"   /* the token arrays, for the token iterator */

/* {======================================================
** Access
** ======================================================= */

/*
** The doc userdata at 'arg', open or closed.
*/
ldoc *ldoc_check(lua_State *L, int arg) {
  return luaL_checkudata(L, arg, ANNOT_DOC_T);
}

/*
** The annot_doc of the doc at 'arg'; raises "doc is closed" after
** 'doc:close()'.
*/
annot_doc *ldoc_checkopen(lua_State *L, int arg) {
  ldoc *ld = luaL_checkudata(L, arg, ANNOT_DOC_T);
  if (ld->d == NULL) luaL_error(L, "doc is closed");
  return ld->d;
}

/*
** The same for a value known to be a doc (an upvalue or a span's user
** value): no type check on the hot path.
*/
annot_doc *ldoc_toopen(lua_State *L, int idx) {
  ldoc *ld = lua_touserdata(L, idx);
  if (ld == NULL || ld->d == NULL) luaL_error(L, "doc is closed");
  return ld->d;
}

/*
** Push a new, empty doc userdata holding the string at 'textidx' and the
** pipeline at 'pipeidx' in its user values.  The caller sets its fields
** once the core has made the doc: a raise before that leaves a doc that
** is simply closed.
*/
void ldoc_newuserdata(lua_State *L, int textidx, int pipeidx) {
  textidx = lua_absindex(L, textidx);
  pipeidx = lua_absindex(L, pipeidx);
  ldoc *ld = lua_newuserdatauv(L, sizeof *ld, 2);
  ld->d = NULL;
  ld->text = NULL;
  ld->len = 0;
  luaL_setmetatable(L, ANNOT_DOC_T);
  lua_pushvalue(L, textidx);
  lua_setiuservalue(L, -2, 1);
  lua_pushvalue(L, pipeidx);
  lua_setiuservalue(L, -2, 2);
}

/*
** A 1-based layer index argument converted to 0-based; -1 when out of
** [1, n].
*/
static lua_Integer check_index(lua_State *L, int arg, size_t n) {
  lua_Integer i = luaL_checkinteger(L, arg);
  return (i >= 1 && (lua_Unsigned)i <= n) ? i - 1 : -1;
}

/* }====================================================== */


/* {======================================================
** Tokens
** ======================================================= */

/*
** The token iterator.  Upvalues: 1 the doc, 2.. the kind names.
** Stack: (state, i); returns i+1, text, first, last, kind, or nothing
** past the last token.  No table or userdata is made per token.
*/
static int tokens_next(lua_State *L) {
  ldoc *ld = lua_touserdata(L, lua_upvalueindex(1));
  const annot_doc *d = ld->d;
  if (d == NULL) return luaL_error(L, "doc is closed");
  /* the control value is the previous index: 1-based i is the 0-based
  ** index of the next token */
  lua_Integer i = lua_tointeger(L, 2);
  if (i < 0 || (lua_Unsigned)i >= d->ntok) return 0;
  /* the token arrays are read directly: this is the hot loop */
  uint32_t start = d->tok_start[i], end = d->tok_end[i];
  unsigned kind = d->tok_kind[i];
  lua_pushinteger(L, i + 1);
  lua_pushlstring(L, ld->text + start, end - start);
  lua_pushinteger(L, (lua_Integer)start + 1);
  lua_pushinteger(L, (lua_Integer)end);
  /* the kind's name is an upvalue: no string is made per token */
  lua_pushvalue(L, lua_upvalueindex(2 + (kind < ANNOT_TOK_KIND_COUNT
                                         ? kind : ANNOT_TOK_INVALID)));
  return 5;
}

/*
** doc:tokens(): the token iterator, nil, 0.
*/
static int doc_tokens(lua_State *L) {
  ldoc_checkopen(L, 1);
  lua_settop(L, 1);
  for (unsigned k = 0; k < ANNOT_TOK_KIND_COUNT; k++)
    lua_pushstring(L, annot_token_kind_name(k));
  lua_pushcclosure(L, tokens_next, 1 + ANNOT_TOK_KIND_COUNT);
  lua_pushnil(L);
  lua_pushinteger(L, 0);
  return 3;
}

/* the token flags 'doc:token' reports, by name */
static const struct {
  const char *name;
  unsigned bit;
} token_flags[] = {
  {"cap", ANNOT_TF_CAP}, {"allcaps", ANNOT_TF_ALLCAPS},
  {"digit", ANNOT_TF_DIGIT}, {"alpha", ANNOT_TF_ALPHA},
  {"abbrev", ANNOT_TF_ABBREV}, {"clitic", ANNOT_TF_CLITIC},
  {"space", ANNOT_TF_SPACE}, {"newline", ANNOT_TF_NEWLINE},
  {"sent_start", ANNOT_TF_SENT_START}, {"para_start", ANNOT_TF_PARA_START},
  {"open", ANNOT_TF_OPEN}, {"close", ANNOT_TF_CLOSE},
  {"nonascii", ANNOT_TF_NONASCII}
};

/*
** doc:token(i): text, first, last, kind, norm, flags (a table of the
** flags set, each true); nil when i is out of range.
*/
static int doc_token(lua_State *L) {
  annot_doc *d = ldoc_checkopen(L, 1);
  ldoc *ld = lua_touserdata(L, 1);
  lua_Integer i = check_index(L, 2, annot_token_count(d));
  if (i < 0) {
    lua_pushnil(L);
    return 1;
  }
  annot_token t = annot_doc_token(d, (size_t)i);
  lua_pushlstring(L, ld->text + t.start, t.end - t.start);
  lua_pushinteger(L, (lua_Integer)t.start + 1);
  lua_pushinteger(L, (lua_Integer)t.end);
  lua_pushstring(L, annot_token_kind_name(t.kind));
  /* the normalised form: a small try first, then the exact size */
  char small[128];
  size_t n = annot_token_norm(d, (size_t)i, small, sizeof small);
  if (n < sizeof small) lua_pushlstring(L, small, n);
  else {
    luaL_Buffer b;
    char *p = luaL_buffinitsize(L, &b, n + 1);
    annot_token_norm(d, (size_t)i, p, n + 1);
    luaL_pushresultsize(&b, n);
  }
  lua_createtable(L, 0, 4);
  for (size_t k = 0; k < sizeof token_flags / sizeof token_flags[0]; k++) {
    if (t.flags & token_flags[k].bit) {
      lua_pushboolean(L, 1);
      lua_setfield(L, -2, token_flags[k].name);
    }
  }
  return 6;
}

/* }====================================================== */


/* {======================================================
** Span iterators
** ======================================================= */

/*
** Turn the filter value on the top (a string or a list of strings) into
** a set {name = true}, replacing it; raises naming 'what'.
*/
static void filter_set(lua_State *L, const char *fname, const char *what) {
  if (lua_type(L, -1) == LUA_TSTRING) {
    lua_createtable(L, 0, 1);
    lua_insert(L, -2);
    lua_pushboolean(L, 1);
    lua_settable(L, -3);
    return;
  }
  if (!lua_istable(L, -1))
    luaL_error(L, "%s: filter '%s': a string or a list expected", fname, what);
  lua_newtable(L);
  for (lua_Integer i = 1; lua_geti(L, -2, i) != LUA_TNIL; i++) {
    if (lua_type(L, -1) != LUA_TSTRING)
      luaL_error(L, "%s: filter '%s'[%d]: a string expected", fname, what,
                 (int)i);
    lua_pushboolean(L, 1);
    lua_settable(L, -3);
  }
  lua_pop(L, 1);
  lua_remove(L, -2);
}

/*
** Push the two filter upvalues of the filter table at 'arg' (absent:
** nil, nil): the set of names under 'setkey' and the string under
** 'strkey'.
*/
static void push_filter(lua_State *L, int arg, const char *fname,
                        const char *setkey, const char *strkey) {
  if (lua_isnoneornil(L, arg)) {
    lua_pushnil(L);
    lua_pushnil(L);
    return;
  }
  const char *const names[] = {setkey, strkey, NULL};
  luaL_checktype(L, arg, LUA_TTABLE);
  lannot_checkoptions(L, arg, fname, names);
  if (lua_getfield(L, arg, setkey) != LUA_TNIL) filter_set(L, fname, setkey);
  if (lua_getfield(L, arg, strkey) != LUA_TNIL &&
      lua_type(L, -1) != LUA_TSTRING)
    luaL_error(L, "%s: filter '%s': a string expected", fname, strkey);
}

/*
** True when the string s[0..len) is a key of the set at 'set' (or the
** set is nil).
*/
static int in_set(lua_State *L, int set, const char *s, size_t len) {
  if (lua_isnil(L, set)) return 1;
  lua_pushlstring(L, s, len);
  int found = lua_rawget(L, set) != LUA_TNIL;
  lua_pop(L, 1);
  return found;
}

/*
** True when the string at 'want' is nil or equals s[0..len).
*/
static int same_string(lua_State *L, int want, const char *s, size_t len) {
  if (lua_isnil(L, want)) return 1;
  size_t wlen;
  const char *w = lua_tolstring(L, want, &wlen);
  return s != NULL && wlen == len && memcmp(w, s, len) == 0;
}

/*
** Iterator of span objects.  Upvalues: 1 the doc, 2 the next index
** (0-based), 3 the layer, 4 the set filter or nil, 5 the string filter or
** nil.  Returns the next span that passes the filters.
*/
static int spans_next(lua_State *L) {
  annot_doc *d = ldoc_toopen(L, lua_upvalueindex(1));
  ldoc *ld = lua_touserdata(L, lua_upvalueindex(1));
  lua_Integer i = lua_tointeger(L, lua_upvalueindex(2));
  int layer = (int)lua_tointeger(L, lua_upvalueindex(3));
  int set = lua_upvalueindex(4), str = lua_upvalueindex(5);
  const annot_pipeline *p = annot_doc_pipeline(d);
  size_t n = layer == LSPAN_SENTENCE ? annot_sentence_count(d)
           : layer == LSPAN_PARAGRAPH ? annot_paragraph_count(d)
           : layer == LSPAN_MENTION ? annot_mention_count(d)
           : annot_quote_count(d);
  /* skip what the filters reject; the next index is kept in upvalue 2 */
  for (; (size_t)i < n; i++) {
    if (layer == LSPAN_MENTION) {
      const annot_mention *m = annot_doc_mention(d, (size_t)i);
      const char *tn = annot_type_name(p, m->type);
      if (!in_set(L, set, tn ? tn : "", tn ? strlen(tn) : 0) ||
          !same_string(L, str, m->canonical, m->canonical_len))
        continue;
    } else if (layer == LSPAN_QUOTE) {
      const annot_quote *q = annot_doc_quote(d, (size_t)i);
      const char *kn = annot_quote_kind_name(q->kind);
      if (!in_set(L, set, kn ? kn : "", kn ? strlen(kn) : 0)) continue;
      /* the speaker filter matches the canonical name or the text */
      if (!lua_isnil(L, str) &&
          !same_string(L, str, q->speaker_canonical,
                       q->speaker_canonical_len) &&
          !same_string(L, str, ld->text + q->speaker_start,
                       q->speaker_end - q->speaker_start))
        continue;
    }
    lua_pushinteger(L, i + 1);
    lua_replace(L, lua_upvalueindex(2));
    lspan_push(L, lua_upvalueindex(1), layer, (uint32_t)i);
    return 1;
  }
  lua_pushinteger(L, i);
  lua_replace(L, lua_upvalueindex(2));
  return 0;
}

/*
** Return an iterator over 'layer' of the doc at 1; the two filter
** upvalues are on the top of the stack.
*/
static int spans_iterator(lua_State *L, int layer) {
  lua_pushvalue(L, 1);
  lua_pushinteger(L, 0);
  lua_pushinteger(L, layer);
  lua_rotate(L, -5, 3);   /* doc, 0, layer, set, str */
  lua_pushcclosure(L, spans_next, 5);
  return 1;
}

/*
** An iterator over 'layer' of the doc at 1 with no filter (both filter
** upvalues nil): the sentences and paragraphs take none.
*/
static int unfiltered_iterator(lua_State *L, int layer) {
  ldoc_checkopen(L, 1);
  lua_settop(L, 1);
  lua_pushnil(L);
  lua_pushnil(L);
  return spans_iterator(L, layer);
}

/*
** doc:sentences(): iterator of sentence spans.
*/
static int doc_sentences(lua_State *L) {
  return unfiltered_iterator(L, LSPAN_SENTENCE);
}

/*
** doc:paragraphs(): iterator of paragraph spans.
*/
static int doc_paragraphs(lua_State *L) {
  return unfiltered_iterator(L, LSPAN_PARAGRAPH);
}

/*
** doc:entities([{type = ..., canonical = ...}]): iterator of mentions.
*/
static int doc_entities(lua_State *L) {
  ldoc_checkopen(L, 1);
  lua_settop(L, 2);
  push_filter(L, 2, "entities", "type", "canonical");
  return spans_iterator(L, LSPAN_MENTION);
}

/*
** doc:quotes([{kind = ..., speaker = ...}]): iterator of quotes.
*/
static int doc_quotes(lua_State *L) {
  ldoc_checkopen(L, 1);
  lua_settop(L, 2);
  push_filter(L, 2, "quotes", "kind", "speaker");
  return spans_iterator(L, LSPAN_QUOTE);
}

/*
** Push the span of 'layer' (of 'count' spans) at the index at 2, or nil
** when there is none: what doc:sentence and doc:paragraph share.
*/
static int span_at(lua_State *L, int layer, size_t count) {
  lua_Integer i = check_index(L, 2, count);
  if (i < 0) lua_pushnil(L);
  else lspan_push(L, 1, layer, (uint32_t)i);
  return 1;
}

/*
** doc:sentence(i): the i-th sentence span, or nil.
*/
static int doc_sentence(lua_State *L) {
  annot_doc *d = ldoc_checkopen(L, 1);
  return span_at(L, LSPAN_SENTENCE, annot_sentence_count(d));
}

/*
** doc:paragraph(i): the i-th paragraph span, or nil.
*/
static int doc_paragraph(lua_State *L) {
  annot_doc *d = ldoc_checkopen(L, 1);
  return span_at(L, LSPAN_PARAGRAPH, annot_paragraph_count(d));
}

/* }====================================================== */


/* {======================================================
** Counts, JSON, closing
** ======================================================= */

/*
** doc:counts(): {tokens, sentences, paragraphs, entities, quotes}.
** 'entities' counts mentions, like 'doc:entities()'.
*/
static int doc_counts(lua_State *L) {
  annot_doc *d = ldoc_checkopen(L, 1);
  lua_createtable(L, 0, 5);
  lua_pushinteger(L, (lua_Integer)annot_token_count(d));
  lua_setfield(L, -2, "tokens");
  lua_pushinteger(L, (lua_Integer)annot_sentence_count(d));
  lua_setfield(L, -2, "sentences");
  lua_pushinteger(L, (lua_Integer)annot_paragraph_count(d));
  lua_setfield(L, -2, "paragraphs");
  lua_pushinteger(L, (lua_Integer)annot_mention_count(d));
  lua_setfield(L, -2, "entities");
  lua_pushinteger(L, (lua_Integer)annot_quote_count(d));
  lua_setfield(L, -2, "quotes");
  return 1;
}

/*
** The JSON writer's sink: append to the luaL_Buffer 'ud'.
*/
static int json_sink(void *ud, const char *bytes, size_t len) {
  luaL_addlstring((luaL_Buffer *)ud, bytes, len);
  return 0;
}

/*
** doc:to_json([{tokens = false}]): the doc as one JSON object.
*/
static int doc_to_json(lua_State *L) {
  static const char *const names[] = {"tokens", NULL};
  annot_doc *d = ldoc_checkopen(L, 1);
  unsigned flags = 0;
  if (!lua_isnoneornil(L, 2)) {
    luaL_checktype(L, 2, LUA_TTABLE);
    lannot_checkoptions(L, 2, "to_json", names);
    int t = lua_getfield(L, 2, "tokens");
    if (t != LUA_TNIL && t != LUA_TBOOLEAN)
      luaL_error(L, "to_json: option 'tokens': a boolean expected");
    if (t == LUA_TBOOLEAN && !lua_toboolean(L, -1))
      flags |= ANNOT_JSON_NO_TOKENS;
    lua_pop(L, 1);
  }
  /* the writer flushes its own buffer of a few KB into the luaL_Buffer,
  ** which is Lua memory: a memory error raised inside frees it */
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  annot_doc_to_json(d, flags, json_sink, &b);
  luaL_pushresult(&b);
  return 1;
}

/*
** doc:close(), __close and __gc: free the C memory; safe twice.
*/
static int doc_close(lua_State *L) {
  ldoc *ld = ldoc_check(L, 1);
  annot_doc_free(ld->d);
  ld->d = NULL;
  return 0;
}

/*
** __len: the number of tokens.
*/
static int doc_len(lua_State *L) {
  annot_doc *d = ldoc_checkopen(L, 1);
  lua_pushinteger(L, (lua_Integer)annot_token_count(d));
  return 1;
}

/*
** __tostring: "annot.Doc (N bytes, N tokens)".
*/
static int doc_tostring(lua_State *L) {
  ldoc *ld = ldoc_check(L, 1);
  if (ld->d == NULL) lua_pushliteral(L, "annot.Doc (closed)");
  else
    lua_pushfstring(L, "annot.Doc (%I bytes, %I tokens)",
                    (lua_Integer)ld->len,
                    (lua_Integer)annot_token_count(ld->d));
  return 1;
}

/*
** __index: a method (upvalue 1 is the methods table), or the field
** 'text'.  Stack: doc, key.
*/
static int doc_index(lua_State *L) {
  lua_pushvalue(L, 2);
  if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL) return 1;
  const char *key = lua_tostring(L, 2);
  if (key != NULL && strcmp(key, "text") == 0) {
    ldoc_check(L, 1);
    lua_getiuservalue(L, 1, 1);
    return 1;
  }
  lua_pushnil(L);
  return 1;
}

static const luaL_Reg doc_methods[] = {
  {"tokens", doc_tokens},
  {"token", doc_token},
  {"sentences", doc_sentences},
  {"paragraphs", doc_paragraphs},
  {"sentence", doc_sentence},
  {"paragraph", doc_paragraph},
  {"entities", doc_entities},
  {"quotes", doc_quotes},
  {"counts", doc_counts},
  {"to_json", doc_to_json},
  {"close", doc_close},
  {NULL, NULL}
};

static const luaL_Reg doc_metamethods[] = {
  {"__gc", doc_close},
  {"__close", doc_close},
  {"__len", doc_len},
  {"__tostring", doc_tostring},
  {NULL, NULL}
};

/*
** Create the metatable of annot.Doc and leave its methods table on the
** stack (the Lua layer adds the methods it writes in Lua to it).
*/
void ldoc_open(lua_State *L) {
  luaL_newmetatable(L, ANNOT_DOC_T);
  luaL_setfuncs(L, doc_metamethods, 0);
  luaL_newlibtable(L, doc_methods);
  luaL_setfuncs(L, doc_methods, 0);
  lua_pushvalue(L, -1);
  lua_pushcclosure(L, doc_index, 1);
  lua_setfield(L, -3, "__index");
  lua_remove(L, -2);
}

/* }====================================================== */
