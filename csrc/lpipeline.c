/*
** lpipeline.c: the annot.Pipeline type.  A pipeline is built from an
** options table (lexicons, entries, patterns, stages, limits) and is
** immutable afterwards; 'p:annotate' and 'p:annotate_many' make docs,
** 'p:to_json_many' goes from texts straight to their JSON on threads.
*/
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"

#include "ltypes.h"
#include "export_many.h"

/* {======================================================
** Access
** ======================================================= */

/*
** The pipeline at 'arg' (raises when it is not one, or freed).
*/
annot_pipeline *lpipeline_check(lua_State *L, int arg) {
  lpipeline *lp = luaL_checkudata(L, arg, ANNOT_PIPELINE_T);
  if (lp->p == NULL) luaL_argerror(L, arg, "pipeline is freed");
  return lp->p;
}

/* }====================================================== */


/* {======================================================
** Building from an options table
** ======================================================= */

static const char *const pipeline_options[] = {
  "lexicons", "entries", "patterns", "default_lexicon", "stages",
  "match_limit", "depth_limit", NULL
};

/*
** Raise "<fname>: option '<opt>'[i]: <msg>".
*/
static int option_error(lua_State *L, const char *fname, const char *opt,
                        lua_Integer i, const char *msg) {
  if (i > 0)
    return luaL_error(L, "%s: option '%s'[%d]: %s", fname, opt, (int)i, msg);
  return luaL_error(L, "%s: option '%s': %s", fname, opt, msg);
}

/*
** Push the list option 'name' of the options at 'optidx' (a table, or
** nil when absent); raises when it is something else.
*/
static int push_list_option(lua_State *L, int optidx, const char *fname,
                            const char *name) {
  int t = lua_getfield(L, optidx, name);
  if (t != LUA_TNIL && t != LUA_TTABLE)
    option_error(L, fname, name, 0, "a list expected");
  return t == LUA_TTABLE;
}

/*
** A string field of an entry table at 'idx': by name, else at position
** 'pos'.  NULL when absent; raises when it is not a string.
*/
static const char *entry_field(lua_State *L, int idx, const char *name,
                               int pos, const char *fname, lua_Integer i) {
  if (lua_getfield(L, idx, name) == LUA_TNIL) {
    lua_pop(L, 1);
    lua_geti(L, idx, pos);
  }
  if (lua_isnil(L, -1)) {
    lua_pop(L, 1);
    return NULL;
  }
  if (lua_type(L, -1) != LUA_TSTRING) {
    lua_pushfstring(L, "field '%s' must be a string", name);
    option_error(L, fname, "entries", i, lua_tostring(L, -1));
  }
  /* the string stays referenced by the entry table */
  const char *s = lua_tostring(L, -1);
  lua_pop(L, 1);
  return s;
}

/*
** The adders of list items: each adds item 'i' of its list option (the
** value on the top of the stack) to 'p', raising with the core's message
** on a bad one, and leaves the stack as it found it.
*/
typedef void (*item_adder)(lua_State *L, annot_pipeline *p, const char *fname,
                           lua_Integer i);

/*
** A 'lexicons' item: the name of a TSV lexicon file.
*/
static void add_lexicon(lua_State *L, annot_pipeline *p, const char *fname,
                        lua_Integer i) {
  annot_error err;
  if (lua_type(L, -1) != LUA_TSTRING)
    option_error(L, fname, "lexicons", i, "a file name expected");
  if (annot_pipeline_add_lexicon_file(p, lua_tostring(L, -1), &err))
    option_error(L, fname, "lexicons", i, err.message);
}

/*
** An 'entries' item: {surface, type, canonical, role}, by name or by
** position.
*/
static void add_entry(lua_State *L, annot_pipeline *p, const char *fname,
                      lua_Integer i) {
  annot_error err;
  if (!lua_istable(L, -1))
    option_error(L, fname, "entries", i, "a table expected");
  int e = lua_gettop(L);
  const char *surface = entry_field(L, e, "surface", 1, fname, i);
  const char *type = entry_field(L, e, "type", 2, fname, i);
  const char *canonical = entry_field(L, e, "canonical", 3, fname, i);
  const char *role = entry_field(L, e, "role", 4, fname, i);
  if (surface == NULL || type == NULL)
    option_error(L, fname, "entries", i, "surface and type expected");
  if (annot_pipeline_add_entry(p, surface, type, canonical, role, &err))
    option_error(L, fname, "entries", i, err.message);
}

