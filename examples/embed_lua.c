/*
** embed_lua.c: a C host that embeds Lua and runs a script that uses annot.
** It makes 'require "annot"' find the Lua layer in ./lua and the C module
** in ./build (or in $ANNOT_LUA_DIR and $ANNOT_BUILD), runs the script with
** the files as its arguments, and reports errors with a traceback.
**
**   build/embed_lua [-s SCRIPT] FILE...
**
** The script defaults to examples/host_script.lua.  It receives the file
** names in 'arg' (arg[0] is the script) and as '...'.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lua.h"
#include "lauxlib.h"
#include "lualib.h"

#define DEFAULT_SCRIPT "examples/host_script.lua"

/*
** The message handler: add a traceback to the error message.
** Stack: the error object; leaves the message with its traceback.
*/
static int msghandler(lua_State *L) {
  const char *msg = lua_tostring(L, 1);
  if (msg == NULL) {
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
      return 1;
    msg = lua_pushfstring(L, "(error object is a %s value)",
                          luaL_typename(L, 1));
  }
  luaL_traceback(L, L, msg, 1);
  return 1;
}

/*
** Put 'dir/?.lua;dir/?/init.lua' (or 'dir/?.so') in front of
** package.path (or cpath).
*/
static void prepend_path(lua_State *L, const char *field, const char *dir,
                         const char *patterns) {
  lua_getglobal(L, "package");
  lua_getfield(L, -1, field);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  const char *p = patterns;
  /* each pattern of 'patterns' (';'-separated) gets the directory */
  while (*p) {
    const char *end = strchr(p, ';');
    size_t n = end ? (size_t)(end - p) : strlen(p);
    luaL_addstring(&b, dir);
    luaL_addchar(&b, '/');
    luaL_addlstring(&b, p, n);
    luaL_addchar(&b, ';');
    p += n + (end != NULL);
  }
  lua_pushvalue(L, -2);   /* the old path */
  luaL_addvalue(&b);
  luaL_pushresult(&b);
  lua_setfield(L, -3, field);
  lua_pop(L, 2);
}

/*
** Everything that runs in protected mode: set the paths, load the script,
** set 'arg', and call it.  Stack: argc, argv (light userdata), script.
*/
static int run(lua_State *L) {
  int argc = (int)lua_tointeger(L, 1);
  char **argv = lua_touserdata(L, 2);
  const char *script = lua_tostring(L, 3);
  luaL_openlibs(L);
  const char *luadir = getenv("ANNOT_LUA_DIR");
  const char *build = getenv("ANNOT_BUILD");
  prepend_path(L, "path", luadir ? luadir : "lua", "?.lua;?/init.lua");
  prepend_path(L, "cpath", build ? build : "build", "?.so");
  /* arg: the script at 0, the files from 1 */
  lua_createtable(L, argc, 1);
  lua_pushstring(L, script);
  lua_rawseti(L, -2, 0);
  for (int i = 0; i < argc; i++) {
    lua_pushstring(L, argv[i]);
    lua_rawseti(L, -2, i + 1);
  }
  lua_setglobal(L, "arg");
  lua_pushcfunction(L, msghandler);
  int h = lua_gettop(L);
  if (luaL_loadfile(L, script) != LUA_OK) return lua_error(L);
  for (int i = 0; i < argc; i++) lua_pushstring(L, argv[i]);
  if (lua_pcall(L, argc, 0, h) != LUA_OK) return lua_error(L);
  return 0;
}

int main(int argc, char **argv) {
  const char *script = DEFAULT_SCRIPT;
  int first = 1;
  if (argc > 2 && strcmp(argv[1], "-s") == 0) {
    script = argv[2];
    first = 3;
  }
  if (first >= argc) {
    fprintf(stderr, "usage: %s [-s SCRIPT] FILE...\n", argv[0]);
    return 2;
  }
  lua_State *L = luaL_newstate();
  if (L == NULL) {
    fprintf(stderr, "embed_lua: cannot create a Lua state\n");
    return 1;
  }
  lua_pushcfunction(L, run);
  lua_pushinteger(L, argc - first);
  lua_pushlightuserdata(L, argv + first);
  lua_pushstring(L, script);
  int status = lua_pcall(L, 3, 0, 0);
  if (status != LUA_OK) {
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "embed_lua: %s\n", msg ? msg : "(error without message)");
  }
  lua_close(L);   /* runs the __gc of every doc and pipeline */
  return status == LUA_OK ? 0 : 1;
}
