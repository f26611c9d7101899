/*
** lannot.c: luaopen_annot_core, the C module 'annot.core'.  It creates
** the metatables (lpipeline.c, ldoc.c, lspan.c) and the module functions:
** annotate, pipeline, annotate_many, to_json_many, and the shared option
** checks.
*/
#include <string.h>

#include "lua.h"
#include "lauxlib.h"

#include "ltypes.h"

/* {======================================================
** Option tables
** ======================================================= */

/*
** Raise "<fname>: option '<key>': unknown" for the first key of the
** table at 'idx' that is not in 'names' (NULL-terminated).
*/
void lannot_checkoptions(lua_State *L, int idx, const char *fname,
                         const char *const names[]) {
  idx = lua_absindex(L, idx);
  /* every key is checked, so a misspelt option is never ignored */
  lua_pushnil(L);
  while (lua_next(L, idx) != 0) {
    lua_pop(L, 1);   /* the value; the key stays for lua_next */
    int known = 0;
    if (lua_type(L, -1) == LUA_TSTRING) {
      const char *key = lua_tostring(L, -1);
      for (int i = 0; names[i] != NULL && !known; i++)
        known = strcmp(key, names[i]) == 0;
      if (!known) luaL_error(L, "%s: option '%s': unknown", fname, key);
    }
    if (!known)
      luaL_error(L, "%s: option keys must be names, not %s", fname,
                 luaL_typename(L, -1));
  }
}

/*
** The non-negative integer option 'name' of the table at 'idx', 'def'
** when absent; raises naming it otherwise.
*/
lua_Integer lannot_intoption(lua_State *L, int idx, const char *fname,
                             const char *name, lua_Integer def) {
  lua_Integer v = def;
  if (lua_getfield(L, idx, name) != LUA_TNIL) {
    int isint;
    /* 2.0 is accepted as 2, 2.5 and "2" are not */
    v = lua_tointegerx(L, -1, &isint);
    if (!isint || v < 0 || v > (lua_Integer)UINT32_MAX)
      luaL_error(L, "%s: option '%s': a non-negative integer expected",
                 fname, name);
  }
  lua_pop(L, 1);
  return v;
}

/*
** The boolean option 'name' of the table at 'idx', 'def' when absent;
** raises naming it when it is something else.
*/
int lannot_booloption(lua_State *L, int idx, const char *fname,
                      const char *name, int def) {
  int v = def;
  int t = lua_getfield(L, idx, name);
  /* 0 or "no" are not false: only booleans are taken */
  if (t == LUA_TBOOLEAN) v = lua_toboolean(L, -1);
  else if (t != LUA_TNIL)
    luaL_error(L, "%s: option '%s': a boolean expected", fname, name);
  lua_pop(L, 1);
  return v;
}

/*
** The list option 'name' of the table at 'idx': pushed, and its stack
** index returned; 0 (nothing pushed) when absent.  Raises naming it when
** it is not a table.
*/
int lannot_listoption(lua_State *L, int idx, const char *fname,
                      const char *name) {
  int t = lua_getfield(L, idx, name);
  if (t == LUA_TNIL) {
    lua_pop(L, 1);
    return 0;
  }
  if (t != LUA_TTABLE)
    luaL_error(L, "%s: option '%s': a list expected", fname, name);
  return lua_gettop(L);
}

/* }====================================================== */


/* {======================================================
** Module functions
** ======================================================= */

/* what annot.annotate's options may hold: a pipeline, or the options of
** a pipeline to build for this call */
static const char *const annotate_options[] = {
  "pipeline", "lexicons", "entries", "patterns", "default_lexicon", "stages",
  "match_limit", "depth_limit", NULL
};

/*
** Check that the value at 'idx', option 'pipeline' of 'fname', is an
** open pipeline.
*/
static void check_pipeline_option(lua_State *L, int idx, const char *fname) {
  lpipeline *lp = luaL_testudata(L, idx, ANNOT_PIPELINE_T);
  if (lp == NULL || lp->p == NULL)
    luaL_error(L, "%s: option 'pipeline': a pipeline expected", fname);
}

/*
** Push option 'pipeline' of the options table at 'optidx' (checked), or
** the default pipeline when it is unset.
*/
static void push_pipeline_option(lua_State *L, int optidx, const char *fname) {
  if (lua_getfield(L, optidx, "pipeline") != LUA_TNIL) {
    check_pipeline_option(L, -1, fname);
  } else {
    lua_pop(L, 1);
    lpipeline_push_default(L);
  }
}