/*
** A 'patterns' item: {label, pattern}; the core compiles it now, so a
** bad one is reported here with its offset.
*/
static void add_pattern(lua_State *L, annot_pipeline *p, const char *fname,
                        lua_Integer i) {
  annot_error err;
  if (!lua_istable(L, -1))
    option_error(L, fname, "patterns", i, "a table {label, pattern} expected");
  lua_geti(L, -1, 1);
  lua_geti(L, -2, 2);
  if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING)
    option_error(L, fname, "patterns", i, "a table {label, pattern} expected");
  if (annot_pipeline_add_pattern(p, lua_tostring(L, -2),
                                 lua_tostring(L, -1), &err))
    option_error(L, fname, "patterns", i, err.message);
  lua_pop(L, 2);
}

/*
** Add each item of the list option 'name' of the options at 'optidx' to
** 'p' with 'add'.  The list is walked up to its first nil, as ipairs
** does; it stays on the stack, so the strings read from it stay alive
** for the core call that copies them.
*/
static void add_list(lua_State *L, annot_pipeline *p, int optidx,
                     const char *fname, const char *name, item_adder add) {
  if (push_list_option(L, optidx, fname, name)) {
    for (lua_Integer i = 1; lua_geti(L, -1, i) != LUA_TNIL; i++) {
      add(L, p, fname, i);
      lua_pop(L, 1);
    }
    lua_pop(L, 1);   /* the nil that ended the list */
  }
  lua_pop(L, 1);
}

/*
** Add the 'lexicons', 'entries' and 'patterns' of the options at
** 'optidx' to the pipeline 'p'; raises with the core's message.
*/
static void add_options(lua_State *L, annot_pipeline *p, int optidx,
                        const char *fname) {
  add_list(L, p, optidx, fname, "lexicons", add_lexicon);
  add_list(L, p, optidx, fname, "entries", add_entry);
  add_list(L, p, optidx, fname, "patterns", add_pattern);
}

/*
** Read the options that 'annot_pipeline_new' takes from the table at
** 'optidx' into 'o'.
*/
static void core_options(lua_State *L, int optidx, const char *fname,
                         annot_options *o) {
  memset(o, 0, sizeof *o);
  int t = lua_getfield(L, optidx, "default_lexicon");
  if (t == LUA_TBOOLEAN) o->no_default_lexicon = !lua_toboolean(L, -1);
  else if (t != LUA_TNIL)
    option_error(L, fname, "default_lexicon", 0, "a boolean expected");
  lua_pop(L, 1);
  t = lua_getfield(L, optidx, "stages");
  if (t != LUA_TNIL) {
    const char *s = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
    /* the core reads 0 as "all": tokens only has a bit of its own */
    if (strcmp(s, "tokens") == 0) o->stages = ANNOT_STAGE_TOKENS;
    else if (strcmp(s, "entities") == 0) o->stages = ANNOT_STAGE_ENTITIES;
    else if (strcmp(s, "all") == 0) o->stages = ANNOT_STAGE_ALL;
    else
      option_error(L, fname, "stages", 0,
                   "\"tokens\", \"entities\" or \"all\" expected");
  }
  lua_pop(L, 1);
  o->match_limit = (uint32_t)lannot_intoption(L, optidx, fname,
                                              "match_limit", 0);
  o->depth_limit = (uint32_t)lannot_intoption(L, optidx, fname,
                                              "depth_limit", 0);
}

/*
** Push a new pipeline built from the options table at 'optidx' (0 or a
** nil value: the defaults).  'fname' names the caller in errors.
** Returns 1 (the pipeline is on the top).
*/
int lpipeline_new(lua_State *L, int optidx, const char *fname) {
  annot_options o;
  int hasopts = optidx != 0 && !lua_isnoneornil(L, optidx);
  if (hasopts) {
    luaL_checktype(L, optidx, LUA_TTABLE);
    lannot_checkoptions(L, optidx, fname, pipeline_options);
    core_options(L, optidx, fname, &o);
  }
  /* the userdata first, so that a raise below frees the pipeline */
  lpipeline *lp = lua_newuserdatauv(L, sizeof *lp, 0);
  lp->p = NULL;
  luaL_setmetatable(L, ANNOT_PIPELINE_T);
  annot_error err;
  lp->p = annot_pipeline_new(hasopts ? &o : NULL, &err);
  if (lp->p == NULL) return luaL_error(L, "%s: %s", fname, err.message);
  if (hasopts) {
    int top = lua_gettop(L);
    add_options(L, lp->p, optidx, fname);
    lua_settop(L, top);
  }
  return 1;
}

