/*
** ltypes.h: what the Lua glue files (lannot.c, lpipeline.c, ldoc.c,
** lspan.c) share: the names of the userdata types, their layouts, and the
** helpers one file offers the others.  Only glue files include this.
*/
#ifndef ANNOT_LTYPES_H
#define ANNOT_LTYPES_H

#include "lua.h"
#include "lauxlib.h"

#include "annot.h"

/* metatable names in the registry */
#define ANNOT_PIPELINE_T "annot.Pipeline"
#define ANNOT_DOC_T      "annot.Doc"
#define ANNOT_SPAN_T     "annot.Span"
#define ANNOT_BOX_T      "annot.DocBox"   /* scratch docs of annotate_many */
#define ANNOT_JSONBOX_T  "annot.JsonBox"  /* scratch JSON of to_json_many */

/* registry key of the default pipeline, built on first use */
#define ANNOT_DEFAULT_PIPELINE "annot.default_pipeline"

/* a pipeline userdata; 'p' is NULL once freed */
typedef struct lpipeline {
  annot_pipeline *p;
} lpipeline;

/* A doc userdata.  User value 1 is its text (a Lua string, so 'text'
** stays valid), user value 2 its pipeline userdata.  'd' is NULL once
** closed. */
typedef struct ldoc {
  annot_doc *d;
  const char *text;
  size_t len;
} ldoc;

/* the layers a span object can belong to */
enum lspan_layer {
  LSPAN_SENTENCE = 0, LSPAN_PARAGRAPH, LSPAN_MENTION, LSPAN_QUOTE
};

/* a span userdata: its doc is user value 1; it stores only an index */
typedef struct lspan {
  uint32_t index;   /* 0-based, in its layer */
  int layer;        /* enum lspan_layer */
} lspan;

/* lpipeline.c */
annot_pipeline *lpipeline_check(lua_State *L, int arg);
int lpipeline_new(lua_State *L, int optidx, const char *fname);
int lpipeline_push_default(lua_State *L);
int lpipeline_annotate_list(lua_State *L, int pipeidx, int textsidx,
                            unsigned threads);
/* push the list of JSON strings (false where a text failed) and the
** table of error messages by index (nil when none failed) for the list
** of strings at 'textsidx'; 'idsidx' (0: none) the list of ids as JSON,
** each written first in its object; 'flags' are annot_doc_to_json's;
** with 'paths' the strings are file paths, read on the threads */
int lpipeline_json_list(lua_State *L, int pipeidx, int textsidx, int idsidx,
                        unsigned threads, unsigned flags, int paths,
                        const char *fname);
void lpipeline_open(lua_State *L);

/* ldoc.c */
ldoc *ldoc_check(lua_State *L, int arg);
annot_doc *ldoc_checkopen(lua_State *L, int arg);
annot_doc *ldoc_toopen(lua_State *L, int idx);
void ldoc_newuserdata(lua_State *L, int textidx, int pipeidx);
void ldoc_open(lua_State *L);

/* lspan.c */
void lspan_push(lua_State *L, int docidx, int layer, uint32_t index);
void lspan_open(lua_State *L);

/* lannot.c: raise "<fname>: option '<name>': unknown" unless every key of
** the table at 'idx' is one of 'names' (NULL-terminated) */
void lannot_checkoptions(lua_State *L, int idx, const char *fname,
                         const char *const names[]);
/* an unsigned option of the table at 'idx', 'def' when absent */
lua_Integer lannot_intoption(lua_State *L, int idx, const char *fname,
                             const char *name, lua_Integer def);
/* a boolean option of the table at 'idx', 'def' when absent */
int lannot_booloption(lua_State *L, int idx, const char *fname,
                      const char *name, int def);
/* push the list option 'name' of the table at 'idx' and return its
** stack index, or push nothing and return 0 when it is absent */
int lannot_listoption(lua_State *L, int idx, const char *fname,
                      const char *name);

#endif