/*
** annot.annotate(text [, opts]): a doc, by the default pipeline, by
** 'opts.pipeline', or by a pipeline built from the other options.
*/
static int annot_annotate_lua(lua_State *L) {
  luaL_checktype(L, 1, LUA_TSTRING);
  lua_settop(L, 2);
  int built = 0;   /* a pipeline for this call is on the stack */
  if (!lua_isnil(L, 2)) {
    luaL_checktype(L, 2, LUA_TTABLE);
    lannot_checkoptions(L, 2, "annot.annotate", annotate_options);
    if (lua_getfield(L, 2, "pipeline") != LUA_TNIL) {
      check_pipeline_option(L, 3, "annot.annotate");
      /* a given pipeline is already built: other options would be lost */
      lua_pushnil(L);
      while (lua_next(L, 2) != 0) {
        lua_pop(L, 1);
        if (strcmp(lua_tostring(L, -1), "pipeline") != 0)
          luaL_error(L, "annot.annotate: option '%s': not with 'pipeline'",
                     lua_tostring(L, -1));
      }
      built = 1;
    } else {
      lua_pop(L, 1);
      lua_pushnil(L);
      if (lua_next(L, 2) != 0) {   /* any option: a pipeline for them */
        lua_pop(L, 2);
        lpipeline_new(L, 2, "annot.annotate");
        built = 1;
      }
    }
  }
  if (!built) {
    lua_settop(L, 2);
    lpipeline_push_default(L);
  }
  /* stack: text, opts, pipeline; call p:annotate(text), so that the
  ** doc holds that pipeline in its user value */
  lua_getfield(L, 3, "annotate");
  lua_pushvalue(L, 3);
  lua_pushvalue(L, 1);
  lua_call(L, 2, 1);
  return 1;
}

/*
** annot.pipeline([opts]): a new pipeline.
*/
static int annot_pipeline_lua(lua_State *L) {
  lua_settop(L, 1);
  return lpipeline_new(L, 1, "annot.pipeline");
}

/*
** annot.annotate_many(texts [, {threads = N, pipeline = p}]): a list of
** docs, in the order of 'texts'.
*/
static int annot_annotate_many_lua(lua_State *L) {
  static const char *const names[] = {"threads", "pipeline", NULL};
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 2);
  unsigned threads = 0;
  if (!lua_isnil(L, 2)) {
    luaL_checktype(L, 2, LUA_TTABLE);
    lannot_checkoptions(L, 2, "annot.annotate_many", names);
    threads = (unsigned)lannot_intoption(L, 2, "annot.annotate_many",
                                         "threads", 0);
    push_pipeline_option(L, 2, "annot.annotate_many");
  } else lpipeline_push_default(L);
  return lpipeline_annotate_list(L, 3, 1, threads);
}

/*
** annot.to_json_many(texts [, {threads = N, tokens = false, ids = {...},
** pipeline = p, paths = true}]): the JSON of each text (with 'paths', of
** each file named, read on the threads), annotated and exported on
** threads, and the errors by index (nil when none); see
** lpipeline_json_list.
*/
static int annot_to_json_many_lua(lua_State *L) {
  static const char *const names[] = {"threads", "tokens", "ids", "pipeline",
                                      "paths", NULL};
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 2);
  unsigned threads = 0, flags = 0;
  int idsidx = 0, paths = 0;
  if (!lua_isnil(L, 2)) {
    luaL_checktype(L, 2, LUA_TTABLE);
    lannot_checkoptions(L, 2, "annot.to_json_many", names);
    threads = (unsigned)lannot_intoption(L, 2, "annot.to_json_many",
                                         "threads", 0);
    if (!lannot_booloption(L, 2, "annot.to_json_many", "tokens", 1))
      flags |= ANNOT_JSON_NO_TOKENS;
    paths = lannot_booloption(L, 2, "annot.to_json_many", "paths", 0);
    push_pipeline_option(L, 2, "annot.to_json_many");
    /* the pipeline stays at 3, the ids (when given) go above it */
    idsidx = lannot_listoption(L, 2, "annot.to_json_many", "ids");
  } else lpipeline_push_default(L);
  return lpipeline_json_list(L, 3, 1, idsidx, threads, flags, paths,
                             "annot.to_json_many");
}

static const luaL_Reg annot_funcs[] = {
  {"annotate", annot_annotate_lua},
  {"pipeline", annot_pipeline_lua},
  {"annotate_many", annot_annotate_many_lua},
  {"to_json_many", annot_to_json_many_lua},
  {NULL, NULL}
};

/* }====================================================== */


/*
** The module table: the functions above, 'types' (the built-in type
** names), 'version', and 'doc_methods' (the Doc methods table, for the
** Lua layer to extend).
*/
int luaopen_annot_core(lua_State *L);
int luaopen_annot_core(lua_State *L) {
  luaL_checkversion(L);
  /* the metatables first: the module functions create these types */
  lpipeline_open(L);
  lspan_open(L);
  luaL_newlib(L, annot_funcs);
  ldoc_open(L);
  lua_setfield(L, -2, "doc_methods");
  /* the built-in type names, in annot_type order */
  lua_createtable(L, ANNOT_TYPE_COUNT, 0);
  for (unsigned t = 0; t < ANNOT_TYPE_COUNT; t++) {
    lua_pushstring(L, annot_type_name(NULL, t));
    lua_seti(L, -2, (lua_Integer)t + 1);
  }
  lua_setfield(L, -2, "types");
  lua_pushliteral(L, ANNOT_VERSION);
  lua_setfield(L, -2, "version");
  return 1;
}