/*
** Push the default pipeline, building it on first use and keeping it in
** the registry.
*/
int lpipeline_push_default(lua_State *L) {
  if (lua_getfield(L, LUA_REGISTRYINDEX, ANNOT_DEFAULT_PIPELINE) == LUA_TNIL) {
    lua_pop(L, 1);
    lpipeline_new(L, 0, "annot.annotate");
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, ANNOT_DEFAULT_PIPELINE);
  }
  return 1;
}

/* }====================================================== */


/* {======================================================
** Annotating many texts on threads
** ======================================================= */

/*
** The length of the list of texts at 'textsidx', having checked that
** every one is a string; raises naming the first that is not.
*/
static lua_Integer check_texts(lua_State *L, int textsidx) {
  luaL_checktype(L, textsidx, LUA_TTABLE);
  lua_Integer n = luaL_len(L, textsidx);
  if (n < 0) n = 0;
  /* check every text before anything is allocated: no number is
  ** silently converted, as the docs must refer to the list's strings */
  for (lua_Integer i = 1; i <= n; i++) {
    if (lua_geti(L, textsidx, i) != LUA_TSTRING) {
      lua_pushfstring(L, "text %d is a %s, not a string", (int)i,
                      luaL_typename(L, -1));
      luaL_argerror(L, textsidx, lua_tostring(L, -1));
    }
    lua_pop(L, 1);
  }
  return n;
}

/* the scratch of one annotate_many call: Lua memory, closed by a
** to-be-closed slot so that a raise frees the docs not yet handed out */
typedef struct docbox {
  size_t n;
  annot_doc **docs;
  annot_error *errs;
  const char **texts;
  size_t *lens;
} docbox;

/*
** __close/__gc of a docbox: free the docs still in it.
*/
static int docbox_close(lua_State *L) {
  docbox *b = luaL_checkudata(L, 1, ANNOT_BOX_T);
  for (size_t i = 0; b->docs != NULL && i < b->n; i++) {
    annot_doc_free(b->docs[i]);
    b->docs[i] = NULL;
  }
  return 0;
}

/*
** Push a list of docs made by the pipeline at 'pipeidx' from the list of
** strings at 'textsidx', on 'threads' threads (0: one per core).  The
** strings stay referenced by the list during the call and by their docs
** afterwards.  Raises on a failure, naming the text.
*/
int lpipeline_annotate_list(lua_State *L, int pipeidx, int textsidx,
                            unsigned threads) {
  annot_pipeline *p = lpipeline_check(L, pipeidx);
  lua_Integer n = check_texts(L, textsidx);
  /* the box and its arrays, all in one Lua userdata */
  size_t each = sizeof(annot_doc *) + sizeof(annot_error) +
                sizeof(const char *) + sizeof(size_t);
  docbox *b = lua_newuserdatauv(L, sizeof *b, 1);
  memset(b, 0, sizeof *b);
  luaL_setmetatable(L, ANNOT_BOX_T);
  lua_toclose(L, -1);
  int boxidx = lua_gettop(L);
  char *mem = lua_newuserdatauv(L, (size_t)n * each + 1, 0);
  lua_setiuservalue(L, boxidx, 1);
  b->texts = (const char **)mem;
  b->lens = (size_t *)(mem + (size_t)n * sizeof(const char *));
  b->errs = (annot_error *)(mem + (size_t)n * (sizeof(const char *) +
                                               sizeof(size_t)));
  b->docs = (annot_doc **)(mem + (size_t)n * (sizeof(const char *) +
                                              sizeof(size_t) +
                                              sizeof(annot_error)));
  for (lua_Integer i = 1; i <= n; i++) {
    lua_geti(L, textsidx, i);
    b->texts[i - 1] = lua_tolstring(L, -1, &b->lens[i - 1]);
    b->docs[i - 1] = NULL;
    lua_pop(L, 1);   /* still referenced by the list */
  }
  b->n = (size_t)n;
  /* the threads only read the strings and the pipeline, and write their
  ** own slots of 'docs' and 'errs': no Lua call happens meanwhile */
  annot_annotate_many(p, (size_t)n, b->texts, b->lens, threads, b->docs,
                      b->errs);
  /* one failure fails the call; the box frees the docs already made */
  for (lua_Integer i = 1; i <= n; i++) {
    if (b->docs[i - 1] == NULL)
      return luaL_error(L, "annotate_many: text %d: %s", (int)i,
                        b->errs[i - 1].message);
  }
  /* hand each doc to a userdata that holds its string; once handed
  ** over, its slot is cleared so that the box does not free it too */
  lua_createtable(L, (int)n, 0);
  for (lua_Integer i = 1; i <= n; i++) {
    lua_geti(L, textsidx, i);
    ldoc_newuserdata(L, lua_gettop(L), pipeidx);
    ldoc *ld = lua_touserdata(L, -1);
    ld->d = b->docs[i - 1];
    ld->text = b->texts[i - 1];
    ld->len = b->lens[i - 1];
    b->docs[i - 1] = NULL;   /* the doc userdata owns it now */
    lua_seti(L, -3, i);
    lua_pop(L, 1);
  }
  return 1;
}

/* }====================================================== */


/* {======================================================
** Many texts to JSON on threads
** ======================================================= */

/* the scratch of one to_json_many call, like the docbox: its arrays are
** Lua memory (user value 1); the JSON strings the threads made are C
** memory, freed by __close even when pushing them raises */
typedef struct jsonbox {
  size_t n;
  annot_json_result *results;
} jsonbox;

/*
** __close/__gc of a jsonbox: free the JSON strings still in it.
*/
static int jsonbox_close(lua_State *L) {
  jsonbox *b = luaL_checkudata(L, 1, ANNOT_JSONBOX_T);
  annot_json_results_free(b->results, b->n);
  return 0;
}

/*
** The prefixes of the 'ids' option at 'idsidx' (0: none): for each id
** (a string of JSON), '"id":<id>,' in a list left on the stack, which
** keeps them alive; 'prefixes[i]' is NULL where there is no id.
** Returns 1 when some text has one.
*/
static int id_prefixes(lua_State *L, int idsidx, lua_Integer n,
                       const char *fname, const char **prefixes,
                       size_t *prefix_lens) {
  int any = 0;
  lua_createtable(L, (int)n, 0);
  for (lua_Integer i = 1; i <= n; i++) {
    prefixes[i - 1] = NULL;
    prefix_lens[i - 1] = 0;
    int t = idsidx != 0 ? lua_geti(L, idsidx, i) : LUA_TNIL;
    if (idsidx != 0) {
      if (t == LUA_TSTRING) {
        /* the id is JSON already (as annot.json.encode writes it) */
        lua_pushfstring(L, "\"id\":%s,", lua_tostring(L, -1));
        prefixes[i - 1] = lua_tolstring(L, -1, &prefix_lens[i - 1]);
        lua_seti(L, -3, i);
        any = 1;
      } else if (t != LUA_TNIL && !(t == LUA_TBOOLEAN && !lua_toboolean(L, -1)))
        luaL_error(L, "%s: option 'ids'[%d]: a string of JSON expected",
                   fname, (int)i);
      lua_pop(L, 1);
    }
  }
  return any;
}

/*
** Push the JSON of each string of the list at 'textsidx', annotated by
** the pipeline at 'pipeidx' and exported with 'flags' on 'threads'
** threads (0: one per core): a list with the JSON string of text i at i,
** or false where it failed, then a table of the failures' messages by
** index, or nil when every text went through.  'idsidx' (0: none) is a
** list of ids, each a string of JSON written as the object's first field
** "id".  With 'paths' the strings are paths of files, each read on a
** worker thread; one that cannot be read fails as a text would, with
** "<path>: <reason>".  'fname' names the caller in errors.  Returns 2.
*/
int lpipeline_json_list(lua_State *L, int pipeidx, int textsidx, int idsidx,
                        unsigned threads, unsigned flags, int paths,
                        const char *fname) {
  annot_pipeline *p = lpipeline_check(L, pipeidx);
  lua_Integer n = check_texts(L, textsidx);
  if (idsidx != 0) idsidx = lua_absindex(L, idsidx);
  jsonbox *b = lua_newuserdatauv(L, sizeof *b, 1);
  b->n = 0;
  b->results = NULL;
  luaL_setmetatable(L, ANNOT_JSONBOX_T);
  lua_toclose(L, -1);
  int boxidx = lua_gettop(L);
  /* results, texts, lengths, prefixes and their lengths in one block;
  ** zeroed results free nothing, so the box may close at any point */
  size_t each = sizeof(annot_json_result) + 2 * sizeof(const char *) +
                2 * sizeof(size_t);
  char *mem = lua_newuserdatauv(L, (size_t)n * each + 1, 0);
  lua_setiuservalue(L, boxidx, 1);
  annot_json_result *results = (annot_json_result *)mem;
  mem += (size_t)n * sizeof(annot_json_result);
  const char **texts = (const char **)mem;
  mem += (size_t)n * sizeof(const char *);
  const char **prefixes = (const char **)mem;
  mem += (size_t)n * sizeof(const char *);
  size_t *lens = (size_t *)mem;
  mem += (size_t)n * sizeof(size_t);
  size_t *prefix_lens = (size_t *)mem;
  memset(results, 0, (size_t)n * sizeof *results);
  for (lua_Integer i = 1; i <= n; i++) {
    lua_geti(L, textsidx, i);
    texts[i - 1] = lua_tolstring(L, -1, &lens[i - 1]);
    /* a path is a C string: one holding a NUL would name another file */
    if (paths && strlen(texts[i - 1]) != lens[i - 1])
      luaL_error(L, "%s: path %d holds a NUL byte", fname, (int)i);
    lua_pop(L, 1);   /* still referenced by the list */
  }
  /* the prefix strings stay on the stack until the threads are done */
  int any = id_prefixes(L, idsidx, n, fname, prefixes, prefix_lens);
  b->results = results;
  b->n = (size_t)n;
  /* the threads read the strings and the pipeline and write their own
  ** result slots; no Lua call happens meanwhile */
  size_t failed =
      paths ? annot_json_many_files(p, (size_t)n, texts,
                                    any ? prefixes : NULL,
                                    any ? prefix_lens : NULL, threads, flags,
                                    results)
            : annot_json_many(p, (size_t)n, texts, lens,
                              any ? prefixes : NULL,
                              any ? prefix_lens : NULL, threads, flags,
                              results);
  /* each string is freed as soon as Lua has its copy, so that the peak
  ** is one copy of the batch's JSON, not two */
  lua_createtable(L, (int)n, 0);
  for (lua_Integer i = 1; i <= n; i++) {
    annot_json_result *r = &results[i - 1];
    if (r->json != NULL) lua_pushlstring(L, r->json, r->len);
    else lua_pushboolean(L, 0);
    lua_seti(L, -2, i);
    free(r->json);
    r->json = NULL;
  }
  if (failed == 0) lua_pushnil(L);
  else {
    lua_createtable(L, 0, (int)failed);
    for (lua_Integer i = 1; i <= n; i++) {
      if (lua_rawgeti(L, -2, i) == LUA_TBOOLEAN) {
        lua_pushstring(L, results[i - 1].err.message);
        lua_seti(L, -3, i);
      }
      lua_pop(L, 1);
    }
  }
  return 2;
}

/* }====================================================== */


/* {======================================================
** Methods
** ======================================================= */

/*
** p:annotate(text): a doc.  Stack: pipeline, text.
*/
static int pipeline_annotate(lua_State *L) {
  annot_pipeline *p = lpipeline_check(L, 1);
  size_t len;
  const char *text = luaL_checklstring(L, 2, &len);
  /* the doc userdata first (holding the text and the pipeline), then
  ** the C doc: a raise in between leaves nothing to free */
  ldoc_newuserdata(L, 2, 1);
  ldoc *ld = lua_touserdata(L, -1);
  annot_error err;
  ld->d = annot_annotate(p, text, len, &err);
  if (ld->d == NULL) return luaL_error(L, "annotate: %s", err.message);
  ld->text = text;
  ld->len = len;
  return 1;
}

/*
** p:annotate_many(texts [, {threads = N}]): a list of docs.
*/
static int pipeline_annotate_many(lua_State *L) {
  static const char *const names[] = {"threads", NULL};
  lpipeline_check(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  unsigned threads = 0;
  if (!lua_isnoneornil(L, 3)) {
    luaL_checktype(L, 3, LUA_TTABLE);
    lannot_checkoptions(L, 3, "annotate_many", names);
    threads = (unsigned)lannot_intoption(L, 3, "annotate_many", "threads", 0);
  }
  return lpipeline_annotate_list(L, 1, 2, threads);
}

/*
** __gc and __close: free the pipeline; safe twice.
*/
static int pipeline_gc(lua_State *L) {
  lpipeline *lp = luaL_checkudata(L, 1, ANNOT_PIPELINE_T);
  annot_pipeline_free(lp->p);
  lp->p = NULL;
  return 0;
}

/*
** __tostring: "annot.Pipeline (0x...)".
*/
static int pipeline_tostring(lua_State *L) {
  lpipeline *lp = luaL_checkudata(L, 1, ANNOT_PIPELINE_T);
  if (lp->p == NULL) lua_pushliteral(L, "annot.Pipeline (freed)");
  else lua_pushfstring(L, "annot.Pipeline (%p)", (void *)lp->p);
  return 1;
}

/*
** p:to_json_many(texts [, {threads = N, tokens = false, ids = {...},
** paths = true}]): the JSON of each text (or, with 'paths', of each file
** named) and the errors by index (see lpipeline_json_list).
*/
static int pipeline_to_json_many(lua_State *L) {
  static const char *const names[] = {"threads", "tokens", "ids", "paths",
                                      NULL};
  lpipeline_check(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  lua_settop(L, 3);
  unsigned threads = 0, flags = 0;
  int idsidx = 0, paths = 0;
  if (!lua_isnil(L, 3)) {
    luaL_checktype(L, 3, LUA_TTABLE);
    lannot_checkoptions(L, 3, "to_json_many", names);
    threads = (unsigned)lannot_intoption(L, 3, "to_json_many", "threads", 0);
    if (!lannot_booloption(L, 3, "to_json_many", "tokens", 1))
      flags |= ANNOT_JSON_NO_TOKENS;
    paths = lannot_booloption(L, 3, "to_json_many", "paths", 0);
    idsidx = lannot_listoption(L, 3, "to_json_many", "ids");
  }
  return lpipeline_json_list(L, 1, 2, idsidx, threads, flags, paths,
                             "to_json_many");
}

static const luaL_Reg pipeline_methods[] = {
  {"annotate", pipeline_annotate},
  {"annotate_many", pipeline_annotate_many},
  {"to_json_many", pipeline_to_json_many},
  {NULL, NULL}
};

static const luaL_Reg pipeline_metamethods[] = {
  {"__index", NULL},   /* the methods table */
  {"__gc", pipeline_gc},
  {"__close", pipeline_gc},
  {"__tostring", pipeline_tostring},
  {NULL, NULL}
};

/*
** Create the metatables of annot.Pipeline, of the docbox and of the
** jsonbox.
*/
void lpipeline_open(lua_State *L) {
  luaL_newmetatable(L, ANNOT_PIPELINE_T);
  luaL_setfuncs(L, pipeline_metamethods, 0);
  luaL_newlibtable(L, pipeline_methods);
  luaL_setfuncs(L, pipeline_methods, 0);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
  luaL_newmetatable(L, ANNOT_BOX_T);
  lua_pushcfunction(L, docbox_close);
  lua_setfield(L, -2, "__close");
  lua_pushcfunction(L, docbox_close);
  lua_setfield(L, -2, "__gc");
  lua_pop(L, 1);
  luaL_newmetatable(L, ANNOT_JSONBOX_T);
  lua_pushcfunction(L, jsonbox_close);
  lua_setfield(L, -2, "__close");
  lua_pushcfunction(L, jsonbox_close);
  lua_setfield(L, -2, "__gc");
  lua_pop(L, 1);
}

/* }====================================================== */
